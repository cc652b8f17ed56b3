using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Extensions;
using MinistryNews.Core.Articles;
using MinistryNews.Core.Search;

namespace MinistryNews.Web.Browsing;

/// <summary>The orders of the article list.</summary>
public enum ArticleSort
{
    Newest,
    Oldest,

    /// <summary>Best match first (a search only).</summary>
    Relevance,
}

/// <summary>
/// The article list, one query for every view of it: <c>/articles</c>, <c>/search</c>, their downloads, <c>/api/articles</c>
/// and <c>/feeds/articles.atom</c>. It reads an <see cref="ArticleQuery"/> once (the filters, the search, the order, the
/// page), says what it could not use (<see cref="Problems"/>), and runs in SQL: the matches counted, sorted and paged by
/// the database, only the rows of the page read.
/// </summary>
public sealed class ArticleList
{
    public const int PageSize = 20;

    private readonly ArchiveDbContext _db;

    private int? _archiveSize;

    /// <summary>Whether the query chose the order (<c>sort</c>); a search left to its default is ranked, unless its words are in most articles.</summary>
    private readonly bool _sortAsked;

    private ArticleList(ArchiveDbContext db, ArticleFilter filter, string search, SearchQuery parsed, ArticleSort sort, bool sortAsked, PageRequest page, IReadOnlyList<string> problems)
    {
        _db = db;
        _sortAsked = sortAsked;
        Filter = filter;
        Search = search;
        Parsed = parsed;
        Sort = sort;
        Page = page;
        Problems = problems;
    }

    public ArticleFilter Filter { get; }

    /// <summary>The words searched for as they are used (cut after the last whole word past <see cref="SearchQuery.MaxLength"/>); empty when none.</summary>
    public string Search { get; }

    public SearchQuery Parsed { get; }

    /// <summary>Whether the list is a search's matches (words to look for were given).</summary>
    public bool IsSearch => !Parsed.IsEmpty;

    public ArticleSort Sort { get; }

    public PageRequest Page { get; }

    /// <summary>What the query asked for that the list cannot use, in words: a page shows them and leaves those values out; the API answers 400.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The order as the query string writes it.</summary>
    public string SortValue => Sort.ToString().ToLowerInvariant();

    /// <summary>The ids of the search's matches (for the facets), or null when the list is not a search.</summary>
    public IQueryable<int>? Matches => IsSearch ? SearchIndex.Hits(_db, Parsed).Select(h => h.Id) : null;

    public static async Task<ArticleList> ReadAsync(ArchiveDbContext db, ArticleQuery query, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var filter = await ArticleFilter.ReadAsync(db, query, cancellationToken);
        var problems = new List<string>(filter.Messages);
        var search = (query.Q ?? string.Empty).Trim();
        search = SearchQuery.Clip(search);
        var parsed = SearchQuery.Parse(search);
        ArticleSort? sort = query.Sort?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "newest" => ArticleSort.Newest,
            "oldest" => ArticleSort.Oldest,
            "relevance" => ArticleSort.Relevance,
            _ => null,
        };
        if (sort is null && !string.IsNullOrWhiteSpace(query.Sort))
        {
            problems.Add($"“{(query.Sort.Length > 20 ? query.Sort[..20] + "…" : query.Sort)}” is not an order: sort by “newest”, “oldest”{(parsed.IsEmpty ? string.Empty : " or “relevance”")}; showing the {(parsed.IsEmpty ? "newest" : "best match")} first.");
        }

