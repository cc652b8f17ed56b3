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
public sealed class IndexModel(ArchiveDbContext db, ArchiveSummary summary) : PageModel
{
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
        var sort = Request.Query["sort"].FirstOrDefault();
        OldestFirst = sort == "oldest";
        if (sort is not (null or "" or "newest" or "oldest"))
        {
            Messages.Add("Sort by “newest” or “oldest”; showing the newest first.");
        }

        var articles = db.Articles.AsNoTracking();
        var filtered = Filter.Apply(articles);
        if (Export.Format(Request) is { } format)
        {
            return await Export.WriteAsync(Response, format, "articles", ExportRows(filtered.Sorted(db, OldestFirst)), cancellationToken);
        }

        var total = await filtered.CountAsync(cancellationToken);
        var (paging, pageMessage) = Paging.Read(Request.Query["page"], PageSize, total);
        Paging = paging;
        if (pageMessage is not null)
        {
            Messages.Add(pageMessage);
        }

        Articles = await filtered.Sorted(db, OldestFirst).Skip(paging.Skip).Take(PageSize).ToRowsAsync(db, cancellationToken);

        Facets = await ArticleFacets.CountAsync(articles, Filter, await summary.GetAsync(db, cancellationToken), cancellationToken);
        return Page();
    }

    private static async IAsyncEnumerable<ExportRow> ExportRows(IQueryable<MinistryNews.Core.Articles.Article> articles)
    {
        var rows = articles.Select(a => new { a.Id, a.Title, a.Slug, a.Published, Countries = a.Countries.OrderBy(c => c.Name).Select(c => c.Name).ToList(), Meetings = a.Meetings.Count, Delegations = a.Delegations.Count, Agreements = a.Agreements.Count });
        await foreach (var a in rows.AsAsyncEnumerable())
        {
            yield return new ExportRow(a.Id, a.Title, a.Published?.ToString(), string.Join("; ", a.Countries), a.Meetings, a.Delegations, a.Agreements, $"/articles/{a.Id}/{a.Slug}");
        }
    }
}
