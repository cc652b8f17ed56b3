using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Web.Tests.Pages.Articles;

/// <summary>/articles: the filters, their combinations, the facets and their counts, chips, sort, pages and bad values.</summary>
public sealed class ListTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    // The articles that name China: dev01 (its State Council Information Office in Hanoi), dev26 (talks in Beijing) and
    // dev39 (a delegation from Guangxi).
    private static readonly string[] China = ["dev01.txt", "dev26.txt", "dev39.txt"];

    [Fact]
    public async Task Should_show_the_articles_of_a_country()
    {
        var page = await archive.PageAsync("/articles?country=china");

        Assert.Equal(China, (await archive.ArticleFilesAsync(page)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_combine_values_of_one_filter_with_or_and_different_filters_with_and()
    {
        var either = await archive.PageAsync("/articles?country=china&country=south-korea");
        var both = await archive.PageAsync("/articles?country=china&country=south-korea&kind=agreement");

        Assert.Equal(["dev01.txt", "dev08.txt", "dev09.txt", "dev26.txt", "dev39.txt"], (await archive.ArticleFilesAsync(either)).Order(StringComparer.Ordinal));
        Assert.Equal(["dev01.txt", "dev09.txt"], (await archive.ArticleFilesAsync(both)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_show_the_articles_of_a_person_and_of_a_period()
    {
        var hung = await archive.PageAsync("/articles?person=nguyen-manh-hung");
        var march2019 = await archive.PageAsync("/articles?year=2019&month=3");
        var range = await archive.PageAsync("/articles?from=2017-04-01&to=2017-12-31");

        Assert.Equal(["002_43bc5bf8eb7e91f7.txt", "003_860488fec2fe90e9.txt", "004_9ed1b855dc992e56.txt", "dev04.txt", "dev06.txt", "dev08.txt", "dev34.txt", "dev38.txt", "dev39.txt"], (await archive.ArticleFilesAsync(hung)).Order(StringComparer.Ordinal));
        Assert.Equal(["dev04.txt", "dev05.txt"], (await archive.ArticleFilesAsync(march2019)).Order(StringComparer.Ordinal));
        Assert.Equal(["000_f1b509b8acb5ba32.txt", "001_36685c26c6ed7f33.txt", "dev01.txt", "dev22.txt", "dev23.txt"], (await archive.ArticleFilesAsync(range)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/articles")]
    [InlineData("/articles?kind=meeting")]
    [InlineData("/articles?person=nguyen-manh-hung")]
    public async Task Should_count_in_each_country_facet_the_articles_its_link_shows(string url)
    {
        var page = await archive.PageAsync(url);

        var facet = page.QuerySelectorAll("#facet-country + .facet a").ToList();
        Assert.NotEmpty(facet);
        foreach (var value in facet)
        {
            var count = int.Parse(value.QuerySelector(".count")!.TextContent, CultureInfo.InvariantCulture);
            var filtered = await archive.PageAsync(value.GetAttribute("href")!);
            Assert.Equal(count, filtered.QuerySelectorAll(".article-list .article").Length);
        }
    }

    [Fact]
    public async Task Should_count_kinds_and_years_that_follow_the_other_filters_and_order_years_by_date()
    {
        var page = await archive.PageAsync("/articles?country=china");

        // Each of the three tells a meeting and a delegation; dev01 alone an agreement (two memorandums of 2011). dev39
        // carries no date.
        var kinds = page.QuerySelectorAll("#facet-kind + .facet a").ToDictionary(a => a.TextContent.Split(' ')[0], a => a.QuerySelector(".count")!.TextContent);
        Assert.Equal("3", kinds["Meetings"]);
        Assert.Equal("3", kinds["Delegations"]);
        Assert.Equal("1", kinds["Agreements"]);
        var years = page.QuerySelectorAll("#facet-year + .facet a").Select(a => a.TextContent.Split(' ')[0]).ToList();
        Assert.Equal(["2017", "2012"], years);
    }

    [Fact]
    public async Task Should_show_each_chosen_filter_as_a_chip_that_removes_it()
    {
        var page = await archive.PageAsync("/articles?country=japan&kind=agreement");

        var chips = page.QuerySelectorAll(".chips a.chip").ToList();
        Assert.Equal(["Country: Japan ×", "Kind: agreement ×"], chips.Select(c => c.TextContent.Trim()));
        Assert.Equal("/articles?kind=agreement", chips[0].GetAttribute("href"));
        Assert.Equal("/articles?country=japan", chips[1].GetAttribute("href"));
    }

    [Fact]
    public async Task Should_sort_oldest_first_with_undated_articles_last()
    {
        var first = await archive.PageAsync("/articles?sort=oldest");
        var last = await archive.PageAsync("/articles?sort=oldest&page=3");

        // The oldest texts are of October 2009 (the Culture Week in Brazil, Clinton's remarks with Pham Gia Khiem); the
        // first page is all dated, in order, and the last (41 to 45) holds only undated articles.
        var dates = Dates(first);
        Assert.Equal(20, dates.Count);
        Assert.StartsWith("2009-10-", dates[0], StringComparison.Ordinal);
        Assert.All(dates, d => Assert.False(string.IsNullOrEmpty(d)));
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        var undated = Dates(last);
        Assert.Equal(5, undated.Count);
        Assert.All(undated, d => Assert.True(string.IsNullOrEmpty(d)));

        // An unknown date is said in words, not put in a <time>, whose text must be a date.
        Assert.All(last.QuerySelectorAll(".article-list .article .meta"), meta => Assert.Equal("date unknown", meta.QuerySelector(".date-not-given")!.TextContent));
        Assert.Contains("45 articles", first.QuerySelector(".results .summary")!.TextContent, StringComparison.Ordinal);

        static List<string?> Dates(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll(".article-list .article").Select(a => a.QuerySelector("time")?.GetAttribute("datetime"))];
    }

    [Theory]
    [InlineData("/articles?from=notadate", "“notadate” is not a date", "1–20 of 45", 20)]
    [InlineData("/articles?country=atlantis", "No country “atlantis”", "1–20 of 45", 20)]
    [InlineData("/articles?page=9", "There is no page 9", "41–45 of 45", 5)]
    [InlineData("/articles?kind=picnic", "“picnic” is not a kind of event", "1–20 of 45", 20)]
    [InlineData("/articles?year=20x1", "“20x1” is not a year", "1–20 of 45", 20)]
    public async Task Should_say_what_is_wrong_with_a_bad_query_value_and_still_show_the_list(string url, string message, string shown, int articles)
    {
        var page = await archive.PageAsync(url);

        Assert.Contains(message, page.QuerySelector(".messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(shown, page.QuerySelector(".pager-total")!.TextContent.Trim());
        Assert.Equal(articles, page.QuerySelectorAll(".article-list .article").Length);
    }

    [Fact]
    public async Task Should_give_the_pager_its_total()
    {
        var page = await archive.PageAsync("/articles");

        Assert.Equal("1–20 of 45", page.QuerySelector(".pager-total")!.TextContent.Trim());
        await using var db = archive.App.OpenDatabase();
        Assert.Equal(45, await db.Articles.CountAsync());
    }
}
