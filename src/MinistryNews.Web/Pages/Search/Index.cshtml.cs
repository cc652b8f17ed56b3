using Microsoft.AspNetCore.Html;
using MinistryNews.Core.Search;

namespace MinistryNews.Web.Pages.Search;

/// <summary>
/// Full-text search over titles, text, people and countries (SQLite FTS5, ranked by bm25), with highlighted passages,
/// combinable with the filters and facets of the article list. Whatever is typed gives results or a plain "no results".
/// The matches download as CSV and JSON and are followed as an Atom feed, as every article list.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db, ArchiveSummary summary) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. ArticleQuery.PageKeys, QueryKey.Format];

    public ArticleList List { get; private set; } = null!;

    /// <summary>The words searched for, as they are used.</summary>
    public string Query => List.Search;

    public SearchQuery Parsed => List.Parsed;

    public ArticleFilter Filter => List.Filter;

    public QueryLinks Links { get; private set; } = null!;

    public string Sort => List.SortValue;

    public List<string> Messages { get; } = [];

    /// <summary>Why the results are newest first where a search ranks them (its words are in most articles), or null.</summary>
    public string? OrderNotice { get; private set; }

    /// <summary>The order the results are in, as the query string writes it.</summary>
    public ArticleSort ShownSort { get; private set; }

    public Paging Paging { get; private set; } = new(1, ArticleList.PageSize, 0);

    public IReadOnlyList<Result> Results { get; private set; } = [];

    public ArticleFacets Facets { get; private set; } = new([], [], [], []);

    public FacetPanel Panel => new(Facets, Links, Filter, Sort, Query);

    public sealed record Result(ArticleRow Article, IHtmlContent Passage);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        List = await ArticleList.ReadAsync(db, ArticleQuery.Read(Request.Query), ArticleList.PageSize, cancellationToken);
        var typed = (Request.Query[QueryKey.Search].FirstOrDefault() ?? string.Empty).Trim();
        if (typed.Length > SearchQuery.MaxLength)
        {
            Messages.Add($"Only the first {SearchQuery.MaxLength} characters of the search are used, to the last whole word: “{Query}”.");
        }

        Messages.AddRange(List.Problems);
        Links = new QueryLinks("/search", Request.Query);
        if (Parsed.IsEmpty)
        {
            return Page();
        }

        if (await List.FormatAsync(HttpContext, "search", cancellationToken) is { } formatted)
        {
            return formatted;
        }

        var results = await List.PageAsync(lastWhenPast: true, cancellationToken);
        Paging = results.Paging;
        if (results.PageNotice is { } notice)
        {
            Messages.Add(notice);
        }

        OrderNotice = results.OrderNotice;
        ShownSort = results.ShownSort;

        var ids = results.Rows.Select(r => r.Id).ToList();
        var texts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Body }).ToDictionaryAsync(a => a.Id, a => string.Join(' ', a.Body.Select(b => b.Text)), cancellationToken);
        var rows = results.Rows.Where(r => texts.ContainsKey(r.Id)).ToList();
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL marks the passages itself (ts_headline), in the same words as its index.
            var headlines = await SearchIndex.HeadlinesAsync(db, Parsed, [.. rows.Select(r => texts[r.Id])], cancellationToken);
            Results = [.. rows.Select((r, i) => new Result(r, Snippet.FromMarked(headlines[i])))];
        }
        else
        {
            Results = [.. rows.Select(r => new Result(r, Snippet.Make(texts[r.Id], Parsed)))];
        }

        // A search that matches every article narrows nothing: its facets are the archive's, already counted.
        var matched = List.Matches!;
        var everything = (Filter.IsEmpty ? Paging.Total : await matched.CountAsync(cancellationToken)) == await List.ArchiveSizeAsync(cancellationToken);
        Facets = everything
            ? await ArticleFacets.CountAsync(db, null, Filter, await summary.GetAsync(db, cancellationToken), cancellationToken)
            : await ArticleFacets.CountAsync(db, matched, Filter, null, cancellationToken);
        return Page();
    }
}
