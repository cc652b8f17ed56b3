using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
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
        // A page that names no canonical address has its own path, in lower case, with its normalised query.
        Assert.Equal("http://localhost/", page.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
        Assert.Equal("http://localhost/", Meta("meta[property='og:url']"));
    }
}

/// <summary>
/// The three pages a journalist cites, on the data folder: each describes itself for link previews and gives its
/// reference with the archive's permalink and the day accessed; the article adds the press release's own address.
/// </summary>
public sealed class CitablePageMetaTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    /// <summary>The ADGMIN conference (004), whose text ends with a "Source:" line giving the ministry's own address.</summary>
    private const string Adgmin = "004_9ed1b855dc992e56.txt";

    [Fact]
    public async Task Should_describe_an_article_for_link_previews_and_cite_it_with_its_original_address()
    {
        var (key, slug, title) = await archive.App.ArticleAsync(Adgmin);
        var address = $"/articles/{key}/{slug}";

        var page = await archive.PageAsync(address);

        AssertDescribed(page, title, "article", address);
        var citation = Words(page.QuerySelector("details.cite .cite-text")!.TextContent);
        Assert.Contains("Original: https://mic.gov.vn/tang-cuong-hop-tac-so-voi-asean-va-cac-nuoc-doi-thoai-197250118201044849.htm", citation, StringComparison.Ordinal);
        AssertCited(page, address);
    }

    [Fact]
    public async Task Should_describe_an_agreement_record_for_link_previews_and_cite_it()
    {
        await using var db = archive.App.OpenDatabase();
        var record = await db.AgreementRecords.Where(r => r.Key == "memorandum-of-understanding/jp/2020-01-09").Select(r => new { r.Id, r.Slug }).SingleAsync();
        var address = $"/agreements/{record.Id}/{record.Slug}";

        var page = await archive.PageAsync(address);

        var h1 = Words(page.QuerySelector("h1")!.TextContent);
        AssertDescribed(page, h1, "website", address);
        Assert.StartsWith("Status on 1 June 2022: in force. Told by 1 article of the archive. Memorandum of Understanding between Viet Nam and Japan", page.QuerySelector("meta[name='description']")?.GetAttribute("content"), StringComparison.Ordinal);
        AssertCited(page, address);
    }

    [Fact]
    public async Task Should_describe_a_person_for_link_previews_and_cite_the_page()
    {
        var page = await archive.PageAsync("/people/nguyen-manh-hung");

        AssertDescribed(page, "Nguyen Manh Hung", "website", "/people/nguyen-manh-hung");
        Assert.StartsWith("Nguyen Manh Hung, Minister of Information and Communications (Vietnam): ", page.QuerySelector("meta[name='description']")?.GetAttribute("content"), StringComparison.Ordinal);
        AssertCited(page, "/people/nguyen-manh-hung");
    }

    /// <summary>Its own description (not the site's), and Open Graph tags naming the page and its permalink.</summary>
    private static void AssertDescribed(IHtmlDocument page, string title, string type, string address)
    {
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        var description = Meta("meta[name='description']");
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.NotEqual(PageMeta.SiteDescription, description);
        Assert.Equal(description, Meta("meta[property='og:description']"));
        Assert.Equal(title, Meta("meta[property='og:title']"));
        Assert.Equal(type, Meta("meta[property='og:type']"));
        Assert.Equal("http://localhost" + address, Meta("meta[property='og:url']"));
        Assert.Equal("http://localhost" + address, page.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
    }

    /// <summary>"Cite this": the reference with the permalink and the day accessed, its BibTeX entry, and both downloads.</summary>
    private static void AssertCited(IHtmlDocument page, string address)
    {
        var citation = Words(page.QuerySelector("details.cite .cite-text")!.TextContent);
        Assert.Contains($"Archived at MinistryNews: http://localhost{address} (accessed 1 June 2022).", citation, StringComparison.Ordinal);
        Assert.Contains($"url = {{http://localhost{address}}}", page.QuerySelector("details.cite .cite-bibtex")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("urldate = {2022-06-01}", page.QuerySelector("details.cite .cite-bibtex")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [$"{address}?format=bib", $"{address}?format=ris"],
            page.QuerySelectorAll("details.cite .cite-downloads a").Select(a => a.GetAttribute("href")));
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
