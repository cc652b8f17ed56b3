using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Ingestion;

namespace MinistryNews.Web.Tests.Browsing;

/// <summary>
/// The lists are paged by the database: the query that reads a page of /articles, /people, /countries or the API's
/// lists reads that page's rows and no more (counted as the database hands them over, by an EF Core interceptor), and
/// the totals the pages give are the archive's.
/// </summary>
public sealed class PagedInSqlTests : IAsyncLifetime
{
    private ArchiveApplication App { get; } = new(today: ArchiveFixture.Today, outputCache: false);

    private readonly RowsRead _reads = new();

    private WebApplicationFactory<Program> _host = null!;

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.ConfigureDbContext<ArchiveDbContext>(options => options.AddInterceptors(_reads))));
        _client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await _host.Services.GetRequiredService<IngestionStatus>().FirstBatch.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task Should_read_only_the_twenty_articles_of_the_second_page()
    {
        var (page, rows) = await PageAsync("/articles?page=2");

        Assert.Equal("21–40 of 45", page.QuerySelector(".pager-total")!.TextContent.Trim());
        Assert.Equal(20, page.QuerySelectorAll(".article-list .article").Length);
        Assert.Equal([20], rows);
    }

    [Fact]
    public async Task Should_read_only_the_matching_articles_of_a_filtered_page_and_count_them_all()
    {
        await using var db = App.OpenDatabase();
        var japan = await db.Articles.CountAsync(a => a.Countries.Any(c => c.Slug == "japan"));

        var (page, rows) = await PageAsync("/articles?country=japan&sort=oldest");

        Assert.True(japan > 1);
        Assert.Equal($"1–{Math.Min(20, japan)} of {japan}", page.QuerySelector(".pager-total")!.TextContent.Trim());
        Assert.Equal([Math.Min(20, japan)], rows);
    }

    [Fact]
    public async Task Should_read_only_a_page_of_people_on_the_page_and_on_the_api()
    {
        await using var db = App.OpenDatabase();
        var people = await db.People.CountAsync();

        var (page, rows) = await PageAsync("/people");
        var (_, apiRows) = await ReadAsync("/api/people?pageSize=5&page=2");

        Assert.True(people > 10);
        Assert.Contains($"{people} people", page.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Math.Min(PeopleList.PageSize, people), page.QuerySelectorAll("tbody tr").Length);
        Assert.Equal([Math.Min(PeopleList.PageSize, people)], rows);
        Assert.Equal([5], apiRows);
    }

    [Fact]
    public async Task Should_read_only_a_page_of_countries_on_the_page_and_on_the_api()
    {
        await using var db = App.OpenDatabase();
        var countries = await db.Countries.CountAsync(c => c.Articles.Any());

        var (page, rows) = await PageAsync("/countries");
        var (api, apiRows) = await ReadAsync("/api/countries?pageSize=3&page=2");

        Assert.True(countries > 6);
        Assert.Contains($"{countries} countries", page.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([page.QuerySelectorAll(".table-wrap:not(.map-figures) tbody tr").Length], rows);
        Assert.Equal([3], apiRows);
        Assert.Contains($"\"total\":{countries}", api, StringComparison.Ordinal);
    }

    private async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, List<int> Rows)> PageAsync(string url)
    {
        _reads.Clear();
        var page = await ArchiveApplication.GetPageAsync(_client, url);
        return (page, OfPages(_reads));
    }

    private async Task<(string Body, List<int> Rows)> ReadAsync(string url)
    {
        _reads.Clear();
        var body = await _client.GetStringAsync(new Uri(url, UriKind.Relative));
        return (body, OfPages(_reads));
    }

    /// <summary>The rows read by the queries of list pages (tagged <see cref="PageRequest.QueryTag"/>), each of which is paged in SQL.</summary>
    private static List<int> OfPages(RowsRead reads)
    {
        var pages = reads.Snapshot().Where(r => r.Sql.Contains(PageRequest.QueryTag, StringComparison.Ordinal)).ToList();
        Assert.All(pages, r => Assert.Contains("LIMIT", r.Sql, StringComparison.Ordinal));

        // A list read whole takes one read more than it has rows: the last finds no more.
        return [.. pages.Select(r => r.Rows - 1)];
    }
}
