using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Organisations;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// The shared rows of the archive held in memory for a run of the store: countries, people (with the words of their
/// names and the titles the articles give them), organisations, and who held which title when. The store resolves every
/// article against it instead of asking the database, and it records the rows to insert or update, which the
/// <see cref="ArticleWriter"/> writes with the batch. It answers exactly as the database would after each article: an
/// article sees the people and titles of every article stored before it.
/// </summary>
internal sealed class ArchiveIdentities
{
    private readonly Dictionary<string, CountryRow> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, PersonRow> _people = [];
    private readonly Dictionary<string, List<PersonRow>> _peopleByWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PersonRow>> _peopleBySpelling = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _personSlugs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string NameKey, int? CountryId), OrganisationRow> _organisationsByName = [];
    private readonly Dictionary<string, OrganisationRow> _organisationsByKnownKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, OrganisationRow> _organisations = [];
    private readonly HashSet<string> _organisationSlugs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, HolderSpan>> _holders = new(StringComparer.Ordinal);

    // One string for each word and title however many people share it: an archive of a hundred thousand articles names
    // as many people, most with a Nguyen or a Minister of Information and Communications.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private long _mentionSequence;

    public ArchiveIdentities(NextIds nextIds) => Ids = nextIds;

    public NextIds Ids { get; }

    /// <summary>Rows made since the last flush, to insert; rows changed, to update.</summary>
    public List<CountryRow> NewCountries { get; } = [];

    public List<PersonRow> NewPeople { get; } = [];

    public HashSet<PersonRow> ChangedPeople { get; } = [];

    public List<(int PersonId, string Word)> NewWords { get; } = [];

    public List<OrganisationRow> NewOrganisations { get; } = [];

    public HashSet<OrganisationRow> ChangedOrganisations { get; } = [];

    public void ClearChanges()
    {
        NewCountries.Clear();
        NewPeople.Clear();
        ChangedPeople.Clear();
        NewWords.Clear();
        NewOrganisations.Clear();
        ChangedOrganisations.Clear();
    }

    // Loading what the database holds.

    public void AddStoredCountry(CountryRow country) => _countries[country.Code] = country;

    /// <summary>A person as stored, with the words of the name's spellings.</summary>
    public PersonRow StoredPerson(int id, string name, string slug, int? countryId, IEnumerable<string> aliases)
    {
        var person = NewPersonRow(id, name, slug, countryId, [.. aliases]);
        foreach (var word in person.SpellingWords.SelectMany(w => w))
        {
            person.AddWord(word);
        }

        return person;
    }

    public void AddStoredPerson(PersonRow person)
    {
        ArgumentNullException.ThrowIfNull(person);
        foreach (var word in person.Words)
        {
            Postings(word).Add(person);
        }

        _people[person.Id] = person;
        _personSlugs.Add(person.Slug);
        foreach (var spelling in person.Spellings)
        {
            BySpelling(spelling).Add(person);
        }
    }

    public void AddStoredWord(int personId, string word)
    {
        word = Intern(word);
        if (_people.TryGetValue(personId, out var person) && person.AddWord(word))
        {
            Postings(word).Add(person);
        }
    }

    public void AddStoredOrganisation(OrganisationRow organisation) => Register(organisation);

    /// <summary>A stored mention with a title: the person's titles, and a holder of that title unless only the title named them.</summary>
    public void AddStoredMention(int articleId, int personId, string title, string nameAsWritten, DateOnly? publishedOn)
    {
        if (!_people.TryGetValue(personId, out var person))
        {
            return;
        }

        person.AddTitle(Intern(title));
        if (!string.Equals(nameAsWritten, title, StringComparison.Ordinal))
        {
            var holders = _holders.TryGetValue(TitleKey(title), out var found) ? found : _holders[TitleKey(title)] = [];
            if (!holders.TryGetValue(personId, out var span))
            {
                holders[personId] = span = new HolderSpan();
            }

            span.Add(articleId, publishedOn, _mentionSequence++);
        }
    }

    /// <summary>Forgets what a stored article's mentions said (its text changed and they are about to be replaced).</summary>
    public void RemoveMentions(int articleId, IEnumerable<(int PersonId, string? Title, string NameAsWritten)> mentions)
    {
        foreach (var (personId, title, nameAsWritten) in mentions)
        {
            if (title is null || !_people.TryGetValue(personId, out var person))
            {
                continue;
            }

            person.RemoveTitle(title);
            if (!string.Equals(nameAsWritten, title, StringComparison.Ordinal)
                && _holders.TryGetValue(TitleKey(title), out var holders)
                && holders.TryGetValue(personId, out var span)
                && span.Remove(articleId))
            {
                holders.Remove(personId);
            }
        }
    }

    /// <summary>A person deleted from the archive (no article names them any more).</summary>
    public void RemovePerson(int personId)
    {
        if (!_people.Remove(personId, out var person))
        {
            return;
        }

        _personSlugs.Remove(person.Slug);
        foreach (var spelling in person.Spellings)
        {
            BySpelling(spelling).Remove(person);
        }

        foreach (var word in person.Words)
        {
            if (_peopleByWord.TryGetValue(word, out var list))
            {
                list.Remove(person);
            }
        }

        ChangedPeople.Remove(person);
        NewPeople.Remove(person);
        NewWords.RemoveAll(w => w.PersonId == personId);
    }

    public void RemoveOrganisation(int organisationId)
    {
        if (!_organisations.Remove(organisationId, out var organisation))
        {
            return;
        }

        _organisationSlugs.Remove(organisation.Slug);
        if (_organisationsByName.TryGetValue((organisation.NameKey, organisation.CountryId), out var byName) && byName == organisation)
        {
            _organisationsByName.Remove((organisation.NameKey, organisation.CountryId));
            var next = _organisations.Values.Where(o => o.NameKey == organisation.NameKey && o.CountryId == organisation.CountryId).MinBy(o => o.Id);
            if (next is not null)
            {
                _organisationsByName[(next.NameKey, next.CountryId)] = next;
            }
        }

        ChangedOrganisations.Remove(organisation);
        NewOrganisations.Remove(organisation);
    }

    // Resolving an article's names.

    /// <summary>The country of a code, made from the gazetteer when the archive does not have it yet.</summary>
    public CountryRow Country(string code)
    {
        if (!_countries.TryGetValue(code, out var country))
        {
            var entry = Gazetteer.Default.FindByCode(code) ?? new CountryEntry(code.ToUpperInvariant(), code.ToUpperInvariant(), [], []);
            var made = Countries.Country.FromGazetteer(entry);
            country = new CountryRow(Ids.Country++, made.Code, made.Name, made.Slug, made.Aliases);
            _countries[code] = country;
            NewCountries.Add(country);
        }

        return country;
    }

    /// <summary>
    /// The archive's row for an organisation: a known one by its key (made with its successor when first seen), else one
    /// with the same folded name and country, else a new one.
    /// </summary>
    public OrganisationRow Organisation(ExtractedOrganisation extracted)
    {
        var country = extracted.CountryCode is null ? null : Country(extracted.CountryCode);
        var key = TextFolding.Fold(extracted.Name);
        var organisation = extracted.KnownKey is { } known
            ? KnownOrganisation(known)
            : _organisationsByName.GetValueOrDefault((key, country?.Id));
        if (organisation is null)
        {
            organisation = new OrganisationRow(
                Ids.Organisation++,
                extracted.Name,
                key,
                UniqueSlug(_organisationSlugs, Slugs.From(extracted.Acronym is null ? extracted.Name : $"{extracted.Name} {extracted.Acronym}")),
                KnownKey: null,
                Aliases: [],
                country?.Id)
            {
                Acronym = extracted.Acronym,
            };
            Register(organisation);
            NewOrganisations.Add(organisation);
        }
        else if (organisation.Acronym is null && extracted.Acronym is not null)
        {
            organisation.Acronym = extracted.Acronym;
            ChangedOrganisations.Add(organisation);
        }

        return organisation;
    }

    private OrganisationRow KnownOrganisation(string key)
    {
        if (_organisationsByKnownKey.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var known = OrganisationDirectory.Default.FindByKey(key) ?? throw new InvalidOperationException($"No known organisation '{key}'.");
        var slug = UniqueSlug(_organisationSlugs, Slugs.From(known.Acronym is null ? known.Name : $"{known.Name} {known.Acronym}" + (known.Country is null ? string.Empty : $" {known.Country}")));
        var organisation = new OrganisationRow(
            Ids.Organisation++,
            known.Name,
            TextFolding.Fold(known.Name),
            slug,
            known.Key,
            [.. known.Aliases],
            known.Country is null ? null : Country(known.Country).Id)
        {
            Acronym = known.Acronym,
        };
        Register(organisation);
        NewOrganisations.Add(organisation);
        if (known.Successor is { } successor)
        {
            organisation.SuccessorId = KnownOrganisation(successor).Id;
        }

        return organisation;
    }

    /// <summary>
    /// The archive's row for a person an article names: one that shares a spelling (<see cref="PersonIdentity"/>), has the
    /// same country (or one not known) and a title that agrees with those earlier articles gave them; an exact spelling
    /// first, else the earliest stored. Else a new person. The article's spellings become the person's aliases.
    /// </summary>
    public PersonRow Person(ExtractedPerson extracted, CountryRow? country)
    {
        var spellings = extracted.Aliases.Prepend(extracted.Name).Distinct(StringComparer.Ordinal).ToList();
        var spellingWords = spellings.Select(PersonIdentity.Words).ToList();

        bool Agrees(PersonRow candidate) =>
            (candidate.CountryId is not { } theirs || country is null || theirs == country.Id)
            && SameName(candidate.SpellingWords, spellingWords)
            && (extracted.Title is null || candidate.Titles.Count == 0 || candidate.Titles.Any(t => PersonIdentity.TitlesAgree(t, extracted.Title)));

        // A person with one of these very spellings first (letter case aside), else one whose name is the same in another
        // order, shorter or longer, or a letter apart; the earliest stored of those that agree.
        PersonRow? best = null;
        foreach (var spelling in spellings)
        {
            foreach (var candidate in _peopleBySpelling.GetValueOrDefault(spelling) ?? [])
            {
                if ((best is null || candidate.Id < best.Id) && Agrees(candidate))
                {
                    best = candidate;
                }
            }
        }

        if (best is null)
        {
            foreach (var candidate in Candidates(spellingWords))
            {
                if ((best is null || candidate.Id < best.Id) && Agrees(candidate))
                {
                    best = candidate;
                }
            }
        }

        var person = best;
        if (person is null)
        {
            person = NewPersonRow(Ids.Person++, extracted.Name, UniqueSlug(_personSlugs, Slugs.From(extracted.Name)), country?.Id, []);
            _people[person.Id] = person;
            BySpelling(person.Name).Add(person);
            NewPeople.Add(person);
        }
        else if (person.CountryId is null && country is not null)
        {
            person.CountryId = country.Id;
            ChangedPeople.Add(person);
        }

        foreach (var spelling in spellings)
        {
            if (!spelling.Equals(person.Name, StringComparison.Ordinal) && !person.Aliases.Contains(spelling, StringComparer.Ordinal))
            {
                person.AddAlias(spelling, WordsOf(spelling));
                BySpelling(spelling).Add(person);
                ChangedPeople.Add(person);
            }
        }

        foreach (var words in person.SpellingWords)
        {
            foreach (var word in words)
            {
                if (person.AddWord(word))
                {
                    Postings(word).Add(person);
                    NewWords.Add((person.Id, word));
                }
            }
        }

        return person;
    }

    /// <summary>
    /// Who held a title on a date, as far as the archive shows: of the people earlier articles gave that title by name (in
    /// that country, when the text says), the one whose articles with it span the date, else the one whose span is nearest,
    /// the one with more such articles on a tie. With no date, the only holder there is.
    /// </summary>
    public PersonRow? Holder(string title, CountryRow? country, PartialDate? date)
    {
        if (!_holders.TryGetValue(TitleKey(title), out var holders))
        {
            return null;
        }

        var spans = holders
            .Where(h => country is null || (_people.TryGetValue(h.Key, out var p) && p.CountryId == country.Id))
            .OrderBy(h => h.Value.FirstSequence)
            .ToList();
        if (spans.Count == 0)
        {
            return null;
        }

        int Distance(HolderSpan span, DateOnly day) =>
            span.First is not { } first || span.Last is not { } last ? int.MaxValue
            : day < first ? first.DayNumber - day.DayNumber
            : day > last ? day.DayNumber - last.DayNumber
            : 0;
        int? chosen = date?.FirstDay is { } on
            ? spans.OrderBy(s => Distance(s.Value, on)).ThenByDescending(s => s.Value.Count).First().Key
            : spans.Count == 1 ? spans[0].Key : null;
        return chosen is { } id ? _people[id] : null;
    }

    public PersonRow PersonById(int id) => _people[id];

    /// <summary>SQLite's NOCASE: titles compare with ASCII letters folded, as the database compared them.</summary>
    private static string TitleKey(string title) =>
        string.Create(title.Length, title, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });

    /// <summary>
    /// The people who may share a name with one of the spellings: those with a word of it. A spelling of three words or
    /// more matches only a name with two of its words, so only people with two of them are taken, and the longest list
    /// of people with one of its words (the "Nguyen" of a Vietnamese name) need not be read: such a person is also on
    /// another list.
    /// </summary>
    private HashSet<PersonRow> Candidates(List<string[]> spellingWords)
    {
        var found = new HashSet<PersonRow>();
        foreach (var words in spellingWords)
        {
            var distinct = words.Distinct(StringComparer.Ordinal).ToArray();
            var lists = distinct.Select(w => _peopleByWord.GetValueOrDefault(w)).OfType<List<PersonRow>>().ToList();
            if (distinct.Length < 3)
            {
                foreach (var list in lists)
                {
                    found.UnionWith(list);
                }

                continue;
            }

            var longest = lists.MaxBy(l => l.Count);
            foreach (var list in lists)
            {
                if (list == longest)
                {
                    continue;
                }

                foreach (var person in list)
                {
                    var shared = 0;
                    foreach (var word in distinct)
                    {
                        if (person.HasWord(word) && ++shared == 2)
                        {
                            found.Add(person);
                            break;
                        }
                    }
                }
            }
        }

        return found;
    }

    private static bool SameName(List<string[]> mine, List<string[]> theirs)
    {
        foreach (var a in mine)
        {
            foreach (var b in theirs)
            {
                if (PersonIdentity.SameName(a, b))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private PersonRow NewPersonRow(int id, string name, string slug, int? countryId, string[] aliases) =>
        new(id, name, slug, countryId, aliases, [.. aliases.Prepend(name).Select(WordsOf)]);

    /// <summary>The folded words of a spelling, each the one string the archive keeps for it.</summary>
    private string[] WordsOf(string spelling) => [.. PersonIdentity.Words(spelling).Select(Intern)];

    private string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var interned))
        {
            return interned;
        }

        _strings[value] = value;
        return value;
    }

    private List<PersonRow> BySpelling(string spelling) =>
        _peopleBySpelling.TryGetValue(spelling, out var list) ? list : _peopleBySpelling[spelling] = [];

    private List<PersonRow> Postings(string word) =>
        _peopleByWord.TryGetValue(word, out var list) ? list : _peopleByWord[word] = [];

    private void Register(OrganisationRow organisation)
    {
        _organisations[organisation.Id] = organisation;
        _organisationSlugs.Add(organisation.Slug);
        _organisationsByName.TryAdd((organisation.NameKey, organisation.CountryId), organisation);
        if (organisation.KnownKey is { } known)
        {
            _organisationsByKnownKey.TryAdd(known, organisation);
        }
    }

    private static string UniqueSlug(HashSet<string> taken, string slug)
    {
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        taken.Add(candidate);
        return candidate;
    }

    /// <summary>The ids the next new rows take: past both the largest id and SQLite's AUTOINCREMENT sequence.</summary>
    public sealed class NextIds
    {
        public int Article { get; set; }

        public int Country { get; set; }

        public int Person { get; set; }

        public int Organisation { get; set; }

        public int Meeting { get; set; }

        public int Delegation { get; set; }

        public int Agreement { get; set; }

        /// <summary>Each table and the id its next row takes.</summary>
        public IEnumerable<(string Table, int Next)> All =>
        [
            ("Articles", Article), ("Countries", Country), ("People", Person), ("Organisations", Organisation),
            ("Meetings", Meeting), ("Delegations", Delegation), ("Agreements", Agreement),
        ];
    }

    /// <summary>The articles that gave one person one title by name: their dates' span, and in which order they came.</summary>
    private sealed class HolderSpan
    {
        private readonly List<(int ArticleId, DateOnly? On, long Sequence)> _mentions = [];

        public DateOnly? First { get; private set; }

        public DateOnly? Last { get; private set; }

        public int Count => _mentions.Count;

        public long FirstSequence { get; private set; } = long.MaxValue;

        public void Add(int articleId, DateOnly? on, long sequence)
        {
            _mentions.Add((articleId, on, sequence));
            FirstSequence = Math.Min(FirstSequence, sequence);
            if (on is { } day)
            {
                First = First is { } first && first <= day ? first : day;
                Last = Last is { } last && last >= day ? last : day;
            }
        }

        /// <summary>Removes an article's mentions; true when none is left.</summary>
        public bool Remove(int articleId)
        {
            _mentions.RemoveAll(m => m.ArticleId == articleId);
            First = _mentions.Min(m => m.On);
            Last = _mentions.Max(m => m.On);
            FirstSequence = _mentions.Count == 0 ? long.MaxValue : _mentions.Min(m => m.Sequence);
            return _mentions.Count == 0;
        }
    }
}

