using Microsoft.AspNetCore.Identity;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Pages.Editors;

/// <summary>
/// The editors' queue of readers' reports (<c>/report</c>): the open ones, newest first, each to be answered with a
/// correction of its article or closed with the reason none is needed; under them, the latest closed, with who closed
/// them and how, so that editors see what their colleagues decided.
/// </summary>
public sealed class ReportsModel(ArchiveDbContext db, CorrectionDesk desk, UserManager<Editor> users) : PageModel
{
    /// <summary>The most open reports listed at once (the newest); the count says how many wait in all.</summary>
    public const int OpenShown = 200;

    /// <summary>How many closed reports are listed, the latest closed first.</summary>
    public const int ClosedShown = 50;

    /// <summary>The longest reason kept for closing a report, in characters.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>How many reports are open, all of them (<see cref="Open"/> lists the newest <see cref="OpenShown"/>).</summary>
    public int OpenCount { get; private set; }

    public IReadOnlyList<ReportRow> Open { get; private set; } = [];

    public IReadOnlyList<ReportRow> Closed { get; private set; } = [];

    /// <summary>Why the last attempt to close a report failed, and which report it was.</summary>
    public (int ReportId, string Message)? Problem { get; private set; }

    /// <summary>The reason the editor gave when closing failed, to give it back in the form.</summary>
    public string? Reason { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Closes a report without a correction, with the editor's reason; back to the queue once done.</summary>
    public async Task<IActionResult> OnPostAsync(int id, string? reason, CancellationToken cancellationToken)
    {
        Reason = reason;
        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length > MaxReasonLength)
        {
            Problem = (id, $"Say it in at most {MaxReasonLength:N0} characters.");
        }
        else
        {
            try
            {
                await desk.CloseReportAsync(id, trimmed, new EditorRef(users.GetUserId(User), User.Identity!.Name!), cancellationToken);
                return LocalRedirect("/editors/reports");
            }
            catch (CorrectionRefusedException refused)
            {
                Problem = (id, refused.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Where an editor corrects the article a report is about, the report closed by the correction.</summary>
    public static string CorrectionAddress(ReportRow report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"/editors/articles/{report.ArticleId.ToString(CultureInfo.InvariantCulture)}?report={report.Id.ToString(CultureInfo.InvariantCulture)}";
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // A report stays in the queue when its article is withdrawn afterwards (the articles' filter is lifted).
        var reports = db.MistakeReports.IgnoreQueryFilters().AsNoTracking();
        OpenCount = await reports.CountAsync(r => r.State == ReportState.Open, cancellationToken);
        Open = await Rows(reports.Where(r => r.State == ReportState.Open).OrderByDescending(r => r.FiledAtUtc).ThenByDescending(r => r.Id).Take(OpenShown))
            .ToListAsync(cancellationToken);
        Closed = await Rows(reports.Where(r => r.State == ReportState.Closed).OrderByDescending(r => r.ClosedAtUtc).ThenByDescending(r => r.Id).Take(ClosedShown))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<ReportRow> Rows(IQueryable<MistakeReport> reports) =>
        reports.Select(r => new ReportRow(
            r.Id, r.ArticleId, r.Article.Key, r.Article.Slug, r.Article.Title, r.Fact, r.Text, r.FiledAtUtc,
            r.ClosedByName, r.ClosedAtUtc, r.ClosedReason, r.CorrectionId));
}

/// <summary>A report as the queue shows it: what the reader wrote on which article, and, once closed, how.</summary>
public sealed record ReportRow(
    int Id, int ArticleId, string ArticleKey, string ArticleSlug, string ArticleTitle, string? Fact, string Text, DateTime FiledAtUtc,
    string? ClosedByName, DateTime? ClosedAtUtc, string? ClosedReason, int? CorrectionId)
{
    public string ArticleUrl => ArticleLinks.Article(ArticleKey, ArticleSlug);
}
