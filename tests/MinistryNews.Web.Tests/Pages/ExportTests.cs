using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>Every list downloads as CSV and JSON with the page's filters, and parses back to the rows the page shows.</summary>
public sealed class ExportTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Theory]
    [InlineData("/articles?country=japan&kind=meeting")]
    [InlineData("/articles?person=nguyen-manh-hung&sort=oldest")]
    public async Task Should_export_the_filtered_articles_as_the_page_lists_them(string url)
    {
        var page = await archive.PageAsync(url);
        var shown = page.QuerySelectorAll(".article-list a.title").Select(a => a.TextContent.Trim()).ToList();

        var csv = await CsvAsync(url + "&format=csv");
        var json = await JsonAsync(url + "&format=json");

        Assert.NotEmpty(shown);
        Assert.Equal(shown, csv.Select(r => r["Title"]));
        Assert.Equal(shown, json.Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(page.QuerySelectorAll(".article-list a.title").Select(a => a.GetAttribute("href")), csv.Select(r => r["Url"]));
    }

    [Theory]
    [InlineData("/meetings?kind=bilateral&country=laos", "tbody tr td:last-child a", "ArticleTitle")]
    [InlineData("/delegations?direction=hosted", "tbody tr td:last-child a", "ArticleTitle")]
    [InlineData("/agreements?status=expired", "tbody tr td:last-child a", "ArticleTitle")]
    [InlineData("/people?country=japan", "tbody th a", "Name")]
    [InlineData("/countries", "tbody th a", "Name")]
    public async Task Should_export_each_table_as_the_page_shows_it(string url, string selector, string column)
    {
        var page = await archive.PageAsync(url);
        var shown = page.QuerySelectorAll(selector).Select(a => a.TextContent.Trim()).ToList();
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        var csv = await CsvAsync(url + separator + "format=csv");
        var json = await JsonAsync(url + separator + "format=json");

        Assert.NotEmpty(shown);
        Assert.Equal(shown, csv.Select(r => r[column]));
        Assert.Equal(shown, json.Select(r => r.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(column)).GetString()));
    }

    [Fact]
    public async Task Should_link_the_downloads_from_the_page_with_its_filters()
    {
        var page = await archive.PageAsync("/articles?country=japan&page=1");

        var links = page.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/articles?country=japan&format=csv", "/articles?country=japan&format=json"], links);
    }

    private async Task<List<Dictionary<string, string>>> CsvAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty));
        }

        return rows;
    }

    private async Task<List<JsonElement>> JsonAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
