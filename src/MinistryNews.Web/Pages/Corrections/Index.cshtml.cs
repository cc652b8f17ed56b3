using MinistryNews.Core.Corrections;
using MinistryNews.Web.Editors;

namespace MinistryNews.Web.Pages.Corrections;

/// <summary>
/// The corrections on the record, newest first: all of the archive's (<c>/corrections</c>), or one article's
/// (<c>/corrections/{key}</c>, its history, linked from the "corrected" marks on its page). Editors' names are shown
/// to editors only.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The article whose history this is; null for the whole archive's.</summary>
    public (string Key, string Slug, string Title)? Article { get; private set; }

    public IReadOnlyList<CorrectionRow> Rows { get; private set; } = [];

    public bool ForEditors => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken)
    {
        var corrections = db.Corrections.AsNoTracking();
        if (key is not null)
        {
            var article = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.Key == key)
                .Select(a => new { a.Id, a.Key, a.Slug, a.Title }).SingleOrDefaultAsync(cancellationToken);
            if (article is null)
            {
                return NotFound();
            }

            Article = (article.Key, article.Slug, article.Title);
            corrections = corrections.Where(c => c.ArticleId == article.Id);
        }

        Rows = await CorrectionRow.ReadAsync(db, corrections.OrderByDescending(c => c.Id).Take(PageSize), cancellationToken);
        return Page();
    }
}
