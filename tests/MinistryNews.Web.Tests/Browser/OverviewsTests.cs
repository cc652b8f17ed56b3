using Microsoft.Playwright;

namespace MinistryNews.Web.Tests.Browser;

/// <summary>
/// The overviews in Chromium: the map's shapes come from the site's file and show; the charts and timelines fit a phone's
/// width; printed, the figures' tables are whole. Screenshots of each page at 1280 and 390 px wide land in the screenshot
/// folder (overview-*.png).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OverviewsTests(BrowserFixture browser)
{
    private static readonly (string Label, string Url)[] Pages =
    [
        ("home", "/"), ("country", "/countries/japan"), ("home-country", "/countries/vietnam"), ("person", "/people/nguyen-manh-hung"),
        ("articles", "/articles?country=japan"), ("articles-year", "/articles?year=2017"),
    ];

    [Fact]
    public async Task Should_draw_the_overviews_legibly_at_desktop_and_phone_width()
    {
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
        {
            var page = await browser.NewPageAsync(width, height);
            foreach (var (label, url) in Pages)
            {
                var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.True(response?.Ok, url);
                var file = Path.Combine(BrowserFixture.ScreenshotFolder, $"overview-{label}-{name}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"{url} scrolls sideways at {width}px");

                // Each map's shaded countries are drawn: the shapes' file loaded, each shape has an area on the screen.
                foreach (var map in await page.Locator("svg.map").AllAsync())
                {
                    var sizes = await map.Locator("a use").EvaluateAllAsync<double[]>("uses => uses.map(u => { const b = u.getBoundingClientRect(); return b.width * b.height; })");
                    Assert.True(sizes.Length > 0 && sizes.All(s => s > 0), $"{url}: {sizes.Length} shapes, {sizes.Count(s => s <= 0)} not drawn");
                }

                // A chart's bars and counts stay inside its frame.
                foreach (var chart in await page.Locator("table.activity").AllAsync())
                {
                    Assert.True(await chart.EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth + 1"), $"{url}: the chart is wider than its frame at {width}px");
                }
            }
        }
    }

    [Fact]
    public async Task Should_print_the_figures_of_a_map_and_the_years_of_a_timeline_whole()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/countries/vietnam", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var selector in new[] { ".map-figures", ".trip-timeline", "table.activity" })
        {
            var boxes = await page.Locator(selector).EvaluateAllAsync<bool[]>("es => es.map(e => e.scrollHeight <= e.clientHeight + 1)");
            Assert.True(boxes.Length > 0 && boxes.All(b => b), $"{selector} is cut in print");
        }

        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 20_000, $"{pdf.Length} bytes");
    }
}
