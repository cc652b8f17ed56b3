using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Tests.Editors;

/// <summary>
/// Readers report a mistake without an account (<c>/report</c>): the report is kept as plain text, only from the form's
/// own antiforgery token, a few an hour per client, and the form is never served from the output cache; editors see the
/// open reports at <c>/editors/reports</c> and close them with a reason, which a visitor cannot.
/// </summary>
public sealed class ReportTests
{
    private const string File = "dev01.txt";
    private const string Name = "lan.nguyen";
    private const string Password = "Hanoi-Archive-2026";

    [Fact]
    public async Task Should_keep_a_visitor_s_report_as_plain_text_without_its_script_and_links()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        var article = await ArticleAsync(app);
        using var visitor = Browser(app);

        var page = await ArchiveApplication.GetPageAsync(visitor, $"/report?article={article.Key}&fact=Meeting%202");
        var form = page.QuerySelector<IHtmlFormElement>("form.report-form")!;
        var text = page.QuerySelector<IHtmlTextAreaElement>("textarea#report-text")!;
        using var sent = await visitor.PostAsync(form.GetAttribute("action"), Sent(form, "The minister's name is wrong <script>alert('x')</script> see https://evil.example/x and www.spam.example now."));

        Assert.Equal("Report a mistake · MinistryNews", page.Title);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal($"/articles/{article.Key}/{article.Slug}", page.QuerySelector(".report-subject a")?.GetAttribute("href"));
        Assert.Equal(article.Title, page.QuerySelector(".report-subject a")?.TextContent);
        Assert.Equal("Meeting 2", page.QuerySelectorAll(".report-subject dd")[1].TextContent);
        Assert.Equal("Meeting 2", form.QuerySelector<IHtmlInputElement>("input[type=hidden][name=fact]")?.Value);
        Assert.Equal("/report", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.True(text.IsRequired);
        Assert.Equal(2000, text.MaxLength);
        Assert.Equal("What is wrong?", page.QuerySelector("label[for=report-text]")?.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/report/thanks?article={article.Key}", sent.Headers.Location?.OriginalString);
        var thanks = await ArchiveApplication.GetPageAsync(visitor, sent.Headers.Location!.OriginalString);
        Assert.Contains("The editors will read it", Normalise(thanks.QuerySelector("main")?.TextContent), StringComparison.Ordinal);
        Assert.Contains("links and markup are not kept", Normalise(thanks.QuerySelector("main")?.TextContent), StringComparison.Ordinal);
        Assert.Equal($"/articles/{article.Key}/{article.Slug}", thanks.QuerySelector("main a")?.GetAttribute("href"));

        await using var db = app.OpenDatabase();
        var report = await db.MistakeReports.SingleAsync();
        Assert.Equal(article.Id, report.ArticleId);
        Assert.Equal("Meeting 2", report.Fact);
        Assert.Equal(ReportState.Open, report.State);
        Assert.Equal("The minister's name is wrong see [link removed] and [link removed] now.", report.Text);
    }

    [Fact]
    public async Task Should_store_nothing_from_a_report_without_the_form_s_own_antiforgery_token()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        var article = await ArticleAsync(app);
        using var visitor = Browser(app);
        using var other = Browser(app);
        var visitorsForm = await ReportFormAsync(visitor, article.Key);
        var othersForm = await ReportFormAsync(other, article.Key);

        using var withoutToken = await visitor.PostAsync("/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["article"] = article.Key, ["text"] = "Wrong date." }));
        var stale = Values(visitorsForm, "Wrong date.");
        stale["__RequestVerificationToken"] = Values(othersForm)["__RequestVerificationToken"];
        using var withOthersToken = await visitor.PostAsync("/report", new FormUrlEncodedContent(stale));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withOthersToken.StatusCode);
        Assert.Equal("The form was not accepted", (await ArchiveApplication.ParseAsync(withoutToken)).QuerySelector("h1")?.TextContent);
        await using var db = app.OpenDatabase();
        Assert.Equal(0, await db.MistakeReports.CountAsync());
    }

    [Fact]
    public async Task Should_give_the_form_back_with_its_problem_when_the_report_is_empty()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        var article = await ArticleAsync(app);
        using var visitor = Browser(app);

        using var blank = await visitor.PostAsync("/report", Sent(await ReportFormAsync(visitor, article.Key), "   "));
        using var onlyScript = await visitor.PostAsync("/report", Sent(await ReportFormAsync(visitor, article.Key), "<script>alert(1)</script>"));

