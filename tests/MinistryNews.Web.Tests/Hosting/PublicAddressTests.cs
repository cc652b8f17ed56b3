using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace MinistryNews.Web.Tests.Hosting;

/// <summary>
/// Absolute links with <c>Archive:PublicUrl</c> set: robots.txt, the site map, the feeds and the OpenAPI document name
/// the configured address only, whatever the request's Host; a request for another host gets 400. Without it, links
/// follow the request, as before.
/// </summary>
public sealed class PublicAddressTests(PublicAddressTests.PublicSite site, ArchiveFixture archive)
    : IClassFixture<PublicAddressTests.PublicSite>, IClassFixture<ArchiveFixture>
{
    private const string PublicUrl = "https://news.example.gov.vn";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static TheoryData<string> Addresses => ["/", "/articles", "/robots.txt", "/sitemap.xml", "/feeds/articles.atom", "/openapi/v1.json", "/api/articles"];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Should_refuse_a_request_for_another_host(string url)
    {
        using var client = site.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_public_address_in_robots_txt_and_every_url_of_the_site_map()
    {
        var robots = await site.Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        var sitemap = XDocument.Parse(await site.Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));

        Assert.Contains($"Sitemap: {PublicUrl}/sitemap.xml", robots.Split('\n'));
        var urls = sitemap.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.True(urls.Count > 45, $"{urls.Count} urls");
        Assert.All(urls, u => Assert.StartsWith(PublicUrl + "/", u, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/feeds/articles.atom")]
    [InlineData("/feeds/countries/japan.atom")]
    [InlineData("/feeds/people/nguyen-manh-hung.atom")]
    public async Task Should_build_every_id_and_link_of_a_feed_from_the_public_address(string url)
    {
        var feed = XDocument.Parse(await site.Client.GetStringAsync(new Uri(url, UriKind.Relative)));

        var ids = feed.Descendants(Atom + "id").Select(i => i.Value).ToList();
        var links = feed.Descendants(Atom + "link").Select(l => (string)l.Attribute("href")!).ToList();
        Assert.True(ids.Count > 1, $"{ids.Count} ids");
        Assert.All(ids.Concat(links), u => Assert.StartsWith(PublicUrl + "/", u, StringComparison.Ordinal));
        Assert.Contains(PublicUrl + url, feed.Root!.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "self").Select(l => (string)l.Attribute("href")!));
    }

    [Fact]
    public async Task Should_give_the_public_address_as_the_server_of_the_openapi_document()
    {
        using var document = JsonDocument.Parse(await site.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var servers = document.RootElement.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
        Assert.Equal([PublicUrl], servers);
    }

    [Fact]
    public async Task Should_allow_the_hosts_that_allowed_hosts_names_beside_the_public_one()
    {
        await using var withLocalhost = site.App.WithWebHostBuilder(builder => builder.UseSetting("AllowedHosts", "localhost;*"));
        using var monitor = withLocalhost.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:5001") });
        using var evil = withLocalhost.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });

        using var ready = await monitor.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var refused = await evil.GetAsync(new Uri("/healthz", UriKind.Relative));
        var robots = await monitor.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"Sitemap: {PublicUrl}/sitemap.xml", robots.Split('\n'));
    }

    [Fact]
    public async Task Should_follow_the_request_without_a_public_address()
    {
        using var client = archive.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://archive.example:8080"), AllowAutoRedirect = false });

        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feeds/articles.atom", UriKind.Relative)));

        Assert.Contains("Sitemap: http://archive.example:8080/sitemap.xml", robots.Split('\n'));
        Assert.All(feed.Descendants(Atom + "id").Select(i => i.Value), u => Assert.StartsWith("http://archive.example:8080/", u, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("news.example.gov.vn")]
    [InlineData("https://news.example.gov.vn/archive")]
    [InlineData("https://news.example.gov.vn/?page=1")]
    [InlineData("https://editor@news.example.gov.vn")]
    [InlineData("ftp://news.example.gov.vn")]
    public async Task Should_refuse_to_start_with_a_public_address_that_is_not_an_origin(string publicUrl)
    {
        await using var app = new ArchiveApplication(publicUrl: publicUrl);

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains("Archive:PublicUrl", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// One archive with <c>Archive:PublicUrl</c> set, and a client that reaches it as the reverse proxy does: plain HTTP,
    /// the public host, another port.
    /// </summary>
    public sealed class PublicSite : IAsyncLifetime
    {
        public ArchiveApplication App { get; } = new(publicUrl: PublicUrl);

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            (await App.StartAsync()).Dispose();
            Client = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://news.example.gov.vn:5001"), AllowAutoRedirect = false });
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }
    }
}
