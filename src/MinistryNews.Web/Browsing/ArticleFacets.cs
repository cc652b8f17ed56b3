using MinistryNews.Core.Countries;

namespace MinistryNews.Web.Browsing;

/// <summary>A value of a facet: what the query string says, what the page shows, how many articles, whether chosen.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

/// <summary>
/// The facets of an article list: each counts, among the articles of <c>source</c>, those that pass every filter but its
/// own, so that its values combine with OR while the other filters narrow it.
/// </summary>
public sealed record ArticleFacets(IReadOnlyList<FacetValue> Countries, IReadOnlyList<FacetValue> People, IReadOnlyList<FacetValue> Kinds, IReadOnlyList<FacetValue> Years)
{
    public const int Size = 12;

    /// <summary>
    /// From how many articles a year facet reads the date index whole rather than each article's row: at 100,000
    /// articles the whole index took 10 ms and 700 rows read by id 7.5 ms, about 10 µs a row.
    /// </summary>
    private const int ScanFrom = 1000;

    /// <param name="db">The archive.</param>
    /// <param name="within">The articles the list is drawn from (a search's matches), or null for the whole archive.</param>
    /// <param name="whole">The archive's counts when the list is the whole archive: a facet no other filter narrows takes
    /// its counts from them instead of counting again.</param>
    /// <remarks>
    /// Every count starts from the ids of the articles a facet counts (<see cref="ArticleFilter.Ids(Facet?)"/>) and reads the link
    /// tables' indexes by those ids, grouped in SQL: the articles' own rows are never read, and only the values shown
    /// (the first <see cref="Size"/> people and those chosen) come back. A facet whose other filters are at most one
    /// country, a year and kinds sums the rows of the <see cref="CountryYear"/> register instead (<see cref="ArticleFilter.Tallied"/>).
    /// </remarks>
    public static async Task<ArticleFacets> CountAsync(ArchiveDbContext db, IQueryable<int>? within, ArticleFilter filter, ArchiveCounts? whole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        IQueryable<int> Counted(Facet facet)
        {
            var ids = filter.Ids(facet);
            return within is null ? ids ?? db.Articles.Select(a => a.Id) : ids is null ? within : ids.Where(id => within.Contains(id));
        }

        bool Whole(Facet facet) => whole is not null && within is null && filter.IsEmptyExcept(facet);

        // Without a search, the register's counts by country, year and kinds answer a facet whose other filters it keeps.
        IQueryable<CountryYear>? Tallied(Facet facet) => within is null ? filter.Tallied(facet) : null;

        var countryIds = filter.Countries.Select(c => c.Id).ToList();
        List<IdCount> countries;
        if (Whole(Facet.Country))
        {
            countries = [.. whole!.Countries.Select(c => new IdCount(c.Id, c.Country.Slug, c.Country.Name, c.Count))];
        }
        else
        {
            var ids = Counted(Facet.Country);
            var counts = Tallied(Facet.Country) is { } tallied
                ? tallied.GroupBy(r => r.CountryId).Select(g => new { Id = g.Key, Count = g.Sum(r => r.Articles) })
                : db.Set<Dictionary<string, object>>("ArticleCountries")
                    .Where(r => ids.Contains(EF.Property<int>(r, "ArticlesId")))
                    .GroupBy(r => EF.Property<int>(r, "CountriesId"))
                    .Select(g => new { Id = g.Key, Count = g.Count() });
            countries = await counts
                .Join(db.Countries, g => g.Id, c => c.Id, (g, c) => new { c.Id, c.Slug, c.Name, g.Count })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Name)
                .Select(g => new IdCount(g.Id, g.Slug, g.Name, g.Count))
                .ToListAsync(cancellationToken);
        }

