using Microsoft.EntityFrameworkCore;
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

        // RFC 4287: an author for every entry (the feed's), and each entry updated when its article last changed.
        Assert.Contains(feed.Authors, a => !string.IsNullOrWhiteSpace(a.Name));
        var changed = await db.Articles.ToDictionaryAsync(a => a.Key, a => a.ChangedAtUtc, StringComparer.Ordinal);
        Assert.All(feed.Items, i => Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(changed[Uri.UnescapeDataString(i.Links[0].Uri.Segments[2].TrimEnd('/'))], DateTimeKind.Utc)), i.LastUpdatedTime, TimeSpan.FromSeconds(1)));
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

    [Fact]
    public async Task Should_give_a_feed_of_a_filtered_list_with_only_its_articles_named_by_its_filters()
    {
        var page = await archive.PageAsync("/articles?kind=meeting&country=Japan");
        var listed = page.QuerySelectorAll(".article-list a.title").Select(a => "http://localhost" + a.GetAttribute("href")).ToList();
        var link = page.QuerySelector(".follow a")!.GetAttribute("href")!;

        var feed = await FeedAsync(link);

        // The page's filters in their canonical form (the country by its slug), newest first as the page lists them.
        Assert.Equal("/feeds/articles.atom?country=japan&kind=meeting", link);
        Assert.Equal("Follow as Atom", page.QuerySelector(".follow a")!.TextContent.Trim());
        Assert.Equal(link, page.QuerySelector("head link[rel=alternate][href*='country=']")!.GetAttribute("href"));
        Assert.NotEmpty(listed);
        Assert.Equal(listed, feed.Items.Select(i => i.Links[0].Uri.ToString()));
        Assert.Equal("MinistryNews: articles about Japan, telling a meeting", feed.Title.Text);
        Assert.Equal("http://localhost" + link, Assert.Single(feed.Links, l => l.RelationshipType == "self").Uri.ToString());
        Assert.Equal("http://localhost/articles?country=japan&kind=meeting", Assert.Single(feed.Links, l => l.RelationshipType == "alternate").Uri.ToString());
        Assert.NotEmpty(feed.Authors);
    }

    [Fact]
    public async Task Should_give_one_feed_per_filter_combination_whatever_order_the_filters_come_in()
    {
        var one = await FeedAsync("/feeds/articles.atom?year=2019&person=nguyen-manh-hung&q=cooperation");
        var other = await FeedAsync("/feeds/articles.atom?q=cooperation&person=Nguyễn Mạnh Hùng&year=2019");
        await using var db = archive.App.OpenDatabase();

        Assert.Equal(one.Id, other.Id);
        Assert.Equal(one.Items.Select(i => i.Id), other.Items.Select(i => i.Id));
        Assert.NotEmpty(one.Items);
        Assert.All(one.Items, i => Assert.Equal(2019, i.PublishDate.Year));
        Assert.EndsWith("/feeds/articles.atom?person=nguyen-manh-hung&q=cooperation&year=2019", one.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_redirect_the_atom_format_of_the_article_list_to_its_feed_and_refuse_a_feed_it_cannot_make()
    {
        using var redirect = await archive.Client.GetAsync(new Uri("/articles?country=laos&page=2&format=atom", UriKind.Relative));
        using var bad = await archive.Client.GetAsync(new Uri("/feeds/articles.atom?from=notadate", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/feeds/articles.atom?country=laos", redirect.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    private Task<SyndicationFeed> FeedAsync(string url) => FeedAsync(archive.Client, url);

    /// <summary>A feed read back with System.ServiceModel.Syndication's Atom 1.0 reader.</summary>
    internal static async Task<SyndicationFeed> FeedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}
