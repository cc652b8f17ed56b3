using MinistryNews.Core.People;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The query of the list of people (<c>/people</c>, <c>/api/people</c>) as the query string gives it, read as text (a
/// bad value gets a message, not a binding error). The API binds it with <c>[AsParameters]</c>; the page reads it from
/// its query string with <see cref="Read"/>.
/// </summary>
public sealed record PeopleQuery
{
    /// <summary>Only the people of these countries, by slug or by any name (japan, south-korea); several combine with OR.</summary>
    public string[]? Country { get; init; }

    /// <summary>The page, from 1.</summary>
    public string? Page { get; init; }

    /// <summary>Items a page, 1 to 100 (20 when not given). The page shows 50 and does not read it.</summary>
    public string? PageSize { get; init; }

    /// <summary>The keys of the query string the page of people reads through this record.</summary>
    public static IReadOnlyCollection<string> PageKeys { get; } = [QueryKey.Country, QueryKey.Page];

    public static PeopleQuery Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new PeopleQuery
        {
            Country = [.. query[QueryKey.Country].OfType<string>()],
            Page = query[QueryKey.Page].FirstOrDefault(),
            PageSize = query[QueryKey.PageSize].FirstOrDefault(),
        };
    }
}

/// <summary>
/// A person as the lists give them: their country, the latest office the archive shows them in (the latest title when
/// none is an office), the latest title as written, every office they held, and how many articles name them.
/// </summary>
public sealed record PersonRow(string Slug, string Name, Link? Country, string? Office, string? Title, int Articles)
{
    public IReadOnlyList<Link> Offices { get; init; } = [];

    /// <summary>The link to the sentence that gives the person's latest title, when they have one.</summary>
    public string? TitleHref { get; init; }

    /// <summary>Which fact <see cref="TitleHref"/> is for, in words a screen reader says after "the sentence that states".</summary>
    public string TitleFact => $"{Name}'s latest title, {Title}";
}

/// <summary>A page of people: where it is in the list, a notice when it is not the page asked for, and its rows.</summary>
public sealed record PeopleResults(PeopleList List, Paging Paging, string? PageNotice, IReadOnlyList<PersonRow> Rows) : IRowPage<PersonRow>;

/// <summary>
/// The officials the archive names, most articles first (then by name), with a filter by country: one query that the
/// page, its downloads and <c>/api/people</c> render, counted and paged in SQL.
/// </summary>
public sealed class PeopleList
{
    public const int PageSize = 50;

    private readonly ArchiveDbContext _db;

    private PeopleList(ArchiveDbContext db, IReadOnlyList<ArticleFilter.NamedValue> countries, PageRequest page, IReadOnlyList<string> problems)
    {
        _db = db;
        Countries = countries;
        Page = page;
        Problems = problems;
    }

    /// <summary>The countries chosen, as the archive names them.</summary>
    public IReadOnlyList<ArticleFilter.NamedValue> Countries { get; }

    public PageRequest Page { get; }

