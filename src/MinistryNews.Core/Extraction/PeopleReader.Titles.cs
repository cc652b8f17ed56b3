using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>The titles of officials: where one starts and ends, the country it names, and the shapes a name takes around it.</summary>
public sealed partial class PeopleReader
{
    /// <summary>
    /// A title read from the text: where it ends, its words without the country, the country it names ("… of Japan"), and
    /// whether it is plural ("Deputy Ministers", read as the title of each person after it).
    /// </summary>
    private sealed record Title(int End, string Text, string? Country, string? PossessiveCountry, bool Plural);

    /// <summary>
    /// Where a title starts: a title word ("Minister", "Deputy"), or the words of an area right before one ("Foreign
    /// Minister", "Labour Minister", "National Assembly Chairman") that do not end an organisation's name ("… of Labour").
    /// </summary>
    private bool StartsTitle(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        if (!tokens[i].IsCapitalized || !lexicon.OrgWords.Contains(tokens[i].Folded))
        {
            return false;
        }

        if (lexicon.TitleHeads.Contains(tokens[i].Folded))
        {
            return true;
        }

        for (var k = i + 1; k < tokens.Count && k <= i + 2; k++)
        {
            if (IsTitleHead(tokens[k]))
            {
                return IsAreaWord(sentence, tokens[i]) && (i == 0 || !(tokens[i - 1].Text is "of" or "&" || IsAreaWord(sentence, tokens[i - 1])));
            }

            if (!IsAreaWord(sentence, tokens[k]))
            {
                return false;
            }
        }

        return false;
    }

    private bool IsTitleHead(Token token) => token.IsCapitalized && lexicon.TitleHeads.Contains(token.Folded);

    private bool IsAreaWord(Sentence sentence, Token token) =>
        token.IsCapitalized && !token.IsAcronym && lexicon.OrgWords.Contains(token.Folded) && !Connectors.Contains(token.Folded)
        && !lexicon.TitleHeads.Contains(token.Folded) && PlaceAt(sentence, token) is null;

