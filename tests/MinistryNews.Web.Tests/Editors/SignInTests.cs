using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Tests.Editors;

/// <summary>
/// Editors sign in with an account made for them, in a session cookie that scripts cannot read and that travels over
/// HTTPS only; a form without its antiforgery token changes nothing; repeated failures lock the account; visitors and
/// the output cache never see an editor's pages.
/// </summary>
public sealed class SignInTests
{
    private const string Name = "lan.nguyen";
    private const string Password = "Hanoi-Archive-2026";

    [Fact]
    public async Task Should_sign_an_editor_in_with_a_cookie_scripts_cannot_read_and_out_again()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        await AddEditorAsync(app);
        using var editor = Browser(app);

        using var signedIn = await SignInAsync(editor, Name, Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(EditorCookie, StringComparison.Ordinal));
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await ArchiveApplication.GetPageAsync(editor, "/");
        Assert.Equal($"Signed in as {Name} Sign out", Normalise(home.QuerySelector(".editor-session")?.TextContent));

        var signOut = home.QuerySelector<IHtmlFormElement>("form.editor-session")!;
        using var signedOut = await editor.PostAsync(signOut.GetAttribute("action"), Form(signOut));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Null((await ArchiveApplication.GetPageAsync(editor, "/")).QuerySelector(".editor-session"));
    }

    [Fact]
    public async Task Should_neither_serve_an_editor_from_the_visitors_cache_nor_keep_an_editor_s_page_for_visitors()
    {
        await using var app = new ArchiveApplication();
        var visitor = await app.StartAsync();
        await AddEditorAsync(app);
        using var editor = Browser(app);
        using (await visitor.GetAsync(new Uri("/countries", UriKind.Relative)))
        {
        }

        (await SignInAsync(editor, Name, Password)).Dispose();
        using var editorsPage = await editor.GetAsync(new Uri("/countries", UriKind.Relative));
        using var visitorsPage = await visitor.GetAsync(new Uri("/countries", UriKind.Relative));

        Assert.Null(editorsPage.Headers.Age);
        Assert.Contains("Signed in as", await editorsPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(visitorsPage.Headers.Age);
        Assert.DoesNotContain("Signed in as", await visitorsPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_an_editor_signed_in_on_every_instance_behind_a_proxy()
    {
        await using var first = new ArchiveApplication();
        await first.StartAsync();
        await AddEditorAsync(first);
        await using var second = new ArchiveApplication(beside: first);
        await second.StartAsync();
        using var editor = Browser(first);
        using var signedIn = await SignInAsync(editor, Name, Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(EditorCookie, StringComparison.Ordinal)).Split(';')[0];

        // The same cookie, as a proxy would pass it to the other instance (which keeps its own keys in memory otherwise).
        using var other = Browser(second);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var answer = await other.SendAsync(request);

        Assert.Contains($"Signed in as <strong>{Name}</strong>", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The key that protects it is in the archive's database (in-process hosts would also share a key folder).
        await using var db = first.OpenDatabase();
        Assert.NotEqual(0, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task Should_lock_an_account_after_the_configured_failed_sign_ins_even_for_the_right_password()
    {
        await using var app = new ArchiveApplication();
        app.Settings["Archive:Editors:MaxFailedSignIns"] = "3";
        await app.StartAsync();
        await AddEditorAsync(app);
        using var editor = Browser(app);

        var failures = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await SignInAsync(editor, Name, "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            failures.Add(Normalise((await ArchiveApplication.ParseAsync(wrong)).QuerySelector(".form-problem")?.TextContent));
        }

        using var right = await SignInAsync(editor, Name, Password);

        Assert.Equal(["That name and password do not match an editor's account.", "That name and password do not match an editor's account.", "This account is locked after 3 failed sign-ins in a row. Try again in 15 minutes."], failures);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("This account is locked after 3 failed sign-ins in a row. Try again in 15 minutes.", Normalise((await ArchiveApplication.ParseAsync(right)).QuerySelector(".form-problem")?.TextContent));
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(EditorCookie, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_refuse_a_sign_in_or_out_without_the_form_s_own_antiforgery_token()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        await AddEditorAsync(app);
        using var attacker = Browser(app);
        using var editor = Browser(app);
        var attackersForm = await SignInFormAsync(attacker);
        var editorsForm = await SignInFormAsync(editor);

        // No token at all, and a token of another session (an attacker's page posting with the editor's cookies).
        using var withoutToken = await editor.PostAsync("/editors/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = Name, ["Password"] = Password }));
        var stale = EditorSession.Fields(editorsForm);
        (stale["UserName"], stale["Password"]) = (Name, Password);
        stale["__RequestVerificationToken"] = EditorSession.Fields(attackersForm)["__RequestVerificationToken"];
        using var withStaleToken = await editor.PostAsync(editorsForm.GetAttribute("action"), new FormUrlEncodedContent(stale));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withStaleToken.StatusCode);
        Assert.Null((await ArchiveApplication.GetPageAsync(editor, "/")).QuerySelector(".editor-session"));

        // Signed in, a sign-out without the token leaves the session as it was.
        (await SignInAsync(editor, Name, Password)).Dispose();
        using var signOutWithoutToken = await editor.PostAsync("/editors/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, signOutWithoutToken.StatusCode);
        Assert.NotNull((await ArchiveApplication.GetPageAsync(editor, "/")).QuerySelector(".editor-session"));
    }

    [Fact]
    public async Task Should_send_a_visitor_to_sign_in_from_an_editor_s_page_and_keep_every_other_address_read_only()
    {
        await using var app = new ArchiveApplication();
        await app.StartAsync();
        using var visitor = Browser(app);

        using var signOut = await visitor.GetAsync(new Uri("/editors/sign-out", UriKind.Relative));
        using var posted = await visitor.PostAsync("/articles", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/editors/sign-in", signOut.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
    }

    private static string EditorCookie => Web.Editors.EditorAccounts.CookieName + "=";

    private static HttpClient Browser(ArchiveApplication app) => EditorSession.Browser(app);

    private static Task AddEditorAsync(ArchiveApplication app) => EditorSession.AddEditorAsync(app, Name, Password);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password) => EditorSession.SignInAsync(client, name, password);

    private static Task<IHtmlFormElement> SignInFormAsync(HttpClient client) => EditorSession.SignInFormAsync(client);

    private static FormUrlEncodedContent Form(IHtmlFormElement form) => new(EditorSession.Fields(form));

    private static string? Normalise(string? text) => EditorSession.Words(text);
}
