using System.Net;
using System.Xml.Linq;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>The site map on the real host: whole to any client, split by an index when it would pass its size limit.</summary>
public sealed class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("gzip")]
    public async Task Should_send_the_whole_site_map_to_a_client_whatever_compression_it_asks(string? encoding)
    {
        await using var app = new ArchiveApplication();
        using var started = await app.StartAsync();

        // A client of its own, with no automatic decompression: it sends no Accept-Encoding unless told.
        using var client = app.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body);
        if (encoding == "gzip")
        {
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await unzip.CopyToAsync(plain);
            body = plain.ToArray();
        }
        else
        {
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }

        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(Ns + "urlset", xml.Root!.Name);
        Assert.Contains(xml.Descendants(Ns + "loc"), l => new Uri(l.Value).AbsolutePath == "/countries/japan");
    }

    [Fact]
    public async Task Should_split_a_site_map_past_its_size_into_files_listed_by_an_index()
    {
        await using var app = new ArchiveApplication();
        app.Settings["Archive:SitemapSize"] = "10";
        using var client = await app.StartAsync();

        var index = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));

        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        var files = index.Descendants(Ns + "sitemap").Select(s => new Uri(s.Element(Ns + "loc")!.Value).AbsolutePath).ToList();
        Assert.True(files.Count >= 5, $"{files.Count} files");
        Assert.Equal(Enumerable.Range(1, files.Count).Select(n => $"/sitemaps/{n}.xml"), files);
        var urls = new List<string>();
        foreach (var file in files)
        {
            var part = XDocument.Parse(await client.GetStringAsync(new Uri(file, UriKind.Relative)));
            Assert.Equal(Ns + "urlset", part.Root!.Name);
            var locs = part.Descendants(Ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
            Assert.InRange(locs.Count, 1, 10);
            urls.AddRange(locs);
        }

        // Together the files list every address once: the 45 articles, the countries and people among them.
        Assert.Equal(urls.Count, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(45, urls.Count(u => u.StartsWith("/articles/", StringComparison.Ordinal)));
        Assert.Contains("/countries/japan", urls);
        Assert.Contains("/people/takaichi-sanae", urls);
        Assert.Equal(files.Count, (urls.Count + 9) / 10);
        using var past = await client.GetAsync(new Uri($"/sitemaps/{files.Count + 1}.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }
}
