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

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".article-list a.title, table tbody tr").Select(e => e.TextContent.Trim())];
}
