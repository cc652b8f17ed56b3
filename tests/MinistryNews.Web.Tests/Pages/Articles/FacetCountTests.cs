using System.Globalization;

namespace MinistryNews.Web.Tests.Pages.Articles;

/// <summary>
/// Every facet of a list counts the articles its link shows, over all its pages: the facets are counted in SQL from the
/// filters' ids, where an article naming two of the countries chosen comes twice and must still count once, or summed
/// from the register of counts by country, year and kinds when the other filters are those.
/// </summary>
public sealed class FacetCountTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    private static readonly string[] Facets = ["kind", "country", "person", "year"];

    [Theory]
    [InlineData("/articles?country=japan&country=laos", "country")]
    [InlineData("/articles?country=japan&country=laos&country=vietnam", "country")]
    [InlineData("/articles?person=nguyen-manh-hung&kind=meeting", "person")]
    [InlineData("/articles?year=2019", "year")]
    [InlineData("/search?q=minister&country=japan&country=vietnam", "country")]
    [InlineData("/search?q=minister", "")]
    [InlineData("/articles?country=japan&kind=meeting", "country,kind")]
    [InlineData("/articles?country=japan&year=2019", "country,year")]
    [InlineData("/articles?kind=meeting&year=2019", "kind,year")]
    [InlineData("/articles?country=japan&kind=meeting&year=2019", "country,kind,year")]
    public async Task Should_count_in_every_facet_the_articles_its_link_shows(string url, string chosen)
    {
        var page = await archive.PageAsync(url);
        var search = url.StartsWith("/search", StringComparison.Ordinal);

        // The facets of the other filters: their links add a value to what is shown, so the list they lead to holds
        // exactly the articles counted (a chosen facet's own links would widen or narrow it instead).
        var checkedValues = 0;
        var chosenFacets = chosen.Split(',');
        foreach (var facet in Facets.Where(f => !chosenFacets.Contains(f) && !(chosen == "person" && f == "kind")))
        {
            foreach (var value in page.QuerySelectorAll($"#facet-{facet} + .facet a:not(.selected)"))
            {
                var count = int.Parse(value.QuerySelector(".count")!.TextContent, CultureInfo.InvariantCulture);
                var shown = await ShownAsync(value.GetAttribute("href")!, search ? ".search-results a.title" : ".article-list .article");
                Assert.True(count == shown, $"{facet} “{value.TextContent.Trim()}” counts {count}; its link {value.GetAttribute("href")} shows {shown}.");
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 0);
        if (!search)
        {
            // The list's own count, summed from the register when its filters allow, is what its pages show.
            var summary = page.QuerySelector(".summary")!.TextContent;
            var total = int.Parse(summary[..summary.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            Assert.Equal(await ShownAsync(url, ".article-list .article"), total);
        }
    }

    /// <summary>The articles a list shows on its first page and on every page its "Next" links lead to.</summary>
    private async Task<int> ShownAsync(string url, string articles)
    {
        var shown = 0;
        string? next = url;
        for (var pages = 0; next is not null && pages < 10; pages++)
        {
            var page = await archive.PageAsync(next);
            shown += page.QuerySelectorAll(articles).Length;
            next = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        }

        return shown;
    }
}
