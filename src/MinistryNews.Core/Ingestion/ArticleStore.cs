using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Agreements;
using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Delegations;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Meetings;
using MinistryNews.Core.Organisations;
using MinistryNews.Core.People;
using MinistryNews.Core.Search;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// Stores one extracted article in one transaction: a new article is added; a stored one keeps its id and has
/// its facts replaced. People and countries are shared across the archive: each is found by identity
/// (ISO code; name key and country) before a new row is made.
/// </summary>
public static class ArticleStore
{
    public static async Task<(int ArticleId, bool Added)> SaveAsync(
        ArchiveDbContext db,
        string sourceFile,
        SourceFile file,
        ExtractedArticle extracted,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(extracted);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.SourceFile == sourceFile, cancellationToken);
        var added = article is null;

        // Only the people and organisations the old text named can be left without an article by the new one.
        List<int> formerPeople = [];
        List<int> formerOrganisations = [];
        if (article is null)
        {
            article = new Article { SourceFile = sourceFile, Title = extracted.Title, Slug = string.Empty, RawText = string.Empty, ContentHash = string.Empty };
            db.Articles.Add(article);
        }
        else
        {
            // The facts of the old text go; the article row (and so its id and links) stays.
            formerPeople = await db.ArticlePeople.Where(m => m.ArticleId == article.Id).Select(m => m.PersonId).ToListAsync(cancellationToken);
            formerOrganisations = await db.Articles.Where(a => a.Id == article.Id).SelectMany(a => a.Organisations).Select(o => o.Id).ToListAsync(cancellationToken);
            await db.Meetings.Where(m => m.ArticleId == article.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Delegations.Where(d => d.ArticleId == article.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Agreements.Where(a => a.ArticleId == article.Id).ExecuteDeleteAsync(cancellationToken);
            await db.ArticlePeople.Where(m => m.ArticleId == article.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Entry(article).Collection(a => a.Countries).LoadAsync(cancellationToken);
            article.Countries.Clear();
            await db.Entry(article).Collection(a => a.Organisations).LoadAsync(cancellationToken);
            article.Organisations.Clear();
        }

        article.Title = extracted.Title;
        article.TitleDerived = extracted.TitleDerived;
        article.Slug = Slugs.From(extracted.Title);
        article.Published = extracted.Published;
        article.PublishedOn = extracted.Published?.FirstDay;
        article.PublishedFrom = extracted.PublishedFrom;
        article.SourceUrl = extracted.SourceUrl;
        article.Byline = extracted.Byline;
        article.RawText = file.RawText ?? file.Document?.Text ?? string.Empty;
        article.Body = [.. extracted.Body];
        article.ContentHash = file.ContentHash;
        article.ExtractorVersion = ArticleExtractor.Version;
        article.IngestedAtUtc = DateTime.UtcNow;

        // Only the countries this article names are loaded (and tracked), not the whole gazetteer.
        var codes = extracted.Countries
            .Concat(extracted.People.Select(p => p.CountryCode))
            .Concat(extracted.Organisations.Select(o => o.CountryCode))
            .Concat(extracted.Meetings.SelectMany(m => m.CounterpartCountries))
            .Concat(extracted.Delegations.SelectMany(d => d.Destinations.Append(d.FromCountry)))
            .Concat(extracted.Agreements.SelectMany(a => a.CounterpartCountries))
            .Concat(extracted.UnnamedOfficials.Select(u => u.CountryCode))
            .OfType<string>()
            .Select(c => c.ToUpperInvariant())
            .Distinct()
            .ToList();
        var resolver = await Resolver.CreateAsync(db, codes, cancellationToken);
        article.Countries = [.. extracted.Countries.Distinct().Select(resolver.Country)];
        foreach (var organisation in extracted.Organisations)
        {
            var row = await resolver.OrganisationAsync(organisation, cancellationToken);
            if (!article.Organisations.Contains(row))
            {
                article.Organisations.Add(row);
            }
        }

        await resolver.LoadCandidatesAsync(extracted.People, cancellationToken);
        foreach (var person in extracted.People)
        {
            await resolver.PersonAsync(person, cancellationToken);
        }

        article.Meetings = [.. extracted.Meetings.Select(m => new Meeting
        {
            Kind = m.Kind,
            Date = m.Date,
            Location = m.Location,
            Participants = [.. m.Participants.Distinct().Select(resolver.KnownPerson).OfType<Person>().Distinct()],
            CounterpartCountries = [.. m.CounterpartCountries.Distinct().Select(resolver.Country)],
            Evidence = m.Evidence,
        })];
        article.Delegations = [.. extracted.Delegations.Select(d => new Delegation
        {
            Leader = d.Leader is null ? null : resolver.KnownPerson(d.Leader),
            Members = [.. d.Members.Distinct().Select(resolver.KnownPerson).OfType<Person>().Distinct()],
            FromCountry = d.FromCountry is null ? null : resolver.Country(d.FromCountry),
            Destinations = [.. d.Destinations.Distinct().Select(resolver.Country)],
            Start = d.Start,
            End = d.End,
            Evidence = d.Evidence,
        })];
        article.Agreements = [.. extracted.Agreements.Select(a => new Agreement
        {
            Kind = a.Kind,
            Name = a.Name,
            CounterpartCountries = [.. a.CounterpartCountries.Distinct().Select(resolver.Country)],
            SignedOn = a.SignedOn,
            Signatories = [.. a.Signatories.Distinct().Select(resolver.KnownPerson).OfType<Person>().Distinct()],
            ValidFrom = a.Valid?.From,
            ValidTo = a.Valid?.To,
            Evidence = a.Evidence,
        })];
        article.People = resolver.Mentions;

        // Officials named by title alone take the person the archive shows holding that title on the article's date.
        foreach (var unnamed in extracted.UnnamedOfficials)
        {
            if (await resolver.HolderAsync(unnamed, extracted.Published, article.Id, cancellationToken) is not { } holder)
            {
                continue;
            }

            if (article.People.All(m => m.Person != holder))
            {
                article.People.Add(new ArticlePerson { Person = holder, NameAsWritten = unnamed.Title, Title = unnamed.Title, Country = holder.Country, Evidence = unnamed.Evidence });
            }

            foreach (var meeting in article.Meetings.Where(m => m.Evidence == unnamed.Evidence && !m.Participants.Contains(holder)))
            {
                meeting.Participants.Add(holder);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The full-text index follows the article in the same transaction: found at once, or not found at all.
        await SearchIndex.UpdateAsync(
            db,
            article,
            article.People.SelectMany(m => m.Person.Spellings).Distinct(StringComparer.Ordinal),
            article.Countries.SelectMany(c => c.Aliases.Prepend(c.Name)).Distinct(StringComparer.Ordinal),
            cancellationToken);

        // A person no article names any more (a changed text dropped them) leaves the archive.
        if (formerPeople.Count > 0)
        {
            await db.People.Where(p => formerPeople.Contains(p.Id) && !p.Mentions.Any()).ExecuteDeleteAsync(cancellationToken);
        }

        if (formerOrganisations.Count > 0)
        {
            await db.Organisations.Where(o => formerOrganisations.Contains(o.Id) && !o.Articles.Any() && o.KnownKey == null).ExecuteDeleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (article.Id, added);
    }

    /// <summary>Finds or makes the shared rows an article points to, for one save.</summary>
    private sealed class Resolver
    {
        private readonly ArchiveDbContext _db;
        private readonly Dictionary<string, Country> _countries;
        private readonly Dictionary<string, Person> _peopleByName = new(StringComparer.Ordinal);
        private readonly List<Organisation> _organisations = [];
        private readonly HashSet<string> _slugsTaken = new(StringComparer.Ordinal);

        private Resolver(ArchiveDbContext db, Dictionary<string, Country> countries)
        {
            _db = db;
            _countries = countries;
        }

        public List<ArticlePerson> Mentions { get; } = [];

        public static async Task<Resolver> CreateAsync(ArchiveDbContext db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
        {
            var countries = await db.Countries.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
            return new Resolver(db, countries);
        }

        public Country Country(string code)
        {
            if (!_countries.TryGetValue(code, out var country))
            {
                var entry = Gazetteer.Default.FindByCode(code) ?? new CountryEntry(code.ToUpperInvariant(), code.ToUpperInvariant(), [], []);
                country = Countries.Country.FromGazetteer(entry);
                _countries[code] = country;
                _db.Countries.Add(country);
            }

            return country;
        }

        /// <summary>The person an article fact names; a name the people list lacks becomes a person of its own.</summary>
        public Person? KnownPerson(string name)
        {
            if (_peopleByName.TryGetValue(name, out var person))
            {
                return person;
            }

            var match = _peopleByName.FirstOrDefault(p => Person.KeyOf(p.Key) == Person.KeyOf(name)).Value;
            return match;
        }

        private List<Person> _candidates = [];
        private ILookup<int, string> _wordsByPerson = Array.Empty<string>().ToLookup(_ => 0);
        private ILookup<int, string> _titlesByPerson = Array.Empty<string>().ToLookup(_ => 0);

        /// <summary>
        /// Loads, in three queries for the whole article, the stored people who share a word of a name with anyone it
        /// names, with the words and titles the archive has for them.
        /// </summary>
        public async Task LoadCandidatesAsync(IEnumerable<ExtractedPerson> people, CancellationToken cancellationToken)
        {
            var words = people.SelectMany(p => p.Aliases.Prepend(p.Name)).SelectMany(PersonIdentity.Words).Distinct(StringComparer.Ordinal).ToList();
            var rows = await _db.PersonNameWords.AsNoTracking()
                .Where(w => _db.PersonNameWords.Where(x => words.Contains(x.Word)).Select(x => x.PersonId).Contains(w.PersonId))
                .Select(w => new { w.PersonId, w.Word })
                .ToListAsync(cancellationToken);
            _wordsByPerson = rows.ToLookup(r => r.PersonId, r => r.Word);
            var ids = _wordsByPerson.Select(g => g.Key).ToList();
            _candidates = await _db.People.Include(p => p.Country).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            _titlesByPerson = (await _db.ArticlePeople.AsNoTracking()
                .Where(m => ids.Contains(m.PersonId) && m.Title != null)
                .Select(m => new { m.PersonId, m.Title })
                .ToListAsync(cancellationToken)).ToLookup(m => m.PersonId, m => m.Title!);
        }

        /// <summary>
        /// The archive's row for a person an article names: one that shares a spelling (<see cref="PersonIdentity"/>),
        /// has the same country (or one not known) and a title that agrees; else a new person. The article's spellings
        /// become the person's aliases.
        /// </summary>
        public async Task<Person> PersonAsync(ExtractedPerson extracted, CancellationToken cancellationToken)
        {
            var country = extracted.CountryCode is null ? null : Country(extracted.CountryCode);
            var spellings = extracted.Aliases.Prepend(extracted.Name).Distinct(StringComparer.Ordinal).ToList();
            var words = spellings.SelectMany(PersonIdentity.Words).Distinct(StringComparer.Ordinal).ToList();

            var stored = _candidates.Where(c => _wordsByPerson[c.Id].Intersect(words, StringComparer.Ordinal).Any()).ToList();
            var titles = stored.SelectMany(c => _titlesByPerson[c.Id].Select(t => new { PersonId = c.Id, Title = (string?)t })).ToList();

            // Two people who share a name are one only when their countries and their titles agree.
            bool Agrees(Person p) =>
                (p.Country is null || country is null || p.Country == country)
                && PersonIdentity.SameName(p.Spellings, spellings)
                && (extracted.Title is null || !titles.Any(t => t.PersonId == p.Id) || titles.Any(t => t.PersonId == p.Id && PersonIdentity.TitlesAgree(t.Title, extracted.Title)));

            // An exact spelling first, then a shorter or longer name, then one a letter apart.
            var person = stored.Concat(_db.People.Local.Where(p => p.Id == 0))
                .Where(Agrees)
                .OrderByDescending(p => p.Spellings.Any(s => spellings.Contains(s, StringComparer.OrdinalIgnoreCase)))
                .FirstOrDefault();
            if (person is null)
            {
                person = new Person
                {
                    Name = extracted.Name,
                    NameKey = Person.KeyOf(extracted.Name),
                    Slug = await UniqueSlugAsync(Slugs.From(extracted.Name), cancellationToken),
                    Country = country,
                };
                _db.People.Add(person);
            }
            else if (person.Country is null && country is not null)
            {
                person.Country = country;
            }

            foreach (var spelling in spellings)
            {
                if (!spelling.Equals(person.Name, StringComparison.Ordinal) && !person.Aliases.Contains(spelling, StringComparer.Ordinal))
                {
                    person.Aliases = [.. person.Aliases, spelling];
                }

                _peopleByName[spelling] = person;
            }

            var known = person.Id == 0 || !_wordsByPerson.Contains(person.Id)
                ? person.NameWords.Select(w => w.Word).ToHashSet(StringComparer.Ordinal)
                : [.. _wordsByPerson[person.Id]];
            foreach (var word in person.Spellings.SelectMany(PersonIdentity.Words).Distinct(StringComparer.Ordinal).Where(w => !known.Contains(w)))
            {
                person.NameWords.Add(new PersonNameWord { Person = person, Word = word });
            }

            if (Mentions.All(m => m.Person != person))
            {
                Mentions.Add(new ArticlePerson
                {
                    Person = person,
                    NameAsWritten = extracted.Name,
                    Title = extracted.Title,
                    Country = country,
                    Organisation = extracted.Organisation is { } name
                        ? _organisations.FirstOrDefault(o => o.Name == name && (o.Country == country || o.Country is null))
                            ?? _organisations.FirstOrDefault(o => o.Name == name)
                        : null,
                    Evidence = extracted.Evidence,
                });
            }

            return person;
        }

        /// <summary>
        /// The archive's row for an organisation: a known one by its key (made with its successor when first seen),
        /// else one with the same folded name and country.
        /// </summary>
        public async Task<Organisation> OrganisationAsync(ExtractedOrganisation extracted, CancellationToken cancellationToken)
        {
            var country = extracted.CountryCode is null ? null : Country(extracted.CountryCode);
            var countryId = country?.Id;
            var key = TextFolding.Fold(extracted.Name);
            var organisation = extracted.KnownKey is { } known
                ? await KnownOrganisationAsync(known, cancellationToken)
                : _organisations.FirstOrDefault(o => o.NameKey == key && o.Country == country)
                    ?? _db.Organisations.Local.FirstOrDefault(o => o.NameKey == key && o.Country == country)
                    ?? (countryId == 0 ? null : await _db.Organisations.Include(o => o.Country)
                        .FirstOrDefaultAsync(o => o.NameKey == key && o.CountryId == countryId, cancellationToken));
            if (organisation is null)
            {
                organisation = new Organisation
                {
                    Name = extracted.Name,
                    Acronym = extracted.Acronym,
                    NameKey = key,
                    Slug = await UniqueOrganisationSlugAsync(Slugs.From(extracted.Acronym is null ? extracted.Name : $"{extracted.Name} {extracted.Acronym}"), cancellationToken),
                    Country = country,
                };
                _db.Organisations.Add(organisation);
            }

            organisation.Acronym ??= extracted.Acronym;
            if (!_organisations.Contains(organisation))
            {
                _organisations.Add(organisation);
            }

            return organisation;
        }

        private async Task<Organisation> KnownOrganisationAsync(string key, CancellationToken cancellationToken)
        {
            var existing = _db.Organisations.Local.FirstOrDefault(o => o.KnownKey == key)
                ?? await _db.Organisations.Include(o => o.Country).FirstOrDefaultAsync(o => o.KnownKey == key, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            var known = OrganisationDirectory.Default.FindByKey(key) ?? throw new InvalidOperationException($"No known organisation '{key}'.");
            var organisation = new Organisation
            {
                Name = known.Name,
                Acronym = known.Acronym,
                NameKey = TextFolding.Fold(known.Name),
                KnownKey = known.Key,
                Slug = await UniqueOrganisationSlugAsync(Slugs.From(known.Acronym is null ? known.Name : $"{known.Name} {known.Acronym}" + (known.Country is null ? string.Empty : $" {known.Country}")), cancellationToken),
                Aliases = [.. known.Aliases],
                Country = known.Country is null ? null : Country(known.Country),
            };
            _db.Organisations.Add(organisation);
            if (known.Successor is { } successor)
            {
                organisation.Successor = await KnownOrganisationAsync(successor, cancellationToken);
            }

            return organisation;
        }

        private async Task<string> UniqueOrganisationSlugAsync(string slug, CancellationToken cancellationToken)
        {
            var candidate = slug;
            for (var n = 2; _db.Organisations.Local.Any(o => o.Slug == candidate) || await _db.Organisations.AnyAsync(o => o.Slug == candidate, cancellationToken); n++)
            {
                candidate = $"{slug}-{n}";
            }

            return candidate;
        }

        /// <summary>
        /// Who held a title on a date, as far as the archive shows: of the people other articles give that title (in that
        /// country, when the text says), the one whose articles with it span the date, else the one whose span is nearest.
        /// </summary>
        public async Task<Person?> HolderAsync(ExtractedTitleMention unnamed, PartialDate? date, int articleId, CancellationToken cancellationToken)
        {
            var country = unnamed.CountryCode is null ? null : Country(unnamed.CountryCode);
            var holders = await _db.ArticlePeople.AsNoTracking()
                .Where(m => m.ArticleId != articleId && m.Title != null && EF.Functions.Collate(m.Title, "NOCASE") == unnamed.Title && m.NameAsWritten != m.Title)
                .Where(m => country == null || m.Person.CountryId == country.Id)
                .Select(m => new { m.PersonId, m.Article.PublishedOn })
                .ToListAsync(cancellationToken);
            if (holders.Count == 0)
            {
                return null;
            }

            var spans = holders.GroupBy(h => h.PersonId).Select(g =>
            {
                var dates = g.Where(h => h.PublishedOn is not null).Select(h => h.PublishedOn!.Value).ToList();
                return new { PersonId = g.Key, First = dates.Count > 0 ? dates.Min() : (DateOnly?)null, Last = dates.Count > 0 ? dates.Max() : (DateOnly?)null, Mentions = g.Count() };
            }).ToList();
            int Distance(DateOnly? first, DateOnly? last, DateOnly day) =>
                first is not { } f || last is not { } l ? int.MaxValue
                : day < f ? f.DayNumber - day.DayNumber
                : day > l ? day.DayNumber - l.DayNumber
                : 0;
            var chosen = date?.FirstDay is { } on
                ? spans.OrderBy(s => Distance(s.First, s.Last, on)).ThenByDescending(s => s.Mentions).First()
                : spans.Count == 1 ? spans[0] : null;
            return chosen is null ? null : await _db.People.Include(p => p.Country).FirstAsync(p => p.Id == chosen.PersonId, cancellationToken);
        }

        private async Task<string> UniqueSlugAsync(string slug, CancellationToken cancellationToken)
        {
            var candidate = slug;
            for (var n = 2; _slugsTaken.Contains(candidate) || await _db.People.AnyAsync(p => p.Slug == candidate, cancellationToken); n++)
            {
                candidate = $"{slug}-{n}";
            }

            _slugsTaken.Add(candidate);
            return candidate;
        }
    }
}
