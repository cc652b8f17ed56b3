using Microsoft.Playwright;

namespace MinistryNews.Web.Tests.Browser;

/// <summary>A user in a real browser: from the front page to a country, an article and a person; and the filters with the keyboard alone.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BrowsingTests(BrowserFixture browser)
{
    [Fact]
    public async Task Should_go_from_the_front_page_to_a_country_an_article_and_a_person()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("Latest articles", (await page.Locator("h1").TextContentAsync())?.Trim());

        await page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).First.ClickAsync();
        var japan = page.Locator("#facet-country + .facet a", new() { HasText = "Japan" });
        var counted = int.Parse((await japan.Locator(".count").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await BrowserFixture.FollowAsync(page, () => japan.ClickAsync(), "**/articles?country=japan");
        Assert.InRange(counted, 2, 20);
        Assert.Equal(counted, await page.Locator(".article-list .article").CountAsync());

        await BrowserFixture.FollowAsync(page, () => page.Locator(".article-list a.title", new() { HasText = "The signing ceremony of Memorandum of Cooperation" }).ClickAsync(), "**/articles/*/*");
        var agreement = page.Locator(".facts .agreements li").First;
        Assert.Contains("Signed 9 January 2020", string.Join(' ', (await agreement.TextContentAsync())!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        await BrowserFixture.FollowAsync(page, () => agreement.Locator(".signatories a", new() { HasText = "Takaichi Sanae" }).ClickAsync(), "**/people/takaichi-sanae");
        Assert.Equal("Takaichi Sanae", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Contains("Minister of Home Affairs and Communications", await page.Locator(".offices-held").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_use_the_filters_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/articles");

        // The skip link is the first stop and takes the focus to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to the content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("document.activeElement && document.activeElement.id === 'main'");

        // Tab to the "Agreements" facet (not the menu's "Agreements" page) and press Enter.
        var found = false;
        for (var i = 0; i < 80 && !found; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            found = await page.EvaluateAsync<bool>("(document.activeElement.getAttribute('href') || '').endsWith('?kind=agreement')");
        }

        Assert.True(found, "The Agreements facet is not reached with Tab from the content.");
        await BrowserFixture.FollowAsync(page, () => page.Keyboard.PressAsync("Enter"), "**/articles?kind=agreement");
        await using var db = browser.App.OpenDatabase();
        var withAgreements = db.Articles.Count(a => a.Agreements.Count > 0);
        Assert.InRange(withAgreements, 2, 20);
        Assert.Equal(withAgreements, await page.Locator(".article-list .article").CountAsync());

        // The date form: type a date and submit with Enter.
        await page.Locator("#from").FocusAsync();
        await page.Keyboard.TypeAsync("01012020");
        await BrowserFixture.FollowAsync(page, () => page.Keyboard.PressAsync("Enter"), "**from=2020-01-01**");
        var since2020 = db.Articles.Count(a => a.Agreements.Count > 0 && a.PublishedOn >= new DateOnly(2020, 1, 1));
        Assert.InRange(since2020, 1, withAgreements - 1);
        Assert.Equal(since2020, await page.Locator(".article-list .article").CountAsync());
    }

    [Fact]
    public async Task Should_take_screenshots_of_the_main_pages_at_desktop_and_phone_width()
    {
        var (id, slug, _) = await browser.App.ArticleAsync("004_9ed1b855dc992e56.txt");
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
        {
            var page = await browser.NewPageAsync(width, height);
            var failed = new List<string>();
            page.Response += (_, r) =>
            {
                if (!r.Ok || (r.Url.Contains(".css", StringComparison.Ordinal) && r.Headers.GetValueOrDefault("content-type")?.StartsWith("text/css", StringComparison.Ordinal) != true))
                {
                    failed.Add($"{r.Status} {r.Url} {r.Headers.GetValueOrDefault("content-type")}");
                }
            };
            (string Label, string Url)[] pages =
            [
                ("home", "/"), ("articles-filtered", "/articles?country=japan&kind=meeting"), ("article", $"/articles/{id}/{slug}"),
                ("meetings", "/meetings"), ("agreements", "/agreements"), ("offices", "/offices"), ("person", "/people/nguyen-manh-hung"),
                ("country", "/countries/japan"),
            ];
            foreach (var (label, url) in pages)
            {
                var response = await page.GotoAsync(url);
                Assert.True(response?.Ok, url);
                Assert.True(failed.Count == 0, string.Join(" | ", failed));

                // The stylesheets apply: the page has the archive's background, not the browser's white.
                Assert.Equal("rgb(244, 245, 247)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
                var file = Path.Combine(BrowserFixture.ScreenshotFolder, $"{label}-{name}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 10_000, file);
                var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
                Assert.False(overflow, $"{url} scrolls sideways at {width}px");
            }
        }
    }
}
