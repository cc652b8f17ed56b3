namespace MinistryNews.Web.Tests.Pages;

/// <summary>Filters take what a reader types: a country or a person by name, in any case, with or without accents.</summary>
public sealed class FilterNamesTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Theory]
    [InlineData("/articles", "country", "Japan", "japan")]
    [InlineData("/articles", "country", "JAPAN", "japan")]
    [InlineData("/articles", "country", "South Korea", "south-korea")]
    [InlineData("/articles", "person", "Nguyễn Mạnh Hùng", "nguyen-manh-hung")]
    [InlineData("/articles", "person", "nguyen manh hung", "nguyen-manh-hung")]
    [InlineData("/meetings", "country", "Japan", "japan")]
    [InlineData("/agreements", "person", "Nguyễn Mạnh Hùng", "nguyen-manh-hung")]
    public async Task Should_read_a_name_as_its_slug(string list, string key, string typed, string slug)
    {
        var bySlug = await archive.PageAsync($"{list}?{key}={slug}");
        var byName = await archive.PageAsync($"{list}?{key}={Uri.EscapeDataString(typed)}");

        Assert.Empty(byName.QuerySelectorAll(".messages li"));
        Assert.Equal(Rows(bySlug), Rows(byName));
        Assert.NotEmpty(Rows(byName));
        Assert.True(Rows(byName).Count < Rows(await archive.PageAsync(list)).Count || list == "/agreements");
    }

    [Fact]
    public async Task Should_still_say_when_a_name_is_not_in_the_archive()
    {
        var page = await archive.PageAsync("/articles?country=Atlantis");

        Assert.Contains("No country “Atlantis” in the archive", page.QuerySelector(".messages")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_search_the_api_articles_with_q_as_the_search_page_does()
    {
        var page = await archive.PageAsync("/search?q=semiconductor");
        var found = page.QuerySelectorAll(".search-results a.title").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal).ToList();

        using var response = await archive.Client.GetAsync(new Uri("/api/articles?q=semiconductor&pageSize=100", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var urls = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(found);
        Assert.Equal(found, urls);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() < 45);
    }

    [Fact]
    public async Task Should_cut_a_long_search_after_its_last_whole_word()
    {
        var words = string.Join(' ', Enumerable.Repeat("cooperation", 30));

        var page = await archive.PageAsync($"/search?q={Uri.EscapeDataString(words)}");

        var message = page.QuerySelector(".messages")!.TextContent;
        Assert.Contains("to the last whole word", message, StringComparison.Ordinal);
        Assert.EndsWith("cooperation”.", message.Trim(), StringComparison.Ordinal);
    }

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".article-list a.title, table tbody tr").Select(e => e.TextContent.Trim())];
}
