using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Pages.Articles;

/// <summary>
/// All the articles, 20 a page, with filters that combine and facets whose counts follow the filters chosen:
/// each facet counts the articles that pass every other filter, so its values combine with OR.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db, ArchiveSummary summary) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. ArticleFilter.Keys, QueryKey.Sort, QueryKey.Page, QueryKey.Format];

    public const int PageSize = 20;

    public ArticleFilter Filter { get; private set; } = null!;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    public bool OldestFirst { get; private set; }

    public List<string> Messages { get; } = [];

    public ArticleFacets Facets { get; private set; } = new([], [], [], []);

    public FacetPanel Panel => new(Facets, Links, Filter, OldestFirst ? "oldest" : "newest", null);

    /// <summary>An article as the downloads give it.</summary>
    public sealed record ExportRow(int Id, string Title, string? Published, string Countries, int Meetings, int Delegations, int Agreements, string Url);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = await ArticleFilter.ReadAsync(db, Request.Query, cancellationToken);
        Messages.AddRange(Filter.Messages);
        Links = new QueryLinks("/articles", Request.Query);
        var sort = Request.Query[QueryKey.Sort].FirstOrDefault();
        OldestFirst = sort == "oldest";
        if (sort is not (null or "" or "newest" or "oldest"))
        {
            Messages.Add("Sort by “newest” or “oldest”; showing the newest first.");
        }

        var articles = db.Articles.AsNoTracking();
        var filtered = Filter.Apply(articles);
        if (Export.Format(Request) is { } format)
        {
            return await Export.WriteAsync(Response, format, "articles", ExportRows(filtered.Sorted(db, OldestFirst), cancellationToken), cancellationToken);
        }

        // Counted from the link tables and the date index, without reading the articles' rows.
        var whole = await summary.GetAsync(db, cancellationToken);
        var ids = Filter.Ids();
        var total = await (ids is null ? articles.Select(a => a.Id) : ids.Distinct()).CountAsync(cancellationToken);
        var (paging, pageMessage) = Paging.Read(Request.Query[QueryKey.Page], PageSize, total);
        Paging = paging;
        if (pageMessage is not null)
        {
            Messages.Add(pageMessage);
        }

        Articles = await Page(filtered, ids, paging, total, whole.Articles).Sorted(db, OldestFirst).Skip(paging.Skip).Take(PageSize).ToRowsAsync(db, cancellationToken);

        Facets = await ArticleFacets.CountAsync(db, null, Filter, whole, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The articles a page is sorted from. A country or person filter gives a set of ids; SQLite would seek each article by
    /// its id and read its date, stored after its text, to sort them all. When the page's rows come early in the walk
    /// down the date index (many articles match), it walks that index instead and looks each id up in the set
    /// (<c>Id + 0</c> keeps SQLite from seeking by id); a few matches are still read by id.
    /// </summary>
    private IQueryable<MinistryNews.Core.Articles.Article> Page(IQueryable<MinistryNews.Core.Articles.Article> filtered, IQueryable<int>? ids, Paging paging, int total, int archive)
    {
        if (ids is null || !db.Database.IsSqlite() || (Filter.Countries.Count == 0 && Filter.People.Count == 0) || total == 0)
        {
            return filtered;
        }

        // Index entries walked to reach the page's rows against rows read by id, each of which costs its text's pages.
        var walked = (paging.Skip + PageSize) * (double)archive / total;
        return walked < 30.0 * total ? db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id + 0)) : filtered;
    }

    private async IAsyncEnumerable<ExportRow> ExportRows(IQueryable<MinistryNews.Core.Articles.Article> articles, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The countries of every article exported, read first from the link table by the same ids (a few names an
        // article, in memory), then the articles streamed in one query, each count a seek in its table's ArticleId index:
        // no link table joined whole, nothing sorted but the articles.
        var ids = articles.Select(a => a.Id);
        var named = await db.Set<Dictionary<string, object>>("ArticleCountries")
            .Where(r => ids.Contains(EF.Property<int>(r, "ArticlesId")))
            .Join(db.Countries, r => EF.Property<int>(r, "CountriesId"), c => c.Id, (r, c) => new { Id = EF.Property<int>(r, "ArticlesId"), c.Name })
            .OrderBy(n => n.Id).ThenBy(n => n.Name)
            .ToListAsync(cancellationToken);
        var countries = named.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(n => n.Name)));
        var rows = articles.Select(a => new { a.Id, a.Key, a.Title, a.Slug, a.Published, Meetings = a.Meetings.Count, Delegations = a.Delegations.Count, Agreements = a.Agreements.Count });
        await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new ExportRow(a.Id, a.Title, a.Published?.ToString(), countries.GetValueOrDefault(a.Id, string.Empty), a.Meetings, a.Delegations, a.Agreements, ArticleLinks.Article(a.Key, a.Slug));
        }
    }
}
