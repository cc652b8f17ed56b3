using Microsoft.AspNetCore.RateLimiting;
using MinistryNews.Core.Corrections;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Pages.Reports;

/// <summary>
/// A reader tells the editors that something in an article is wrong, without an account: the article, the fact as its
/// page names it ("Meeting 2"), and what is wrong. The text is kept as plain text, its links and markup taken out
/// (<see cref="CorrectionDesk.FileReportAsync"/>), and waits in the editors' queue (<c>/editors/reports</c>).
/// </summary>
/// <remarks>
/// The form is the public site's only one: it carries an antiforgery token, checked when it is sent, and is never kept
/// in the output cache (the token is the visitor's own: <see cref="PageCache"/>); each client may send
/// <see cref="ArchiveOptions.ReportsPerHour"/> reports an hour (<see cref="ClientLimits.ReportsPolicy"/>).
/// </remarks>
[EnableRateLimiting(ClientLimits.ReportsPolicy)]
public sealed class IndexModel(ArchiveDbContext db, CorrectionDesk desk) : PageModel
{
    /// <summary>The article reported on.</summary>
    public ReportedArticle Article { get; private set; } = null!;

    /// <summary>The fact reported, as it will be kept; null for the article as a whole.</summary>
    public string? Fact { get; private set; }

    /// <summary>What the reader wrote (sent back in the form when it could not be kept).</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>Why the report was not kept, as the reader should read it.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? article, string? fact, CancellationToken cancellationToken)
    {
        if (await FindAsync(article, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Article = found;
        Fact = FactLabel(fact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? article, string? fact, CancellationToken cancellationToken)
    {
        if (await FindAsync(article, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Article = found;
        Fact = FactLabel(fact);
        if (string.IsNullOrWhiteSpace(Text))
        {
            Problem = "Say what is wrong: the report is empty.";
            return Page();
        }

        try
        {
            await desk.FileReportAsync(found.Id, Fact, Text, cancellationToken);
        }
        catch (CorrectionRefusedException refused)
        {
            Problem = refused.Message;
            return Page();
        }

        return LocalRedirect(ThanksModel.Address(found.Key));
    }

    /// <summary>A fact's label as it is kept: plain text, at most 100 characters, none when empty.</summary>
    public static string? FactLabel(string? fact) =>
        CorrectionDesk.ReportText(fact) is { Length: > 0 } label ? label[..Math.Min(100, label.Length)] : null;

    /// <summary>The address of the form for an article's fact (null for the article as a whole).</summary>
    public static string Address(string articleKey, string? fact = null) =>
        $"{PublicSite.ReportPath}?article={Uri.EscapeDataString(articleKey)}" + (fact is null ? string.Empty : $"&fact={Uri.EscapeDataString(fact)}");

    /// <summary>An article the archive lists (not withdrawn: a withdrawn article takes no reports), by its key.</summary>
    private async Task<ReportedArticle?> FindAsync(string? key, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(key)
            ? null
            : await db.Articles.AsNoTracking().Where(a => a.Key == key)
                .Select(a => new ReportedArticle(a.Id, a.Key, a.Slug, a.Title))
                .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>The article a report is about: its number for the editors, its address and title for the reader.</summary>
public sealed record ReportedArticle(int Id, string Key, string Slug, string Title)
{
    public string Url => ArticleLinks.Article(Key, Slug);
}
