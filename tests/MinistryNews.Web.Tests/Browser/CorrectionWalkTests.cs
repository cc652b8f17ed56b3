using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Tests.Browser;

/// <summary>
/// The editor's walk in Chromium: sign in, open an article, correct its meeting's date through the form, sign out; the
/// public page then shows the corrected date with its "corrected" mark, which leads to the correction and its reason.
/// The forms and pages pass axe at 1280 and 390 px. Screenshots correction-*.png.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CorrectionWalkTests(BrowserFixture browser)
{
    private const string Name = "minh.tran";
    private const string Password = "Hue-Archive-2026-walk";

    [Fact]
    public async Task Should_sign_in_correct_a_meeting_s_date_sign_out_and_show_the_corrected_date_with_its_mark()
    {
        using (var scope = browser.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            if (await users.FindByNameAsync(Name) is null)
            {
                Assert.True((await users.CreateAsync(new Editor(Name), Password)).Succeeded);
            }
        }

        // A release with one meeting, on 22 January 2019 (its page is not used by the other browser tests).
        var article = await browser.App.ArticleAsync("dev07.txt");
        var page = await browser.NewPageAsync(1280);
        await page.GotoAsync("/editors/sign-in");
        await page.GetByLabel("Name").FillAsync(Name);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await page.GotoAsync($"/articles/{article.Key}/{article.Slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct this article" }).ClickAsync();
        await page.WaitForURLAsync("**/editors/articles/*");
        await BrowserFixture.AssertAxeAsync(page, 1280);
        var meeting = page.Locator("form.edit-fact", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Meeting 1" }) });
        var date = meeting.GetByLabel("Date");
        Assert.Equal("2019-01-22", await date.InputValueAsync());
        await date.FillAsync("2019-01-21");
        await meeting.GetByLabel("Reason (kept on the record)").FillAsync("The ministry's calendar puts the meeting on the 21st.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "correction-form-desktop.png") });
        await meeting.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await page.WaitForURLAsync("**done=*");
        Assert.StartsWith("Correction", await page.Locator(".form-done").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2019-01-21", await page.Locator("form.edit-fact", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Meeting 1 corrected" }) }).GetByLabel("Date").InputValueAsync());

        // The person's corrections page, from the person's public page, passes axe too.
        await page.GotoAsync("/people/sok-puthyvuth");
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct this person" }).ClickAsync();
        await page.WaitForURLAsync("**/editors/people/*");
        await BrowserFixture.AssertAxeAsync(page, 1280);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "correction-person-desktop.png") });

        await page.Locator(".editor-session").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        foreach (var (label, width) in new[] { ("desktop", 1280), ("phone", 390) })
        {
            var visitor = width == 1280 ? page : await browser.NewPageAsync(width);
            await visitor.GotoAsync($"/articles/{article.Key}/{article.Slug}");
            Assert.Equal(0, await visitor.GetByRole(AriaRole.Link, new() { Name = "Correct this article" }).CountAsync());
            var fact = visitor.Locator("ul.meetings li").First;
            Assert.Equal("2019-01-21", await fact.Locator("time").GetAttributeAsync("datetime"));
            var mark = fact.Locator("a.corrected-mark");
            Assert.Equal("corrected: how Meeting 1 was corrected", string.Join(' ', (await mark.TextContentAsync())!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            Assert.False(await visitor.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"the article scrolls sideways at {width}px");
            await BrowserFixture.AssertAxeAsync(visitor, width);
            await fact.ScrollIntoViewIfNeededAsync();
            await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"correction-article-{label}.png") });

            await mark.ClickAsync();
            await visitor.WaitForURLAsync($"**/corrections/{article.Key}#correction-*");
            var correction = visitor.Locator("li.correction").First;
            var words = string.Join(' ', (await correction.InnerTextAsync()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("date: 2019-01-22 → 2019-01-21", words, StringComparison.Ordinal);
            Assert.Contains("Reason: The ministry's calendar puts the meeting on the 21st.", words, StringComparison.Ordinal);
            Assert.DoesNotContain(Name, words, StringComparison.Ordinal);
            await BrowserFixture.AssertAxeAsync(visitor, width);
            await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"correction-history-{label}.png") });
            await visitor.Context.CloseAsync();
        }
    }
}