internal sealed record CountryRow(int Id, string Code, string Name, string Slug, List<string> Aliases);

internal sealed record OrganisationRow(int Id, string Name, string NameKey, string Slug, string? KnownKey, List<string> Aliases, int? CountryId)
{
    public string? Acronym { get; set; }

    public int? SuccessorId { get; set; }
}

/// <summary>
/// A person as the store resolves names against: the spellings and their folded words (the PersonNameWords rows), the
/// titles stored articles give them. Kept small (arrays, shared strings): an archive holds as many people as articles.
/// </summary>
internal sealed class PersonRow
{
    private string[] _aliases;
    private string[] _words = [];
    private string[] _titles = [];
    private int[] _titleCounts = [];

    /// <param name="spellingWords">The folded words of the name and of each alias, in that order.</param>
    public PersonRow(int id, string name, string slug, int? countryId, string[] aliases, List<string[]> spellingWords)
    {
        Id = id;
        Name = name;
        Slug = slug;
        CountryId = countryId;
        _aliases = aliases;
        SpellingWords = spellingWords;
    }

    public int Id { get; }

    public string Name { get; }

    public string Slug { get; }

    public int? CountryId { get; set; }

    public IReadOnlyList<string> Aliases => _aliases;

    public IEnumerable<string> Spellings => _aliases.Prepend(Name);

