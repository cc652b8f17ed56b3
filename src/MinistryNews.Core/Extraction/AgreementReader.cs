using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Reads the documents of an article: a document noun of <see cref="EventLexicon"/> (memorandum, agreement, plan …) with
/// a signing verb before or after it in its clause, its counterpart, signatories, signing date and period of validity.
/// Documents planned or only requested are left out; one told twice is one.
/// </summary>
public sealed partial class AgreementReader(ArticleContext context, EventLexicon lexicon)
{
    [GeneratedRegex(@"^[^.;]{0,40}\b(?:will|to) be signed\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ToBeSigned();

    [GeneratedRegex(@"\bwitness(?:ed|es|ing)?\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Witnessed();

    [GeneratedRegex(@"\b(?:the|this|that)\s+(?:document|documents|memorandum|agreement|deal|MoU|MOU|letter|plan)\s+(?:was|were|had been|has been)\s+signed\s+by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AnaphoricSigning();

    [GeneratedRegex(@"^[^.;]{0,120}?\b(?:was|were)\s+signed\s+by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SignedBy();

    [GeneratedRegex(@"(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)\b(?<n>two|three|four|five|2|3|4|5)\s+(?:(?:new|more|other|separate|bilateral|cooperation|co-operation|important|additional|specific)\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex CountBefore();

    [GeneratedRegex(@"(?:in the period |for the period |valid )?(?:from\s+)?(?<y1>(?:19|20)\d{2})\s*(?:-|–|to|until)\s*(?<y2>(?:19|20)\d{2})|\bfor\s+(?:the\s+)?(?<y>(?:19|20)\d{2})\b(?!\s*-)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ValidityPeriod();

    [GeneratedRegex(@"\b(?:expires?|expired|expiring|valid|in force)\s+(?:until|till|through|in|on)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ValidUntil();

    public void Read(Sentence sentence)
    {
        var text = sentence.Text;
        var nouns = text.AsSpan().ContainsAny(lexicon.DocumentWords) ? lexicon.DocumentNoun.All(text) : [];

        // "The document was signed by Minister X and Minister Y": the signatories of the document just told.
        if (AnaphoricSigning().Match(text) is { Success: true } back && context.Agreements.Count > 0)
        {
            var last = context.Agreements[^1];
            var at = back.Index + back.Length;
            last.Signatories.AddRange(sentence.People.Where(p => p.Start >= at).Select(p => p.Person).Distinct().Except(last.Signatories).ToList());
            nouns.RemoveAll(n => n.Index < at);
        }

        for (var i = 0; i < nouns.Count; i++)
        {
            var noun = nouns[i];
            // "Memorandum of Understanding (MoU)": the acronym repeats the name.
            if (i > 0 && IsAcronymRepeat(text, nouns[i - 1], noun))
            {
                continue;
            }

            var clauseStart = ArticleContext.ClauseStart(text, noun.Index);
            var before = text[clauseStart..noun.Index];
            var after = text[(noun.Index + noun.Length)..];
            var next = i + 1;
            while (next < nouns.Count && IsAcronymRepeat(text, nouns[next - 1], nouns[next]))
            {
                next++;
            }

            var nextNoun = next < nouns.Count ? nouns[next].Index - (noun.Index + noun.Length) : after.Length;
            var afterToNext = after[..nextNoun];
            var verbBefore = lexicon.SigningBefore.Last(before);
            var verbAfter = lexicon.SigningAfter.Match(afterToNext);
            if (verbBefore is null && !verbAfter.Success)
            {
                continue;
            }

            // "expected to sign a new plan" is not a document yet; "the MoU signed in 2022" is one, whatever the clause plans for it.
            var future = verbAfter.Success
                ? ToBeSigned().IsMatch(afterToNext)
                : ArticleContext.FutureMarker().IsMatch(before[..verbBefore!.Index]) || ToBeSigned().IsMatch(afterToNext);
            if (future)
            {
                continue;
            }

            var count = CountBefore().Match(before);
            var plural = Regex.IsMatch(noun.Value, @"(?:s|a|ies)$", RegexOptions.CultureInvariant) && !Regex.IsMatch(noun.Value, @"(?:ies|Ms|Us)$", RegexOptions.CultureInvariant) && !noun.Value.EndsWith("OUs", StringComparison.Ordinal)
                || Regex.IsMatch(noun.Value, @"(?:MoUs|MOUs|treaties|memoranda|memorandums)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (plural && !count.Success)
            {
                continue;
            }

            var kind = lexicon.KindOf(noun);
            var agreement = new AgreementDraft(kind, sentence, verbBefore is not null ? $"{verbBefore.Value.ToLowerInvariant()} a document" : "a document signed or in force");
            var countries = context.ForeignCountries(sentence, 0, text.Length, cities: false);
            var adopted = verbBefore?.Value.Equals("adopted", StringComparison.OrdinalIgnoreCase) == true;
            if (countries.Count > 0)
            {
                agreement.Countries.UnionWith(countries);
            }
            else if (adopted && context.Meetings.Any(m => m.Kind == MeetingKind.Multilateral))
            {
                // Adopted by a conference: no one counterpart.
            }
            else if (context.LastMeeting is { Kind: MeetingKind.Bilateral } last && (ArticleContext.BothSides().IsMatch(text) || ArticleContext.AfterTheMeeting().IsMatch(text)))
            {
                agreement.Countries.UnionWith(last.Countries);
            }
            else
            {
                agreement.NeedsCounterpart = true;
            }

            if (Regex.IsMatch(noun.Value, @"^[\p{Lu}]", RegexOptions.CultureInvariant) && kind is "Declaration")
            {
                var named = Regex.Match(text[..(noun.Index + noun.Length)], @"(?:[\p{Lu}][\p{L}-]*\s+)+Declaration$", RegexOptions.CultureInvariant);
                agreement.Name = named.Success ? named.Value : null;
            }

            // Signatories: the people before "signed", or both sides of the meeting the signing closed.
            // "The document was signed by Minister X and Minister Y": the signatories come after.
            if (SignedBy().Match(afterToNext) is { Success: true } by)
            {
                var at = noun.Index + noun.Length + by.Index + by.Length;
                agreement.Signatories.AddRange(sentence.People.Where(p => p.Start >= at).Select(p => p.Person).Distinct());
            }
            else if (verbBefore is not null && verbBefore.Value.StartsWith("sign", StringComparison.OrdinalIgnoreCase))
            {
                var verbAt = clauseStart + verbBefore.Index;
                agreement.Signatories.AddRange(sentence.People.Where(p => p.End <= verbAt).Select(p => p.Person).Distinct());
                // Those who witnessed a signing did not sign.
                if (Witnessed().IsMatch(text[..verbAt]))
                {
                    agreement.Signatories.Clear();
                }
                else if (agreement.Signatories.Count == 0 && ArticleContext.BothSides().Match(text) is { Success: true } both && both.Index < verbAt && context.LastMeeting is not null)
                {
                    agreement.Signatories.AddRange(context.LastMeeting.Participants);
                }
            }

            ReadValidity(agreement, text, noun.Index + noun.Length, afterToNext);
            // A document a conference adopted dates from the conference (dates near it belong to other things adopted); others from their sentence.
            agreement.SignedOn = ArticleContext.AfterTheMeeting().IsMatch(text) && (context.LastMeeting?.Date ?? context.LastDay) is { } meetingDate ? meetingDate
                : adopted ? context.Meetings.LastOrDefault(m => m.Kind == MeetingKind.Multilateral)?.Date
                : SigningDate(sentence, agreement, verbBefore is null ? -1 : clauseStart + verbBefore.Index, noun.Index + noun.Length);
            agreement.Distinct = count.Success;
            var copies = count.Success ? ArticleContext.Number(count.Groups["n"].Value) : 1;
            for (var c = 0; c < copies; c++)
            {
                AddAgreement(c == 0 ? agreement : Copy(agreement, sentence));
            }
        }
    }

    /// <summary>A document whose text named no counterpart takes the article's.</summary>
    public void Complete(string? mainCounterpart)
    {
        foreach (var agreement in context.Agreements.Where(a => a.NeedsCounterpart && a.Countries.Count == 0 && mainCounterpart is not null))
        {
            agreement.Countries.Add(mainCounterpart!);
        }
    }

    private static bool IsAcronymRepeat(string text, Match previous, Match noun) =>
        noun.Index - (previous.Index + previous.Length) <= 2 && text[..noun.Index].TrimEnd().EndsWith('(');

    private static AgreementDraft Copy(AgreementDraft agreement, Sentence sentence)
    {
        var copy = new AgreementDraft(agreement.Kind, sentence, agreement.Rule)
        {
            Name = agreement.Name,
            NeedsCounterpart = agreement.NeedsCounterpart,
            SignedOn = agreement.SignedOn,
            Valid = agreement.Valid,
            Distinct = true,
        };
        copy.Countries.UnionWith(agreement.Countries);
        copy.Signatories.AddRange(agreement.Signatories);
        return copy;
    }

    private void AddAgreement(AgreementDraft agreement)
    {
        var match = agreement.Distinct ? null : context.Agreements.LastOrDefault(a => !a.Distinct && a.Kind == agreement.Kind
            && (a.Countries.SetEquals(agreement.Countries) || (a.NeedsCounterpart && agreement.Countries.Count > 0 && a.Countries.Count == 0) || (agreement.NeedsCounterpart && agreement.Countries.Count == 0))
            && !(a.SignedOn is { } x && agreement.SignedOn is { } y && x.Year != y.Year));
        if (match is null)
        {
            context.Agreements.Add(agreement);
            return;
        }

        if (match.NeedsCounterpart && match.Countries.Count == 0 && agreement.Countries.Count > 0)
        {
            match.Countries.UnionWith(agreement.Countries);
            match.NeedsCounterpart = false;
        }

        match.SignedOn ??= agreement.SignedOn;
        match.Valid ??= agreement.Valid;
        match.Name ??= agreement.Name;
        match.Signatories.AddRange(agreement.Signatories.Except(match.Signatories).ToList());
    }

    private static void ReadValidity(AgreementDraft agreement, string text, int nounEnd, string afterToNext)
    {
        var period = ValidityPeriod().Match(afterToNext);
        if (period.Success && period.Index < 200)
        {
            agreement.Valid = period.Groups["y"].Success
                ? new Validity(ArticleContext.Year(period.Groups["y"].Value), ArticleContext.Year(period.Groups["y"].Value))
                : new Validity(ArticleContext.Year(period.Groups["y1"].Value), ArticleContext.Year(period.Groups["y2"].Value));
            return;
        }

        var until = ValidUntil().Match(afterToNext);
        if (until.Success && until.Index < 60)
        {
            var date = DateReader.Find(text[(nounEnd + until.Index + until.Length)..], null).FirstOrDefault(d => d.Index == 0);
            if (date is not null)
            {
                agreement.Valid = new Validity(null, date.Start);
            }
        }
    }

    /// <summary>The signing date: a date of the sentence outside the validity, and not between the verb and the document, where dates belong to other things adopted.</summary>

    private static PartialDate? SigningDate(Sentence sentence, AgreementDraft agreement, int verbAt, int nounEnd)
    {
        foreach (var date in sentence.Dates.Where(d => verbAt < 0 || d.Index < verbAt || d.Index >= nounEnd))
        {
            var inValidity = agreement.Valid is { } v && (date.Start == v.From || date.Start == v.To || date.End == v.To);
            if (!inValidity)
            {
                return date.Start;
            }
        }

        return null;
    }
}
