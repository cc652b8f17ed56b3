using System.Security.Claims;
using MinistryNews.Core.Corrections;
using MinistryNews.Web.Editors;

namespace MinistryNews.Web.Pages.Editors;

/// <summary>
/// An article as the editors correct it: what the archive shows of it (its reading with the corrections applied), a
/// form for each fact, link, its title and date, and its corrections so far, each of which can be undone. Every form
/// posts the fact as the page showed it; a fact changed since is refused, never overwritten unseen.
/// </summary>
public sealed class ArticleModel(ArchiveDbContext db, CorrectionDesk desk) : PageModel
{
    public int Id { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public bool WithdrawnByFiles { get; private set; }

    public CorrectedArticle Shown { get; private set; } = null!;

    public IReadOnlyList<Correction> Corrections { get; private set; } = [];

    /// <summary>The reader's report this visit answers, when the editor came from the queue.</summary>
    public MistakeReport? Report { get; private set; }

    /// <summary>Why the last form was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>The correction just made, when the page follows one.</summary>
    [FromQuery(Name = "done")]
    public int? Done { get; set; }

    public ExtractedArticle Facts => Shown.Article;

    public async Task<IActionResult> OnGetAsync(int id, int? report, CancellationToken cancellationToken) =>
        await LoadAsync(id, report, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostMeetingAsync(int id, int? report, string? before, MeetingForm meeting, bool remove, string? reason, CancellationToken cancellationToken) =>
        FactAsync(id, report, CorrectionKind.Meeting, before, remove, reason, shown => FactJson.Of(meeting.ToFact(shown, Before<ExtractedMeeting>(before))), cancellationToken);

    public Task<IActionResult> OnPostDelegationAsync(int id, int? report, string? before, DelegationForm delegation, bool remove, string? reason, CancellationToken cancellationToken) =>
        FactAsync(id, report, CorrectionKind.Delegation, before, remove, reason, shown => FactJson.Of(delegation.ToFact(shown, Before<ExtractedDelegation>(before))), cancellationToken);

    public Task<IActionResult> OnPostAgreementAsync(int id, int? report, string? before, AgreementForm agreement, bool remove, string? reason, CancellationToken cancellationToken) =>
        FactAsync(id, report, CorrectionKind.Agreement, before, remove, reason, shown => FactJson.Of(agreement.ToFact(shown, Before<ExtractedAgreement>(before))), cancellationToken);

    public Task<IActionResult> OnPostPersonAsync(int id, int? report, string? before, PersonForm person, string? reason, CancellationToken cancellationToken) =>
        FactAsync(id, report, CorrectionKind.Person, before, remove: before is not null, reason, _ => FactJson.Of(person.ToFact()), cancellationToken);

    public Task<IActionResult> OnPostCountryAsync(int id, int? report, string? before, string? country, string? reason, CancellationToken cancellationToken) =>
        FactAsync(id, report, CorrectionKind.Country, before, remove: before is not null, reason, _ => FactJson.Of(FactForms.Country(country, "Country") ?? throw new FormProblemException("Country: name one.")), cancellationToken);

    public Task<IActionResult> OnPostTitleAsync(int id, int? report, string? before, string? title, string? reason, CancellationToken cancellationToken) =>
        FactAsync(id, report, CorrectionKind.Title, before, remove: false, reason, _ => FactJson.Of(FactForms.Text(title) ?? throw new FormProblemException("Title: an article needs one.")), cancellationToken);

    public Task<IActionResult> OnPostPublishedAsync(int id, int? report, string? before, string? published, string? reason, CancellationToken cancellationToken) =>
        FactAsync(id, report, CorrectionKind.Published, before, remove: false, reason, _ => FactJson.Of(FactForms.Date(published, "Published")), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, int? report, string? reason, CancellationToken cancellationToken) =>
        FactAsync(id, report, CorrectionKind.Withdrawal, before: null, remove: false, reason, _ => FactJson.Of("withdrawn"), cancellationToken);

    public async Task<IActionResult> OnPostUndoAsync(int id, int correction, string? reason, CancellationToken cancellationToken)
    {
        if (!await db.Corrections.AnyAsync(c => c.Id == correction && c.ArticleId == id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await desk.UndoAsync(correction, reason ?? string.Empty, Editor(), cancellationToken);
            return RedirectToPage(new { id, done = (int?)null });
        }
        catch (CorrectionRefusedException ex)
        {
            return await RefuseAsync(id, null, ex.Message, cancellationToken);
        }
    }

    /// <summary>The editor making the change, as the record keeps them.</summary>
    private EditorRef Editor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "editor");

    private static T? Before<T>(string? before)
        where T : class => before is null ? null : FactJson.Read<T>(before);

    private async Task<IActionResult> FactAsync(int id, int? report, CorrectionKind kind, string? before, bool remove, string? reason, Func<ExtractedArticle, string> after, CancellationToken cancellationToken)
    {
        var shown = await desk.ShownAsync(id, cancellationToken);
        if (shown is null)
        {
            return NotFound();
        }

        try
        {
            var correction = await desk.CorrectAsync(id, kind, before, remove ? null : after(shown.Article), reason ?? string.Empty, Editor(), report, cancellationToken);
            return RedirectToPage(new { id, done = correction.Id, report = (int?)null });
        }
        catch (Exception ex) when (ex is CorrectionRefusedException or FormProblemException or System.Text.Json.JsonException)
        {
            return await RefuseAsync(id, report, ex.Message, cancellationToken);
        }
    }

    private async Task<IActionResult> RefuseAsync(int id, int? report, string problem, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, report, cancellationToken))
        {
            return NotFound();
        }

        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int? report, CancellationToken cancellationToken)
    {
        var article = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Key, a.Slug, a.WithdrawnAtUtc, a.WithdrawnByEditors })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null || await desk.ShownAsync(id, cancellationToken) is not { } shown)
        {
            return false;
        }

        (Id, Key, Slug, Shown) = (id, article.Key, article.Slug, shown);
        WithdrawnByFiles = article.WithdrawnAtUtc is not null && !article.WithdrawnByEditors;
        Corrections = await db.Corrections.AsNoTracking().Where(c => c.ArticleId == id).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        Report = report is { } reportId
            ? await db.MistakeReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.ArticleId == id && r.State == ReportState.Open, cancellationToken)
            : null;
        return true;
    }
}