    /// <summary>What the query asked for that the list cannot use, in words: the page shows them and leaves those values out; the API answers 400.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static async Task<PeopleList> ReadAsync(ArchiveDbContext db, PeopleQuery query, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        // The country is read as the article lists read theirs (a slug, or any name of the country).
        var filter = await ArticleFilter.ReadAsync(db, new ArticleQuery { Country = query.Country }, cancellationToken);
        var problems = new List<string>(filter.Messages);
        var page = PageRequest.Read(query.Page, query.PageSize, pageSize, problems);
        return new PeopleList(db, filter.Countries, page, problems);
    }

    public async Task<PeopleResults> PageAsync(bool lastWhenPast, CancellationToken cancellationToken)
    {
        var people = Filtered();
        var total = await people.CountAsync(cancellationToken);
        var (paging, notice) = Page.Within(total, lastWhenPast);
        IReadOnlyList<PersonRow> rows = [];
        if (Page with { Number = paging.Number } is var page && page.Skip(total) is { } skip)
        {
            rows = await WithOfficesAsync((await Rows(Sorted(people).Skip(skip).Take(page.Size)).TagWith(PageRequest.QueryTag).ToListAsync(cancellationToken)).ConvertAll(p => p.Row), cancellationToken);
        }

        return new PeopleResults(this, paging, notice, rows);
    }

    /// <summary>Every person of the list in its order, not one page (the downloads).</summary>
    public async Task<IReadOnlyList<PersonRow>> AllAsync(CancellationToken cancellationToken) =>
        await WithOfficesAsync((await Rows(Sorted(Filtered())).ToListAsync(cancellationToken)).ConvertAll(p => p.Row), cancellationToken);

    private IQueryable<Person> Filtered()
    {
        var ids = Countries.Select(c => c.Id).ToList();
        var people = _db.People.AsNoTracking();
        return ids.Count == 0 ? people : people.Where(p => p.CountryId != null && ids.Contains(p.CountryId.Value));
    }

    private static IQueryable<Person> Sorted(IQueryable<Person> people) => people.OrderByDescending(p => p.ArticleCount).ThenBy(p => p.Name).ThenBy(p => p.Id);

    // The latest title and its office are read from the one mention the registers keep for each person (by its key),
    // not found by sorting all of the person's mentions by their articles' dates: the most named have thousands. Each
    // column is a scalar subquery the database answers from the keys; an object read the same way becomes a join over
    // every mention.
    private static IQueryable<ListedPerson> Rows(IQueryable<Person> people) =>
        people.Select(p => new ListedPerson(
            p.Slug,
            p.Name,
            p.Country == null ? null : new Link(p.Country.Slug, p.Country.Name),
            p.Mentions.Where(m => m.ArticleId == p.LatestTitledArticleId && m.Office != null).Select(m => m.Office!.Name).FirstOrDefault(),
            p.Mentions.Where(m => m.ArticleId == p.LatestTitledArticleId).Select(m => m.Title).FirstOrDefault(),
            p.Mentions.Where(m => m.ArticleId == p.LatestTitledArticleId).Select(m => m.Article.Key).FirstOrDefault(),
            p.Mentions.Where(m => m.ArticleId == p.LatestTitledArticleId).Select(m => m.Article.Slug).FirstOrDefault(),
            p.Mentions.Where(m => m.ArticleId == p.LatestTitledArticleId).Select(m => m.Evidence).FirstOrDefault(),
            p.ArticleCount));

    /// <summary>A person as read: their latest office, if any, apart from their latest title.</summary>
    private sealed record ListedPerson(string Slug, string Name, Link? Country, string? Office, string? Title, string? TitleArticleKey, string? TitleArticleSlug, string? TitleSentence, int Articles)
    {
        public PersonRow Row => new(Slug, Name, Country, Office ?? Title, Title, Articles)
        {
            TitleHref = TitleArticleKey is null || TitleArticleSlug is null || TitleSentence is null ? null : ArticleLinks.Fact(TitleArticleKey, TitleArticleSlug, TitleSentence),
        };
    }

    /// <summary>The offices each person held (whatever the wording of their titles), by name, read for these people only.</summary>
    private async Task<List<PersonRow>> WithOfficesAsync(List<PersonRow> rows, CancellationToken cancellationToken)
    {
        var slugs = rows.Select(r => r.Slug).ToList();
        if (slugs.Count == 0)
        {
            return rows;
        }

        var offices = (await _db.ArticlePeople.AsNoTracking()
                .Where(m => m.OfficeId != null && EF.Parameter(slugs).Contains(m.Person.Slug))
                .Select(m => new { Person = m.Person.Slug, m.Office!.Slug, m.Office.Name })
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.Person, o => new Link(o.Slug, o.Name));
        return [.. rows.Select(r => r with { Offices = [.. offices[r.Slug].OrderBy(o => o.Name, StringComparer.Ordinal)] })];
    }
}
