using System.Text.Json;

namespace MinistryNews.Web.Tests.Pages.Search;

/// <summary>
/// A search is best match first, except a search whose words are in more than half the archive's articles: those are
/// shown newest first, the page says why and links the ranked order, and the API keeps the order it documents.
/// </summary>
public sealed class SearchOrderTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_show_a_search_for_a_word_in_most_articles_newest_first_and_say_why()
    {
        var page = await archive.PageAsync("/search?q=cooperation");

        var total = int.Parse(page.QuerySelector(".results .summary")!.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var articles = int.Parse((await archive.PageAsync("/articles")).QuerySelector(".summary")!.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total * 2 > articles, $"{total} of {articles}");
        Assert.EndsWith("newest first.", page.QuerySelector(".results .summary")!.TextContent.Trim(), StringComparison.Ordinal);
        var notice = page.QuerySelector(".order-notice")!;
        Assert.StartsWith($"“cooperation” is in {total} of the archive's {articles} articles, more than half", notice.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("/search?q=cooperation&sort=relevance", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(await DatesAsync("/search?q=cooperation&sort=newest"), await DatesAsync("/search?q=cooperation"));

        var ranked = await archive.PageAsync("/search?q=cooperation&sort=relevance");
        Assert.Null(ranked.QuerySelector(".order-notice"));
        Assert.EndsWith("best match first.", ranked.QuerySelector(".results .summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEqual(await DatesAsync("/search?q=cooperation&sort=newest"), await DatesAsync("/search?q=cooperation&sort=relevance"));
    }

    [Fact]
    public async Task Should_rank_a_search_for_a_word_in_few_articles_best_match_first()
    {
        var page = await archive.PageAsync("/search?q=Cambodia");

        Assert.Null(page.QuerySelector(".order-notice"));
        Assert.EndsWith("best match first.", page.QuerySelector(".results .summary")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_the_api_s_search_best_match_first_whatever_its_words()
    {
        var ranked = await ApiUrlsAsync("/api/articles?q=cooperation&sort=relevance&pageSize=100");

        Assert.Equal(ranked, await ApiUrlsAsync("/api/articles?q=cooperation&pageSize=100"));
        Assert.NotEqual(await ApiUrlsAsync("/api/articles?q=cooperation&sort=newest&pageSize=100"), ranked);
    }

    private async Task<List<string>> DatesAsync(string url) =>
        [.. (await archive.PageAsync(url)).QuerySelectorAll(".search-results a.title").Select(a => a.GetAttribute("href")!)];

    private async Task<List<string>> ApiUrlsAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("url").GetString()!)];
    }
}