    private Title? ReadTitle(Sentence sentence, int start)
    {
        var tokens = sentence.Tokens;
        var end = start;
        var hasCore = false;
        var lastCore = -1;
        var afterOf = false;
        string? ofCountry = null;
        string? possessiveCountry = null;
        string? cityCountry = null;
        var ofCountryStart = -1;
        while (end < tokens.Count)
        {
            var token = tokens[end];

            // "Deputy Minister Lieutenant General Nguyen Van A", "Minister of National Defence General Phan Van Giang": a rank
            // ends the title ("Director General", "Secretary General" do not).
            if (end > start && RankEnd(tokens, end, out var rankWords) > end
                && (rankWords > 1 || !lexicon.OrgWords.Contains(token.Folded) || !IsTitleHead(tokens[end - 1]) || tokens[end - 1].Folded is "minister" or "ministers")
                && StartsName(sentence, HonorificsEnd(tokens, end, out _)))
            {
                break;
            }

            var place = PlaceAt(sentence, token);
            if (token.IsWord && token.IsCapitalized && IsOrgWord(token) && !IsSurnameConnector(sentence, tokens, end)
                || token.IsAcronym && !(end > start && !Connectors.Contains(tokens[end - 1].Text) && IsNameInCapitals(sentence, tokens, end, nameStart: true))
                || IsCompoundOfPlaces(sentence, token))
            {
                if (lexicon.TitleHeads.Contains(token.Folded) && !TitleModifiers.Contains(token.Folded))
                {
                    hasCore = true;

                    // The office is named before "of": "Vice President of the Council of Ministers" is one person's title.
                    lastCore = afterOf ? lastCore : end;
                }

                end++;

                // "the Prime Minister's Office" ends a title; "the People's Committee" goes on.
                if (token.Possessive && !(end < tokens.Count && tokens[end].IsCapitalized && lexicon.OrgWords.Contains(tokens[end].Folded)))
                {
                    break;
                }

                continue;
            }

            if (place is not null && place.Kind != PlaceKind.City)
            {
                // Skip the whole place name ("Russian Federation", "Timor Leste").
                var placeEnd = end;
                while (placeEnd < tokens.Count && tokens[placeEnd].Start < place.End)
                {
                    placeEnd++;
                }

                // The words before the place, also when the title took its first words ("… of the Socialist Republic of Vietnam").
                var placeStart = end;
                while (placeStart > start && tokens[placeStart - 1].Start >= place.Index)
                {
                    placeStart--;
                }

                var before = placeStart > start ? tokens[placeStart - 1].Folded : string.Empty;
                var beforeThe = placeStart > start + 1 ? tokens[placeStart - 2].Folded : string.Empty;
                if (tokens[placeEnd - 1].Possessive)
                {
                    possessiveCountry ??= place.Code;
                }
                else if (before == "of" || (before == "the" && beforeThe == "of"))
                {
                    ofCountry = place.Code;
                    ofCountryStart = before == "of" ? placeStart - 1 : placeStart - 2;
                }

                end = placeEnd;
                continue;
            }

            // "Chairman of the People's Committee of Ho Chi Minh City", "Mayor of Seoul": a city the title is of.
            if (place is { Kind: PlaceKind.City } && end > start && AfterOf(tokens, end))
            {
                cityCountry ??= place.Code;
                while (end < tokens.Count && tokens[end].Start < place.End)
                {
                    end++;
                }

                continue;
            }

            // A word the lexicon does not know ("Infocommunications") is still part of the title when the title goes on
            // after it ("… of Brunei"): names are not followed by "of" or "and" and more of a title.
            if (end > start && token.IsCapitalized && UnknownWordsThenTitle(sentence, end) is var resume and > 0)
            {
                end = resume;
                continue;
            }

            if (token.Text == "(" && end + 2 < tokens.Count && tokens[end + 1].IsAcronym && tokens[end + 2].Text == ")")
            {
                end += 3;
                continue;
            }

            // "Joint Secretary (East) Pham Van Long": a word in brackets between a title and the name goes with the title.
            if (end > start && token.Text == "(" && end + 3 < tokens.Count && tokens[end + 1].IsCapitalized && tokens[end + 2].Text == ")"
                && lexicon.TitleHeads.Contains(tokens[end - 1].Folded) && StartsName(sentence, end + 3))
            {
                end += 3;
                continue;
            }

            if (end > start && Connectors.Contains(token.Text) && end + 1 < tokens.Count && ContinuesTitle(sentence, end + 1))
            {
                afterOf |= token.Text is not ("and" or "&");
                end++;
                continue;
            }

            // "…, Global Strategy Agency, Ministry of …": more of the organisation after a comma ("…, Government of Vietnam" and
            // "…, Socialist Republic of Viet Nam" are the country, not the title).
            if (end > start && token.Text == "," && end + 1 < tokens.Count && tokens[end + 1].IsCapitalized
                && lexicon.OrgWords.Contains(tokens[end + 1].Folded) && tokens[end + 1].Folded != "government" && !StartsName(sentence, end + 1)
                && PlaceAt(sentence, tokens[end + 1]) is not { Kind: not PlaceKind.City })
            {
                end++;
                continue;
            }

            // "… for Economic Growth, Energy, and the Environment Jose W. Fernandez": the serial comma before the last area
            // (", and Minister …" starts another person).
            if (end > start && token.Text == "," && end + 2 < tokens.Count && tokens[end + 1].Text == "and" && ContinuesTitle(sentence, end + 2)
                && !StartsTitle(sentence, end + 2))
            {
                end += 2;
                continue;
            }

            break;
        }

        // A title does not end on a connector or a comma.
        while (end > start && (Connectors.Contains(tokens[end - 1].Text) || tokens[end - 1].Text == ","))
        {
            end--;
        }

        if (!hasCore || end == start)
        {
            return null;
        }

        var textEnd = ofCountryStart > start && ofCountry is not null && TitleEndsWithCountry(sentence, ofCountryStart, end) ? ofCountryStart : end;
        var textStart = tokens[start].Start;
        var text = sentence.Text[textStart..tokens[textEnd - 1].End];

        // "Deputy Ministers Jana Dvorak and Milan Horak": each holds the title in the singular.
        var plural = lastCore >= 0 && tokens[lastCore].Folded.EndsWith('s') && lexicon.TitleHeads.Contains(tokens[lastCore].Folded[..^1]);
        if (plural && lastCore < textEnd)
        {
            var at = tokens[lastCore].End - 1 - textStart;
            text = text.Remove(at, 1);
        }

        text = StripPartyMembership(text);
        text = AcronymOrPosting().Replace(text, string.Empty).Trim();
        return new Title(end, text, ofCountry ?? cityCountry, possessiveCountry, plural);
    }

