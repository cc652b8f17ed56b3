using MinistryNews.Core.Corrections;
using MinistryNews.Web.Editors;

namespace MinistryNews.Web.Pages.Editors;

/// <summary>
/// The editors' desk: the corrections that no longer fit their article (kept, not applied, until an editor looks), the
/// number of readers' reports waiting, and the latest corrections.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<CorrectionRow> ForReview { get; private set; } = [];

    public IReadOnlyList<CorrectionRow> Latest { get; private set; } = [];

    public int OpenReports { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var corrections = db.Corrections.AsNoTracking();
        ForReview = await CorrectionRow.ReadAsync(db, corrections.Where(c => c.State == CorrectionState.NeedsReview).OrderBy(c => c.Id), cancellationToken);
        Latest = await CorrectionRow.ReadAsync(db, corrections.OrderByDescending(c => c.Id).Take(50), cancellationToken);
        OpenReports = await db.MistakeReports.CountAsync(r => r.State == ReportState.Open, cancellationToken);
    }
}
