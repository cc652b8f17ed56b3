using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Tests.Browser;

/// <summary>
/// An editor signs in through the form in Chromium, sees who is signed in on every page, opens the readers' reports
/// from the editors' bar, and signs out; the cookie is out of scripts' reach; the pages pass axe. Screenshots at 1280
/// and 390 px (editor-*.png).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EditorSessionTests(BrowserFixture browser)
{
    private const string Name = "thu.pham";
    private const string Password = "Danang-Archive-2026";

    [Fact]
    public async Task Should_sign_in_show_the_editor_on_each_page_and_sign_out()
    {
        using (var scope = browser.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            if (await users.FindByNameAsync(Name) is null)
            {
                Assert.True((await users.CreateAsync(new Editor(Name), Password)).Succeeded);
            }
        }

        var article = await browser.App.ArticleAsync("dev01.txt");
        await using (var db = browser.App.OpenDatabase())
        {
            var articleId = await db.Articles.Where(a => a.Key == article.Key).Select(a => a.Id).SingleAsync();
            var desk = browser.App.Services.GetRequiredService<CorrectionDesk>();
            await desk.FileReportAsync(articleId, "Meeting 1", "The place of the meeting is wrong: it was held in Hanoi, not in Beijing, as the ministry's own page says.");
            await desk.CloseReportAsync(await desk.FileReportAsync(articleId, null, "Spelling of the title."), "The title is as the ministry wrote it.", new EditorRef(null, Name));
        }

        foreach (var (label, width) in new[] { ("desktop", 1280), ("phone", 390) })
        {
            var page = await browser.NewPageAsync(width);
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Editors" }).ClickAsync();
            await page.WaitForURLAsync("**/editors/sign-in");
            await BrowserFixture.AssertAxeAsync(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"editor-sign-in-{label}.png"), FullPage = true });

            await page.GetByLabel("Name").FillAsync(Name);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            await page.GotoAsync("/countries/japan");

            var session = page.Locator(".editor-session");
            Assert.Equal($"Signed in as {Name} Sign out", string.Join(' ', (await session.InnerTextAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            Assert.Equal(string.Empty, await page.EvaluateAsync<string>("document.cookie.split('; ').filter(c => c.startsWith('ministrynews-editor=')).join('')"));
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"the signed-in page scrolls sideways at {width}px");
            await BrowserFixture.AssertAxeAsync(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"editor-signed-in-{label}.png") });

            // The readers' reports, from the editors' bar: the queue with a report open, and one closed.
            await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/editors/reports");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"the reports' queue scrolls sideways at {width}px");
            await BrowserFixture.AssertAxeAsync(page, width);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"editor-reports-{label}.png"), FullPage = true });

            await session.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            Assert.Equal(0, await page.Locator(".editor-session").CountAsync());
            await page.Context.CloseAsync();
        }
    }
}
