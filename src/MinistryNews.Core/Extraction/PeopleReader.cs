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
public sealed partial class PeopleReader(Lexicon lexicon, string homeCountry, IReadOnlySet<string>? bodies = null, IReadOnlySet<string>? knownAcronyms = null)
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
        "meeting", "meetings", "conference", "summit", "forum", "session", "dialogue", "seminar", "workshop", "ceremony", "talks", "week",
        "street", "avenue", "boulevard", "hotel", "palace", "building", "tower", "square", "airport", "museum", "theatre", "theater", "stadium",
        "pagoda", "temple", "citadel", "mausoleum", "room", "house",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly List<PersonDraft> _people = [];

    // The latest person (by index) whose name ends with, begins with, or holds a word: a short form ("Hung", "Kono") is
    // looked up at every capitalised word of the article, so it is not a walk over everyone read so far.
    private readonly Dictionary<string, int> _byLastWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byAnyWord = new(StringComparer.Ordinal);
    private readonly List<UnnamedOfficial> _unnamed = [];

    // One-word names read after a title or an honorific, made people once the whole article is read (AddLoneNames).
    private readonly List<LoneName> _loneNames = [];

    // People named as "his X counterpart", with the sentence and where the phrase starts.
    private readonly List<(int Person, Sentence Sentence, int Start)> _counterparts = [];

    // The capitalised words of the body, not the first of a sentence: what backs up a name the headline gives.
    private HashSet<string>? _bodyWords;
    private IReadOnlyList<Sentence> _sentences = [];

    private sealed record LoneName(string Key, string Name, Sentence Sentence, Title? Title, string? Country, string Rule);

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
        _sentences = sentences;
        var mentions = new Dictionary<int, List<(int Person, int Start, int End)>>();

        // The body first: a headline in title case runs names into verbs ("Minister Le Van Thanh Receives …"), so a name the
        // headline gives is taken as the body spells it, and one the body never backs up is not a person.
        foreach (var sentence in sentences.Where(s => s.Segment != SegmentKind.Headline).Concat(sentences.Where(s => s.Segment == SegmentKind.Headline)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            mentions[sentence.Id] = [.. ReadFullMentions(sentence)];
        }

        AddLoneNames();
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

        GiveCounterpartsTheirTitles();
    }

    /// <summary>
    /// "Dr. Rahimi", "Minister SUZUKI": a one-word name after a title or an honorific is a short form of someone the
    /// article names in full, and a person of its own when it names no one.
    /// </summary>
    private void AddLoneNames()
    {
        foreach (var lone in _loneNames)
        {
            if (Find([lone.Key]) >= 0)
            {
                continue;
            }

            var index = AddPerson(lone.Name, lone.Sentence, lone.Rule);
            var person = _people[index];
            person.Title = lone.Title?.Text is { Length: > 0 } title ? title : null;
            person.TitleSegment = person.Title is null ? null : lone.Sentence.Segment;
            if (lone.Country is not null)
            {
                person.CountryCode = lone.Country;
                person.CountryStated = true;
            }
        }
    }

    /// <summary>"… Le Van Tuan and his Egyptian counterpart Karim Hassan": the counterpart holds the matching office.</summary>
    private void GiveCounterpartsTheirTitles()
    {
        foreach (var (index, sentence, start) in _counterparts)
        {
            var person = _people[index];
            if (person.Title is not null)
            {
                continue;
            }

            var other = sentence.People.LastOrDefault(m => m.Start < start && m.Person != index && _people[m.Person].Title is not null);
            if (other is not null)
            {
                person.Title = _people[other.Person].Title;
                person.TitleSegment = sentence.Segment;
            }
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
            // Punctuation starts nothing; a word in lower case starts only a counterpart or a title in lower case.
            var token = tokens[i];
            if (!token.IsWord)
            {
                continue;
            }

            if (!token.IsCapitalized)
            {
                if (token.Text.Length < 3 || !(token.Text is "his" or "her" or "its" or "their" || lexicon.MayBeTitleHead(token.Folded)))
                {
                    continue;
                }

                if (ReadCounterpart(sentence, i) is { } lowerCounterpart)
                {
                    if (lowerCounterpart.Person >= 0)
                    {
                        _counterparts.Add((lowerCounterpart.Person, sentence, token.Start));
                        yield return (lowerCounterpart.Person, tokens[lowerCounterpart.NameStart].Start, tokens[lowerCounterpart.End - 1].End);
                    }

                    i = lowerCounterpart.End - 1;
                }
                else if (ReadLowerCaseTitle(sentence, i) is { } lower)
                {
                    // "director general Pham Van Long", "the vice-president of the ANC, Thandi Nkosi"
                    if (lower.Person >= 0)
                    {
                        yield return (lower.Person, tokens[lower.NameStart].Start, tokens[lower.End - 1].End);
                    }

                    i = lower.End - 1;
                }

                continue;
            }

            if (IsHonorific(tokens, i, out var afterHonorific, out var courtesy))
            {
                var nameEnd = ReadName(sentence, afterHonorific);
                if (nameEnd == afterHonorific)
                {
                    continue;
                }

                // "Mr. Guo Weimin, Vice President" / "Ms. Takaichi Sanae - Minister of Home Affairs and Communications of Japan"
                Title? title = null;
                if (nameEnd < tokens.Count - 1 && tokens[nameEnd].Text is "," or "-" or "–" or "—"
                    && (StartsTitle(sentence, nameEnd + 1) || tokens[nameEnd + 1].IsAcronym))
                {
                    title = ReadTitle(sentence, nameEnd + 1);

                    // "Mr. X, Vice Minister for Foreign Affairs of Japan, Sato Kenji said": the title is the next name's, a name of its
                    // own that starts a clause; not when that name has an honorific ("According to H.E. X, Delegate Minister, H.E. Y
                    // said" is X's) or is one more item of a list ("Mr. X, CEO, Acme; Mr. Y, …").
                    if (title is not null && title.End + 1 < tokens.Count && tokens[title.End].Text == "," && NameStartsClause(sentence, title.End + 1))
                    {
                        title = null;
                    }
                }

                var person = Register(sentence, afterHonorific, nameEnd, title, TitleCountryBefore(sentence, i), title is null ? "honorific and name" : "honorific, name and title", courtesy);
                if (person >= 0)
                {
                    yield return (person, tokens[i].Start, tokens[nameEnd - 1].End);
                }

                i = (title?.End ?? nameEnd) - 1;
                continue;
            }

            if (StartsTitle(sentence, i))
            {
                var titled = ReadTitledNames(sentence, i, out var next);
                foreach (var mention in titled)
                {
                    yield return mention;
                }

                i = next - 1;
                continue;
            }

            // "His Egyptian counterpart, Karim Hassan, …": the title is the other side's, found once the sentence is read.
            if (token.Text is "His" or "Her" or "Its" or "Their" && ReadCounterpart(sentence, i) is { } counterpart)
            {
                if (counterpart.Person >= 0)
                {
                    _counterparts.Add((counterpart.Person, sentence, token.Start));
                    yield return (counterpart.Person, tokens[counterpart.NameStart].Start, tokens[counterpart.End - 1].End);
                }

                i = counterpart.End - 1;
                continue;
            }

            // "Kenji Mori, JICA Director, said", "Chan Sophal, Minister of Inspection of Cambodia, and …"
            if (NameThenTitle(sentence, i) is { } appositive)
            {
                var index = Register(sentence, i, appositive.NameEnd, appositive.Title, appositive.CountryBefore, "name, comma and title");
                if (index >= 0)
                {
                    yield return (index, token.Start, tokens[appositive.NameEnd - 1].End);
                }

                i = appositive.Title.End - 1;
            }
        }
    }

    /// <summary>Whether a name of two words or more, with no honorific, starts at <paramref name="i"/> and a verb follows it.</summary>
    private bool NameStartsClause(Sentence sentence, int i)
    {
        var tokens = sentence.Tokens;
        if (!StartsName(sentence, i))
        {
            return false;
        }

        var end = ReadName(sentence, i);
        return end - i >= 2 && end < tokens.Count && tokens[end].IsWord && !tokens[end].IsCapitalized;
    }

    /// <summary>A title and the name or names after it: "Deputy Minister Tran Quoc Hai", "the Lao Minister …, Boviengkham Vongdara", "Deputy Ministers Jana Dvorak and Milan Horak".</summary>
    private List<(int Person, int Start, int End)> ReadTitledNames(Sentence sentence, int i, out int next)
    {
        var tokens = sentence.Tokens;
        var found = new List<(int Person, int Start, int End)>();
        var t = ReadTitle(sentence, i);
        next = i + 1;
        if (t is null)
        {
            return found;
        }

        next = t.End;
        var start = t.End;
        var rule = "title and name";
        if (start + 1 < tokens.Count && tokens[start].Text == "," && StartsName(sentence, HonorificsEnd(tokens, start + 1, out _)))
        {
            start++;
            rule = "title, comma and name";
        }

        // "Interior Minister Samdech Krolahom Chea Sovann", "Attorney General Tan Sri Azman Latif": honorifics and ranks go.
        start = HonorificsEnd(tokens, start, out _);
        var end = ReadName(sentence, start);
        if (end == start || (rule == "title, comma and name" && end < tokens.Count && tokens[end] is { IsCapitalized: true }))
        {
            return found;
        }

        var countryBefore = TitleCountryBefore(sentence, i);

        // A lone word after a comma is more likely the next item of a list than a name ("Minister of Agriculture, Forestry …").
        var index = Register(sentence, start, end, t, countryBefore, rule, courtesy: rule == "title and name" && !t.Plural);
        if (index >= 0 && i > 0 && bodies?.Contains(tokens[i - 1].Text) == true && !_people[index].CountryStated)
        {
            _people[index].OfBody = true;
        }

        if (index >= 0)
        {
            found.Add((index, tokens[start].Start, tokens[end - 1].End));
        }

        // A plural title names each of the people after it, each with the title.
        while (t.Plural && end < tokens.Count)
        {
            var more = end;
            if (tokens[more].Text == "," && more + 1 < tokens.Count)
            {
                more++;
            }

            if (tokens[more].Text == "and")
            {
                more++;
            }

            more = HonorificsEnd(tokens, more, out _);
            if (more == end || !StartsName(sentence, more))
            {
                break;
            }

            var moreEnd = ReadName(sentence, more);
            var another = Register(sentence, more, moreEnd, t, countryBefore, "plural title and names", courtesy: true);
            if (another >= 0)
            {
                found.Add((another, tokens[more].Start, tokens[moreEnd - 1].End));
            }

            end = moreEnd;
        }

        next = end;
        return found;
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

    private int Register(Sentence sentence, int nameStart, int nameEnd, Title? title, string? countryBefore, string rule, bool courtesy = false)
    {
        var tokens = sentence.Tokens;
        var headline = sentence.Segment == SegmentKind.Headline;
        if (headline)
        {
            nameEnd = HeadlineNameEnd(tokens, nameStart, nameEnd);
        }

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
            // A single word is a short form: it names someone already known, or someone named in full later, or (in the
            // body, after a title or a courtesy honorific) a person known by one name.
            if (existing < 0 && courtesy && !headline && IsLoneName(sentence, nameStart))
            {
                _loneNames.Add(new LoneName(key[0], name, sentence, title, country, rule));
            }

            return existing;
        }

        if (existing < 0)
        {
            if (headline && !BackedByBody(name, key))
            {
                return -1;
            }

            existing = AddPerson(name, sentence, rule);
        }
        else if (!_people[existing].Spellings.Contains(name, StringComparer.OrdinalIgnoreCase) && !(headline && key.Length > _people[existing].Key.Length))
        {
            _people[existing].Spellings.Add(name);
        }

        var person = _people[existing];
        // A paragraph's title wins over a caption's or the headline's, but an abbreviation ("PM", "FM") does not replace a title.
        if (title is not null && !string.IsNullOrEmpty(title.Text)
            && (person.Title is null || (person.TitleSegment != SegmentKind.Paragraph && sentence.Segment == SegmentKind.Paragraph && title.Text.Any(char.IsLower))))
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

    private int AddPerson(string name, Sentence sentence, string rule)
    {
        if (_people.Count >= MaxPeople)
        {
            // Every name is looked up among the people read before it: past a bound no press release reaches, the
            // article (a list, a directory, a hostile file) would take time with the square of its length.
            throw new ExtractionLimitException($"article names more than {MaxPeople:N0} people");
        }

        _people.Add(new PersonDraft(name, sentence, rule));
        var index = _people.Count - 1;
        var key = _people[index].Key;
        _byLastWord[key[^1]] = index;
        _byFirstWord[key[0]] = index;
        foreach (var word in key)
        {
            _byAnyWord[word] = index;
        }

        return index;
    }

    /// <summary>
    /// A headline's name ends where the body stops backing it up: "Minister Le Van Thanh Receives …" names Le Van Thanh when the
    /// body never writes "Receives" with a capital.
    /// </summary>
    private int HeadlineNameEnd(IReadOnlyList<Token> tokens, int nameStart, int nameEnd)
    {
        while (nameEnd - nameStart > 2 && !BodyWords.Contains(tokens[nameEnd - 1].Folded))
        {
            nameEnd--;
        }

        return nameEnd;
    }

    /// <summary>A name only the headline gives is a person when it is Vietnamese or the body writes its first or last word.</summary>
    private bool BackedByBody(string name, string[] key) =>
        IsVietnameseName(name) || BodyWords.Contains(key[0]) || BodyWords.Contains(key[^1]);

    /// <summary>The person a name refers to (<see cref="PersonIdentity.SameName(string[], string[])"/>), the most recent first.</summary>
    private int Find(string[] key)
    {
        if (key.Length == 1)
        {
            return FindByShortForm(key[0]);
        }

        for (var p = _people.Count - 1; p >= 0; p--)
        {
            if (PersonIdentity.SameName(key, _people[p].Key) || SameWhenRunTogether(key, _people[p].Key))
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>"Le ThanhBinh" and "Le Thanh Binh": the same family name and the same letters, two words run together in one.</summary>
    private static bool SameWhenRunTogether(string[] a, string[] b)
    {
        if (a.Length == b.Length || a[0] != b[0] || a.Sum(w => w.Length) != b.Sum(w => w.Length))
        {
            return false;
        }

        return string.Concat(a) == string.Concat(b);
    }
}
