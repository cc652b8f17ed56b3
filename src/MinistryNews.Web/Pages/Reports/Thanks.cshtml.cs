using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Pages.Reports;

/// <summary>
/// Where a reader lands once a report is kept (after the post, so that reloading sends nothing again): what happens to
/// it, and the way back to the article.
/// </summary>
public sealed class ThanksModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The article reported on, to go back to; null when the address names none the archive lists.</summary>
    public ReportedArticle? Article { get; private set; }

    public async Task OnGetAsync(string? article, CancellationToken cancellationToken) =>
        Article = string.IsNullOrEmpty(article)
            ? null
            : await db.Articles.AsNoTracking().Where(a => a.Key == article)
                .Select(a => new ReportedArticle(a.Id, a.Key, a.Slug, a.Title))
                .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The page's address after a report on an article.</summary>
    public static string Address(string articleKey) => $"{PublicSite.ReportPath}/thanks?article={Uri.EscapeDataString(articleKey)}";
}
