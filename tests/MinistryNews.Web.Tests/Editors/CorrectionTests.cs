using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Web.Tests.Editors;

/// <summary>
/// Editors correct an article through its forms on the real host: the corrections show on the public page with their
/// mark, survive the file being read again, are listed for review when their fact is gone; nobody else changes anything.
/// </summary>
public sealed class CorrectionTests
{
    /// <summary>A seed with one meeting (Russia, 25 April 2017) and no agreement.</summary>
    private const string File = "001_36685c26c6ed7f33.txt";

    [Fact]
    public async Task Should_keep_a_corrected_meeting_date_and_an_added_agreement_when_the_file_is_read_again()
    {
        await using var app = new ArchiveApplication();
        var visitor = await app.StartAsync();
        await EditorSession.AddEditorAsync(app);
        using var editor = await EditorSession.SignedInAsync(app);
        var (key, slug, _) = await app.ArticleAsync(File);
        var id = await ArticleIdAsync(app, key);
        using (await visitor.GetAsync(new Uri($"/articles/{key}/{slug}", UriKind.Relative)))
        {
            // The public page is in the output cache before the corrections.
        }

        var page = await ArchiveApplication.GetPageAsync(editor, $"/editors/articles/{id}");
        var meeting = page.QuerySelectorAll<IHtmlFormElement>("form.edit-fact").Single(f => f.GetAttribute("action")!.EndsWith("handler=Meeting", StringComparison.Ordinal) && f.QuerySelector("input[name=before]") is not null);
        Assert.Equal("2017-04-25", meeting.QuerySelector<IHtmlInputElement>("input[name='meeting.Date']")!.Value);
        using (var changed = await EditorSession.SubmitAsync(editor, meeting, new Dictionary<string, string> { ["meeting.Date"] = "2017-04-26", ["reason"] = "The talks were on the 26th, as the ministry's calendar shows." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        page = await ArchiveApplication.GetPageAsync(editor, $"/editors/articles/{id}");
        var add = page.QuerySelectorAll<IHtmlFormElement>("form.edit-fact").Single(f => f.GetAttribute("action")!.EndsWith("handler=Agreement", StringComparison.Ordinal) && f.QuerySelector("input[name=before]") is null);
        using (var added = await EditorSession.SubmitAsync(editor, add, new Dictionary<string, string>
        {
            ["agreement.Kind"] = "Memorandum of Understanding",
            ["agreement.Subject"] = "on cooperation in information technology",
            ["agreement.Countries"] = "Russia",
            ["agreement.SignedOn"] = "2017-04-26",
            ["agreement.ValidFrom"] = "2017",
            ["agreement.ValidTo"] = "2022",
            ["reason"] = "Signed at the talks; the release leaves it out.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        await AssertCorrectedAsync(app, visitor, editor, key, slug);

        // The file changes (a line at its end) and the folder is read again: both corrections apply again.
        await System.IO.File.AppendAllTextAsync(Path.Combine(app.DataFolder, File), "\n");
        var report = await app.Services.GetRequiredService<Ingestor>().IngestFolderAsync(app.DataFolder);
        Assert.Equal(1, report.Updated);
        await AssertCorrectedAsync(app, visitor, editor, key, slug);
    }

    [Fact]
    public async Task Should_list_a_correction_whose_fact_is_no_longer_read_for_review()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        await EditorSession.AddEditorAsync(app);
        using var editor = await EditorSession.SignedInAsync(app);
        var (key, _, _) = await app.ArticleAsync(File);
        var id = await ArticleIdAsync(app, key);
        var page = await ArchiveApplication.GetPageAsync(editor, $"/editors/articles/{id}");
        var meeting = page.QuerySelectorAll<IHtmlFormElement>("form.edit-fact").Single(f => f.GetAttribute("action")!.EndsWith("handler=Meeting", StringComparison.Ordinal) && f.QuerySelector("input[name=before]") is not null);
        (await EditorSession.SubmitAsync(editor, meeting, new Dictionary<string, string> { ["meeting.Location"] = "Moscow", ["reason"] = "The talks were in Moscow." })).Dispose();

        // The sentence the meeting was read from now tells another day: the meeting read is another one.
        var path = Path.Combine(app.DataFolder, File);
        var text = await System.IO.File.ReadAllTextAsync(path);
        Assert.Contains("On April 25,", text, StringComparison.Ordinal);
        await System.IO.File.WriteAllTextAsync(path, text.Replace("On April 25,", "On April 24,", StringComparison.Ordinal));
        await app.Services.GetRequiredService<Ingestor>().IngestFolderAsync(app.DataFolder);

        var desk = await ArchiveApplication.GetPageAsync(editor, "/editors");
        var review = desk.QuerySelector("ul.review")!;
        Assert.Contains("A meeting changed", review.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not applied: the meeting it changes is no longer read as it was.", string.Join(' ', review.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("location: none → Moscow", review.TextContent, StringComparison.Ordinal);
        await using var db = app.OpenDatabase();
        Assert.Equal(CorrectionState.NeedsReview, (await db.Corrections.SingleAsync()).State);
        Assert.Null((await db.Meetings.SingleAsync(m => m.ArticleId == id)).Location);
    }

    [Fact]
    public async Task Should_change_nothing_for_a_visitor_an_expired_session_or_a_form_of_another_session()
    {
        await using var app = new ArchiveApplication();
        app.Settings["Archive:Editors:Session"] = "00:00:02";
        var visitor = await app.StartAsync();
        await EditorSession.AddEditorAsync(app);
        var (key, _, _) = await app.ArticleAsync(File);
        var id = await ArticleIdAsync(app, key);
        using var editor = await EditorSession.SignedInAsync(app);
        var personId = await PersonIdAsync(app, "Phan Tam");
        var forms = (await ArchiveApplication.GetPageAsync(editor, $"/editors/articles/{id}")).QuerySelectorAll<IHtmlFormElement>("main form")
            .Concat((await ArchiveApplication.GetPageAsync(editor, $"/editors/people/{personId}")).QuerySelectorAll<IHtmlFormElement>("main form"))
            .ToList();
        var handlers = forms.Select(f => f.GetAttribute("action")!.Split("handler=")[^1]).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["Meeting", "Delegation", "Agreement", "Country", "Person", "Title", "Published", "Withdraw", "Name", "Merge"], StringComparer.Ordinal), handlers);
        var filled = new Dictionary<string, string> { ["reason"] = "Not an editor.", ["title"] = "Changed", ["country"] = "Japan", ["person.Name"] = "Someone", ["agreement.Kind"] = "Agreement", ["delegation.Destinations"] = "Japan", ["name"] = "Someone Else", ["other"] = "/people/volin-alexey-konstantinovics" };
        var before = await SnapshotAsync(app);

        // A visitor (no cookie) posting each form, with the editor's token: sent to sign in.
        using var stranger = EditorSession.Browser(app);
        foreach (var form in forms)
        {
            using var answer = await EditorSession.SubmitAsync(stranger, form, filled);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("https://localhost/editors/sign-in", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // The editor posting a form whose token belongs to another session: 400.
        using var other = await EditorSession.SignedInAsync(app);
        var otherForm = (await ArchiveApplication.GetPageAsync(other, $"/editors/articles/{id}")).QuerySelector<IHtmlFormElement>("main form")!;
        var token = otherForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        foreach (var form in forms)
        {
            using var answer = await EditorSession.SubmitAsync(editor, form, new Dictionary<string, string>(filled) { ["__RequestVerificationToken"] = token });
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        // The session ends (2 s here): its forms send the editor to sign in again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var form in forms)
        {
            using var answer = await EditorSession.SubmitAsync(editor, form, filled);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("https://localhost/editors/sign-in", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync(app));
        using var desk = await visitor.GetAsync(new Uri("/editors", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
    }

    [Fact]
    public async Task Should_show_the_name_an_editor_chose_for_a_person_with_its_mark_and_record()
    {
        await using var app = new ArchiveApplication();
        var visitor = await app.StartAsync();
        await EditorSession.AddEditorAsync(app);
        using var editor = await EditorSession.SignedInAsync(app);
        var id = await PersonIdAsync(app, "Volin Alexey Konstantinovics");
        await using (var db = app.OpenDatabase())
        {
            Assert.Equal("volin-alexey-konstantinovics", await db.People.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync());
        }

        var publicPage = await ArchiveApplication.GetPageAsync(editor, "/people/volin-alexey-konstantinovics");
        Assert.Equal($"/editors/people/{id}", publicPage.QuerySelector("a.edit-link")!.GetAttribute("href"));
        var form = (await ArchiveApplication.GetPageAsync(editor, $"/editors/people/{id}")).QuerySelectorAll<IHtmlFormElement>("form.edit-fact").Single(f => f.GetAttribute("action")!.EndsWith("handler=Name", StringComparison.Ordinal));
        using (var named = await EditorSession.SubmitAsync(editor, form, new Dictionary<string, string> { ["name"] = "Alexey Volin", ["reason"] = "The name he is known by, given name first." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        }

        // The visitor sees the new name at the same address, marked, and the record says what changed and why.
        var page = await ArchiveApplication.GetPageAsync(visitor, "/people/volin-alexey-konstantinovics");
        Assert.Equal("Alexey Volin", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Volin Alexey Konstantinovics", page.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        var mark = page.QuerySelector("a.corrected-mark")!.GetAttribute("href")!;
        var record = await ArchiveApplication.GetPageAsync(visitor, "/corrections");
        var entry = record.QuerySelector(mark[mark.IndexOf('#', StringComparison.Ordinal)..])!;
        Assert.Contains("name: Volin Alexey Konstantinovics → Alexey Volin", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reason: The name he is known by, given name first.", entry.TextContent, StringComparison.Ordinal);
    }

    private static async Task<int> PersonIdAsync(ArchiveApplication app, string name)
    {
        await using var db = app.OpenDatabase();
        var people = await db.People.Select(p => new { p.Id, p.Name }).ToListAsync();
        return people.Single(p => p.Name == name).Id;
    }

    private static async Task<int> ArticleIdAsync(ArchiveApplication app, string key)
    {
        await using var db = app.OpenDatabase();
        return await db.Articles.Where(a => a.Key == key).Select(a => a.Id).SingleAsync();
    }

    /// <summary>What a change would touch: the corrections, and the article's facts and title as stored.</summary>
    private static async Task<string> SnapshotAsync(ArchiveApplication app)
    {
        await using var db = app.OpenDatabase();
        var articles = await db.Articles.IgnoreQueryFilters().OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.Published, a.WithdrawnAtUtc, Meetings = a.Meetings.Count, Delegations = a.Delegations.Count, Agreements = a.Agreements.Count, People = a.People.Count, Countries = a.Countries.Count }).ToListAsync();
        return JsonSerializer.Serialize(new { Corrections = await db.Corrections.CountAsync(), articles });
    }

    private static async Task AssertCorrectedAsync(ArchiveApplication app, HttpClient visitor, HttpClient editor, string key, string slug)
    {
        var article = await ArchiveApplication.GetPageAsync(visitor, $"/articles/{key}/{slug}");
        var meeting = article.QuerySelector("ul.meetings li")!;
        Assert.Equal("2017-04-26", meeting.QuerySelector("time")!.GetAttribute("datetime"));
        var agreement = article.QuerySelector("ul.agreements li")!;
        Assert.Contains("on cooperation in information technology", agreement.TextContent, StringComparison.Ordinal);
        await using var db = app.OpenDatabase();
        var corrections = await db.Corrections.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, corrections.Count);
        Assert.All(corrections, c => Assert.Equal(CorrectionState.Applied, c.State));
        Assert.Equal($"/corrections/{key}#correction-{corrections[0].Id}", meeting.QuerySelector("a.corrected-mark")!.GetAttribute("href"));
        Assert.Equal($"/corrections/{key}#correction-{corrections[1].Id}", agreement.QuerySelector("a.corrected-mark")!.GetAttribute("href"));

        // The history: each correction with its reason, the editor's name to editors only.
        var history = await ArchiveApplication.GetPageAsync(visitor, $"/corrections/{key}");
        Assert.Contains("date: 2017-04-25 → 2017-04-26", history.QuerySelector($"#correction-{corrections[0].Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reason: Signed at the talks; the release leaves it out.", history.QuerySelector($"#correction-{corrections[1].Id}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(EditorSession.Name, history.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"by {EditorSession.Name}", (await ArchiveApplication.GetPageAsync(editor, $"/corrections/{key}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The API says so too, and the register holds the added agreement.
        using var json = JsonDocument.Parse(await visitor.GetStringAsync(new Uri($"/api/articles/{key}", UriKind.Relative)));
        Assert.True(json.RootElement.GetProperty("corrected").GetBoolean());
        Assert.True(json.RootElement.GetProperty("meetings")[0].GetProperty("corrected").GetBoolean());
        Assert.True(json.RootElement.GetProperty("agreements")[0].GetProperty("corrected").GetBoolean());
        Assert.Equal("2022", (await db.Agreements.Include(a => a.Record).SingleAsync(a => a.Article.Key == key)).Record!.ValidTo?.ToString());
    }
}