    /// <summary>The most words read in the name of an organisation the lexicon does not know, with its acronym after it.</summary>
    private const int MaxUnknownOrganisationWords = 4;

    private int UnknownWordsThenTitle(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;

        // "Secretary General of Umoja Taifa Party (UTP) Amani Mwinyi": after "of", capitalised words with their acronym in
        // brackets name an organisation, known words or not.
        if (i > 0 && tokens[i - 1].Text is "of" or "the" or "for")
        {
            var words = i;
            while (words < tokens.Count && words - i < MaxUnknownOrganisationWords && tokens[words].IsCapitalized && !tokens[words].IsAcronym)
            {
                words++;
            }

            if (words > i && words + 3 < tokens.Count && tokens[words].Text == "(" && tokens[words + 1].IsAcronym && tokens[words + 2].Text == ")"
                && StartsName(sentence, HonorificsEnd(tokens, words + 3, out _)))
            {
                return words;
            }
        }

        var run = i;
        while (run < tokens.Count && tokens[run].IsCapitalized && !lexicon.OrgWords.Contains(tokens[run].Folded) && PlaceAt(sentence, tokens[run]) is null && run - i < 2)
        {
            run++;
        }

        return run > i && run + 1 < tokens.Count && tokens[run].Text is "of" or "for" or "," && TitleThenName(sentence, run + 1) ? run : -1;
    }

    /// <summary>Whether the words from <paramref name="i"/> are more of a title (organisation words, places) and then a name.</summary>
    private bool TitleThenName(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        var seenTitleWord = false;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (PlaceAt(sentence, token) is { Kind: not PlaceKind.City } place)
            {
                if (token.Possessive)
                {
                    return false;
                }

                seenTitleWord = true;
                while (i < tokens.Count && tokens[i].Start < place.End)
                {
                    i++;
                }

                continue;
            }

            // "… and Energy Carlos Vidal, and Vietnamese Minister of Transport …": another title is another person's.
            if (IsTitleHead(token))
            {
                return false;
            }

            if (Connectors.Contains(token.Text) || token.Text == "," || token.IsAcronym || (token.IsCapitalized && IsOrgWord(token)))
            {
                seenTitleWord |= token.IsCapitalized;
                i++;
                continue;
            }

            break;
        }

        if (!seenTitleWord || i >= tokens.Count)
        {
            return false;
        }

