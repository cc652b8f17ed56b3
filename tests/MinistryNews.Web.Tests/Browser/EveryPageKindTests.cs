using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MinistryNews.Web.Tests.Browser;

/// <summary>
/// One page of every kind the site has, at desktop and phone width, checked by axe-core against WCAG 2.2 AA and its
/// best practices (a serious or critical violation fails: among them targets under 24 by 24 px), photographed, and
/// read for what search engines and link previews take: one canonical address and a description.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EveryPageKindTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Should_pass_axe_on_every_kind_of_page(int width)
    {
        var failures = new List<string>();
        var page = await browser.NewPageAsync(width);
        foreach (var (label, url) in await PageKinds.AddressesAsync(new Uri(browser.BaseUrl)))
        {
            var response = await page.GotoAsync(url);
            Assert.True(response is not null && (response.Status == 200 || label == "error"), $"{url}: {response?.Status}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"kind-{label}-{width}.png"), FullPage = true });
            AxeResult axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. BrowserFixture.AxeTags] } });
            failures.AddRange(axe.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{url} at {width}px: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));

            // A page kept from search engines (an error, a facet shown whole) names no canonical address; every other one does.
            var indexed = await page.Locator("head meta[name=robots][content=noindex]").CountAsync() == 0 && label != "error";
            Assert.True(await page.Locator("head link[rel=canonical]").CountAsync() == (indexed ? 1 : 0), $"{url}: canonical links");
            if (label != "error")
            {
                Assert.False(string.IsNullOrWhiteSpace(await page.Locator("head meta[name=description]").GetAttributeAsync("content")), $"{url}: no description");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Should_name_one_canonical_address_for_copies_of_a_page()
    {
        var page = await browser.NewPageAsync();
        foreach (var (copy, canonical) in new[] { ("/countries/JAPAN", "/countries/japan"), ("/Articles?country=japan", "/articles?country=japan"), ("/Meetings/", "/meetings") })
        {
            var response = await page.GotoAsync(copy);
            Assert.Equal(200, response!.Status);
            Assert.Equal(browser.BaseUrl + canonical, await page.Locator("head link[rel=canonical]").GetAttributeAsync("href"));
        }
    }
}
