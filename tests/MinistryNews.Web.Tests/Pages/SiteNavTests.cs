namespace MinistryNews.Web.Tests.Pages;

/// <summary>The menu marks the section the reader is in, on the data folder.</summary>
public sealed class SiteNavTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Theory]
    [InlineData("/countries", "/countries", "page")]
    [InlineData("/countries/south-korea", "/countries", "true")]
    [InlineData("/people?country=japan", "/people", "page")]
    [InlineData("/people/nguyen-manh-hung", "/people", "true")]
    [InlineData("/agreements", "/agreements", "page")]
    public async Task Should_mark_the_current_section_in_the_menu(string url, string section, string current)
    {
        var page = await archive.PageAsync(url);

        var marked = page.QuerySelectorAll(".site-nav a[aria-current]").ToList();
        var link = Assert.Single(marked);
        Assert.Equal(section, link.GetAttribute("href"));
        Assert.Equal(current, link.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Should_mark_no_section_on_a_page_outside_them()
    {
        var page = await archive.PageAsync("/");

        Assert.Empty(page.QuerySelectorAll(".site-nav a[aria-current]"));
        Assert.Equal(7, page.QuerySelectorAll(".site-nav a").Length);
    }
}
