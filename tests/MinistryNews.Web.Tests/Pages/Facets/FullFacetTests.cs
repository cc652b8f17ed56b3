using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Pages.Facets;

/// <summary>
/// The names the filter forms suggest, and a facet shown whole (<c>/facets/{facet}</c>): every value with its count for
/// the list's filters, each leading back to the list with it.
/// </summary>
public sealed class FullFacetTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_suggest_names_that_each_filter_by_the_country_or_person_of_that_name()
    {
        var page = await archive.PageAsync("/meetings");
        var countries = Options(page, "country-names");
        var people = Options(page, "person-names");
        await using var db = archive.App.OpenDatabase();

        // Every country, and the people most articles name (all of them, in an archive this small), each name once: two
        // people of one name (the archive has two To Lam) are one suggestion, which filters by the first.
        Assert.Equal(db.Countries.Count(), countries.Count);
        Assert.Equal(db.People.Where(p => p.Mentions.Any()).Select(p => p.Name).Distinct().Count(), people.Count);
        Assert.InRange(people.Count, 13, PickerNames.PeopleSize);
        Assert.Equal(people.Distinct().Count(), people.Count);
        Assert.Equal(countries.Distinct().Count(), countries.Count);

        // Submitted as the form submits them, each name is read as the country or person that bears it.
        var filter = await ArticleFilter.ReadAsync(db, new QueryCollection(new Dictionary<string, StringValues>
        {
            ["country"] = new([.. countries]),
            ["person"] = new([.. people]),
        }), CancellationToken.None);
        Assert.Empty(filter.Messages);
        Assert.Equal(countries, filter.Countries.Select(c => c.Name));
        Assert.Equal(people, filter.People.Select(p => p.Name));
    }

    [Fact]
    public async Task Should_link_show_all_with_the_lists_filters_and_lead_back_with_them()
    {
        var articles = await archive.PageAsync("/articles?kind=meeting&sort=oldest");
        var showAll = articles.QuerySelectorAll(".show-all a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/facets/country?kind=meeting&sort=oldest", "/facets/person?kind=meeting&sort=oldest"], showAll);

        var facet = await archive.PageAsync(showAll[0]!);
        var first = facet.QuerySelector(".full-facet .facet a")!;
        Assert.Equal("/articles?kind=meeting&sort=oldest&country=japan", first.GetAttribute("href"));
        Assert.Equal("/articles?kind=meeting&sort=oldest", facet.QuerySelector("main a.back")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Should_count_every_person_among_a_searchs_matches_as_many_as_the_search_finds()
    {
        var facet = await archive.PageAsync("/facets/person?q=digital");
        var values = facet.QuerySelectorAll(".full-facet .facet a").ToList();
        Assert.True(values.Count > 12, $"{values.Count} people");
        Assert.Contains("named by the search for “digital”", facet.QuerySelector("p.summary")!.TextContent, StringComparison.Ordinal);

        // The first and the last: each count is what the search shows with that person chosen.
        foreach (var value in new[] { values[0], values[^1] })
        {
            var href = value.GetAttribute("href")!;
            Assert.StartsWith("/search?q=digital&person=", href, StringComparison.Ordinal);
            var search = await archive.PageAsync(href);
            var found = int.Parse(search.QuerySelector(".results p.summary")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            Assert.Equal(int.Parse(value.QuerySelector(".count")!.TextContent, CultureInfo.InvariantCulture), found);
        }
    }

    [Fact]
    public async Task Should_mark_a_chosen_value_and_take_it_off_when_chosen_again()
    {
        var facet = await archive.PageAsync("/facets/country?country=japan");
        var japan = facet.QuerySelector(".full-facet .facet a[aria-current=true]")!;

        Assert.StartsWith("Japan", japan.TextContent, StringComparison.Ordinal);
        Assert.Equal("/articles", japan.GetAttribute("href"));
        Assert.Single(facet.QuerySelectorAll(".full-facet .facet a[aria-current]"));
    }

    [Fact]
    public async Task Should_not_find_a_facet_it_does_not_have()
    {
        using var response = await archive.Client.GetAsync(new Uri("/facets/weather", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static List<string> Options(AngleSharp.Html.Dom.IHtmlDocument page, string list) =>
        [.. page.QuerySelectorAll($"datalist#{list} option").Select(o => o.GetAttribute("value")!)];
}
