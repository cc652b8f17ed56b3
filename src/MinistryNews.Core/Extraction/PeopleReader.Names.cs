namespace MinistryNews.Core.Extraction;

/// <summary>The names of officials: the words a name is made of, and the honorifics and ranks that come before it.</summary>
public sealed partial class PeopleReader
{
    /// <summary>The most honorifics and ranks read before one name ("His Excellency Datuk Seri", "H.E. Mr."): a bound, so a run of them costs no more than its length.</summary>
    private const int MaxHonorifics = 4;

    /// <summary>The longest name read: six words ("Siti Rohana Awang Haji Osman Ali") with the particles and initials between them.</summary>
    private const int MaxNameWords = 6;

    /// <summary>The words that do not come before a name standing on its own: "the Saigon Hi-Tech Park, Director …" names no one.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> NotBeforeName =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["the", "a", "an", "of", "in", "at", "on", "from", "into", "to"], StringComparer.Ordinal);

    /// <summary>
    /// Whether honorifics or ranks start at <paramref name="i"/> and a name follows them: "Mr. Taro Yamada", "H.E. Mr. To Van
    /// Hai", "Datuk Seri Rahim Osman", "Sr Lt Gen Le Quang Vinh". <paramref name="courtesy"/> tells whether they hold
    /// more than a military rank of one word ("General"), which alone does not make a one-word name a person.
    /// </summary>
    private bool IsHonorific(IReadOnlyList<Token> tokens, int i, out int next, out bool courtesy)
    {
        next = HonorificsEnd(tokens, i, out courtesy);
        return next > i && StartsName(null, tokens, next);
    }

    /// <summary>Where the honorifics and ranks that start at <paramref name="i"/> end; <paramref name="i"/> when none does.</summary>
    private int HonorificsEnd(IReadOnlyList<Token> tokens, int i, out bool courtesy)
    {
        courtesy = false;
        var end = i;
        for (var n = 0; n < MaxHonorifics && end < tokens.Count && tokens[end].IsCapitalized && lexicon.HonorificStarts.Contains(tokens[end].Folded); n++)
        {
            var next = RankEnd(tokens, end, out var words);
            if (next > end)
            {
                courtesy |= words > 1 || lexicon.Honorifics.Contains(tokens[end].Folded);
            }
            else if (lexicon.Honorifics.Contains(tokens[end].Folded) && tokens[end].Folded is not ("his" or "her" or "professor"))
            {
                next = end + 1;
                courtesy = true;
            }
            else
            {
                break;
            }

            if (next < tokens.Count && tokens[next].Text == ".")
            {
                next++;
            }

            end = next;
        }

        return end;
    }

