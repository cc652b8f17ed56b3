using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;

namespace MinistryNews.Web.Tests.Pages.Search;

/// <summary>A search downloads and is followed as every list: CSV, JSON and Atom give its matches.</summary>
public sealed class SearchDownloadTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_download_every_match_of_a_search_in_the_order_its_pages_show_them()
    {
        // More matches than a page holds: the downloads give them all, in the order of the pages one after the other.
        var shown = new List<string>();
        var first = await archive.PageAsync("/search?q=cooperation");
        var pages = int.Parse(first.QuerySelector(".pager [aria-current=page]")!.TextContent.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
        for (var n = 1; n <= pages; n++)
        {
            var page = n == 1 ? first : await archive.PageAsync($"/search?q=cooperation&page={n}");
            shown.AddRange(page.QuerySelectorAll(".search-results a.title").Select(a => a.GetAttribute("href")!));
        }

        var csv = await CsvInjectionTests.RowsAsync(archive.Client, "/search?q=cooperation&format=csv");
        var json = await JsonAsync("/search?q=cooperation&format=json");

        Assert.True(shown.Count > 20);
        Assert.Equal(shown.Select(h => "http://localhost" + h), csv.Select(r => r["Url"]));
        Assert.Equal(shown.Select(h => "http://localhost" + h), json.Select(r => r.GetProperty("url").GetString()));
        Assert.Equal(JsonValueKind.Array, json[0].GetProperty("countries").ValueKind);
    }

    [Fact]
    public async Task Should_download_a_search_sorted_by_date_and_filtered_as_its_page_lists_it()
    {
        var page = await archive.PageAsync("/search?q=cooperation&country=japan&sort=oldest");
        var shown = page.QuerySelectorAll(".search-results a.title").Select(a => a.TextContent.Trim()).ToList();

        var csv = await CsvInjectionTests.RowsAsync(archive.Client, "/search?q=cooperation&country=japan&sort=oldest&format=csv");

        Assert.NotEmpty(shown);
        Assert.Equal(shown, csv.Select(r => r["Title"]));
        Assert.Equal(["/search?country=japan&q=cooperation&sort=oldest&format=csv", "/search?country=japan&q=cooperation&sort=oldest&format=json"], page.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Should_follow_a_search_as_an_atom_feed_of_its_matches_linked_from_its_page()
    {
        var page = await archive.PageAsync("/search?q=semiconductor");
        var found = page.QuerySelectorAll(".search-results a.title").Select(a => "http://localhost" + a.GetAttribute("href")).Order(StringComparer.Ordinal).ToList();
        var link = page.QuerySelector(".follow a[type='application/atom+xml']")!.GetAttribute("href");
        using var redirect = await archive.Client.GetAsync(new Uri("/search?q=semiconductor&format=atom", UriKind.Relative));

        var feed = await FeedTests.FeedAsync(archive.Client, link!);

        Assert.Equal("/feeds/articles.atom?q=semiconductor", link);
        Assert.Equal(link, page.QuerySelector("head link[rel=alternate][type='application/atom+xml'][href*='q=']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(link, redirect.Headers.Location!.OriginalString);
        Assert.NotEmpty(found);
        Assert.Equal(found, feed.Items.Select(i => i.Links[0].Uri.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains("“semiconductor”", feed.Title.Text, StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> JsonAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
