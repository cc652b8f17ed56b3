using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Search;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Pages.Search;

/// <summary>
/// Full-text search over titles, text, people and countries (SQLite FTS5, ranked by bm25), with highlighted passages,
/// combinable with the filters and facets of the article list. Whatever is typed gives results or a plain "no results".
/// </summary>
public sealed class IndexModel(ArchiveDbContext db, ArchiveSummary summary) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. ArticleFilter.Keys, QueryKey.Search, QueryKey.Sort, QueryKey.Page];

    public const int PageSize = 20;

    public string Query { get; private set; } = string.Empty;

    public SearchQuery Parsed { get; private set; } = SearchQuery.Parse(null);

    public ArticleFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public string Sort { get; private set; } = "relevance";

    public List<string> Messages { get; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<Result> Results { get; private set; } = [];

    public ArticleFacets Facets { get; private set; } = new([], [], [], []);

    public FacetPanel Panel => new(Facets, Links, Filter, Sort, Query);

    public sealed record Result(ArticleRow Article, IHtmlContent Passage);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = (Request.Query[QueryKey.Search].FirstOrDefault() ?? string.Empty).Trim();
        if (Query.Length > SearchQuery.MaxLength)
        {
            Query = SearchQuery.Clip(Query);
            Messages.Add($"Only the first {SearchQuery.MaxLength} characters of the search are used, to the last whole word: “{Query}”.");
        }

        Parsed = SearchQuery.Parse(Query);
        Filter = await ArticleFilter.ReadAsync(db, Request.Query, cancellationToken);
        Messages.AddRange(Filter.Messages);
        Links = new QueryLinks("/search", Request.Query);
        Sort = Request.Query[QueryKey.Sort].FirstOrDefault() is "newest" or "oldest" ? Request.Query[QueryKey.Sort].First()! : "relevance";
        if (Parsed.IsEmpty)
        {
            return;
        }

        // Everything is read from the search index and the filters' ids (ArticleFilter.Ids), never from the articles' rows
        // but the page's: the matches are counted without their rank, ranked in SQL with the page's LIMIT.
        var hits = SearchIndex.Hits(db, Parsed);
        var matched = hits.Select(h => h.Id);
        var filterIds = Filter.Ids();
        var total = await (filterIds is null ? matched : matched.Where(id => filterIds.Contains(id))).CountAsync(cancellationToken);
        var (paging, message) = Paging.Read(Request.Query[QueryKey.Page], PageSize, total);
        Paging = paging;
        if (message is not null)
        {
            Messages.Add(message);
        }

        List<int> ids;
        if (Sort == "relevance")
        {
            ids = await (filterIds is null ? hits : hits.Where(h => filterIds.Contains(h.Id)))
                .OrderBy(h => h.Rank).ThenByDescending(h => h.Id)
                .Skip(paging.Skip).Take(PageSize)
                .Select(h => h.Id)
                .ToListAsync(cancellationToken);
        }
        else
        {
            var filtered = Filter.Apply(db.Articles.AsNoTracking().Where(a => matched.Contains(a.Id)));
            ids = await filtered.Sorted(db, Sort == "oldest").Skip(paging.Skip).Take(PageSize).Select(a => a.Id).ToListAsync(cancellationToken);
        }

        var rows = (await db.Articles.Where(a => ids.Contains(a.Id)).ToRowsAsync(db, cancellationToken)).ToDictionary(r => r.Id);
        var texts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Body }).ToDictionaryAsync(a => a.Id, a => string.Join(' ', a.Body.Select(b => b.Text)), cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL marks the passages itself (ts_headline), in the same words as its index.
            var headlines = await SearchIndex.HeadlinesAsync(db, Parsed, [.. ids.Select(id => texts[id])], cancellationToken);
            Results = [.. ids.Select((id, i) => new Result(rows[id], Snippet.FromMarked(headlines[i])))];
        }
        else
        {
            Results = [.. ids.Select(id => new Result(rows[id], Snippet.Make(texts[id], Parsed)))];
        }
        // A search that matches every article narrows nothing: its facets are the archive's, already counted.
        var everything = (filterIds is null ? total : await matched.CountAsync(cancellationToken)) == await db.Articles.CountAsync(cancellationToken);
        Facets = everything
            ? await ArticleFacets.CountAsync(db, null, Filter, await summary.GetAsync(db, cancellationToken), cancellationToken)
            : await ArticleFacets.CountAsync(db, matched, Filter, null, cancellationToken);
    }
}
