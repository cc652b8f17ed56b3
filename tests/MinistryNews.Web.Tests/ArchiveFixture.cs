using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;

namespace MinistryNews.Web.Tests;

/// <summary>
/// One running archive with data/ ingested, shared by the tests of a class that only read pages
/// (on 1 June 2022, so that the memorandum with Japan, valid 2020-2023, is in force).
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Today = new(2022, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public ArchiveApplication App { get; } = new(today: Today);

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync() => Client = await App.StartAsync();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    public Task<IHtmlDocument> PageAsync(string url) => ArchiveApplication.GetPageAsync(Client, url);

    /// <summary>The problem details of an answer that must be a 400 (a query with a value the list cannot use).</summary>
    public async Task<JsonElement> ProblemAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.Clone();
    }

    /// <summary>The source files of the articles a list page shows, in order.</summary>
    public async Task<IReadOnlyList<string>> ArticleFilesAsync(IHtmlDocument page)
    {
        await using var db = App.OpenDatabase();
        var byKey = db.Articles.ToDictionary(a => a.Key, a => a.SourceFile, StringComparer.Ordinal);
        return [.. page.QuerySelectorAll(".article-list a.title").Select(a => byKey[Uri.UnescapeDataString(a.GetAttribute("href")!.Split('/')[2])])];
    }
}