    /// <summary>The folded words of each spelling, in order.</summary>
    public List<string[]> SpellingWords { get; }

    /// <summary>The folded words of every spelling, once each, as in the PersonNameWords table.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The titles stored articles give the person (each once).</summary>
    public IReadOnlyList<string> Titles => _titles;

    public bool HasWord(string word) => Array.IndexOf(_words, word) >= 0;

    /// <summary>Adds a word of the name; false when the person had it.</summary>
    public bool AddWord(string word)
    {
        if (HasWord(word))
        {
            return false;
        }

        _words = [.. _words, word];
        return true;
    }

    public void AddAlias(string spelling, string[] words)
    {
        _aliases = [.. _aliases, spelling];
        SpellingWords.Add(words);
    }

    public void AddTitle(string title)
    {
        var index = Array.IndexOf(_titles, title);
        if (index >= 0)
        {
            _titleCounts[index]++;
            return;
        }

        _titles = [.. _titles, title];
        _titleCounts = [.. _titleCounts, 1];
    }

    public void RemoveTitle(string title)
    {
        var index = Array.IndexOf(_titles, title);
        if (index < 0)
        {
            return;
        }

        if (--_titleCounts[index] == 0)
        {
            _titles = [.. _titles.Where((_, i) => i != index)];
            _titleCounts = [.. _titleCounts.Where((_, i) => i != index)];
        }
    }
}