        return StartsName(sentence, i) || (tokens[i].Text == "," && StartsName(sentence, i + 1));
    }

    private static bool TitleEndsWithCountry(Sentence sentence, int ofIndex, int end) =>
        sentence.Places.Any(p => p.End == sentence.Tokens[end - 1].End && p.Index > sentence.Tokens[ofIndex].Start);

    /// <summary>"Member of the Party Central Committee, Deputy Prime Minister and …": the membership is not the office.</summary>
    private static string StripPartyMembership(string title)
    {
        const string Prefix = "Member of the Party Central Committee";
        if (title.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = title[Prefix.Length..].TrimStart(',', ' ');
            return rest.Length > 0 ? rest : title;
        }

        return title;
    }

    private bool ContinuesTitle(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        var token = tokens[i];
        if (token.Text is "the" && i + 1 < tokens.Count)
        {
            return ContinuesTitle(sentence, i + 1);
        }

        return token.IsCapitalized && (IsOrgWord(token) || token.IsAcronym || PlaceAt(sentence, token) is { } place && (place.Kind != PlaceKind.City || AfterOf(tokens, i)))
            || IsCompoundOfPlaces(sentence, token)
            || (token.IsCapitalized && UnknownWordsThenTitle(sentence, i) > 0);
    }

    /// <summary>A word of a title or an organisation's name, "People's" and "Women's" too.</summary>
    private bool IsOrgWord(Token token) =>
        lexicon.OrgWords.Contains(token.Folded) || (token.Possessive && lexicon.OrgWords.Contains(TextFolding.Fold(token.Text)));

    private static bool AfterOf(IReadOnlyList<Token> tokens, int i) =>
        i > 0 && (tokens[i - 1].Text == "of" || (i > 1 && tokens[i - 1].Text == "the" && tokens[i - 2].Text == "of"));

    /// <summary>"Vietnam-India", "UK-ASEAN": a hyphenated word made of places and bodies belongs to an organisation's name.</summary>
    private static bool IsCompoundOfPlaces(Sentence sentence, Token token) =>
        token.IsWord && token.Text.Contains('-', StringComparison.Ordinal)
        && sentence.Places.Any(p => p.Index >= token.Start && p.End <= token.End && p.Kind != PlaceKind.City);

    // A loop, not FirstOrDefault with a lambda: this runs for most words of a title and of the names around it.
    private static PlaceMention? PlaceAt(Sentence sentence, Token token)
    {
        var places = sentence.Places;
        for (var i = 0; i < places.Count; i++)
        {
            if (token.Start >= places[i].Index && token.Start < places[i].End)
            {
                return places[i];
            }
        }

        return null;
    }

    /// <summary>"Indonesian Minister…", "the UK's Parliamentary Under-Secretary…", "Myanmar's Deputy Prime Minister…".</summary>
    private static string? TitleCountryBefore(Sentence sentence, int titleStart)
    {
        var start = sentence.Tokens[titleStart].Start;
        foreach (var place in sentence.Places.Where(p => p.Kind != PlaceKind.City && p.End <= start))
        {
            var gap = sentence.Text[place.End..start].Trim();
            if (gap is "" or "'s" or "’s")
            {
                return place.Code;
            }
        }

        return null;
    }

    /// <summary>"the delegation of the Ministry … of Japan headed by Deputy Minister Manabu Sakai": the leader is of the delegation's country.</summary>
    private string? DelegationCountry(Sentence sentence, int nameStart)
    {
        var text = sentence.Text;
        var delegation = text.LastIndexOf("delegation", nameStart, StringComparison.OrdinalIgnoreCase);
        if (delegation < 0)
        {
            return null;
        }

        var between = text[delegation..nameStart];
        if (!between.Contains("led by", StringComparison.OrdinalIgnoreCase) && !between.Contains("headed by", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // "a delegation of the Ministry … of Japan headed by …", or "a Japanese delegation led by …".
        var places = sentence.Places.Where(p => p.Kind != PlaceKind.City && p.Index > delegation && p.End <= nameStart).ToList();
        var adjective = sentence.Places.LastOrDefault(p => p.Kind != PlaceKind.City && p.End <= delegation && text[p.End..delegation].Trim().Length == 0);
        return places.Count > 0 ? places[0].Code : adjective?.Code ?? homeCountry;
    }
}
