namespace MinistryNews.Web.Tests.Pages;

public sealed class PageCacheTests
{
    private const string Release = "Deputy Minister receives the Ambassador of Chile\n\nJune 2, 2022 | 09:00 am GMT+7\n\n"
        + "On June 1, in Hanoi, the Deputy Minister received the Ambassador of Chile.\n";

    private const string LaoRelease = "Deputy Minister receives the Ambassador of Laos\n\nJune 2, 2022 | 09:00 am GMT+7\n\n"
        + "On June 1, in Hanoi, the Deputy Minister received the Ambassador of Laos.\n";

    [Fact]
    public async Task Should_serve_a_page_again_from_memory_until_the_ingestion_stores_something_new()
    {
        await using var app = new ArchiveApplication(watch: true);
        using var client = await app.StartAsync();
        const string url = "/articles?q=Chile";

        using (await client.GetAsync(url))
        {
        }

        using (var again = await client.GetAsync(url))
        {
            // The output cache says how long it has kept the answer.
            Assert.NotNull(again.Headers.Age);
            Assert.DoesNotContain("Ambassador of Chile", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(Path.Combine(app.DataFolder, "chile.txt"), Release);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string html;
        do
        {
            await Task.Delay(250);
            html = await client.GetStringAsync(url);
        }
        while (!html.Contains("Deputy Minister receives the Ambassador of Chile", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("Deputy Minister receives the Ambassador of Chile", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_a_new_article_on_the_front_page_and_in_the_facets_once_it_is_stored()
    {
        await using var app = new ArchiveApplication(watch: true);
        using var client = await app.StartAsync();
        Assert.Equal("45", await ArticleCountAsync(client));

        // Laos, named by two articles (004 and dev04), is among the twelve countries the unfiltered list's facet shows.
        Assert.Equal("2", await LaosFacetAsync(client));

        await File.WriteAllTextAsync(Path.Combine(app.DataFolder, "laos.txt"), LaoRelease);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ArticleCountAsync(client) != "46" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal("46", await ArticleCountAsync(client));
        Assert.Equal("3", await LaosFacetAsync(client));

        static async Task<string?> ArticleCountAsync(HttpClient client) =>
            (await ArchiveApplication.GetPageAsync(client, "/")).QuerySelector("a[href='/articles'] .number")?.TextContent.Trim();

        static async Task<string?> LaosFacetAsync(HttpClient client) =>
            (await ArchiveApplication.GetPageAsync(client, "/articles")).QuerySelectorAll("a[href*='country=laos']")
                .Select(a => System.Text.RegularExpressions.Regex.Match(a.TextContent, @"\d+").Value).FirstOrDefault();
    }

    [Fact]
    public async Task Should_count_a_new_pair_on_the_whole_archive_s_pairs_page_once_it_is_stored()
    {
        await using var app = new ArchiveApplication(watch: true);
        using var client = await app.StartAsync();
        const string pair = "/meetings?person=nguyen-manh-hung&with=juan-carlos-munoz";
        var before = await PairsAsync(client);
        Assert.DoesNotContain(pair, before.Links);

        // The first pages of every pair are kept between batches (they count every meeting): a stored file renews them.
        await File.WriteAllTextAsync(Path.Combine(app.DataFolder, "chile-minister.txt"), ChileMeeting);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var after = before;
        while (!after.Links.Contains(pair) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            after = await PairsAsync(client);
        }

        Assert.Contains(pair, after.Links);
        Assert.True(after.Total >= before.Total + 1, $"{before.Total} pairs, then {after.Total}");

        static async Task<(List<string> Links, int Total)> PairsAsync(HttpClient client)
        {
            // Past the output cache, which keeps a page by its address: a key the page does not read is no part of it.
            var page = await ArchiveApplication.GetPageAsync(client, "/meetings/pairs");
            var links = page.QuerySelectorAll("tbody td a").Select(a => a.GetAttribute("href")!).ToList();
            var summary = page.QuerySelector("p.summary")!.TextContent;
            var total = int.Parse(System.Text.RegularExpressions.Regex.Match(summary, @"(\d+) pairs").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return (links, total);
        }
    }

    private const string ChileMeeting = "Minister Nguyen Manh Hung meets Chilean Minister of Transport and Telecommunications Juan Carlos Munoz\n\n"
        + "June 2, 2022 | 09:00 am GMT+7\n\n"
        + "On June 1, in Hanoi, Minister of Information and Communications Nguyen Manh Hung received Chilean Minister of Transport and Telecommunications Juan Carlos Munoz.\n";

    [Theory]
    [InlineData("/", "br", "text/html")]
    [InlineData("/articles?format=csv", "gzip", "text/csv")]
    [InlineData("/feeds/articles.atom", "br", "application/atom+xml")]
    public async Task Should_keep_and_serve_compressed_answers_to_clients_that_ask_and_plain_ones_to_others(string url, string encoding, string mediaType)
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        var plain = await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length < plain.Length / 2, $"{compressed.Length} compressed bytes against {plain.Length}");
            Assert.Equal(plain, Decompress(compressed, encoding));

            // The second answer comes from the cache, still compressed.
            Assert.Equal(i == 1, response.Headers.Age is not null);
        }

        // A client that asks for no encoding is not sent the kept compressed bytes.
        using var again = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Empty(again.Content.Headers.ContentEncoding);
        Assert.Equal(plain, await again.Content.ReadAsByteArrayAsync());

        static byte[] Decompress(byte[] bytes, string encoding)
        {
            using var input = new MemoryStream(bytes);
            using Stream decoder = encoding == "br"
                ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
            using var output = new MemoryStream();
            decoder.CopyTo(output);
            return output.ToArray();
        }
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/css/site.css")]
    public async Task Should_answer_health_checks_and_static_files_live(string url)
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();

        using (await client.GetAsync(url))
        {
        }

        using var again = await client.GetAsync(url);
        Assert.Null(again.Headers.Age);
    }
}

/// <summary>
/// Keys of the query string that an address does not read change nothing: the answer is the one already kept, served
/// from memory without being computed again, and the page's links leave them out.
/// </summary>
public sealed class QueryNormalisationTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    public static TheoryData<string> Addresses => new()
    {
        "/",
        "/articles",
        "/articles?country=japan&kind=meeting",
        "/search?q=japan",
        "/meetings",
        "/delegations?direction=hosted",
        "/agreements?status=expired",
        "/people?country=japan",
        "/countries",
        "/people/nguyen-manh-hung",
        "/countries/japan",
        "/archive/2020",
        "/meetings?format=csv",
        "/api/articles?country=japan&pageSize=2",
        "/api/meetings",
        "/feeds/articles.atom",
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task Should_serve_an_address_with_keys_it_does_not_read_from_the_cache_as_one_answer(string url)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        using var first = await archive.Client.GetAsync(new Uri($"{url}{separator}b={Guid.NewGuid():N}", UriKind.Relative));
        using var second = await archive.Client.GetAsync(new Uri($"{url}{separator}b={Guid.NewGuid():N}&utm_source=mail&slug=someone-else", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_compute_apart_each_value_of_a_key_the_page_reads()
    {
        var all = await archive.PageAsync("/meetings?b=1");
        // Multilateral meetings are a few: their list is shorter than a page of all meetings.
        using var multilateral = await archive.Client.GetAsync(new Uri("/meetings?KIND=multilateral&b=2", UriKind.Relative));
        var filtered = await ArchiveApplication.ParseAsync(multilateral);

        Assert.Null(multilateral.Headers.Age);
        Assert.True(filtered.QuerySelectorAll("tbody tr").Length < all.QuerySelectorAll("tbody tr").Length);
        Assert.All(filtered.QuerySelectorAll("tbody tr td:nth-child(2)"), cell => Assert.Equal("multilateral", cell.TextContent.Trim(), ignoreCase: true));
    }

    [Fact]
    public async Task Should_leave_out_of_a_page_s_links_the_keys_it_does_not_read()
    {
        var page = await archive.PageAsync("/meetings?kind=bilateral&b=tracking&utm_source=mail");

        var links = page.QuerySelectorAll("a[href^='/meetings?']")
            .Select(a => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://archive.test"), a.GetAttribute("href")).Query))
            .ToList();
        Assert.NotEmpty(links);
        Assert.All(links, query => Assert.Equal(query.Keys.Where(k => k is not ("b" or "utm_source")), query.Keys));
        Assert.Contains(links, query => query["kind"] == "bilateral");
    }
}
