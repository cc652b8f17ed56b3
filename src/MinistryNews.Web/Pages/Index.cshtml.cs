using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;

namespace MinistryNews.Web.Pages;

/// <summary>The latest articles, newest first.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int page = 1, CancellationToken cancellationToken = default)
    {
        Total = await db.Articles.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Articles = await db.Articles
            .AsNoTracking()
            .OrderBy(a => a.Published == null)
            .ThenByDescending(a => a.Published)
            .ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new ArticleRow(a.Id, a.Slug, a.Title, a.Published, a.Countries.OrderBy(c => c.Name).Select(c => c.Name).ToList()))
            .ToListAsync(cancellationToken);
    }

    public sealed record ArticleRow(int Id, string Slug, string Title, PartialDate? Published, IReadOnlyList<string> Countries);
}
