using System.Collections.Frozen;
using System.Text.RegularExpressions;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Extraction;

/// <summary>A person of one article as the <see cref="PeopleReader"/> builds it up over the article's sentences.</summary>
public sealed class PersonDraft(string name, Sentence evidence, string rule)
{
    public string Name
    {
        get;
        set
        {
            field = value;
            Key = PeopleReader.NameKey(value);
        }
    } = name;

    public List<string> Spellings { get; } = [name];

    public string? Title { get; set; }

    /// <summary>Where the title came from: a paragraph's title wins over a caption's or the headline's.</summary>
    public SegmentKind? TitleSegment { get; set; }

    public string? CountryCode { get; set; }

    public bool CountryStated { get; set; }

    /// <summary>An official of an international body ("ITU Secretary-General Houlin Zhao"): no country of their own.</summary>
    public bool OfBody { get; set; }

    public Sentence Evidence { get; set; } = evidence;

    public string Rule { get; set; } = rule;

    /// <summary>The ministry or agency the person's title names.</summary>
    public string? Organisation { get; set; }

    /// <summary>The name's folded words, kept with the name: every name read is compared with every person's key.</summary>
    public string[] Key { get; private set; } = PeopleReader.NameKey(name);

    public bool IsHome(string home) => CountryCode == home;
}

/// <summary>An official named by title alone ("the Minister of Information and Communications"), with the sentence.</summary>
public sealed record UnnamedOfficial(string Title, string? CountryCode, Sentence Sentence);

