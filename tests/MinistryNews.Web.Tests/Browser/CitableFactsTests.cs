using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MinistryNews.Web.Tests.Browser;

/// <summary>
/// A journalist checking what to quote, at desktop and phone width: an agreement's record, an office and its holders,
/// a fact's sentence and a citation. Each page is checked with axe-core and photographed.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CitableFactsTests(BrowserFixture browser)
{
    public static TheoryData<string, int, int> Widths => new() { { "desktop", 1280, 900 }, { "phone", 390, 844 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Should_open_an_agreement_record_an_office_and_a_citation(string name, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);

        // The register: the memorandum with Japan signed on 9 January 2020 is one row, leading to its record.
        await page.GotoAsync("/agreements?country=japan");
        var row = page.Locator("table.agreements tbody tr", new() { HasText = "9 January 2020" });
        Assert.Equal(1, await row.CountAsync());
        await BrowserFixture.FollowAsync(page, () => row.Locator("a.record").ClickAsync(), "**/agreements/*/*");
        Assert.Contains("Japan", await page.Locator("h1").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("9 January 2020", await page.Locator("dd.signed").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await AssertEachMentionReadableAsync(page, "table.mentions", width);
        await page.Locator("details.cite summary").ClickAsync();
        Assert.Contains("Archived at MinistryNews", await page.Locator(".cite-text").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await CheckAsync(page, $"agreement-record-{name}", width);

        // From the record to the sentence that tells it: the sentence is marked as the target.
        await BrowserFixture.FollowAsync(page, () => page.Locator("table.mentions a.evidence-link").First.ClickAsync(), "**/articles/*/*#fact-*");
        var target = page.Locator(".fact-sentence:target");
        Assert.Equal(1, await target.CountAsync());
        Assert.Contains("signed", await target.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("rgb(255, 213, 79)", await target.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.Locator("details.cite summary").ClickAsync();
        var citation = await page.Locator(".cite-text").TextContentAsync() ?? string.Empty;
        Assert.Contains("The signing ceremony of Memorandum of Cooperation", citation, StringComparison.Ordinal);
        Assert.Contains(new Uri(page.Url).AbsolutePath, citation, StringComparison.Ordinal);
        await CheckAsync(page, $"article-fact-and-citation-{name}", width);

        // The minister's page lists the offices he held; one leads to the office and all who held it.
        await page.GotoAsync("/people/nguyen-manh-hung");
        await BrowserFixture.FollowAsync(page, () => page.Locator(".offices-held a", new() { HasText = "Minister of Information and Communications" }).First.ClickAsync(), "**/offices/*");
        Assert.Equal("Minister of Information and Communications", (await page.Locator("h1").TextContentAsync())?.Trim());
        var holders = await page.Locator("ul.holders li").AllTextContentsAsync();
        Assert.Contains(holders, h => h.Contains("Nguyen Manh Hung", StringComparison.Ordinal));
        await AssertEachMentionReadableAsync(page, "table.stacked", width);
        await CheckAsync(page, $"office-{name}", width);
    }

    /// <summary>
    /// Every cell of a table of mentions is on the screen, none past its right edge behind a scroll; on a phone each row
    /// is a block whose cells take the screen's width, so that no word is cut.
    /// </summary>
    private static async Task AssertEachMentionReadableAsync(IPage page, string table, int width)
    {
        var cells = page.Locator($"{table} tbody tr").First.Locator("th, td");
        var rights = await cells.EvaluateAllAsync<double[]>("cells => cells.map(c => c.getBoundingClientRect().right)");
        var widths = await cells.EvaluateAllAsync<double[]>("cells => cells.map(c => c.getBoundingClientRect().width)");
        Assert.NotEmpty(rights);
        Assert.All(rights, right => Assert.True(right <= width, $"{table}: a cell ends at {right}px"));
        if (width <= 480)
        {
            Assert.All(widths, w => Assert.True(w > width * 0.7, $"{table}: a cell is {w}px wide on a {width}px screen"));
        }
    }

    /// <summary>A screenshot to look at, no serious or critical axe-core violation, and no sideways scrolling.</summary>
    private static async Task CheckAsync(IPage page, string label, int width)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{label}.png"), FullPage = true });
        AxeResult axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length})").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: {string.Join("; ", serious)}");
        if (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"))
        {
            var wide = await page.EvaluateAsync<string[]>("""
                [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 6).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ends at ' + Math.round(e.getBoundingClientRect().right))
                """);
            Assert.Fail($"{page.Url} scrolls sideways at {width}px: {string.Join(", ", wide)}");
        }
    }
}
