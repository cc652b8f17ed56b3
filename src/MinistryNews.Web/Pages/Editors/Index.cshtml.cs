using MinistryNews.Core.Corrections;

namespace MinistryNews.Web.Pages.Editors;

/// <summary>
/// The editors' desk: the corrections that no longer fit their article (kept, not applied, until an editor looks), the
/// number of readers' reports waiting, and the latest corrections.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public sealed record Row(Correction Correction, string ArticleKey, string ArticleSlug, string ArticleTitle);

    public IReadOnlyList<Row> ForReview { get; private set; } = [];

    public IReadOnlyList<Row> Latest { get; private set; } = [];

    public int OpenReports { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var corrections = db.Corrections.AsNoTracking();
        ForReview = await Rows(corrections.Where(c => c.State == CorrectionState.NeedsReview).OrderBy(c => c.Id), cancellationToken);
        Latest = await Rows(corrections.OrderByDescending(c => c.Id).Take(50), cancellationToken);
        OpenReports = await db.MistakeReports.CountAsync(r => r.State == ReportState.Open, cancellationToken);
    }

    private static Task<List<Row>> Rows(IQueryable<Correction> corrections, CancellationToken cancellationToken) =>
        corrections.Select(c => new Row(c, c.Article.Key, c.Article.Slug, c.Article.Title)).ToListAsync(cancellationToken);
}