/// <summary>
/// Finds the officials an article names: a title followed by a name ("Deputy Minister of Communications and Mass Media
/// of the Russian Federation Volin Alexey Konstantinovics"), a title and a comma ("the Lao Minister of Technology and
/// Communications, Boviengkham Vongdara"), an honorific with a name and a title after it ("Ms. Takaichi Sanae - Minister
/// of Home Affairs and Communications of Japan"). Later short forms ("Minister Hung", "Mr. Tuan", "Philp") attach to the
/// full name; variant spellings of one person merge.
/// </summary>
public sealed partial class PeopleReader(Lexicon lexicon, string homeCountry, IReadOnlySet<string>? bodies = null)
{
    [GeneratedRegex(@"(?<!\s)\s*\(\p{Lu}{2,20}\)|(?<!\s)\s+in\s+(?:the\s+)?\p{Lu}[\p{L} ]{0,80}$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AcronymOrPosting();

    private static readonly FrozenSet<string> TitleModifiers = new[]
    {
        "deputy", "vice", "prime", "state", "senior", "executive", "acting", "general", "permanent", "parliamentary", "assistant", "first", "under",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Connectors = new[] { "of", "and", "for", "the", "at", "to", "in", "on", "&" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NotNames = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the", "a", "an", "this", "that", "these", "both", "all",
        "during", "at", "on", "in", "after", "before", "also", "with", "he", "she", "they", "we", "it", "his", "her", "their", "its", "our",
        "said", "says", "photo", "source", "vna", "however", "meanwhile", "accordingly", "especially", "regarding", "speaking", "earlier",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly List<PersonDraft> _people = [];

    // The latest person (by index) whose name ends with, begins with, or holds a word: a short form ("Hung", "Kono") is
    // looked up at every capitalised word of the article, so it is not a walk over everyone read so far.
    private readonly Dictionary<string, int> _byLastWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byAnyWord = new(StringComparer.Ordinal);
    private readonly List<UnnamedOfficial> _unnamed = [];

    public IReadOnlyList<PersonDraft> People => _people;

    /// <summary>Officials named by their title alone, whom no one in the article holds.</summary>
    public IReadOnlyList<UnnamedOfficial> Unnamed => _unnamed;

    /// <summary>
    /// The most people one article may name: far beyond any press release (a few dozen at most), and the ingestion's
    /// default limit of entities an article may name (<c>Archive:Limits:MaxEntitiesPerArticle</c>).
    /// </summary>
    public const int MaxPeople = 2_000;

    /// <summary>Reads the people of all the sentences, then marks where each is mentioned, short forms included.</summary>
    public void Read(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var mentions = new Dictionary<int, List<(int Person, int Start, int End)>>();
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            mentions[sentence.Id] = [.. ReadFullMentions(sentence)];
        }

        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = mentions[sentence.Id];
            found.AddRange(ReadShortMentions(sentence, found));
            sentence.People.AddRange(found
                .GroupBy(m => m.Person)
                .Select(g => g.OrderBy(m => m.Start).First())
                .OrderBy(m => m.Start)
                .Select(m => new PersonMention(m.Person, m.Start, m.End)));
        }
    }

    /// <summary>Gives a country to the people the text did not place: a Vietnamese family name, the one foreign country of their sentence, or the article's counterpart.</summary>
    public void ResolveCountries(string? mainCounterpart)
    {
        foreach (var person in _people.Where(p => p.CountryCode is null && !p.OfBody))
        {
            var foreign = person.Evidence.Places
                .Where(p => p.Kind != PlaceKind.City && p.Code != homeCountry)
                .Select(p => p.Code)
                .Distinct()
                .ToList();
            person.CountryCode = IsVietnameseName(person.Name) ? homeCountry
                : foreign.Count == 1 ? foreign[0]
                : mainCounterpart;
        }
    }

    /// <summary>Folded name tokens, without honorifics: the key names are compared by.</summary>
    public static string[] NameKey(string name) => PersonIdentity.Words(name);

    private bool IsVietnameseName(string name)
    {
        var key = NameKey(name);
        return key.Length >= 2 && lexicon.VietnameseSurnames.Contains(key[0]);
    }

    private IEnumerable<(int Person, int Start, int End)> ReadFullMentions(Sentence sentence)
    {
        var tokens = sentence.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (IsHonorific(tokens, i, out var afterHonorific))
            {
                var nameEnd = ReadName(sentence, afterHonorific);
                if (nameEnd == afterHonorific)
                {
                    continue;
                }

                // "Mr. Guo Weimin, Vice President" / "Ms. Takaichi Sanae - Minister of Home Affairs and Communications of Japan"
                Title? title = null;
                if (nameEnd < tokens.Count - 1 && tokens[nameEnd].Text is "," or "-" or "–" or "—" && IsTitleHead(tokens[nameEnd + 1]))
                {
                    title = ReadTitle(sentence, nameEnd + 1);
                }

                var person = Register(sentence, afterHonorific, nameEnd, title, TitleCountryBefore(sentence, i), title is null ? "honorific and name" : "honorific, name and title");
                if (person >= 0)
                {
                    yield return (person, tokens[i].Start, tokens[nameEnd - 1].End);
                }

                i = (title?.End ?? nameEnd) - 1;
                continue;
            }

            if (!IsTitleHead(token))
            {
                continue;
            }

            var t = ReadTitle(sentence, i);
            if (t is null)
            {
                continue;
            }

            var start = t.End;
            var rule = "title and name";
            if (start + 1 < tokens.Count && tokens[start].Text == "," && StartsName(sentence, start + 1))
            {
                start++;
                rule = "title, comma and name";
            }

            var end = ReadName(sentence, start);
            if (end == start || (rule == "title, comma and name" && end < tokens.Count && tokens[end] is { IsCapitalized: true }))
            {
                i = t.End - 1;
                continue;
            }

            var index = Register(sentence, start, end, t, TitleCountryBefore(sentence, i), rule);
            if (index >= 0 && i > 0 && bodies?.Contains(tokens[i - 1].Text) == true && !_people[index].CountryStated)
            {
                _people[index].OfBody = true;
            }

            if (index >= 0)
            {
                yield return (index, tokens[start].Start, tokens[end - 1].End);
            }

            i = end - 1;
        }
    }

    /// <summary>Short forms of people already known: "Minister Hung", "Mr. Tuan", "Philp introduced…", and a bare title ("the Deputy Minister").</summary>
    private IEnumerable<(int Person, int Start, int End)> ReadShortMentions(Sentence sentence, List<(int Person, int Start, int End)> full)
    {
        foreach (var mention in ReadBareTitles(sentence, full))
        {
            yield return mention;
        }

        foreach (var token in sentence.Tokens)
        {
            if (!token.IsCapitalized || token.IsAcronym || token.Folded.Length < 3 || lexicon.OrgWords.Contains(token.Folded)
                || NotNames.Contains(token.Folded) || WithinMention(full, token) || WithinPlace(sentence.Places, token))
            {
                continue;
            }

            var person = FindByShortForm(token.Folded);
            if (person >= 0)
            {
                yield return (person, token.Start, token.End);
            }
        }
    }

    /// <summary>"The Deputy Minister affirmed…": a title with no name is the one person of the article who holds it.</summary>
    private IEnumerable<(int Person, int Start, int End)> ReadBareTitles(Sentence sentence, List<(int Person, int Start, int End)> full)
    {
        var tokens = sentence.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsTitleHead(tokens[i]) || full.Any(m => tokens[i].Start >= m.Start && tokens[i].Start < m.End))
            {
                continue;
            }

            var title = ReadTitle(sentence, i);
            if (title is null || (title.End < tokens.Count && StartsName(sentence, title.End)))
            {
                continue;
            }

            var holders = HoldersOf(title.Text);
            if (holders.Count == 1)
            {
                yield return (holders[0], tokens[i].Start, tokens[title.End - 1].End);
            }
            else if (holders.Count == 0 && title.Text.Contains(" of ", StringComparison.Ordinal) && !IsUnnamed(sentence, title.Text))
            {
                // "The Minister of Information and Communications received …": someone the article does not name; the
                // store finds who held the title on the article's date.
                _unnamed.Add(new UnnamedOfficial(title.Text, title.Country ?? TitleCountryBefore(sentence, i) ?? title.PossessiveCountry, sentence));
            }

            i = title.End - 1;
        }
    }

    /// <summary>The people of the article who hold the title (as folded).</summary>
    private List<int> HoldersOf(string title)
    {
        var folded = TextFolding.Fold(title);
        return [.. Enumerable.Range(0, _people.Count).Where(p => _people[p].Title is { } held && TextFolding.Fold(held) == folded)];
    }

    private bool IsUnnamed(Sentence sentence, string title) => _unnamed.Any(u => u.Sentence == sentence && u.Title == title);

    // Loops, not Any with a lambda: these run for every capitalised word, and a closure for each was a tenth of what the
    // extraction allocated.
    private static bool WithinMention(List<(int Person, int Start, int End)> mentions, Token token)
    {
        foreach (var m in mentions)
        {
            if (token.Start >= m.Start && token.End <= m.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool WithinPlace(IReadOnlyList<PlaceMention> places, Token token)
    {
        for (var i = 0; i < places.Count; i++)
        {
            if (token.Start >= places[i].Index && token.End <= places[i].End)
            {
                return true;
            }
        }

        return false;
    }

    private int FindByShortForm(string folded)
    {
        // A given name (last word) first, then a family name (first word), then any word; the most recent person wins.
        return _byLastWord.TryGetValue(folded, out var p) || _byFirstWord.TryGetValue(folded, out p) || _byAnyWord.TryGetValue(folded, out p) ? p : -1;
    }

    private int Register(Sentence sentence, int nameStart, int nameEnd, Title? title, string? countryBefore, string rule)
    {
        var tokens = sentence.Tokens;
        var name = string.Join(' ', tokens.Skip(nameStart).Take(nameEnd - nameStart).Select(t => t.Bare)).Replace(" .", ".", StringComparison.Ordinal);
        var key = NameKey(name);
        if (key.Length == 0)
        {
            return -1;
        }

        var country = title?.Country ?? countryBefore ?? title?.PossessiveCountry ?? DelegationCountry(sentence, tokens[nameStart].Start);
        var existing = Find(key);
        if (key.Length == 1)
        {
            // A single word is a short form: it names someone already known, or nobody yet.
            return existing;
        }

        if (existing < 0)
        {
            if (_people.Count >= MaxPeople)
            {
                // Every name is looked up among the people read before it: past a bound no press release reaches, the
                // article (a list, a directory, a hostile file) would take time with the square of its length.
                throw new ExtractionLimitException($"article names more than {MaxPeople:N0} people");
            }

            _people.Add(new PersonDraft(name, sentence, rule));
            existing = _people.Count - 1;
            _byLastWord[key[^1]] = existing;
            _byFirstWord[key[0]] = existing;
            foreach (var word in key)
            {
                _byAnyWord[word] = existing;
            }

        }
        else if (!_people[existing].Spellings.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            _people[existing].Spellings.Add(name);
        }

        var person = _people[existing];
        if (title is not null && !string.IsNullOrEmpty(title.Text)
            && (person.Title is null || (person.TitleSegment != SegmentKind.Paragraph && sentence.Segment == SegmentKind.Paragraph)))
        {
            person.Title = title.Text;
            person.TitleSegment = sentence.Segment;
            if (person.Evidence.Segment != SegmentKind.Paragraph && sentence.Segment == SegmentKind.Paragraph)
            {
                person.Evidence = sentence;
                person.Rule = rule;
            }
        }

        if (country is not null && !person.CountryStated)
        {
            person.CountryCode = country;
            person.CountryStated = true;
        }

        return existing;
    }

    /// <summary>The person a name refers to (<see cref="PersonIdentity.SameName(string[], string[])"/>), the most recent first.</summary>
    private int Find(string[] key)
    {
        if (key.Length == 1)
        {
            return FindByShortForm(key[0]);
        }

        for (var p = _people.Count - 1; p >= 0; p--)
        {
            if (PersonIdentity.SameName(key, _people[p].Key))
            {
                return p;
            }
        }

        return -1;
    }

    private bool IsHonorific(IReadOnlyList<Token> tokens, int i, out int next)
    {
        next = i + 1;
        var token = tokens[i];
        if (!token.IsCapitalized || !lexicon.Honorifics.Contains(token.Folded) || token.Folded is "his" or "her" or "professor")
        {
            return false;
        }

        if (next < tokens.Count && tokens[next].Text == ".")
        {
            next++;
        }

        return next < tokens.Count && StartsName(null, tokens, next);
    }

    private bool IsTitleHead(Token token) => token.IsCapitalized && lexicon.TitleHeads.Contains(token.Folded);

    private bool StartsName(Sentence sentence, int i) => StartsName(sentence, sentence.Tokens, i);

    private bool StartsName(Sentence? sentence, IReadOnlyList<Token> tokens, int i) =>
        i < tokens.Count && IsNameWord(sentence, tokens[i]);

    private bool IsNameWord(Sentence? sentence, Token token) =>
        token.IsCapitalized && !token.IsAcronym && !lexicon.OrgWords.Contains(token.Folded) && !NotNames.Contains(token.Folded)
        && !lexicon.Honorifics.Contains(token.Folded)
        && (sentence is null || !sentence.Places.Any(p => p.Kind != PlaceKind.City && token.Start >= p.Index && token.End <= p.End));

    /// <summary>Reads a name from <paramref name="start"/>: capitalised words that are not title or organisation words, with particles between them.</summary>
    private int ReadName(Sentence sentence, int start)
    {
        var tokens = sentence.Tokens;
        var end = start;
        while (end < tokens.Count && end - start < 5)
        {
            var token = tokens[end];
            if (IsNameWord(sentence, token))
            {
                end++;
                if (token.Possessive)
                {
                    break;
                }

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

    /// <summary>A title read from the text: where it ends, its words without the country, and the country it names ("… of Japan").</summary>
    private sealed record Title(int End, string Text, string? Country, string? PossessiveCountry);

    private Title? ReadTitle(Sentence sentence, int start)
    {
        var tokens = sentence.Tokens;
        var end = start;
        var hasCore = false;
        string? ofCountry = null;
        string? possessiveCountry = null;
        var ofCountryStart = -1;
        while (end < tokens.Count)
        {
            var token = tokens[end];
            var place = PlaceAt(sentence, token);
            if (token.IsWord && token.IsCapitalized && lexicon.OrgWords.Contains(token.Folded) || token.IsAcronym || IsCompoundOfPlaces(sentence, token))
            {
                hasCore |= lexicon.TitleHeads.Contains(token.Folded) && !TitleModifiers.Contains(token.Folded);
                end++;
                if (token.Possessive)
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

                var before = end > start ? tokens[end - 1].Folded : string.Empty;
                var beforeThe = end > start + 1 ? tokens[end - 2].Folded : string.Empty;
                if (tokens[placeEnd - 1].Possessive)
                {
                    possessiveCountry ??= place.Code;
                }
                else if (before == "of" || (before == "the" && beforeThe == "of"))
                {
                    ofCountry = place.Code;
                    ofCountryStart = before == "of" ? end - 1 : end - 2;
                }

                end = placeEnd;
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

            if (end > start && Connectors.Contains(token.Text) && end + 1 < tokens.Count && ContinuesTitle(sentence, end + 1))
            {
                end++;
                continue;
            }

            if (end > start && token.Text == "," && end + 1 < tokens.Count && tokens[end + 1].IsCapitalized
                && lexicon.OrgWords.Contains(tokens[end + 1].Folded) && !StartsName(sentence, end + 1))
            {
                end++;
                continue;
            }

            // "… for Economic Growth, Energy, and the Environment Jose W. Fernandez": the serial comma before the last area.
            if (end > start && token.Text == "," && end + 2 < tokens.Count && tokens[end + 1].Text == "and" && ContinuesTitle(sentence, end + 2))
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
        var text = sentence.Text[tokens[start].Start..tokens[textEnd - 1].End];
        text = StripPartyMembership(text);
        text = AcronymOrPosting().Replace(text, string.Empty).Trim();
        return new Title(end, text, ofCountry, possessiveCountry);
    }

    private int UnknownWordsThenTitle(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
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

            if (Connectors.Contains(token.Text) || token.Text == "," || token.IsAcronym || (token.IsCapitalized && lexicon.OrgWords.Contains(token.Folded)))
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

        return token.IsCapitalized && (lexicon.OrgWords.Contains(token.Folded) || token.IsAcronym || PlaceAt(sentence, token) is { Kind: not PlaceKind.City })
            || IsCompoundOfPlaces(sentence, token)
            || (token.IsCapitalized && UnknownWordsThenTitle(sentence, i) > 0);
    }

    /// <summary>"Vietnam-India", "UK-ASEAN": a hyphenated word made of places and bodies belongs to an organisation's name.</summary>
    private static bool IsCompoundOfPlaces(Sentence sentence, Token token) =>
        token.IsWord && token.Text.Contains('-', StringComparison.Ordinal)
        && sentence.Places.Any(p => p.Index >= token.Start && p.End <= token.End && p.Kind != PlaceKind.City);

    private static PlaceMention? PlaceAt(Sentence sentence, Token token) =>
        sentence.Places.FirstOrDefault(p => token.Start >= p.Index && token.Start < p.End);

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
