using System.Text.RegularExpressions;
using MinistryNews.Core.Organisations;

namespace MinistryNews.Core.Extraction;

/// <summary>A ministry or agency an article names, with its country (none for an international body).</summary>
public sealed record ExtractedOrganisation(string Name, string? Acronym, string? CountryCode, string Evidence)
{
    /// <summary>The key of the organisation in <c>organisations.json</c>, when the archive knows it.</summary>
    public string? KnownKey { get; init; }

    public string? Rule { get; init; }
}

/// <summary>
/// Finds the ministries and agencies behind the people and events: names built on "Ministry", "Department",
/// "Agency", "Authority", "Office" … ("the Ministry of Home Affairs and Communications of Japan", "China's State
/// Council Information Office", "the Information Management Authority (FICORA)"), known acronyms (MIC, MOFA, MeitY,
/// ITU), and the ministry a title names ("Minister of Technology and Communications" of Laos).
/// </summary>
public sealed partial class OrganisationReader(OrganisationDirectory directory, Lexicon lexicon, string homeCountry)
{
    [GeneratedRegex(@"^(?:(?:Deputy|Vice)\s+)?Minister$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex BareMinister();

    [GeneratedRegex(@"\s+(?:at|in)\s+.*$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PlaceOfPosting();

    [GeneratedRegex(@"^(?:(?:Deputy|Vice|State|First|Acting|Permanent)\s+)*(?:Minister|Secretary of State|State Secretary)\s+(?:of|for)\s+(?:the\s+)?(?<area>.+)$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MinisterOf();

    [GeneratedRegex(@"(?<name>(?:Ministry|Department|Agency|Authority|Office)\s+(?:of|for)\s+.+)$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OrganisationInTitle();

    private readonly List<ExtractedOrganisation> _found = [];

    public IReadOnlyList<ExtractedOrganisation> Organisations => _found;

    public void Read(IReadOnlyList<Sentence> sentences, IReadOnlyList<PersonDraft> people, PartialDate? published = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(people);
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var t = 0; t < sentence.Tokens.Count; t++)
            {
                if (sentence.Tokens[t] is { IsCapitalized: true } token && Heads.Contains(token.Folded))
                {
                    // A name read to its end is not read again from a head inside it ("State Council Information Office").
                    t = Math.Max(t, Read(sentence, t));
                }
            }

            for (var match = directory.AcronymPattern.Match(sentence.Text); match.Success; match = match.NextMatch())
            {
                if (directory.FindByAcronym(match.Value, homeCountry) is { } known)
                {
                    Add(new ExtractedOrganisation(known.Name, known.Acronym, known.Country, sentence.Text) { KnownKey = known.Key, Rule = "known acronym" });
                }
            }
        }

        // The ministry a person's title names, in the person's country.
        foreach (var person in people)
        {
            if (OrganisationOf(person) is { } organisation)
            {
                var added = Add(organisation with { Evidence = person.Evidence.Text, Rule = "ministry of a title" });
                person.Organisation = added.Name;
            }
        }

        // "Deputy Minister Phan Tam" in the ministry's own news is one of its own ministers: the home ministry the
        // article names, else the one of its lineage in office on the publication date.
        var home = _found.FirstOrDefault(o => o.KnownKey is { } key && directory.FindByKey(key)?.Home == true)
            ?? (directory.HomeMinistryOn(published) is { } inOffice ? new ExtractedOrganisation(inOffice.Name, inOffice.Acronym, inOffice.Country, string.Empty) { KnownKey = inOffice.Key } : null);
        foreach (var person in people.Where(p => p.Organisation is null && p.CountryCode == homeCountry && p.Title is { } t
            && BareMinister().IsMatch(t)))
        {
            if (home is not null)
            {
                person.Organisation = Add(home with { Evidence = person.Evidence.Text, Rule = "a minister of the ministry's own" }).Name;
            }
        }
    }

    private ExtractedOrganisation? OrganisationOf(PersonDraft person)
    {
        if (person.Title is not { } title)
        {
            return null;
        }

        string? name = null;
        if (OrganisationInTitle().Match(title) is { Success: true } inTitle)
        {
            name = inTitle.Groups["name"].Value;
        }
        else if (MinisterOf().Match(title) is { Success: true } minister)
        {
            var area = minister.Groups["area"].Value;
            // "Deputy Prime Minister and Minister of Finance": the ministry is the last office's.
            var last = area.LastIndexOf(" and Minister of ", StringComparison.Ordinal);
            name = "Ministry of " + (last >= 0 ? area[(last + " and Minister of ".Length)..] : area);
        }

        name = name is null ? null : PlaceOfPosting().Replace(name, string.Empty);
        return name is null ? null : Canonical(name, null, person.CountryCode, string.Empty);
    }

    /// <summary>Reads the organisation named around the head word at <paramref name="headIndex"/>; returns the index of its last word.</summary>
    private int Read(Sentence sentence, int headIndex)
    {
        var text = sentence.Text;
        var tokens = sentence.Tokens;
        string? country = null;

        // Words before the head belong to the name ("State Council Information Office", "Finnish Innovation Foundation")
        // as far as they are capitalised; a possessive place before them ("Japan's") is the country, not the name.
        var first = headIndex;
        while (first > 0 && headIndex - first < 5 && tokens[first - 1] is var before
            && (before.IsCapitalized || before.Text == "&") && !StopWords.Contains(before.Text) && before.Folded is not ("minister" or "ministers")
            && !Heads.Contains(before.Folded))
        {
            var place = PlaceAt(sentence, before);
            if (place is not null && before.Possessive)
            {
                country = place.Code;
                break;
            }

            if (place is not null && !before.Text.Contains('-', StringComparison.Ordinal))
            {
                country ??= place.Code;
            }

            first--;
            if (before.Possessive)
            {
                break;
            }
        }

        if (first < headIndex && tokens[first].Possessive)
        {
            first++;
        }

        // After the head: "of"/"for" and organisation words, a comma before more of them ("Digital, Culture, Media and
        // Sport"); a new organisation ("and the Ministry of …"), a title or a name ends it.
        var last = headIndex;
        var i = headIndex + 1;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Text is "of" or "for" && i + 1 < tokens.Count && ContinuesName(sentence, i + 1, afterOf: true))
            {
                i++;
                continue;
            }

            if (token.Text is "and" or "&" or "," && i + 1 < tokens.Count && ContinuesName(sentence, i + 1, afterOf: false))
            {
                i++;
                continue;
            }

            if (token.Text == "the" && i + 1 < tokens.Count && tokens[i - 1].Text is "of" or "for" && ContinuesName(sentence, i + 1, afterOf: true))
            {
                i++;
                continue;
            }

            if (token.IsCapitalized && (lexicon.OrgWords.Contains(token.Folded) || token.IsAcronym || PlaceAt(sentence, token) is { Kind: not PlaceKind.City })
                && !lexicon.TitleHeads.Contains(token.Folded) && tokens[i - 1].Text is not "," and not "and" || token.IsCapitalized && tokens[i - 1].Text is "of" or "for" or "the" or "," or "and" or "&")
            {
                if (PlaceAt(sentence, token) is { Kind: not PlaceKind.City } place)
                {
                    // "… of Japan": the country, the end of the name.
                    if (tokens[i - 1].Text is "of" or "the")
                    {
                        country = place.Code;
                        break;
                    }
                }

                last = i;
                i++;
                continue;
            }

            break;
        }

        while (last > headIndex && tokens[last].Text is "of" or "for" or "and" or "the" or "," or "&")
        {
            last--;
        }

        var name = text[tokens[first].Start..tokens[last].End];
        if (name.Split(' ').Length < 2)
        {
            return last;
        }

        var acronym = last + 3 < tokens.Count && tokens[last + 1].Text == "(" && tokens[last + 2].IsWord && tokens[last + 3].Text == ")"
            && tokens[last + 2].Text.Any(char.IsUpper) && tokens[last + 2].Text.Length <= 12 ? tokens[last + 2].Text : null;
        Add(Canonical(name, acronym, country, text) with { Rule = "name of a ministry or agency" });
        return last;
    }

    private static readonly HashSet<string> StopWords = ["The", "A", "An", "At", "During", "In", "On", "With", "Both", "Its", "His", "Her", "Their", "This", "That", "From", "To", "By"];

    private static readonly HashSet<string> Heads = ["ministry", "department", "agency", "authority", "office", "council", "commission", "institute", "centre", "center", "association", "administration", "bureau", "foundation"];

    /// <summary>Whether the word at <paramref name="i"/> goes on with the name: an organisation word, or any capitalised word after "of", not a new organisation or a person's title.</summary>
    private bool ContinuesName(Sentence sentence, int i, bool afterOf)
    {
        var tokens = sentence.Tokens;
        var token = tokens[i];
        if (token.Text == "the")
        {
            return afterOf && i + 1 < tokens.Count && ContinuesName(sentence, i + 1, afterOf);
        }

        if (!token.IsCapitalized || lexicon.TitleHeads.Contains(token.Folded) || (!afterOf && Heads.Contains(token.Folded)))
        {
            return false;
        }

        var place = PlaceAt(sentence, token);
        if (place is not null && place.Kind != PlaceKind.City)
        {
            return afterOf && !token.Possessive;
        }

        return afterOf || lexicon.OrgWords.Contains(token.Folded);
    }

    private static PlaceMention? PlaceAt(Sentence sentence, Token token) =>
        sentence.Places.FirstOrDefault(p => token.Start >= p.Index && token.Start < p.End);

    /// <summary>The organisation as the directory knows it, else as written; a ministry of information and communications without a country is the ministry's own.</summary>
    private ExtractedOrganisation Canonical(string name, string? acronym, string? country, string evidence)
    {
        var known = directory.Find(name, country)
            ?? (country is null ? directory.Find(name, homeCountry) : null)
            ?? (acronym is null ? null : directory.FindByAcronym(acronym, country ?? homeCountry));
        if (known is not null && (country is null || known.Country == country))
        {
            return new ExtractedOrganisation(known.Name, known.Acronym, known.Country, evidence) { KnownKey = known.Key };
        }

        return new ExtractedOrganisation(name, acronym, country, evidence);
    }

    private ExtractedOrganisation Add(ExtractedOrganisation organisation)
    {
        var existing = _found.FindIndex(o => TextFolding.Fold(o.Name) == TextFolding.Fold(organisation.Name)
            && (o.CountryCode == organisation.CountryCode || o.CountryCode is null || organisation.CountryCode is null));
        if (existing < 0)
        {
            _found.Add(organisation);
            return organisation;
        }

        var merged = _found[existing] with
        {
            Acronym = _found[existing].Acronym ?? organisation.Acronym,
            CountryCode = _found[existing].CountryCode ?? organisation.CountryCode,
            KnownKey = _found[existing].KnownKey ?? organisation.KnownKey,
        };
        _found[existing] = merged;
        return merged;
    }
}
