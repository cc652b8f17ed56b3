using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using MinistryNews.Web.Tests.Browser;

namespace MinistryNews.Web.Tests.Production;

/// <summary>
/// The published build in Production, as a reader's browser and an operator's monitors meet it: every static file whole
/// whatever compression the client accepts, fingerprinted files cached for a year, every address answering HEAD as GET,
/// and a page that looks styled in Chromium.
/// </summary>
[Collection(PublishedSiteGroup.Name)]
public sealed partial class PublishedSiteTests(PublishedSite site)
{
    private static readonly string[] Encodings = ["gzip", "br", "identity"];

    /// <summary>Addresses of every kind the sitemap does not list: lists with filters, feeds, the API, the machine-read files.</summary>
    private static readonly string[] Addresses =
    [
        "/", "/articles?country=japan", "/search?q=minister", "/meetings", "/delegations", "/agreements", "/people", "/countries",
        "/offices", "/archive", "/robots.txt", "/sitemap.xml", "/feeds/articles.atom", "/feeds/meetings.atom",
        "/api/articles", "/api/meetings", "/api/countries", "/api/people", "/openapi/v1.json", "/healthz", "/readyz",
        "/articles?format=csv", "/no-such-page",
    ];

    [Fact]
    public async Task Should_serve_every_static_file_whole_for_every_encoding()
    {
        var wwwroot = Path.Combine(site.AppFolder, "wwwroot");
        var files = Directory.EnumerateFiles(wwwroot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".gz", StringComparison.Ordinal) && !f.EndsWith(".br", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var route = "/" + Path.GetRelativePath(wwwroot, file).Replace('\\', '/');
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var encoding in Encodings)
            {
                var (status, body, _) = await GetAsync(route, encoding);
                Assert.True(status == HttpStatusCode.OK, $"{route} with {encoding}: {status}");
                Assert.True(bytes.AsSpan().SequenceEqual(body), $"{route} with {encoding}: {body.Length} bytes decoded, the file has {bytes.Length}");
            }
        }
    }

    [Fact]
    public async Task Should_serve_the_fingerprinted_files_a_page_links_whole_and_cached_for_a_year()
    {
        var (_, page, _) = await GetAsync("/", "identity");
        var linked = LinkedFile().Matches(System.Text.Encoding.UTF8.GetString(page)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(linked, l => l.EndsWith(".css", StringComparison.Ordinal));
        foreach (var route in linked)
        {
            var (_, plain, _) = await GetAsync(route, "identity");
            Assert.NotEmpty(plain);
            foreach (var encoding in Encodings)
            {
                var (status, body, response) = await GetAsync(route, encoding);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.True(plain.AsSpan().SequenceEqual(body), $"{route} with {encoding}: {body.Length} bytes decoded, {plain.Length} without compression");
                Assert.True(response.Headers.CacheControl is { MaxAge.TotalDays: >= 365 } cache && cache.Extensions.Any(e => e.Name == "immutable"), $"{route}: Cache-Control {response.Headers.CacheControl}");
            }
        }
    }

    [Fact]
    public async Task Should_answer_pages_feeds_and_the_api_whole_for_every_encoding()
    {
        foreach (var address in Addresses.Where(a => a != "/no-such-page"))
        {
            foreach (var encoding in Encodings)
            {
                var (status, body, response) = await GetAsync(address, encoding);
                Assert.True(status == HttpStatusCode.OK, $"{address} with {encoding}: {status}");
                Assert.True(body.Length > 0, $"{address} with {encoding}: an empty body ({response.Content.Headers.ContentType})");
            }
        }
    }

    [Fact]
    public async Task Should_answer_head_as_get_without_the_body_on_every_address()
    {
        var (_, sitemap, _) = await GetAsync("/sitemap.xml", "identity");
        var listed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(sitemap)).Descendants().Where(e => e.Name.LocalName == "loc")
            .Select(e => new Uri(e.Value).PathAndQuery).ToList();
        var nested = new List<string>();
        foreach (var child in listed.Where(l => l.EndsWith(".xml", StringComparison.Ordinal)))
        {
            var (_, part, _) = await GetAsync(child, "identity");
            nested.AddRange(XDocument.Parse(System.Text.Encoding.UTF8.GetString(part)).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).PathAndQuery));
        }

        var addresses = Addresses.Concat(listed).Concat(nested).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(addresses.Count > 60, $"{addresses.Count} addresses");
        foreach (var address in addresses)
        {
            using var get = await site.Client.GetAsync(new Uri(address, UriKind.Relative));
            var body = await get.Content.ReadAsByteArrayAsync();
            using var head = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(address, UriKind.Relative)));
            var headBody = await head.Content.ReadAsByteArrayAsync();
            Assert.True(get.StatusCode == head.StatusCode, $"{address}: GET {get.StatusCode}, HEAD {head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
            Assert.True(headBody.Length == 0, $"{address}: HEAD sent {headBody.Length} bytes");
            Assert.True(get.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound && (body.Length > 0), $"{address}: GET {get.StatusCode} with {body.Length} bytes");
        }
    }

    [Fact]
    public async Task Should_look_styled_in_a_browser()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        foreach (var width in new[] { 1280, 390 })
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = 900 } });
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync("/articles?country=japan");
            Assert.Equal(200, response!.Status);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"published-articles-{width}.png"), FullPage = true });

            // The site's own stylesheet (the page's wash, the header's accent rule) and Pico's (buttons take the accent).
            var style = await page.EvaluateAsync<string[]>("""
                () => [
                  getComputedStyle(document.body).backgroundColor,
                  getComputedStyle(document.querySelector('.site-header')).borderBottomColor,
                  getComputedStyle(document.querySelector('.site-header')).borderBottomWidth,
                  getComputedStyle(document.querySelector('.site-search button')).backgroundColor,
                  getComputedStyle(document.body).fontFamily,
                ]
                """);
            Assert.Equal("rgb(244, 245, 247)", style[0]);
            Assert.Equal("rgb(164, 22, 26)", style[1]);
            Assert.Equal("3px", style[2]);
            Assert.Equal("rgb(164, 22, 26)", style[3]);
            Assert.DoesNotContain("Times", style[4], StringComparison.Ordinal);
            await context.CloseAsync();
        }
    }

    /// <summary>GETs an address asking for one encoding, and gives back the body as the client decodes it.</summary>
    private async Task<(HttpStatusCode Status, byte[] Body, HttpResponseMessage Response)> GetAsync(string address, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        var response = await site.Client.SendAsync(request);
        var raw = await response.Content.ReadAsByteArrayAsync();
        var applied = response.Content.Headers.ContentEncoding.LastOrDefault();
        Assert.True(applied is null || applied == encoding, $"{address}: asked for {encoding}, got {applied}");
        using var input = new MemoryStream(raw);
        using Stream decoded = applied switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var output = new MemoryStream();
        await decoded.CopyToAsync(output);
        return (response.StatusCode, output.ToArray(), response);
    }

    [GeneratedRegex("""(?:href|src)="(/[^"?#]+\.[0-9a-z]{8,}\.[a-z]+)""")]
    private static partial Regex LinkedFile();
}