        // A search is best match first unless sorted by date; without a search there is nothing to rank.
        var order = parsed.IsEmpty
            ? sort == ArticleSort.Oldest ? ArticleSort.Oldest : ArticleSort.Newest
            : sort ?? ArticleSort.Relevance;
        var page = PageRequest.Read(query.Page, query.PageSize, pageSize, problems);
        return new ArticleList(db, filter, search, parsed, order, sort is not null, page, problems);
    }

    /// <summary>How many articles the list holds, counted from the search index and the filters' ids, never from the articles' rows.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var filterIds = Filter.Ids();
        if (Matches is { } matched)
        {
            return await (filterIds is null ? matched : matched.Where(id => filterIds.Contains(id))).CountAsync(cancellationToken);
        }

        if (Filter.Tallied() is { } tallied)
        {
            return await tallied.SumAsync(r => r.Articles, cancellationToken);
        }

        return await (filterIds is null ? _db.Articles.Select(a => a.Id) : filterIds.Distinct()).CountAsync(cancellationToken);
    }

    /// <summary>
    /// The page asked for: the total, where the page is, and its rows. Past the last page, a page of the site shows the
    /// last one (<paramref name="lastWhenPast"/>, with a notice); the API gets no rows.
    /// </summary>
    public async Task<ArticleResults> PageAsync(bool lastWhenPast, CancellationToken cancellationToken)
    {
        var total = await CountAsync(cancellationToken);
        var (paging, notice) = Page.Within(total, lastWhenPast);
        var (sort, orderNotice) = await OrderAsync(total, cancellationToken);
        IReadOnlyList<ArticleRow> rows = [];
        if (Page with { Number = paging.Number } is var page && page.Skip(total) is { } skip)
        {
            // The part of the date index a walk covers: the archive's (its size known without reading it, the highest id
            // being the last of the primary key), or the articles within the filters' dates, counted on that index no
            // further than a walk would be worth it.
            var archive = ByDateIndexMayHelp(sort) ? await _db.Articles.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0 : 0;
            if (archive > 0 && Filter.HasDates)
            {
                var worth = (int)Math.Min(archive, WalkOverRead * (long)total * total / (skip + page.Size) + 1);
                archive = await Filter.Dated(_db.Articles).Select(a => a.Id).Take(worth).CountAsync(cancellationToken);
            }

            var ids = await Sorted(sort, (skip, total, archive)).Skip(skip).Take(page.Size).TagWith(PageRequest.QueryTag).ToListAsync(cancellationToken);
            rows = await ArticleRows.RowsAsync(_db, ids, cancellationToken);
        }

        return new ArticleResults(this, paging, notice, rows) { OrderNotice = orderNotice, ShownSort = sort };
    }

    /// <summary>The articles of the archive, counted once for the list and what its page asks of it.</summary>
    public async Task<int> ArchiveSizeAsync(CancellationToken cancellationToken) =>
        _archiveSize ??= await _db.Articles.CountAsync(cancellationToken);

    /// <summary>
    /// The order the list is shown in: the one asked for, except that a search left to its default order whose matches
    /// are more than half the archive is shown newest first, with a notice that says why.
    /// </summary>
    private async Task<(ArticleSort Sort, string? Notice)> OrderAsync(int total, CancellationToken cancellationToken)
    {
        if (!IsSearch || Sort != ArticleSort.Relevance || _sortAsked || total < 2
            || await ArchiveSizeAsync(cancellationToken) is var size && total * 2L <= size)
        {
            return (Sort, null);
        }

        // bm25 weighs a word by how few articles hold it, and a word in more than half of them at almost nothing
        // (SQLite's FTS5 floors it at a millionth): ranking every match would cost the database a score for each, to
        // order them by noise.
        return (ArticleSort.Newest, $"“{Search}” is in {total:N0} of the archive's {Display.Count(size, "article")}, more than half: a word in most articles tells little about any one of them, so they are shown newest first. Sort by relevance to rank them anyway.");
    }

    /// <summary>The ids of the first <paramref name="count"/> articles of the list in <paramref name="sort"/>'s order (a feed's, newest first).</summary>
    public Task<List<int>> FirstIdsAsync(ArticleSort sort, int count, CancellationToken cancellationToken) =>
        Sorted(sort, null).Take(count).ToListAsync(cancellationToken);

    /// <summary>Every article of the list in its order, not one page (the downloads): the ids sorted in SQL, then the rows read a few hundred at a time.</summary>
    public async IAsyncEnumerable<ArticleRow> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // In the order the list's pages show.
        var (sort, _) = IsSearch && Sort == ArticleSort.Relevance && !_sortAsked ? await OrderAsync(await CountAsync(cancellationToken), cancellationToken) : (Sort, null);
        var ids = await Sorted(sort, null).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var row in await ArticleRows.RowsAsync(_db, chunk, cancellationToken))
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// The list in the format the query string asks for, under <paramref name="name"/>: <c>atom</c> leads to its feed,
    /// <c>csv</c> and <c>json</c> are downloads of every article; null when it asks for the page.
    /// </summary>
    public async Task<IActionResult?> FormatAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Export.Refusal(context.Request, Problems, feed: true) is { } refused)
        {
            return refused;
        }

        switch (context.Request.Query[QueryKey.Format].FirstOrDefault()?.ToLowerInvariant())
        {
            case "atom":
                return new RedirectResult(FeedAddress);
            case "csv" or "json":
                var origin = PublicAddress.Origin(context);
                return await Export.WriteAsync(context.Response, Export.Format(context.Request)!, name, AllAsync(cancellationToken).Select(r => ArticleDownloadRow.Of(r, origin)), cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>The list's page (<c>/search</c> for a search, else <c>/articles</c>) with its filters and search as the list understood them, and its order when <paramref name="withSort"/>.</summary>
    public string Address(bool withSort = true) => (IsSearch ? "/search" : "/articles") + CanonicalQuery(withSort);

    /// <summary>The Atom feed of the list: its filters and search, newest first.</summary>
    public string FeedAddress => "/feeds/articles.atom" + CanonicalQuery(withSort: false);

    /// <summary>Whether any filter or search narrows the list (its feed is then not the archive's).</summary>
    public bool IsNarrowed => IsSearch || !Filter.IsEmpty;

    /// <summary>What the list holds, in words, for a feed's title: "articles about Japan or Laos, telling a meeting, matching “5G”".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Filter.Countries.Count > 0)
        {
            parts.Add("about " + Or(Filter.Countries.Select(c => c.Name)));
        }

        if (Filter.People.Count > 0)
        {
            parts.Add("naming " + Or(Filter.People.Select(p => p.Name)));
        }

        if (Filter.KindValues.Count > 0)
        {
            parts.Add("telling " + Or(Filter.KindValues.Select(k => k == "agreement" ? "an agreement" : "a " + k)));
        }

        parts.AddRange(Filter.DescribeDates());

        if (IsSearch)
        {
            parts.Add($"matching “{Search}”");
        }

        return parts.Count == 0 ? "latest articles" : "articles " + string.Join(", ", parts);

        static string Or(IEnumerable<string> names) => string.Join(" or ", names);
    }

    /// <summary>
    /// The query string of the list as it was understood: each key once, in the order of their names (as the query
    /// normalisation orders them), the values that were left out not there, no page.
    /// </summary>
    private string CanonicalQuery(bool withSort)
    {
        var values = new List<KeyValuePair<string, string>>();
        values.AddRange(Filter.Countries.Select(c => KeyValuePair.Create(QueryKey.Country, c.Slug)));
        if (Filter.From is { } from)
        {
            values.Add(KeyValuePair.Create(QueryKey.From, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        values.AddRange(Filter.KindValues.Select(k => KeyValuePair.Create(QueryKey.Kind, k)));
        if (Filter.Month is { } month)
        {
            values.Add(KeyValuePair.Create(QueryKey.Month, month.ToString(CultureInfo.InvariantCulture)));
        }

        values.AddRange(Filter.People.Select(p => KeyValuePair.Create(QueryKey.Person, p.Slug)));
        if (IsSearch)
        {
            values.Add(KeyValuePair.Create(QueryKey.Search, Search));
        }

        var defaultSort = IsSearch ? ArticleSort.Relevance : ArticleSort.Newest;
        if (withSort && Sort != defaultSort)
        {
            values.Add(KeyValuePair.Create(QueryKey.Sort, SortValue));
        }

        if (Filter.To is { } to)
        {
            values.Add(KeyValuePair.Create(QueryKey.To, to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (Filter.Year is { } year)
        {
            values.Add(KeyValuePair.Create(QueryKey.Year, year.ToString(CultureInfo.InvariantCulture)));
        }

        var builder = new QueryBuilder(values);
        return builder.ToQueryString().Value ?? string.Empty;
    }

    /// <summary>
    /// The ids of the list in <paramref name="sort"/>'s order, from the search index and the filters' ids. A search best
    /// match first is ranked in SQL from the index alone; a date order sorts the articles by the (PublishedOn, Id) index.
    /// </summary>
    /// <param name="page">The rows before the page, the list's and the archive's sizes, when a page is read: they choose how SQLite reaches the page.</param>
    private IQueryable<int> Sorted(ArticleSort sort, (int Skip, int Total, int Archive)? page)
    {
        var filterIds = Filter.Ids();
        if (IsSearch && sort == ArticleSort.Relevance)
        {
            var hits = SearchIndex.Hits(_db, Parsed);
            return (filterIds is null ? hits : hits.Where(h => filterIds.Contains(h.Id)))
                .OrderBy(h => h.Rank).ThenByDescending(h => h.Id)
                .Select(h => h.Id);
        }

        var articles = _db.Articles.AsNoTracking();
        var total = page?.Total ?? 0;
        var walk = page is { } at && ByDateIndexMayHelp(sort) && total > 0
            ? (at.Skip + Page.Size) * (double)at.Archive / total
            : double.PositiveInfinity;
        if (Matches is { } matched)
        {
            // A search in date order: when its matches are many, the page's rows come early in a walk down the date
            // index, each article asked of the search index by its id (an EXISTS the index answers from its doclist);
            // when they are few, the matches are read first and sorted. A probe of the index costs about ten times a
            // match read.
            var hits = SearchIndex.Hits(_db, Parsed);
            articles = walk < total / 10.0
                ? articles.Where(a => hits.Any(h => h.Id == a.Id))
                : articles.Where(a => matched.Contains(a.Id));
        }

        var filtered = Filter.Apply(articles);
        if (!IsSearch && filterIds is not null && walk < WalkOverRead * total)
        {
            // Index entries walked to reach the page's rows against rows read by id, each of which costs its text's pages.
            // The walk starts at the filters' dates, which it reads on the index itself.
            filtered = Filter.Dated(_db.Articles.AsNoTracking()).Where(a => filterIds.Contains(a.Id + 0));
        }

        return filtered.Sorted(_db, sort == ArticleSort.Oldest).Select(a => a.Id);
    }

    /// <summary>
    /// Whether a page may be read by walking the date index. A country or person filter gives a set of ids; SQLite would
    /// seek each article by its id and read its date, stored after its text, to sort them all. When the page's rows come
    /// early in the walk down the date index (many articles match), it walks that index instead and looks each id up in
    /// the set (<c>Id + 0</c> keeps SQLite from seeking by id); a few matches are still read by id.
    /// </summary>
    /// <summary>The index entries a walk may read for each row it spares reading by id (whose date is stored after its text).</summary>
    private const int WalkOverRead = 30;

    private bool ByDateIndexMayHelp(ArticleSort sort) =>
        _db.Database.IsSqlite() && sort != ArticleSort.Relevance && (IsSearch || Filter.Countries.Count > 0 || Filter.People.Count > 0);
}

/// <summary>A page of the article list: where it is in the list, a notice when it is not the page asked for, and its rows.</summary>
public sealed record ArticleResults(ArticleList List, Paging Paging, string? PageNotice, IReadOnlyList<ArticleRow> Rows) : IRowPage<ArticleRow>
{
    /// <summary>Why the rows are not in the order the list asked for (a search of words in most articles, newest first), or null.</summary>
    public string? OrderNotice { get; init; }

    /// <summary>The order the rows are in.</summary>
    public ArticleSort ShownSort { get; init; }
}
