using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Web.Overviews;

namespace MinistryNews.Web.Tests.Pages.Overviews;

/// <summary>
/// The overviews on the data folder: the map of partners, activity over time and travels. Their figures are checked
/// against the database and against the lists they link to, whose totals must be the counts shown.
/// </summary>
public sealed class OverviewTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/countries")]
    public async Task Should_draw_every_partner_on_the_map_linked_to_its_page_and_named_with_its_counts(string url)
    {
        var page = await archive.PageAsync(url);
        await using var db = archive.App.OpenDatabase();
        var partners = await db.Countries.Where(c => c.Code != "VN" && (c.MeetingCount > 0 || c.TripCount > 0 || c.AgreementMentionCount > 0)).ToListAsync();
        var map = page.QuerySelector("figure.partner-map svg.map")!;
        var links = map.QuerySelectorAll("a").ToDictionary(a => a.GetAttribute("href")!);

        Assert.True(partners.Count > 10, $"{partners.Count} partners");
        Assert.Equal(partners.Count(c => WorldMap.Instance.Draws(c.Code)), links.Count);
        foreach (var country in partners.Where(c => WorldMap.Instance.Draws(c.Code)))
        {
            var link = links[$"/countries/{country.Slug}"];
            var label = link.GetAttribute("aria-label")!;
            Assert.StartsWith(country.Name + ": ", label, StringComparison.Ordinal);
            AssertCount(label, country.MeetingCount, "meeting");
            AssertCount(label, country.TripCount, "trip");
            AssertCount(label, country.AgreementMentionCount, "agreement");
            Assert.Equal(label, link.QuerySelector("title")!.TextContent);

            // A shape drawn from the map's file by the country's code, or a dot for a country too small for its scale.
            var shape = link.QuerySelector("use")?.GetAttribute("href");
            Assert.True(shape is not null ? shape.EndsWith("#" + country.Code, StringComparison.Ordinal) : link.QuerySelector("circle") is not null, $"{country.Name}: {shape}");
        }

        // The same figures as a table, for screen readers and print: a row a country, most first.
        var rows = page.QuerySelectorAll(".map-figures tbody tr").ToList();
        Assert.Equal(partners.Count, rows.Count);
        var japan = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Japan");
        var jp = partners.Single(c => c.Code == "JP");
        Assert.Equal(
            [jp.MeetingCount, jp.TripCount, jp.AgreementMentionCount, jp.MeetingCount + jp.TripCount + jp.AgreementMentionCount],
            japan.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture)));

        // The legend names the shades the map uses.
        var shades = map.QuerySelectorAll("a use, a circle").Select(e => e.ClassList.Single(c => c.StartsWith("shade-", StringComparison.Ordinal))).Distinct().ToList();
        var legend = page.QuerySelectorAll(".map-legend .swatch").Select(s => s.ClassList.FirstOrDefault(c => c.StartsWith("shade-", StringComparison.Ordinal))).OfType<string>().ToList();
        Assert.All(shades, s => Assert.Contains(s, legend));
    }

    [Fact]
    public async Task Should_serve_the_map_s_shapes_from_the_site_with_a_shape_for_each_code_it_draws()
    {
        var page = await archive.PageAsync("/");
        var href = page.QuerySelector("svg.map use.land")!.GetAttribute("href")!;
        Assert.StartsWith("/map/world.svg", href, StringComparison.Ordinal);

        var svg = await archive.Client.GetStringAsync(href.Split('#')[0]);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var document = parser.ParseDocument(svg);
        var ids = document.QuerySelectorAll("path[id]").Select(p => p.Id!).ToHashSet();
        Assert.Superset(WorldMap.Instance.Shapes.ToHashSet(), ids);
        Assert.Contains("JP", ids);
        Assert.Contains("VN", ids);
        Assert.NotNull(document.GetElementById("world"));
    }

    [Fact]
    public async Task Should_chart_a_country_s_articles_by_year_with_the_empty_years_and_counts_that_are_their_lists_totals()
    {
        var page = await archive.PageAsync("/countries/japan");
        var chart = Chart(page);

        // Japan is named in 2014, 2017, 2018, 2019 and 2020 (one article each) and in two articles with no date: 2015 and
        // 2016 are there, empty.
        Assert.Equal(["2014", "2015", "2016", "2017", "2018", "2019", "2020"], chart.Years);
        Assert.Equal([1, 0, 0, 1, 1, 1, 1], chart.Articles);
        Assert.Equal("2", chart.Undated);
        Assert.Equal(["2015", "2016"], page.QuerySelectorAll("table.activity tr.none th").Select(th => th.TextContent.Trim()));
        await AssertLinksCountAsync(page);
    }

    [Fact]
    public async Task Should_chart_the_whole_archive_by_year_on_the_front_page_as_the_articles_list_counts_it()
    {
        var page = await archive.PageAsync("/");
        var chart = Chart(page);
        await using var db = archive.App.OpenDatabase();
        var years = (await db.Articles.Where(a => a.PublishedOn != null).Select(a => a.PublishedOn!.Value.Year).ToListAsync()).GroupBy(y => y).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(years.Keys.Min(), years.Keys.Max() - years.Keys.Min() + 1).Select(y => years.GetValueOrDefault(y)), chart.Articles);
        Assert.Contains(0, chart.Articles);
        Assert.Equal((await db.Articles.CountAsync(a => a.PublishedOn == null)).ToString(CultureInfo.InvariantCulture), chart.Undated);
        await AssertLinksCountAsync(page);
    }

    [Theory]
    [InlineData("/articles?country=japan")]
    [InlineData("/articles?q=digital")]
    [InlineData("/articles?kind=agreement&person=nguyen-manh-hung")]
    [InlineData("/articles?year=2017")]
    public async Task Should_chart_the_list_above_it_with_counts_that_follow_its_filters_and_search(string url)
    {
        var page = await archive.PageAsync(url);
        var chart = Chart(page);
        var total = int.Parse(page.QuerySelector(".results .summary")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);

        Assert.Equal(total, chart.Articles.Sum() + (chart.Undated is { } u ? int.Parse(u, CultureInfo.InvariantCulture) : 0));
        if (url.Contains("year=", StringComparison.Ordinal))
        {
            Assert.Equal(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Take(12), chart.Years);
        }

        await AssertLinksCountAsync(page);
    }

    [Fact]
    public async Task Should_draw_a_person_s_trips_on_a_timeline_and_a_map_and_list_them_by_year()
    {
        var page = await archive.PageAsync("/people/nguyen-manh-hung");
        var travels = page.GetElementById("trips")!.ParentElement!;

        // Two trips: 11 to 13 March 2019 to Laos, and one to South Korea the text gives no date for.
        var timeline = travels.QuerySelector(".trip-timeline")!;
        Assert.Contains("1 trip without a date", timeline.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        var year = timeline.QuerySelectorAll("li:not(.track-head)").Single();
        Assert.Equal("2019", year.QuerySelector(".year")!.TextContent);
        Assert.Equal("1 trip", year.QuerySelector(".count")!.TextContent);
        var span = year.QuerySelector("rect")!;
        Assert.Equal(("69", "3", "exact"), (span.GetAttribute("x"), span.GetAttribute("width"), span.GetAttribute("class")));

        var map = travels.QuerySelector("svg.map")!;
        Assert.Equal(
            ["/delegations?person=nguyen-manh-hung&country=laos Laos: 1 trip", "/delegations?person=nguyen-manh-hung&country=south-korea South Korea: 1 trip"],
            map.QuerySelectorAll("a").Select(a => $"{a.GetAttribute("href")} {a.GetAttribute("aria-label")}").Order(StringComparer.Ordinal));

        Assert.Equal(["2019 (1 trip)", "Date not given (1 trip)"], travels.QuerySelectorAll("h3.trip-year").Select(h => h.TextContent.Trim()));
        await AssertLinksCountAsync(page, "#trips ~ * svg.map a, .travels svg.map a");
    }

    [Fact]
    public async Task Should_show_the_visits_vietnam_hosted_on_a_timeline_and_a_map_of_where_they_came_from()
    {
        var page = await archive.PageAsync("/countries/vietnam");
        var hosted = page.GetElementById("visits-hosted")!.ParentElement!;
        var years = hosted.QuerySelectorAll(".trip-timeline li:not(.track-head)").ToList();
        await using var db = archive.App.OpenDatabase();
        var dated = (await db.Delegations.Where(d => d.Destinations.Any(c => c.Code == "VN") && d.Start != null).Select(d => d.Start).ToListAsync()).Select(d => d!.Value.Year).ToList();

        Assert.Equal(dated.Max() - dated.Min() + 1, years.Count);
        Assert.Equal(dated.Max().ToString(CultureInfo.InvariantCulture), years[0].QuerySelector(".year")!.TextContent);
        Assert.Contains(years, y => y.ClassList.Contains("none"));
        Assert.Equal(dated.Count, years.Sum(y => y.ClassList.Contains("none") ? 0 : int.Parse(y.QuerySelector(".count")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture)));
        Assert.NotEmpty(hosted.QuerySelectorAll("svg.map a"));
        await AssertLinksCountAsync(page, "#visits-hosted ~ * svg.map a");
    }

    private static void AssertCount(string label, int count, string noun)
    {
        if (count == 0)
        {
            Assert.DoesNotContain(" " + noun, label, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(Display.Count(count, noun), label, StringComparison.Ordinal);
        }
    }

    private static (List<string> Years, List<int> Articles, string? Undated) Chart(IHtmlDocument page)
    {
        var rows = page.QuerySelectorAll("table.activity tbody tr").ToList();
        var dated = rows.Where(r => !r.ClassList.Contains("undated")).ToList();
        return (
            [.. dated.Select(r => r.QuerySelector("th")!.TextContent.Trim())],
            [.. dated.Select(r => int.Parse(r.QuerySelector("td.articles .count")!.TextContent, CultureInfo.InvariantCulture))],
            rows.SingleOrDefault(r => r.ClassList.Contains("undated"))?.QuerySelector("td .count")!.TextContent);
    }

    /// <summary>Each count of a chart (or each link of a map of trips) leads to a list whose total is that count.</summary>
    private async Task AssertLinksCountAsync(IHtmlDocument page, string? mapLinks = null)
    {
        var checks = page.QuerySelectorAll("table.activity td a").Select(a => (a.GetAttribute("href")!, int.Parse(a.QuerySelector(".count")!.TextContent, CultureInfo.InvariantCulture))).ToList();
        if (mapLinks is not null)
        {
            checks.AddRange(page.QuerySelectorAll(mapLinks).Select(a => (a.GetAttribute("href")!, int.Parse(a.GetAttribute("aria-label")!.Split(": ")[1].Split(' ')[0], CultureInfo.InvariantCulture))));
        }

        Assert.NotEmpty(checks);
        foreach (var (href, count) in checks)
        {
            Assert.Equal((href, count), (href, await TotalAsync(href)));
        }
    }

    private async Task<int> TotalAsync(string href)
    {
        using var json = JsonDocument.Parse(await archive.Client.GetStringAsync("/api" + href));
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