    /// <summary>The end of the rank or honorific of the lexicon's <c>ranks</c> that starts at <paramref name="i"/> ("Tan Sri", "Lt. Gen."), or -1.</summary>
    private int RankEnd(IReadOnlyList<Token> tokens, int i, out int words)
    {
        words = 0;
        if (!tokens[i].IsCapitalized || !lexicon.Ranks.TryGetValue(tokens[i].Folded, out var phrases))
        {
            return -1;
        }

        foreach (var phrase in phrases)
        {
            var j = i;
            var w = 0;
            while (w < phrase.Length && j < tokens.Count)
            {
                if (tokens[j].IsCapitalized && tokens[j].Folded == phrase[w])
                {
                    w++;
                    j++;
                }
                else if (w > 0 && tokens[j].Text is "." or "'" or "’" or "-")
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (w == phrase.Length)
            {
                words = w;
                return j;
            }
        }

        return -1;
    }

    private bool StartsName(Sentence sentence, int i) => StartsName(sentence, sentence.Tokens, i);

    private bool StartsName(Sentence? sentence, IReadOnlyList<Token> tokens, int i) =>
        i < tokens.Count && IsNameWordAt(sentence, tokens, i, nameStart: true);

    private bool IsNameWord(Sentence? sentence, Token token) =>
        token.IsCapitalized && !token.IsAcronym && !lexicon.OrgWords.Contains(token.Folded) && !NotNames.Contains(token.Folded)
        && !lexicon.Honorifics.Contains(token.Folded)
        && (sentence is null || !WithinCountry(sentence.Places, token));

    // A loop, not Any with a lambda: this runs for every capitalised word that may start or continue a name.
    private static bool WithinCountry(IReadOnlyList<PlaceMention> places, Token token)
    {
        for (var i = 0; i < places.Count; i++)
        {
            if (places[i].Kind != PlaceKind.City && token.Start >= places[i].Index && token.End <= places[i].End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word of a name, with what comes next: a family name that is also an English word ("To Minh Khoa"), or one written in capitals ("TANAKA Hiroshi").</summary>
    private bool IsNameWordAt(Sentence? sentence, IReadOnlyList<Token> tokens, int i, bool nameStart) =>
        IsNameWord(sentence, tokens[i]) || IsSurnameConnector(sentence, tokens, i) || IsNameInCapitals(sentence, tokens, i, nameStart);

    /// <summary>"General Secretary To Minh Khoa": a Vietnamese family name that is also a small English word, before more of a name.</summary>
    private bool IsSurnameConnector(Sentence? sentence, IReadOnlyList<Token> tokens, int i) =>
        tokens[i].IsCapitalized && Connectors.Contains(tokens[i].Folded) && lexicon.VietnameseSurnames.Contains(tokens[i].Folded)
        && i + 1 < tokens.Count && IsNameWord(sentence, tokens[i + 1]);

    /// <summary>
    /// A name written in capitals, as Japanese and Korean documents write family names: before a given name ("TANAKA
    /// Hiroshi"), after one ("Hiroshi TANAKA"), or alone right after a title or an honorific ("Minister SUZUKI said"). Not an
    /// acronym the article or the archive knows (MIC, ICT, ASEAN), nor a country's.
    /// </summary>
    private bool IsNameInCapitals(Sentence? sentence, IReadOnlyList<Token> tokens, int i, bool nameStart)
    {
        var token = tokens[i];
        if (!token.IsAcronym || !token.Text.All(char.IsLetter) || IsKnownAcronym(sentence, token))
        {
            return false;
        }

        if (i + 1 < tokens.Count && IsNameWord(sentence, tokens[i + 1]))
        {
            return true;
        }

        var alone = i + 1 >= tokens.Count || !tokens[i + 1].IsCapitalized;
        if (!alone || token.Text.Length < 3 || !token.Text.Any(c => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y'))
        {
            return false;
        }

        return nameStart
            ? i > 0 && (lexicon.TitleHeads.Contains(tokens[i - 1].Folded) || lexicon.Honorifics.Contains(tokens[i - 1].Folded) || tokens[i - 1].Text == ".")
            : i > 0 && IsNameWord(sentence, tokens[i - 1]);
    }

    private bool IsKnownAcronym(Sentence? sentence, Token token) =>
        lexicon.OrgWords.Contains(token.Folded) || bodies?.Contains(token.Text) == true || knownAcronyms?.Contains(token.Text) == true
        || (sentence is not null && WithinPlace(sentence.Places, token));

    /// <summary>Reads a name from <paramref name="start"/>: capitalised words that are not title or organisation words, with particles between them.</summary>
    private int ReadName(Sentence sentence, int start)
    {
        var tokens = sentence.Tokens;
        var end = start;
        while (end < tokens.Count && end - start < MaxNameWords)
        {
            var token = tokens[end];
            if (IsNameWordAt(sentence, tokens, end, nameStart: end == start))
            {
                end++;
                if (token.Possessive)
                {
                    break;
                }

                continue;
            }

            // "Hoang Van Thai": a Vietnamese given name that is also a country's adjective, at the end of the name.
            if (end > start && lexicon.VietnameseSurnames.Contains(tokens[start].Folded) && PlaceAt(sentence, token) is { Kind: PlaceKind.Demonym } demonym
                && demonym.Index == token.Start && demonym.End == token.End && (end + 1 >= tokens.Count || !tokens[end + 1].IsCapitalized))
            {
                end++;
                break;
            }

            // "Nguyen Van An", "Rosnah Abdul Said": inside a name, a capitalised "An", "A" or "Said" is a name, not an article
            // or a verb.
            if (end > start && token.IsCapitalized && token.Folded is "an" or "a" or "said" && (end + 1 >= tokens.Count || tokens[end + 1].Text != "."))
            {
                end++;
                continue;
            }

            // "Omar Khalid A. Rahman": an initial inside a name, before its full stop.
            if (end > start && token.Text.Length == 1 && char.IsUpper(token.Text[0]) && end + 2 < tokens.Count && tokens[end + 1].Text == "."
                && IsNameWord(sentence, tokens[end + 2]))
            {
                end++;
                continue;
            }

            // "Jose W. Fernandez", "S. Krishnan": an initial and its full stop.
            if (token.Text == "." && end > start && tokens[end - 1].Text.Length == 1 && char.IsUpper(tokens[end - 1].Text[0])
                && end + 1 < tokens.Count && IsNameWord(sentence, tokens[end + 1]))
            {
                end++;
                continue;
            }

            // "Ursula von der Leyen": lower-case particles between capitalised words.
            if (end > start && lexicon.NameParticles.Contains(token.Text) && end + 1 < tokens.Count && IsNameWord(sentence, tokens[end + 1]))
            {
                end++;
                continue;
            }

            break;
        }

        while (end > start && lexicon.NameParticles.Contains(tokens[end - 1].Text))
        {
            end--;
        }

        return end;
    }

    /// <summary>A one-word name that may stand for a person: not a place, not a word the article uses for anything else.</summary>
    private bool IsLoneName(Sentence sentence, int i)
    {
        var token = sentence.Tokens[i];
        return token.Text.Length >= 3 && !WithinPlace(sentence.Places, token)
            && (!token.IsAcronym || IsNameInCapitals(sentence, sentence.Tokens, i, nameStart: true));
    }

    /// <summary>The capitalised words of the article's body, other than the first of a sentence.</summary>
    private HashSet<string> BodyWords
    {
        get
        {
            if (_bodyWords is null)
            {
                _bodyWords = new HashSet<string>(StringComparer.Ordinal);
                foreach (var sentence in _sentences.Where(s => s.Segment != SegmentKind.Headline))
                {
                    for (var i = 1; i < sentence.Tokens.Count; i++)
                    {
                        if (sentence.Tokens[i].IsCapitalized)
                        {
                            _bodyWords.Add(sentence.Tokens[i].Folded);
                        }
                    }
                }
            }

            return _bodyWords;
        }
    }

    /// <summary>A person read around a phrase: the index (or -1 when no person came of it), where the name starts and where the phrase ends.</summary>
    private sealed record PhraseMention(int Person, int NameStart, int End);

    /// <summary>
    /// A title in lower case and the name after it, with a comma or without: "director general Pham Van Long", "the
    /// vice-president of the ANC, Thandi Nkosi", "editor-in-chief, Rahim Osman". The name has two words or more.
    /// </summary>
    private PhraseMention? ReadLowerCaseTitle(Sentence sentence, int i)
    {
        // A title in lower case is followed by a name, a comma, an organisation ("of …") or more of the title: most words
        // of running text are followed by none of them and are not looked up.
        var tokens = sentence.Tokens;
        if (!tokens[i].IsWord || tokens[i].Text.Length < 4 || i + 1 >= tokens.Count || !lexicon.MayBeTitleHead(tokens[i].Folded)
            || !(tokens[i + 1].IsCapitalized || tokens[i + 1].Text is "," or "of" or "for" or "at" || lexicon.MayBeTitleHead(tokens[i + 1].Folded))
            || !IsLowerCaseTitleWord(tokens[i]) || (i > 0 && IsLowerCaseTitleWord(tokens[i - 1])))
        {
            return null;
        }

        if (ReadLowerCaseTitleWords(sentence, i) is not { } title)
        {
            return null;
        }

        var titleEnd = title.End;
        var nameStart = titleEnd < tokens.Count && tokens[titleEnd].Text == "," ? titleEnd + 1 : titleEnd;
        nameStart = HonorificsEnd(tokens, nameStart, out _);
        if (!StartsName(sentence, nameStart))
        {
            return null;
        }

        var nameEnd = ReadName(sentence, nameStart);
        if (nameEnd - nameStart < 2 || OverlapsPlace(sentence, nameStart, nameEnd))
        {
            return null;
        }

        var before = OrganisationBefore(sentence, i);
        if (before < i)
        {
            title = title with { Text = sentence.Text[tokens[before].Start..tokens[titleEnd - 1].End] };
        }

        var person = Register(sentence, nameStart, nameEnd, title, TitleCountryBefore(sentence, i), "lower-case title and name");
        return new PhraseMention(person, nameStart, nameEnd);
    }

    /// <summary>The words of a title in lower case from <paramref name="i"/> ("deputy director", "editor-in-chief") and the organisation after them ("… of the ANC"), or null.</summary>
    private Title? ReadLowerCaseTitleWords(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        var end = i;
        var hasCore = false;
        while (end < tokens.Count && end - i < 4 && IsLowerCaseTitleWord(tokens[end]))
        {
            hasCore |= !TitleModifiers.Contains(tokens[end].Folded);
            end++;
        }

        if (!hasCore)
        {
            return null;
        }

        var titleEnd = OrganisationAfter(sentence, end, out var country);
        return new Title(titleEnd, sentence.Text[tokens[i].Start..tokens[titleEnd - 1].End], country, null, Plural: false);
    }

    /// <summary>
    /// Where the name of an organisation right before a title in lower case starts ("Authority of Foreign Information
    /// Service director general"): its words are part of the title. <paramref name="i"/> when no whole name stands there.
    /// </summary>
    private int OrganisationBefore(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        var start = i;
        var named = false;
        while (start > 0 && i - start < 12)
        {
            var token = tokens[start - 1];
            if (token.IsCapitalized && !token.Possessive && (lexicon.OrgWords.Contains(token.Folded) || token.IsAcronym) && PlaceAt(sentence, token) is null)
            {
                named |= !token.IsAcronym;
                start--;
            }
            else if (token.Text is "of" or "and" or "for" or "&")
            {
                start--;
            }
            else
            {
                break;
            }
        }

        while (start < i && Connectors.Contains(tokens[start].Text))
        {
            start++;
        }

        // A name cut in its middle ("… News Agency general director") is not given.
        return named && start < i && (start == 0 || !tokens[start - 1].IsCapitalized || tokens[start - 1].Possessive) ? start : i;
    }

    // Title words have four letters or more ("head", "chief", "minister"): the short words of running text are not looked up.
    private bool IsLowerCaseTitleWord(Token token) =>
        token.IsWord && token.Text.Length >= 4 && char.IsLower(token.Text[0]) && lexicon.TitleHeads.Contains(token.Folded);

    /// <summary>"… of the ANC", "… of the Ministry of Finance of Laos": an organisation after a title in lower case, and the country it names.</summary>
    private int OrganisationAfter(Sentence sentence, int i, out string? country)
    {
        var tokens = sentence.Tokens;
        country = null;
        if (i >= tokens.Count || tokens[i].Text is not ("of" or "for" or "at"))
        {
            return i;
        }

        var end = i + 1;
        while (end < tokens.Count)
        {
            var token = tokens[end];
            if (token.Text is "the" or "of" or "and" or "for" or "&" || token.IsAcronym || (token.IsCapitalized && lexicon.OrgWords.Contains(token.Folded)))
            {
                end++;
            }
            else if (PlaceAt(sentence, token) is { Kind: not PlaceKind.City } place)
            {
                country ??= place.Code;
                end++;
            }
            else if (token.Text == "(" && end + 2 < tokens.Count && tokens[end + 1].IsAcronym && tokens[end + 2].Text == ")")
            {
                end += 3;
            }
            else
            {
                break;
            }
        }

        while (end > i + 1 && Connectors.Contains(tokens[end - 1].Text))
        {
            end--;
        }

        return end > i + 1 ? end : i;
    }

    /// <summary>"his Egyptian counterpart Karim Hassan", "his Indian counterpart, Ravi Shankar": a person of the country named, whose title is the other side's.</summary>
    private PhraseMention? ReadCounterpart(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        if (tokens[i].Text.Length is < 3 or > 5 || tokens[i].Folded is not ("his" or "her" or "their" or "its"))
        {
            return null;
        }

        var j = i + 1;
        string? country = null;
        if (j < tokens.Count && PlaceAt(sentence, tokens[j]) is { Kind: not PlaceKind.City } place)
        {
            country = place.Code;
            while (j < tokens.Count && tokens[j].Start < place.End)
            {
                j++;
            }
        }

        if (j >= tokens.Count || tokens[j].Folded != "counterpart")
        {
            return null;
        }

        var nameStart = j + 1 < tokens.Count && tokens[j + 1].Text == "," ? j + 2 : j + 1;
        nameStart = HonorificsEnd(tokens, nameStart, out _);
        if (!StartsName(sentence, nameStart))
        {
            return null;
        }

        var nameEnd = ReadName(sentence, nameStart);
        var person = Register(sentence, nameStart, nameEnd, null, country, "counterpart and name", courtesy: true);
        return new PhraseMention(person, nameStart, nameEnd);
    }

    /// <summary>A name, a comma and the title it holds.</summary>
    private sealed record Appositive(int NameEnd, Title Title, string? CountryBefore);

    /// <summary>
    /// "Kenji Mori, JICA Director, said", "Anna Berg, Trade Envoy of the Swedish Prime Minister": a name of two words
    /// or more standing on its own, then a comma and a title that ends the phrase (a comma, the end of the sentence, a verb).
    /// </summary>
    private Appositive? NameThenTitle(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        if (!tokens[i].IsCapitalized || (i > 0 && tokens[i - 1].IsCapitalized) || !HasCommaAfter(sentence.Text, tokens[i].End)
            || (i > 0 && NotBeforeName.Contains(tokens[i - 1].Text)) || !IsNameWordAt(sentence, tokens, i, nameStart: false))
        {
            return null;
        }

        var nameEnd = ReadName(sentence, i);
        if (nameEnd - i < 2 || nameEnd + 1 >= tokens.Count || tokens[nameEnd].Text != "," || OverlapsPlace(sentence, i, nameEnd))
        {
            return null;
        }

        // "Chan Sophal, Cambodian Minister of Inspection", "… Hoa, the Vietnamese Minister of …": an adjective before the title is
        // the person's country.
        var titleStart = nameEnd + 1;
        if (tokens[titleStart].Text == "the" && titleStart + 1 < tokens.Count && tokens[titleStart + 1].IsCapitalized)
        {
            titleStart++;
        }

        string? countryBefore = null;
        if (PlaceAt(sentence, tokens[titleStart]) is { Kind: PlaceKind.Demonym } demonym)
        {
            countryBefore = demonym.Code;
            while (titleStart < tokens.Count && tokens[titleStart].Start < demonym.End)
            {
                titleStart++;
            }
        }

        // "Tran Van Binh, deputy director of the Authority of Information Security": a title in lower case.
        if (countryBefore is null && titleStart < tokens.Count && ReadLowerCaseTitleWords(sentence, titleStart) is { } lower)
        {
            return new Appositive(nameEnd, lower, null);
        }

        if (titleStart >= tokens.Count || !(StartsTitle(sentence, titleStart) || tokens[titleStart].IsAcronym))
        {
            return null;
        }

        var title = ReadTitle(sentence, titleStart);
        return title is null || (title.End < tokens.Count && tokens[title.End].IsCapitalized) ? null : new Appositive(nameEnd, title, countryBefore);
    }

    /// <summary>The most characters of a name read before its comma: five long words and the spaces between them.</summary>
    private const int MaxNameCharacters = 80;

    /// <summary>Whether a comma and a word follow within a name's length: the text, not the tokens, is read, since this
    /// is asked at most capitalised words and the answer is mostly no.</summary>
    private static bool HasCommaAfter(string text, int from)
    {
        var comma = text.AsSpan(from, Math.Min(MaxNameCharacters, text.Length - from)).IndexOf(',');
        return comma > 0 && from + comma + 2 < text.Length && text[from + comma + 1] == ' ' && char.IsLetter(text[from + comma + 2]);
    }

    private static bool OverlapsPlace(Sentence sentence, int start, int end)
    {
        var from = sentence.Tokens[start].Start;
        var to = sentence.Tokens[end - 1].End;
        return sentence.Places.Any(p => p.Index < to && p.End > from);
    }
}
