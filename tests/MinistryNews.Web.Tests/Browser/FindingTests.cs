using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace MinistryNews.Web.Tests.Browser;

/// <summary>
/// A reader narrowing the archive down, at desktop and phone width: a country picked by name, a facet shown whole, a
/// table sorted by a column, the filters of a phone, the header's search and the site's colour. Each page is checked
/// with axe-core and photographed.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FindingTests(BrowserFixture browser)
{
    /// <summary>The theme's accent (site.css's --mn-accent, #a4161a).</summary>
    private const string Accent = "rgb(164, 22, 26)";

    public static TheoryData<string, int, int> Widths => new() { { "desktop", 1280, 900 }, { "phone", 390, 844 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Should_filter_the_meetings_by_a_country_typed_by_name(string name, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/meetings");

        // The box is labelled, and suggests every country by its name.
        var country = page.GetByLabel("Country", new() { Exact = true });
        Assert.Equal("country-names", await country.GetAttributeAsync("list"));
        Assert.Equal(1, await page.Locator("datalist#country-names option[value='Japan']").CountAsync());
        await using var db = browser.App.OpenDatabase();
        Assert.Equal(await db.Countries.CountAsync(), await page.Locator("datalist#country-names option").CountAsync());
        Assert.Equal(1, await page.Locator("datalist#person-names option[value='Nguyen Manh Hung']").CountAsync());

        await country.FillAsync("Japan");
        await BrowserFixture.FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync(), "**/meetings?country=Japan**");

        var withJapan = await db.Meetings.CountAsync(m => m.CounterpartCountries.Any(c => c.Slug == "japan"));
        Assert.InRange(withJapan, 2, 50);
        var rows = page.Locator("table tbody tr");
        Assert.Equal(withJapan, await rows.CountAsync());
        foreach (var with in await page.Locator("table tbody td.meeting-with").AllTextContentsAsync())
        {
            Assert.Contains("Japan", with, StringComparison.Ordinal);
        }

        // The box shows the country chosen by its name, not its address's slug.
        Assert.Equal("Japan", await page.GetByLabel("Country", new() { Exact = true }).InputValueAsync());
        await CheckAsync(page, $"finding-meetings-japan-{name}", width);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Should_show_every_country_of_the_facet_with_its_count_and_filter_with_one_click(string name, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/articles?kind=meeting");
        await OpenFiltersAsync(page, width);

        var top = page.Locator("#facet-country + .facet li");
        Assert.Equal(12, await top.CountAsync());
        await BrowserFixture.FollowAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Show all countries" }).ClickAsync(), "**/facets/country?kind=meeting");

        // Every country the meetings' articles name, most articles first, each with its count.
        await using var db = browser.App.OpenDatabase();
        var expected = await db.Articles.Where(a => a.Meetings.Any()).SelectMany(a => a.Countries).Select(c => c.Id).Distinct().CountAsync();
        Assert.InRange(expected, 13, 100);
        var values = page.Locator(".full-facet .facet li a");
        Assert.Equal(expected, await values.CountAsync());
        var counts = (await page.Locator(".full-facet .facet .count").AllTextContentsAsync()).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Contains($"{expected} countries", await page.Locator("p.summary").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await CheckAsync(page, $"finding-all-countries-{name}", width);

        // The last country, beyond the panel's twelve: one click filters the articles by it, as many as it counted.
        var last = values.Last;
        var label = (await last.EvaluateAsync<string>("a => a.firstChild.textContent")).Trim();
        var counted = counts[^1];
        await BrowserFixture.FollowAsync(page, () => last.ClickAsync(), "**/articles?kind=meeting&country=*");
        Assert.Equal(counted, await page.Locator(".article-list .article").CountAsync());
        Assert.Contains($"Country: {label}", await page.Locator(".chips").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Should_show_the_order_of_a_sorted_column_and_say_it(string name, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/meetings?sort=date");
        var kind = page.Locator("thead th", new() { HasText = "Kind" });

        // Before: a neutral arrow, and "sort by kind" for a screen reader.
        Assert.Null(await kind.GetAttributeAsync("aria-sort"));
        Assert.Equal("↕", (await kind.Locator(".sort-arrow").TextContentAsync())?.Trim());
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = Said("Kind", "sort by kind") });
        await BrowserFixture.FollowAsync(page, () => link.ClickAsync(), "**/meetings?sort=kind");

        // After: the arrow points up, and the link says the order and what another click does.
        Assert.Equal("ascending", await kind.GetAttributeAsync("aria-sort"));
        var arrow = kind.Locator(".sort-arrow");
        Assert.Equal("▲", (await arrow.TextContentAsync())?.Trim());
        Assert.True(await arrow.IsVisibleAsync());
        Assert.Equal(Accent, await arrow.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await BrowserFixture.FollowAsync(page, () => page.GetByRole(AriaRole.Link, new() { NameRegex = Said("Kind", "sorted ascending; sort descending") }).ClickAsync(), "**/meetings?sort=-kind");
        Assert.Equal("descending", await kind.GetAttributeAsync("aria-sort"));
        Assert.Equal("▼", (await kind.Locator(".sort-arrow").TextContentAsync())?.Trim());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { NameRegex = Said("Kind", "sorted descending; sort ascending") }).CountAsync());

        // The column sorted before is back to the neutral hint.
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { NameRegex = Said("Date", "sort by date") }).CountAsync());
        await CheckAsync(page, $"finding-meetings-sorted-{name}", width);
    }

    [Theory]
    [InlineData("/articles", "articles")]
    [InlineData("/search?q=digital", "search")]
    public async Task Should_put_the_filters_above_the_results_on_a_phone_in_the_order_of_the_focus(string url, string label)
    {
        var phone = await browser.NewPageAsync(390, 844);
        await phone.GotoAsync(url);
        var summary = phone.Locator("details.filters > summary");
        var first = phone.Locator(".article-list li").First;
        Assert.True(await summary.IsVisibleAsync());
        Assert.Equal("Filters", (await summary.TextContentAsync())?.Trim());
        Assert.True((await summary.BoundingBoxAsync())!.Y + (await summary.BoundingBoxAsync())!.Height <= (await first.BoundingBoxAsync())!.Y);
        Assert.False(await phone.Locator("#facet-kind").IsVisibleAsync());
        await CheckAsync(phone, $"finding-{label}-filters-closed-phone", 390);

        // The keyboard opens it, and the focus goes through the filters before the first result, as they are seen.
        await summary.FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        Assert.True(await phone.Locator("details.filters").EvaluateAsync<bool>("d => d.open"));
        Assert.True(await phone.Locator("#facet-kind").IsVisibleAsync());
        var stops = new List<(string Where, double Y)>();
        for (var i = 0; i < 150; i++)
        {
            await phone.Keyboard.PressAsync("Tab");
            var where = await phone.EvaluateAsync<string>("document.activeElement.closest('.filters') ? 'filters' : document.activeElement.closest('.article-list') ? 'results' : 'other'");
            stops.Add((where, await phone.EvaluateAsync<double>("document.activeElement.getBoundingClientRect().top + window.scrollY")));
            if (where == "results")
            {
                break;
            }
        }

        Assert.Equal("results", stops[^1].Where);
        Assert.Contains(stops, s => s.Where == "filters");
        Assert.DoesNotContain(stops.SkipWhile(s => s.Where == "filters").TakeWhile(s => s.Where != "results"), s => s.Where == "filters");
        var ys = stops.Select(s => s.Y).ToList();
        Assert.Equal(ys.Order(), ys);
        await CheckAsync(phone, $"finding-{label}-filters-open-phone", 390);

        // On a wide screen the same panel is a side column, left of the results, with no disclosure to open.
        var desktop = await browser.NewPageAsync(1280, 900);
        await desktop.GotoAsync(url);
        Assert.False(await desktop.Locator("details.filters > summary").IsVisibleAsync());
        var facets = await desktop.Locator("aside.facets").BoundingBoxAsync();
        var results = await desktop.Locator(".article-list").BoundingBoxAsync();
        Assert.True(facets!.X + facets.Width <= results!.X, "The facets are not beside the results.");
        Assert.True(await desktop.Locator("#facet-kind").IsVisibleAsync());
        await CheckAsync(desktop, $"finding-{label}-desktop", 1280);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Should_give_the_search_inputs_the_room_and_the_accent_colour_to_links_buttons_and_focus(string name, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/search?q=digital");

        // The header's search and the search page's: each box is wider than its button, which is a button's height.
        foreach (var form in new[] { ".site-search", ".search-form" })
        {
            var input = (await page.Locator($"{form} input[type=search]").BoundingBoxAsync())!;
            var button = (await page.Locator($"{form} button").BoundingBoxAsync())!;
            Assert.True(input.Width > 2 * button.Width, $"{form}: the input is {input.Width}px wide beside a {button.Width}px button.");
            Assert.InRange(button.Height, 24, 60);
            Assert.True(Math.Abs(input.Y - button.Y) < 10, $"{form}: the button is not beside its input.");
            if (width < 500)
            {
                Assert.True(input.Width + button.Width > 0.75 * width, $"{form}: the search takes {input.Width + button.Width}px of {width}px.");
            }
        }

        // Links, buttons and the focus ring take the theme's accent, not Pico's blue.
        Assert.Equal(Accent, await page.Locator(".site-nav a", new() { HasText = "Countries" }).EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Equal(Accent, await page.Locator(".search-form button").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal(Accent, await page.Locator(".site-search button").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("MinistryNews", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        Assert.Equal(Accent, await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineColor"));
        await CheckAsync(page, $"finding-search-forms-{name}", width);
    }

    /// <summary>A header link's accessible name: its text, then what is said after it (Chromium may put a space between them).</summary>
    private static Regex Said(string label, string words) => new($"^{Regex.Escape(label)} ?, {Regex.Escape(words)}$");

    /// <summary>On a phone the facets are in the closed "Filters" disclosure: open it as a reader would.</summary>
    private static async Task OpenFiltersAsync(IPage page, int width)
    {
        if (width < 800)
        {
            await page.Locator("details.filters > summary").ClickAsync();
        }
    }

    /// <summary>A screenshot to look at, no axe-core violation, and no sideways scrolling.</summary>
    private static async Task CheckAsync(IPage page, string label, int width)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{label}.png"), FullPage = true });
        AxeResult axe = await page.RunAxe();
        var violations = axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url}: {string.Join("; ", violations)}");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"{page.Url} scrolls sideways at {width}px");
    }
}
