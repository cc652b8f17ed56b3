using System.Net;
using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>The pages of countries, people, meetings, delegations, agreements and dates, on the data folder, on 1 June 2022.</summary>
public sealed class BrowseTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_list_the_countries_with_their_articles_and_events()
    {
        var page = await archive.PageAsync("/countries");

        // South Korea: dev08 (the minister's working trip to Seoul, three meetings) and dev09 (IT specialists sent there,
        // President Lee Myung-Bak's visit of October 2009 and the agreement reached on it).
        var korea = page.QuerySelectorAll(".table-wrap:not(.map-figures) tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "South Korea");
        Assert.Equal(["2", "3", "2", "1", "1"], korea.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("/countries/south-korea", korea.QuerySelector("th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Should_show_everything_done_with_a_country_on_one_page()
    {
        var page = await archive.PageAsync("/countries/south-korea");

        Assert.Equal("South Korea", page.QuerySelector("h1")!.TextContent.Trim());
        var kinds = page.QuerySelectorAll(".timeline-table tbody tr strong").Select(s => s.TextContent).ToList();
        Assert.Equal(3, kinds.Count(k => k == "meeting"));
        Assert.Equal(2, kinds.Count(k => k == "visit made"));
        Assert.Equal(1, kinds.Count(k => k == "visit hosted"));
        Assert.Equal(1, kinds.Count(k => k == "agreement"));
        Assert.Equal(["Lee Jong-ho", "Lee Myung-Bak", "Moon Seok Yang"], page.QuerySelectorAll("#people + ul a").Select(a => a.TextContent).Order(StringComparer.Ordinal));
        Assert.Equal(2, page.QuerySelectorAll(".article-list .article").Length);
    }

    [Fact]
    public async Task Should_show_a_person_with_titles_over_time_trips_meetings_and_agreements_signed()
    {
        var page = await archive.PageAsync("/people/nguyen-manh-hung");

        Assert.Equal("Nguyen Manh Hung", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Minister of Information and Communications", page.QuerySelector(".offices-held")!.TextContent, StringComparison.Ordinal);
        var stats = page.QuerySelectorAll(".stats li").ToDictionary(li => li.TextContent.Replace(li.QuerySelector(".number")!.TextContent, string.Empty, StringComparison.Ordinal).Trim(), li => li.QuerySelector(".number")!.TextContent);
        Assert.Equal("9", stats["articles"]);
        Assert.Equal("2", stats["trips"]);
        Assert.Equal("2", stats["countries visited"]);
        Assert.Equal("3", stats["agreements signed"]);
        var trips = page.QuerySelectorAll("#trips ~ .table-wrap tbody tr").Select(r => r.QuerySelectorAll("td")[4].TextContent.Trim()).ToList();
        Assert.Equal(["Laos", "South Korea"], trips.Order(StringComparer.Ordinal));
        Assert.All(page.QuerySelectorAll("#trips ~ .table-wrap tbody tr"), r => Assert.Equal("visit made", r.QuerySelectorAll("td")[1].TextContent.Trim()));
    }

    [Fact]
    public async Task Should_keep_one_page_for_a_person_whose_name_is_spelled_two_ways()
    {
        var page = await archive.PageAsync("/people/takaichi-sanae");
        var people = await archive.PageAsync("/people?country=japan");

        Assert.Contains("Also written: Saka Takaichi Sanae", page.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Single(people.QuerySelectorAll("tbody th a"), a => a.TextContent.Contains("Takaichi", StringComparison.Ordinal));
        var guo = await archive.PageAsync("/people/guo-weimin");
        Assert.Contains("Also written: Guo Wenmin", guo.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_each_agreement_its_status_on_the_day()
    {
        var all = await archive.PageAsync("/agreements");
        var inForce = await archive.PageAsync("/agreements?status=in-force");
        var expired = await archive.PageAsync("/agreements?status=expired&country=japan");

        await using var db = archive.App.OpenDatabase();
        Assert.Equal(db.AgreementRecords.Count(), all.QuerySelectorAll("tbody tr").Length);
        var row = Assert.Single(inForce.QuerySelectorAll("tbody tr"));
        Assert.Equal("in force", row.QuerySelector(".status")!.TextContent.Trim());
        Assert.Contains("Japan", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2020 – 2023", row.TextContent, StringComparison.Ordinal);
        var old = Assert.Single(expired.QuerySelectorAll("tbody tr"));
        Assert.Contains("until September 2019", old.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_filter_and_sort_the_meetings_table()
    {
        var multilateral = await archive.PageAsync("/meetings?kind=multilateral");
        var byKind = await archive.PageAsync("/meetings?sort=kind");

        // Every multilateral meeting and nothing else; among them the G20 ministerial conference (000) and ADGMIN (004).
        await using var db = archive.App.OpenDatabase();
        var rows = multilateral.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(db.Meetings.Count(m => m.Kind == Core.Extraction.MeetingKind.Multilateral), rows.Count);
        Assert.All(rows, r => Assert.Equal("multilateral", r.QuerySelectorAll("td")[1].TextContent.Trim()));
        Assert.Contains(rows, r => r.TextContent.Contains("G20 Ministerial Conference", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("The ADGMIN Conference", StringComparison.Ordinal));
        Assert.Equal("ascending", byKind.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        var kinds = byKind.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal(kinds.Order(StringComparer.Ordinal), kinds);
    }

    [Fact]
    public async Task Should_tell_visits_made_from_visits_hosted_in_the_delegations_table()
    {
        var made = await archive.PageAsync("/delegations?direction=made");
        var hosted = await archive.PageAsync("/delegations?direction=hosted");
        var madeToKorea = await archive.PageAsync("/delegations?direction=made&country=south-korea");
        var hostedFromKorea = await archive.PageAsync("/delegations?direction=hosted&country=south-korea");

        Assert.All(made.QuerySelectorAll("tbody tr"), r => Assert.Equal("Vietnam", From(r)));
        Assert.All(hosted.QuerySelectorAll("tbody tr"), r => Assert.NotEqual("Vietnam", From(r)));
        Assert.NotEmpty(hosted.QuerySelectorAll("tbody tr"));

        // dev08's working trip to Seoul and dev09's IT specialists sent to South Korea; dev09's recalled visit of President
        // Lee Myung-Bak to Vietnam.
        Assert.Equal(2, madeToKorea.QuerySelectorAll("tbody tr").Length);
        Assert.All(madeToKorea.QuerySelectorAll("tbody tr"), r => Assert.Equal("visit made", r.QuerySelectorAll("td")[1].TextContent.Trim()));
        var visit = Assert.Single(hostedFromKorea.QuerySelectorAll("tbody tr"));
        Assert.Equal("South Korea", From(visit));
        Assert.Equal("Lee Myung-Bak", visit.QuerySelectorAll("td")[2].TextContent.Trim());

        static string From(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td")[3].TextContent.Trim();
    }

    [Fact]
    public async Task Should_browse_by_year_and_month()
    {
        var year = await archive.PageAsync("/archive/2019");
        var month = await archive.PageAsync("/archive/2019/3");

        Assert.Equal(["January", "March"], year.QuerySelectorAll(".months a").Select(a => a.TextContent));
        Assert.Equal(["dev04.txt", "dev05.txt"], await archive.ArticleFilesAsync(month));
        Assert.Equal("/archive/2019/1", month.QuerySelector(".adjacent a[rel=prev]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/countries/atlantis")]
    [InlineData("/people/nobody-at-all")]
    [InlineData("/articles/99999/x")]
    [InlineData("/archive/1850")]
    public async Task Should_answer_unknown_pages_with_a_not_found_page_that_leads_on(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await ArchiveApplication.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("nav.site-nav a[href='/articles']"));
    }

    [Theory]
    [InlineData("/meetings?sort=bogus", "cannot be sorted by")]
    [InlineData("/agreements?status=maybe", "is not a status")]
    [InlineData("/delegations?from=31/12/2019", "is not a date")]
    [InlineData("/people?country=atlantis", "No country")]
    [InlineData("/meetings?page=-1", "is not a page number")]
    public async Task Should_say_what_is_wrong_with_a_bad_query_value_on_every_table(string url, string message)
    {
        var page = await archive.PageAsync(url);

        Assert.Contains(message, page.QuerySelector(".messages")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_counts_top_countries_and_people_and_the_months_on_the_front_page()
    {
        var page = await archive.PageAsync("/");

        await using var db = archive.App.OpenDatabase();
        int[] counts = [db.Articles.Count(), db.Meetings.Count(), db.Delegations.Count(), db.Agreements.Count()];
        Assert.Equal(counts.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)), page.QuerySelectorAll(".stats .number").Select(n => n.TextContent.Trim()));
        Assert.Equal("/countries/japan", page.QuerySelector("#top-countries + ol a")!.GetAttribute("href"));
        Assert.Equal("/people/nguyen-manh-hung", page.QuerySelector("#top-people + ol a")!.GetAttribute("href"));
        var (oldest, newest) = (db.Articles.Min(a => a.PublishedOn)!.Value, db.Articles.Max(a => a.PublishedOn)!.Value);
        var years = page.QuerySelectorAll("table.activity tbody tr:not(.undated) th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(oldest.Year, newest.Year - oldest.Year + 1).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), years);
        Assert.Equal($"/archive/{newest.Year}", page.QuerySelectorAll("table.activity tbody th a")[^1].GetAttribute("href"));
    }
}

/// <summary>The pages' own assets: served by the app (no CDN), so the archive works offline.</summary>
public sealed class AssetTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_serve_every_stylesheet_a_page_links_from_the_app_itself()
    {
        var page = await archive.PageAsync("/");

        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal(2, stylesheets.Count);
        foreach (var href in stylesheets)
        {
            Assert.StartsWith("/", href, StringComparison.Ordinal);
            using var response = await archive.Client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{href}: {(int)response.StatusCode}");
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        }

        // Nothing is loaded from elsewhere (the canonical link names an address, it loads nothing).
        Assert.Empty(page.QuerySelectorAll("script[src], link[href^='http']:not([rel=canonical]):not([rel=alternate])"));
    }
}

/// <summary>
/// A country, a person or a year with more facts than a page should hold: each page shows the latest of them, counts
/// them all, and links to the full list; a year's articles come a hundred a page.
/// </summary>
public sealed class LongListsTests : IAsyncLifetime
{
    private const int Releases = 130;

    private ArchiveApplication App { get; } = new();

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        for (var i = 0; i < Releases; i++)
        {
            var day = new DateOnly(2023, 1, 1).AddDays(i);
            var on = day.ToString("MMMM d", System.Globalization.CultureInfo.InvariantCulture);
            await File.WriteAllTextAsync(
                Path.Combine(App.DataFolder, $"chile-{i:D3}.txt"),
                $"Minister receives the Ambassador of Chile, meeting {i + 1}\n\n{on}, 2023 | 09:00 am GMT+7\n\n"
                + $"On {on}, in Hanoi, Minister of Information and Communications Nguyen Manh Hung received the Ambassador of Chile.\n");
        }

        _client = await App.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Should_list_a_country_s_articles_of_a_year_and_a_kind_newest_first_as_the_database_finds_them(int number)
    {
        await using var db = App.OpenDatabase();
        var expected = await db.Articles
            .Where(a => a.Countries.Any(c => c.Slug == "chile") && a.Meetings.Any() && a.PublishedOn >= new DateOnly(2023, 1, 1) && a.PublishedOn <= new DateOnly(2023, 12, 31))
            .OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id)
            .Select(a => new { a.Key, a.Slug })
            .ToListAsync();

        var page = await ArchiveApplication.GetPageAsync(_client, $"/articles?country=chile&kind=meeting&year=2023&page={number}");

        Assert.True(expected.Count > 2 * 20, $"{expected.Count} articles");
        Assert.Equal(
            expected.Skip((number - 1) * 20).Take(20).Select(a => MinistryNews.Web.Browsing.ArticleLinks.Article(a.Key, a.Slug)),
            page.QuerySelectorAll(".article-list a.title").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Should_show_the_latest_of_a_country_s_timeline_and_link_to_the_rest()
    {
        await using var db = App.OpenDatabase();
        var meetings = db.Meetings.Count(m => m.CounterpartCountries.Any(c => c.Slug == "chile"));

        var page = await ArchiveApplication.GetPageAsync(_client, "/countries/chile");

        Assert.True(meetings > MinistryNews.Web.Pages.Countries.DetailModel.TimelineShown, $"{meetings} meetings with Chile");
        Assert.Equal(MinistryNews.Web.Pages.Countries.DetailModel.TimelineShown, page.QuerySelectorAll(".timeline-table tbody tr").Length);
        Assert.Equal(meetings.ToString(System.Globalization.CultureInfo.InvariantCulture), Stat(page, "meetings"));
        Assert.NotNull(page.QuerySelector("#timeline ~ p a[href='/meetings?country=chile']"));
    }

    [Fact]
    public async Task Should_show_a_person_s_latest_articles_and_meetings_and_link_to_all_of_them()
    {
        await using var db = App.OpenDatabase();
        var articles = db.ArticlePeople.Count(m => m.Person.Slug == "nguyen-manh-hung");

        var page = await ArchiveApplication.GetPageAsync(_client, "/people/nguyen-manh-hung");

        Assert.True(articles > Releases, $"{articles} articles");
        Assert.Equal(articles.ToString(System.Globalization.CultureInfo.InvariantCulture), Stat(page, "articles"));
        Assert.Equal(20, page.QuerySelectorAll("#articles ~ .article-list a.title").Length);
        Assert.NotNull(page.QuerySelector($"a[href='/articles?person=nguyen-manh-hung']"));
        Assert.Equal(Web.Pages.People.DetailModel.Shown, page.QuerySelectorAll("#meetings ~ .table-wrap tbody tr").Length);
        Assert.NotNull(page.QuerySelector($"a[href='/meetings?person=nguyen-manh-hung']"));
    }

    [Fact]
    public async Task Should_page_the_articles_of_a_year_a_hundred_at_a_time()
    {
        var first = await ArchiveApplication.GetPageAsync(_client, "/archive/2023");
        var next = first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        var second = await ArchiveApplication.GetPageAsync(_client, next!);

        Assert.Equal("/archive/2023?page=2", next);
        Assert.Equal(100, first.QuerySelectorAll(".article-list a.title").Length);
        Assert.Equal(Releases - 100, second.QuerySelectorAll(".article-list a.title").Length);
        Assert.Empty(first.QuerySelectorAll(".article-list a.title").Select(a => a.GetAttribute("href")).Intersect(second.QuerySelectorAll(".article-list a.title").Select(a => a.GetAttribute("href"))));
    }

    private static string? Stat(AngleSharp.Html.Dom.IHtmlDocument page, string label) =>
        page.QuerySelectorAll(".stats li")
            .FirstOrDefault(li => li.TextContent.Replace(li.QuerySelector(".number")!.TextContent, string.Empty, StringComparison.Ordinal).Trim() == label)?
            .QuerySelector(".number")?.TextContent;
}