        var personIds = filter.People.Select(p => p.Id).ToList();
        List<IdCount> people;
        if (Whole(Facet.Person))
        {
            people = [.. whole!.TopPeople.Select(p => new IdCount(p.Id, p.Person.Slug, p.Person.Name, p.Count)).Take(Size)
                .Concat(filter.People.Where(p => !whole.TopPeople.Take(Size).Any(t => t.Id == p.Id)).Select(p => new IdCount(p.Id, p.Slug, p.Name, whole.PeopleCounts.GetValueOrDefault(p.Id))))];
        }
        else
        {
            var ids = Counted(Facet.Person);
            var named = db.ArticlePeople.Where(m => ids.Contains(m.ArticleId));
            IQueryable<IdCount> Ranked(IQueryable<Core.People.ArticlePerson> mentions) => mentions
                .GroupBy(m => m.PersonId)
                .Select(g => new { Id = g.Key, Count = g.Count() })
                .Join(db.People, g => g.Id, p => p.Id, (g, p) => new { p.Id, p.Slug, p.Name, g.Count })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Name)
                .Select(g => new IdCount(g.Id, g.Slug, g.Name, g.Count));
            people = await Ranked(named).Take(Size).ToListAsync(cancellationToken);
            var chosen = personIds.Except(people.Select(p => p.Id)).ToList();
            if (chosen.Count > 0)
            {
                // The people chosen that rank below the first ones, in the same order as the full ranking would give them.
                people.AddRange(await Ranked(named.Where(m => chosen.Contains(m.PersonId))).ToListAsync(cancellationToken));
            }
        }

        (int, int, int) kindCounts;
        if (Whole(Facet.Kind))
        {
            kindCounts = whole!.Kinds;
        }
        else if (Tallied(Facet.Kind) is { } tallied)
        {
            var counts = await tallied.GroupBy(r => 1)
                .Select(g => new
                {
                    Meetings = g.Sum(r => (r.Kinds & EventKinds.Meeting) != EventKinds.None ? r.Articles : 0),
                    Delegations = g.Sum(r => (r.Kinds & EventKinds.Delegation) != EventKinds.None ? r.Articles : 0),
                    Agreements = g.Sum(r => (r.Kinds & EventKinds.Agreement) != EventKinds.None ? r.Articles : 0),
                })
                .FirstOrDefaultAsync(cancellationToken);
            kindCounts = counts is null ? (0, 0, 0) : (counts.Meetings, counts.Delegations, counts.Agreements);
        }
        else
        {
            // The three kinds counted in one pass over the articles, each checked through its table's index.
            var counts = await Counted(Facet.Kind).Distinct()
                .GroupBy(id => 1)
                .Select(g => new
                {
                    Meetings = g.Count(id => db.Meetings.Any(m => m.ArticleId == id)),
                    Delegations = g.Count(id => db.Delegations.Any(d => d.ArticleId == id)),
                    Agreements = g.Count(id => db.Agreements.Any(x => x.ArticleId == id)),
                })
                .FirstOrDefaultAsync(cancellationToken);
            kindCounts = counts is null ? (0, 0, 0) : (counts.Meetings, counts.Delegations, counts.Agreements);
        }

        FacetValue[] kinds =
        [
            new("meeting", "Meetings", kindCounts.Item1, filter.KindValues.Contains("meeting")),
            new("delegation", "Delegations", kindCounts.Item2, filter.KindValues.Contains("delegation")),
            new("agreement", "Agreements", kindCounts.Item3, filter.KindValues.Contains("agreement")),
        ];

        List<YearCount> years;
        if (Whole(Facet.Year))
        {
            years = [.. whole!.Months.GroupBy(m => m.Year).Select(g => new YearCount(g.Key, g.Sum(m => m.Count)))];
        }
        else if (Tallied(Facet.Year) is { } tallied)
        {
            years = await tallied.Where(r => r.Year != 0)
                .GroupBy(r => r.Year)
                .Select(g => new { Year = g.Key, Count = g.Sum(r => r.Articles) })
                .OrderByDescending(g => g.Year)
                .Select(g => new YearCount(g.Year, g.Count))
                .ToListAsync(cancellationToken);
        }
        else
        {
            var ids = Counted(Facet.Year);
            // The date is stored after the article's text, so reading it from the rows costs the text's pages: on SQLite,
            // when the set holds more than a few articles, the date index (PublishedOn, Id) is read whole instead, each id
            // looked up in the set (Id + 0 keeps SQLite from seeking the rows by id), which costs the same however many
            // articles the set holds; a few are still read by id.
            var dated = db.Database.IsSqlite() && await ids.Take(ScanFrom).CountAsync(cancellationToken) == ScanFrom
                ? db.Articles.Where(a => a.PublishedOn != null && ids.Contains(a.Id + 0))
                : db.Articles.Where(a => a.PublishedOn != null && ids.Contains(a.Id));
            years = await dated
                .GroupBy(a => a.PublishedOn!.Value.Year)
                .Select(g => new { Year = g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Year)
                .Select(g => new YearCount(g.Year, g.Count))
                .ToListAsync(cancellationToken);
        }

        return new ArticleFacets(
            [.. countries.Where((c, i) => i < Size || countryIds.Contains(c.Id)).Select(c => new FacetValue(c.Slug, c.Name, c.Count, countryIds.Contains(c.Id)))],
            [.. people.Where((p, i) => i < Size || personIds.Contains(p.Id)).Select(p => new FacetValue(p.Slug, p.Name, p.Count, personIds.Contains(p.Id)))],
            kinds,
            [.. years.Select(y => new FacetValue(y.Year.ToString(CultureInfo.InvariantCulture), y.Year.ToString(CultureInfo.InvariantCulture), y.Count, filter.Year == y.Year))]);
    }
}

internal sealed record IdCount(int Id, string Slug, string Name, int Count);

internal sealed record YearCount(int Year, int Count);

/// <summary>What the facet panel beside a list shows: the facets, the filters chosen, and the search when there is one.</summary>
public sealed record FacetPanel(ArticleFacets Facets, QueryLinks Links, ArticleFilter Filter, string Sort, string? Query);
