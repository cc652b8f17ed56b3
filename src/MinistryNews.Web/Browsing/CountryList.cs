namespace MinistryNews.Web.Browsing;

/// <summary>
/// The query of the list of countries (<c>/countries</c>, <c>/api/countries</c>) as the query string gives it, read as
/// text. The API binds it with <c>[AsParameters]</c>; the page reads it from its query string with <see cref="Read"/>.
/// </summary>
public sealed record CountryQuery
{
    /// <summary>The page, from 1.</summary>
    public string? Page { get; init; }

    /// <summary>Items a page, 1 to 100 (20 when not given). The page shows 50 and does not read it.</summary>
    public string? PageSize { get; init; }

    /// <summary>The keys of the query string the page of countries reads through this record.</summary>
    public static IReadOnlyCollection<string> PageKeys { get; } = [QueryKey.Page];

    public static CountryQuery Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new CountryQuery { Page = query[QueryKey.Page].FirstOrDefault(), PageSize = query[QueryKey.PageSize].FirstOrDefault() };
    }
}

/// <summary>A country with how many articles name it, the meetings with it, the visits made there and from there, and the agreements with it.</summary>
public sealed record CountryRow(string Slug, string Name, string Code, int Articles, int Meetings, int VisitsMade, int VisitsHosted, int Agreements);

/// <summary>A page of countries: where it is in the list, a notice when it is not the page asked for, and its rows.</summary>
public sealed record CountryResults(CountryList List, Paging Paging, string? PageNotice, IReadOnlyList<CountryRow> Rows) : IRowPage<CountryRow>;

/// <summary>
/// The countries the archive deals with (those its articles name), most articles first: one query that the page, its
/// downloads and <c>/api/countries</c> render, counted and paged in SQL, the events counted for the page's countries only.
/// </summary>
public sealed class CountryList
{
    public const int PageSize = 50;

    private readonly ArchiveDbContext _db;

    private CountryList(ArchiveDbContext db, PageRequest page, IReadOnlyList<string> problems)
    {
        _db = db;
        Page = page;
        Problems = problems;
    }

    public PageRequest Page { get; }

    /// <summary>What the query asked for that the list cannot use, in words: the page shows them; the API answers 400.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static CountryList Read(ArchiveDbContext db, CountryQuery query, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<string>();
        var page = PageRequest.Read(query.Page, query.PageSize, pageSize, problems);
        return new CountryList(db, page, problems);
    }

    public async Task<CountryResults> PageAsync(bool lastWhenPast, CancellationToken cancellationToken)
    {
        var countries = _db.Countries.AsNoTracking().Where(c => c.Articles.Any());
        var total = await countries.CountAsync(cancellationToken);
        var (paging, notice) = Page.Within(total, lastWhenPast);
        IReadOnlyList<CountryRow> rows = [];
        if (Page with { Number = paging.Number } is var page && page.Skip(total) is { } skip)
        {
            rows = await RowsAsync(skip, page.Size, cancellationToken);
        }

        return new CountryResults(this, paging, notice, rows);
    }

    /// <summary>Every country of the list in its order, not one page (the downloads).</summary>
    public Task<List<CountryRow>> AllAsync(CancellationToken cancellationToken) => RowsAsync(0, int.MaxValue, cancellationToken);

    private async Task<List<CountryRow>> RowsAsync(int skip, int take, CancellationToken cancellationToken)
    {
        // The articles are counted in one pass over the link table's index, not through c.Articles, which joins every
        // link to its article's row to check that it is not withdrawn: a withdrawal deletes the article's links already.
        var countries = await _db.Set<Dictionary<string, object>>("ArticleCountries")
            .GroupBy(r => EF.Property<int>(r, "CountriesId"))
            .Select(g => new { Id = g.Key, Articles = g.Count() })
            .Join(_db.Countries, g => g.Id, c => c.Id, (g, c) => new { c.Id, c.Slug, c.Name, c.Code, g.Articles })
            .OrderByDescending(c => c.Articles).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(skip).Take(take)
            .TagWith(PageRequest.QueryTag)
            .ToListAsync(cancellationToken);
        var ids = countries.Select(c => c.Id).ToList();

        // Each count is one grouped query over its own table, for these countries only, not a subquery per country. The
        // many-to-many counts read their link table's index alone: through the navigations (m.CounterpartCountries) each
        // link would be joined to its meeting's, trip's or agreement's row.
        var meetings = await CountsAsync(Linked("MeetingCountries", "CounterpartCountriesId"), ids, cancellationToken);
        var visitsMade = await CountsAsync(Linked("DelegationDestinations", "DestinationsId"), ids, cancellationToken);
        var visitsHosted = await CountsAsync(_db.Delegations.Where(d => d.FromCountryId != null).Select(d => d.FromCountryId!.Value), ids, cancellationToken);
        var agreements = await CountsAsync(Linked("AgreementCountries", "CounterpartCountriesId"), ids, cancellationToken);
        return [.. countries.Select(c => new CountryRow(c.Slug, c.Name, c.Code, c.Articles, meetings.GetValueOrDefault(c.Id), visitsMade.GetValueOrDefault(c.Id), visitsHosted.GetValueOrDefault(c.Id), agreements.GetValueOrDefault(c.Id)))];
    }

    /// <summary>The country of each row of a link table.</summary>
    private IQueryable<int> Linked(string table, string countryKey) => _db.Set<Dictionary<string, object>>(table).Select(r => EF.Property<int>(r, countryKey));

    private static async Task<Dictionary<int, int>> CountsAsync(IQueryable<int> countryIds, List<int> ids, CancellationToken cancellationToken) =>
        await countryIds.Where(id => ids.Contains(id)).GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
