using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>Atom feeds that parse back as Atom, linked from the pages; the site map and robots.txt.</summary>
public sealed class FeedTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_give_the_latest_articles_as_an_atom_feed_newest_first()
    {
        var feed = await FeedAsync("/feeds/articles.atom");

        // All 45 articles (a feed holds 50), the dated newest first and the undated after them.
        Assert.Equal(45, feed.Items.Count());
        var dates = feed.Items.Select(i => i.PublishDate).ToList();
        var dated = dates.TakeWhile(d => d != default).ToList();
        Assert.NotEmpty(dated);
        Assert.Equal(dated.OrderDescending(), dated);
        Assert.All(dates.Skip(dated.Count), d => Assert.Equal(default, d));
        await using var db = archive.App.OpenDatabase();
        Assert.Equal(db.Articles.Count(a => a.PublishedOn != null), dated.Count);
        Assert.All(feed.Items, i => Assert.Matches("^https?://[^/]+/articles/[a-z0-9_.~-]+/[a-z0-9-]+$", i.Links[0].Uri.ToString()));
    }

    [Fact]
    public async Task Should_give_a_feed_per_country_and_per_person_linked_from_their_pages()
    {
        var korea = await FeedAsync("/feeds/countries/south-korea.atom");
        var hung = await FeedAsync("/feeds/people/nguyen-manh-hung.atom");
        var page = await archive.PageAsync("/countries/south-korea");

        Assert.Equal(2, korea.Items.Count());
        Assert.Equal(9, hung.Items.Count());
        Assert.Contains("/feeds/countries/south-korea.atom", page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public async Task Should_answer_an_unknown_feed_with_not_found()
    {
        using var response = await archive.Client.GetAsync(new Uri("/feeds/countries/atlantis.atom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_list_every_article_country_and_person_in_the_site_map()
    {
        var xml = XDocument.Parse(await archive.Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var robots = await archive.Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = xml.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.Equal(45, urls.Count(u => u.StartsWith("/articles/", StringComparison.Ordinal)));
        Assert.Contains("/countries/japan", urls);
        Assert.Contains("/people/takaichi-sanae", urls);
        Assert.Contains("Sitemap: ", robots, StringComparison.Ordinal);
    }

    private async Task<SyndicationFeed> FeedAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
