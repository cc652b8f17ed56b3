using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// Who met whom, on the data folder: on 9 January 2020 Minister Nguyen Manh Hung received Takaichi Sanae, Japan's
/// Minister of Internal Affairs and Communications (002_43bc5bf8eb7e91f7); he met her State Minister Adachi Masahi, of
/// the same ministry, on a day the text does not give (dev34). Each counterpart's count leads to a list of meetings of
/// that many, whose dated meetings run from its first date to its last; the pairs page lists the pairs with the same
/// filters as <c>/meetings</c>; <c>with</c> and <c>organisation</c> narrow the meetings, and a bad value is a message
/// on the page and a 400 problem in the API.
/// </summary>
public sealed class WhoMetWhomTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    private const string Ministry = "Ministry of Internal Affairs and Communications";

    [Fact]
    public async Task Should_show_the_people_and_organisations_an_official_met_with_their_counts_and_first_and_last_dates()
    {
        var page = await archive.PageAsync("/people/nguyen-manh-hung");

        var section = Section(page);
        var takaichi = Row(section, "Takaichi Sanae");
        Assert.Equal(("1", "2020-01-09", "2020-01-09"), Cells(takaichi));
        Assert.Equal("9 January 2020", takaichi.QuerySelectorAll("td time")[0].TextContent.Trim());
        Assert.Equal("/meetings?person=nguyen-manh-hung&with=takaichi-sanae", CountLink(takaichi));
        Assert.Equal("/people/takaichi-sanae", takaichi.QuerySelector("th a")!.GetAttribute("href"));

        // The meeting with Adachi Masahi is undated: it counts, and gives no date.
        var adachi = Row(section, "Adachi Masahi");
        Assert.Equal("1", adachi.QuerySelector("td.count a")!.TextContent.Trim());
        Assert.Equal(2, adachi.QuerySelectorAll(".date-not-given").Length);

        // Two meetings with the ministry, the undated one among them: the first and the last are the dated one's.
        var ministry = Row(section, Ministry);
        Assert.Equal(("2", "2020-01-09", "2020-01-09"), Cells(ministry));

        // No Vietnamese official among the people met.
        Assert.DoesNotContain(section.QuerySelectorAll("th a"), a => a.TextContent.Contains("Nguyen", StringComparison.Ordinal));
        var sections = page.QuerySelectorAll("section").ToList();
        Assert.Equal(sections.IndexOf(page.GetElementById("articles")!.Closest("section")!) - 1, sections.IndexOf(section));
        await AssertEachCountLeadsToItsMeetingsAsync(section);
    }

    [Fact]
    public async Task Should_show_the_people_of_a_country_and_the_organisations_met_in_meetings_with_it()
    {
        var page = await archive.PageAsync("/countries/japan");

        var section = Section(page);
        Assert.Equal(("1", "2020-01-09", "2020-01-09"), Cells(Row(section, "Takaichi Sanae")));
        Assert.Equal("/meetings?country=japan&person=takaichi-sanae", CountLink(Row(section, "Takaichi Sanae")));
        Assert.Equal(("2", "2020-01-09", "2020-01-09"), Cells(Row(section, Ministry)));
        Assert.Equal("/meetings?country=japan&organisation=Ministry%20of%20Internal%20Affairs%20and%20Communications", CountLink(Row(section, Ministry)));
        Assert.Equal("/meetings/pairs?country=japan", section.QuerySelector(".more a")!.GetAttribute("href"));
        await AssertEachCountLeadsToItsMeetingsAsync(section);
    }

    [Fact]
    public async Task Should_show_the_Vietnamese_officials_a_counterpart_met_and_nothing_on_the_home_country()
    {
        var section = Section(await archive.PageAsync("/people/takaichi-sanae"));
        Assert.Equal("Vietnamese officials met", section.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(("1", "2020-01-09", "2020-01-09"), Cells(Row(section, "Nguyen Manh Hung")));
        Assert.Equal("/meetings?person=takaichi-sanae&with=nguyen-manh-hung", CountLink(Row(section, "Nguyen Manh Hung")));
        await AssertEachCountLeadsToItsMeetingsAsync(section);

        Assert.Null((await archive.PageAsync("/countries/vietnam")).GetElementById("counterparts"));
    }

    [Fact]
    public async Task Should_list_the_pairs_most_meetings_first_each_linked_to_its_meetings_and_narrowed_by_the_filters()
    {
        var all = await archive.PageAsync("/meetings/pairs");
        Assert.Equal("Who met whom", all.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("Who met whom", all.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(all.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        Assert.EndsWith("/meetings/pairs", all.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        var total = Total(all);
        var counts = all.QuerySelectorAll("table.pairs td.count a").Select(a => int.Parse(a.TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Equal(Math.Min(total, 50), counts.Count);

        var pair = Pair(all, "Nguyen Manh Hung", "Takaichi Sanae");
        Assert.Equal(("1", "2020-01-09", "2020-01-09"), Cells(pair));
        Assert.Equal("/meetings?person=nguyen-manh-hung&with=takaichi-sanae", CountLink(pair));
        Assert.Equal(("2", "2020-01-09", "2020-01-09"), Cells(Pair(all, "Nguyen Manh Hung", Ministry)));

        // Each filter narrows the pairs, and the links keep it, so that each count is still its list's total.
        var japan = await archive.PageAsync("/meetings/pairs?country=japan");
        Assert.InRange(Total(japan), 1, total - 1);
        Assert.Equal("/meetings?country=japan&person=nguyen-manh-hung&with=takaichi-sanae", CountLink(Pair(japan, "Nguyen Manh Hung", "Takaichi Sanae")));
        await AssertEachCountLeadsToItsMeetingsAsync(japan.QuerySelector("table.pairs")!);

        var her = await archive.PageAsync("/meetings/pairs?person=takaichi-sanae");
        Assert.Equal(1, Total(her));
        Assert.All(her.QuerySelectorAll("table.pairs tbody tr"), r => Assert.Equal("Nguyen Manh Hung", r.QuerySelector("td a")!.TextContent));
        await AssertEachCountLeadsToItsMeetingsAsync(her.QuerySelector("table.pairs")!);

        var before = await archive.PageAsync("/meetings/pairs?year=2019&kind=bilateral");
        Assert.InRange(Total(before), 1, total - 1);
        Assert.DoesNotContain(before.QuerySelectorAll("table.pairs tbody tr"), r => r.TextContent.Contains("Takaichi Sanae", StringComparison.Ordinal));
        await AssertEachCountLeadsToItsMeetingsAsync(before.QuerySelector("table.pairs")!);

        // From the meetings list to the pairs with the same filters, and back.
        var meetings = await archive.PageAsync("/meetings?country=japan");
        Assert.Equal("/meetings/pairs?country=japan", meetings.QuerySelector(".list-switch a")!.GetAttribute("href"));
        Assert.Equal("/meetings?country=japan", japan.QuerySelector(".list-switch a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Should_narrow_the_meetings_to_those_with_another_participant_and_with_an_organisation_in_any_case()
    {
        Assert.Equal(1, await ApiTotalAsync("/api/meetings?person=nguyen-manh-hung&with=takaichi-sanae"));
        Assert.Equal(2, await ApiTotalAsync("/api/meetings?organisation=MINISTRY%20of%20internal%20affairs%20AND%20communications"));
        Assert.Equal(1, await ApiTotalAsync("/api/meetings?organisation=ministry%20of%20internal%20affairs%20and%20communications&with=adachi-masahi"));
        Assert.Equal(0, await ApiTotalAsync("/api/meetings?person=takaichi-sanae&with=adachi-masahi"));

        var page = await archive.PageAsync("/meetings?person=nguyen-manh-hung&with=takaichi-sanae");
        Assert.Equal(1, Total(page));
        Assert.Contains("also attended by Takaichi Sanae", page.QuerySelector(".kept-filters")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("takaichi-sanae", page.QuerySelector("form.event-filters input[type=hidden][name=with]")!.GetAttribute("value"));
        Assert.Contains("with=takaichi-sanae", page.QuerySelector("link[type='application/atom+xml'][href^='/feeds/meetings']")!.GetAttribute("href"), StringComparison.Ordinal);
        using var download = JsonDocument.Parse(await archive.Client.GetStringAsync(new Uri("/meetings?person=nguyen-manh-hung&with=takaichi-sanae&format=json", UriKind.Relative)));
        Assert.Equal(1, download.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("with=atlantis-nowhere", "atlantis-nowhere")]
    [InlineData("organisation=Ministry%20of%20Nowhere", "Ministry of Nowhere")]
    public async Task Should_name_a_bad_value_on_the_page_and_answer_400_in_the_api(string query, string named)
    {
        var page = await archive.PageAsync($"/meetings?{query}");
        Assert.Contains(page.QuerySelectorAll(".messages li"), li => li.TextContent.Contains(named, StringComparison.Ordinal) && li.TextContent.Contains("left out", StringComparison.Ordinal));
        var pairs = await archive.PageAsync($"/meetings/pairs?{query}");
        Assert.Contains(pairs.QuerySelectorAll(".messages li"), li => li.TextContent.Contains(named, StringComparison.Ordinal));

        var problem = await archive.ProblemAsync($"/api/meetings?{query}");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(named, StringComparison.Ordinal));
        using var feed = await archive.Client.GetAsync(new Uri($"/feeds/meetings.atom?{query}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, feed.StatusCode);
    }

    private static IElement Section(IHtmlDocument page) => page.GetElementById("counterparts")?.Closest("section") ?? throw new Xunit.Sdk.XunitException("No counterparts section");

    /// <summary>The row of a counterpart in the section's tables, by the name in its header cell.</summary>
    private static IElement Row(IElement section, string name) =>
        section.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == name);

    private static IElement Pair(IHtmlDocument page, string official, string counterpart) =>
        page.QuerySelectorAll("table.pairs tbody tr").Single(r => r.QuerySelectorAll("td")[0].TextContent.Trim() == official && r.QuerySelectorAll("td")[1].TextContent.Trim() == counterpart);

    /// <summary>The count, and the first and last dates (their datetime) of a row; "" for a date not given.</summary>
    private static (string Count, string First, string Last) Cells(IElement row)
    {
        var cells = row.QuerySelectorAll("td").TakeLast(3).ToList();
        return (cells[0].TextContent.Trim(), cells[1].QuerySelector("time")?.GetAttribute("datetime") ?? string.Empty, cells[2].QuerySelector("time")?.GetAttribute("datetime") ?? string.Empty);
    }

    private static string CountLink(IElement row) => row.QuerySelector("td.count a")!.GetAttribute("href")!;

    /// <summary>The total of a list page's pager ("1–2 of 2"), or of the pairs page.</summary>
    private static int Total(IHtmlDocument page) =>
        page.QuerySelector(".pager-total") is { } pager ? int.Parse(pager.TextContent.Split(" of ")[1], CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// Each count of a table leads to a meetings list whose total is the count (on the page and in the API), and whose
    /// dated meetings run from the row's first date to its last.
    /// </summary>
    private async Task AssertEachCountLeadsToItsMeetingsAsync(IElement table)
    {
        var rows = table.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("td.count a") is not null).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var (count, first, last) = Cells(row);
            var href = CountLink(row);
            Assert.StartsWith("/meetings?", href, StringComparison.Ordinal);
            Assert.Equal(int.Parse(count, CultureInfo.InvariantCulture), Total(await archive.PageAsync(href)));
            using var api = JsonDocument.Parse(await archive.Client.GetStringAsync(new Uri("/api" + href + "&pageSize=100", UriKind.Relative)));
            Assert.Equal(int.Parse(count, CultureInfo.InvariantCulture), api.RootElement.GetProperty("total").GetInt32());
            var dates = api.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("date").GetString()).OfType<string>().Order(StringComparer.Ordinal).ToList();
            Assert.Equal(dates.FirstOrDefault() ?? string.Empty, first);
            Assert.Equal(dates.LastOrDefault() ?? string.Empty, last);
        }
    }

    private async Task<int> ApiTotalAsync(string url)
    {
        using var page = JsonDocument.Parse(await archive.Client.GetStringAsync(new Uri(url, UriKind.Relative)));
        return page.RootElement.GetProperty("total").GetInt32();
    }
}
