using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Web.Tests.Pages.Articles;

/// <summary>/articles: the filters, their combinations, the facets and their counts, chips, sort, pages and bad values.</summary>
public sealed class ListTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    private static readonly string[] Japan = ["002_43bc5bf8eb7e91f7.txt", "dev03.txt", "dev05.txt"];

    [Fact]
    public async Task Should_show_the_articles_of_a_country()
    {
        var page = await archive.PageAsync("/articles?country=japan");

        Assert.Equal(Japan, (await archive.ArticleFilesAsync(page)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_combine_values_of_one_filter_with_or_and_different_filters_with_and()
    {
        var either = await archive.PageAsync("/articles?country=japan&country=south-korea");
        var both = await archive.PageAsync("/articles?country=japan&country=south-korea&kind=agreement");

        Assert.Equal([.. Japan, "dev08.txt", "dev09.txt"], (await archive.ArticleFilesAsync(either)).Order(StringComparer.Ordinal));
        Assert.Equal(["002_43bc5bf8eb7e91f7.txt", "dev05.txt", "dev09.txt"], (await archive.ArticleFilesAsync(both)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_show_the_articles_of_a_person_and_of_a_period()
    {
        var hung = await archive.PageAsync("/articles?person=nguyen-manh-hung");
        var march2019 = await archive.PageAsync("/articles?year=2019&month=3");
        var range = await archive.PageAsync("/articles?from=2017-04-01&to=2017-12-31");

        Assert.Equal(["002_43bc5bf8eb7e91f7.txt", "003_860488fec2fe90e9.txt", "004_9ed1b855dc992e56.txt", "dev04.txt", "dev06.txt", "dev08.txt"], (await archive.ArticleFilesAsync(hung)).Order(StringComparer.Ordinal));
        Assert.Equal(["dev04.txt", "dev05.txt"], (await archive.ArticleFilesAsync(march2019)).Order(StringComparer.Ordinal));
        Assert.Equal(["000_f1b509b8acb5ba32.txt", "001_36685c26c6ed7f33.txt", "dev01.txt"], (await archive.ArticleFilesAsync(range)).Order(StringComparer.Ordinal));
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
        var page = await archive.PageAsync("/articles?country=japan");

        var kinds = page.QuerySelectorAll("#facet-kind + .facet a").ToDictionary(a => a.TextContent.Split(' ')[0], a => a.QuerySelector(".count")!.TextContent);
        Assert.Equal("3", kinds["Meetings"]);
        Assert.Equal("1", kinds["Delegations"]);
        Assert.Equal("2", kinds["Agreements"]);
        var years = page.QuerySelectorAll("#facet-year + .facet a").Select(a => a.TextContent.Split(' ')[0]).ToList();
        Assert.Equal(["2020", "2019", "2018"], years);
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
        var page = await archive.PageAsync("/articles?sort=oldest");

        var files = await archive.ArticleFilesAsync(page);
        Assert.Equal("dev09.txt", files[0]);
        Assert.Equal(["dev02.txt", "dev08.txt", "dev10.txt"], files.TakeLast(3).Order(StringComparer.Ordinal));
        Assert.Contains("15 articles", page.QuerySelector(".results .summary")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles?from=notadate", "“notadate” is not a date")]
    [InlineData("/articles?country=atlantis", "No country “atlantis”")]
    [InlineData("/articles?page=9", "There is no page 9")]
    [InlineData("/articles?kind=picnic", "“picnic” is not a kind of event")]
    [InlineData("/articles?year=20x1", "“20x1” is not a year")]
    public async Task Should_say_what_is_wrong_with_a_bad_query_value_and_still_show_the_list(string url, string message)
    {
        var page = await archive.PageAsync(url);

        Assert.Contains(message, page.QuerySelector(".messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(15, page.QuerySelectorAll(".article-list .article").Length);
    }

    [Fact]
    public async Task Should_give_the_pager_its_total()
    {
        var page = await archive.PageAsync("/articles");

        Assert.Equal("1–15 of 15", page.QuerySelector(".pager-total")!.TextContent.Trim());
        await using var db = archive.App.OpenDatabase();
        Assert.Equal(15, await db.Articles.CountAsync());
    }
}
