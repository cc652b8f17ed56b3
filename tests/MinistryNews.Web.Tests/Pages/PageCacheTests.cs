namespace MinistryNews.Web.Tests.Pages;

public sealed class PageCacheTests
{
    private const string Release = "Deputy Minister receives the Ambassador of Chile\n\nJune 2, 2022 | 09:00 am GMT+7\n\n"
        + "On June 1, in Hanoi, the Deputy Minister received the Ambassador of Chile.\n";

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
        Assert.Equal("15", await ArticleCountAsync(client));
        Assert.Null(await ChileFacetAsync(client));

        await File.WriteAllTextAsync(Path.Combine(app.DataFolder, "chile.txt"), Release);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ArticleCountAsync(client) != "16" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal("16", await ArticleCountAsync(client));
        Assert.Equal("1", await ChileFacetAsync(client));

        static async Task<string?> ArticleCountAsync(HttpClient client) =>
            (await ArchiveApplication.GetPageAsync(client, "/")).QuerySelector("a[href='/articles'] .number")?.TextContent.Trim();

        static async Task<string?> ChileFacetAsync(HttpClient client) =>
            (await ArchiveApplication.GetPageAsync(client, "/articles")).QuerySelectorAll("a[href*='country=chile']")
                .Select(a => System.Text.RegularExpressions.Regex.Match(a.TextContent, @"\d+").Value).FirstOrDefault();
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Should_answer_health_checks_live(string url)
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