        foreach (var answer in new[] { blank, onlyScript })
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var page = await ArchiveApplication.ParseAsync(answer);
            var problem = page.QuerySelector(".form-problem[role=alert]");
            var text = page.QuerySelector("textarea#report-text")!;
            Assert.Equal("Say what is wrong: the report is empty.", problem?.TextContent);
            Assert.Contains(problem!.Id!, text.GetAttribute("aria-describedby")!.Split(' '));
            Assert.Equal("true", text.GetAttribute("aria-invalid"));
            Assert.NotNull(page.QuerySelector("form.report-form input[name=__RequestVerificationToken]"));
        }

        // What the reader wrote comes back as text, never as markup.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>", await onlyScript.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.OpenDatabase();
        Assert.Equal(0, await db.MistakeReports.CountAsync());
    }

    [Fact]
    public async Task Should_refuse_reports_past_the_hour_s_limit_with_429_and_still_show_the_form()
    {
        await using var app = new ArchiveApplication();
        app.Settings["Archive:ReportsPerHour"] = "2";
        await app.StartAsync();
        var article = await ArticleAsync(app);
        using var visitor = Browser(app);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 3; i++)
        {
            var answer = await visitor.PostAsync("/report", Sent(await ReportFormAsync(visitor, article.Key), $"Mistake {i}."));
            statuses.Add(answer.StatusCode);
            if (i < 2)
            {
                answer.Dispose();
            }
            else
            {
                refused = answer;
            }
        }

        using (refused)
        {
            Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
            var retryAfter = refused!.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
            var page = await ArchiveApplication.ParseAsync(refused);
            Assert.Equal("Too many reports", page.QuerySelector("h1")?.TextContent);
        }

        // Reading the form is not counted: it still opens, only sending is refused.
        await ReportFormAsync(visitor, article.Key);
        await using var db = app.OpenDatabase();
        Assert.Equal(["Mistake 0.", "Mistake 1."], await db.MistakeReports.OrderBy(r => r.Id).Select(r => r.Text).ToListAsync());
    }

    [Fact]
    public async Task Should_never_serve_the_form_and_its_token_from_the_output_cache()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        var article = await ArticleAsync(app);
        using var first = Browser(app);
        using var second = Browser(app);
        var address = new Uri($"/report?article={article.Key}", UriKind.Relative);

        // The first visitor twice: the second time it holds the antiforgery cookie, so the answer sets none.
        using var firstTime = await first.GetAsync(address);
        using var again = await first.GetAsync(address);
        using var othersTime = await second.GetAsync(address);

        Assert.All(new[] { firstTime, again, othersTime }, answer =>
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Null(answer.Headers.Age);
            Assert.True(answer.Headers.CacheControl?.NoStore);
        });
        var firstToken = Values(await FormOf(again))["__RequestVerificationToken"];

        // Even for one visitor the token is new on each answer (encrypted afresh), so compression cannot give it away.
        Assert.NotEqual(Values(await FormOf(firstTime))["__RequestVerificationToken"], firstToken);
        var othersForm = await FormOf(othersTime);
        Assert.NotEqual(firstToken, Values(othersForm)["__RequestVerificationToken"]);

        // The other visitor's own form is accepted.
        using var sent = await second.PostAsync("/report", Sent(othersForm, "The date is wrong."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    [Fact]
    public async Task Should_answer_404_for_an_article_the_archive_does_not_list()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        var article = await ArticleAsync(app);
        using var visitor = Browser(app);
        var form = await ReportFormAsync(visitor, article.Key);
        var fields = Values(form, "Wrong.");
        fields["article"] = "no-such-article";

        using var unknown = await visitor.GetAsync(new Uri("/report?article=no-such-article", UriKind.Relative));
        using var none = await visitor.GetAsync(new Uri("/report", UriKind.Relative));
        using var posted = await visitor.PostAsync("/report", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Not found", (await ArchiveApplication.ParseAsync(unknown)).QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(0, await db.MistakeReports.CountAsync());
    }

    [Fact]
    public async Task Should_let_an_editor_see_an_open_report_and_close_it_with_a_reason()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        var article = await ArticleAsync(app);
        var desk = app.Services.GetRequiredService<CorrectionDesk>();
        var older = await desk.FileReportAsync(article.Id, "Meeting 1", "The place is wrong.");
        var newer = await desk.FileReportAsync(article.Id, null, "The <b>title</b> is misspelt.");
        await AddEditorAsync(app);
        using var editor = Browser(app);
        (await SignInAsync(editor)).Dispose();

        var home = await ArchiveApplication.GetPageAsync(editor, "/");
        var queue = await ArchiveApplication.GetPageAsync(editor, "/editors/reports");
        var open = queue.QuerySelectorAll(".report-queue:not(.closed) > li");

        Assert.Equal("/editors/reports", home.QuerySelector(".editor-bar a")?.GetAttribute("href"));
        Assert.Equal("Reports", home.QuerySelector(".editor-bar a")?.TextContent);
        Assert.Equal("Reports from readers", queue.QuerySelector("h1")?.TextContent);
        Assert.StartsWith("2 reports are open.", queue.QuerySelector(".report-count")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal([$"report-{newer}", $"report-{older}"], open.Select(li => li.Id));
        Assert.Equal("The title is misspelt.", open[0].QuerySelector(".report-text")?.TextContent);
        Assert.Equal("The article as a whole", open[0].QuerySelector(".meta span")?.TextContent);
        Assert.Equal("Meeting 1", open[1].QuerySelector(".meta span")?.TextContent);
        Assert.Equal($"/articles/{article.Key}/{article.Slug}", open[1].QuerySelector("h3 a")?.GetAttribute("href"));
        Assert.Equal($"/editors/articles/{article.Id}?report={older}", open[1].QuerySelector("a[href^='/editors/articles/']")?.GetAttribute("href"));

        // Without a reason the queue comes back with the problem beside the report; with one, the report is closed.
        var close = open[1].QuerySelector<IHtmlFormElement>("form.close-report")!;
        using var withoutReason = await editor.PostAsync(close.GetAttribute("action"), Sent(close, reason: " "));
        var problem = (await ArchiveApplication.ParseAsync(withoutReason)).QuerySelector($"#report-{older} .form-problem")?.TextContent;
        using var closed = await editor.PostAsync(close.GetAttribute("action"), Sent(close, reason: "The place is right: the minister met them in Hanoi."));

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Equal("Say why the report is closed without a correction.", problem);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("/editors/reports", closed.Headers.Location?.OriginalString);
        await using (var db = app.OpenDatabase())
        {
            var report = await db.MistakeReports.SingleAsync(r => r.Id == older);
            Assert.Equal(ReportState.Closed, report.State);
            Assert.Equal(Name, report.ClosedByName);
            Assert.Equal("The place is right: the minister met them in Hanoi.", report.ClosedReason);
            Assert.NotNull(report.ClosedAtUtc);
            Assert.Equal(ReportState.Open, (await db.MistakeReports.SingleAsync(r => r.Id == newer)).State);
        }

        var after = await ArchiveApplication.GetPageAsync(editor, "/editors/reports");
        Assert.StartsWith("1 report is open.", after.QuerySelector(".report-count")?.TextContent.Trim(), StringComparison.Ordinal);
        var closedRow = Assert.Single(after.QuerySelectorAll(".report-queue.closed > li"));
        Assert.Contains($"Closed by {Name} on", Normalise(closedRow.QuerySelector(".closed-by")?.TextContent), StringComparison.Ordinal);
        Assert.Equal("The place is right: the minister met them in Hanoi.", closedRow.QuerySelector(".closed-reason")?.TextContent);
    }

    [Fact]
    public async Task Should_send_a_visitor_who_posts_the_close_form_to_sign_in_and_leave_the_report_open()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        var article = await ArticleAsync(app);
        var id = await app.Services.GetRequiredService<CorrectionDesk>().FileReportAsync(article.Id, null, "The date is wrong.");
        using var visitor = Browser(app);

        // Without a token, and with the token of the visitor's own report form (valid for its session).
        var token = Values(await ReportFormAsync(visitor, article.Key))["__RequestVerificationToken"];
        using var queue = await visitor.GetAsync(new Uri("/editors/reports", UriKind.Relative));
        using var withoutToken = await visitor.PostAsync("/editors/reports", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = $"{id}", ["reason"] = "Spam." }));
        using var withToken = await visitor.PostAsync("/editors/reports", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = $"{id}", ["reason"] = "Spam.", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.Equal("/editors/sign-in", queue.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, withoutToken.StatusCode);
        Assert.Equal("/editors/sign-in", withoutToken.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal("/editors/sign-in", withToken.Headers.Location?.AbsolutePath);
        await using var db = app.OpenDatabase();
        var report = await db.MistakeReports.SingleAsync();
        Assert.Equal(ReportState.Open, report.State);
        Assert.Null(report.ClosedByName);
    }

    private static async Task<(int Id, string Key, string Slug, string Title)> ArticleAsync(ArchiveApplication app)
    {
        await using var db = app.OpenDatabase();
        var article = await db.Articles.Where(a => a.SourceFile == File).Select(a => new { a.Id, a.Key, a.Slug, a.Title }).SingleAsync();
        return (article.Id, article.Key, article.Slug, article.Title);
    }

    private static HttpClient Browser(ArchiveApplication app) => EditorSession.Browser(app);

    private static async Task<IHtmlFormElement> ReportFormAsync(HttpClient client, string articleKey) =>
        (await ArchiveApplication.GetPageAsync(client, $"/report?article={articleKey}")).QuerySelector<IHtmlFormElement>("form.report-form")!;

    private static async Task<IHtmlFormElement> FormOf(HttpResponseMessage answer) =>
        (await ArchiveApplication.ParseAsync(answer)).QuerySelector<IHtmlFormElement>("form.report-form")!;

    /// <summary>The form's fields as a browser sends them, with what was typed into its text area or reason.</summary>
    private static Dictionary<string, string> Values(IHtmlFormElement form, string? text = null, string? reason = null)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 }).ToDictionary(i => i.Name!, i => i.Value);
        if (text is not null)
        {
            fields["text"] = text;
        }

        if (reason is not null)
        {
            fields["reason"] = reason;
        }

        return fields;
    }

    private static FormUrlEncodedContent Sent(IHtmlFormElement form, string? text = null, string? reason = null) => new(Values(form, text, reason));

    private static Task AddEditorAsync(ArchiveApplication app) => EditorSession.AddEditorAsync(app, Name, Password);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client) => EditorSession.SignInAsync(client, Name, Password);

    private static string? Normalise(string? text) => EditorSession.Words(text);
}
