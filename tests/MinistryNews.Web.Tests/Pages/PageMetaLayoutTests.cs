using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>The layout's description, Open Graph and Twitter card tags, on a page that sets none of its own.</summary>
public sealed class PageMetaLayoutTests
{
    [Fact]
    public async Task Should_describe_a_page_for_link_previews_with_the_site_s_description_when_it_gives_none()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();

        var page = await ArchiveApplication.GetPageAsync(client, "/");

        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        Assert.Equal(PageMeta.SiteDescription, Meta("meta[name='description']"));
        Assert.Equal("Latest articles", Meta("meta[property='og:title']"));
        Assert.Equal(PageMeta.SiteDescription, Meta("meta[property='og:description']"));
        Assert.Equal("website", Meta("meta[property='og:type']"));
        Assert.Equal("MinistryNews", Meta("meta[property='og:site_name']"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.Null(page.QuerySelector("link[rel='canonical']"));
        Assert.Null(page.QuerySelector("meta[property='og:url']"));
    }
}
