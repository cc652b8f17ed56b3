using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Web.Ingestion;

namespace MinistryNews.Web.Tests.Pages.Agreements;

/// <summary>
/// The data folder on 1 June 2022, its first eight records of the register given signing dates known to the day, the
/// month or the year (or none) and validities that end or begin around that day, and a count of the rows each query of
/// the app reads from the database.
/// </summary>
public sealed class RegisterQueryFixture : IAsyncLifetime
{
    /// <summary>The signing date, the validity and the status on 1 June 2022 given to the first eight records, by id.</summary>
    public static readonly (string? SignedOn, string? ValidFrom, string? ValidTo, string Status)[] Cases =
    [
        ("2019-11-05", null, "2022", "in-force"),
        ("2019-11", null, "2022-05", "expired"),
        ("2019", null, "2022-06", "in-force"),
        ("2020-01-09", "2022-07", "2024", "unknown"),
        (null, "2022-06", "2023", "in-force"),
        ("2018-12-31", null, "2022-06-01", "in-force"),
        (null, null, "2022-05-31", "expired"),
        ("2019-12", "2020", null, "unknown"),
    ];

    private WebApplicationFactory<Program> host = null!;

    public ArchiveApplication App { get; } = new(today: ArchiveFixture.Today, outputCache: false);

    public RowsRead Reads { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The ids of the records given <see cref="Cases"/>, in the order of the cases.</summary>
    public IReadOnlyList<int> Ids { get; private set; } = [];

    /// <summary>Every record: its id, signing date and status on the day (the cases', or as the data folder gives them).</summary>
    public IReadOnlyList<(int Id, PartialDate? SignedOn, string Status)> Records { get; private set; } = [];

    public async Task InitializeAsync()
    {
        host = App.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<ArchiveDbContext>((_, options) => options.AddInterceptors(Reads))));
        Client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await host.Services.GetRequiredService<IngestionStatus>().FirstBatch.WaitAsync(TimeSpan.FromSeconds(60));

        await using var db = App.OpenDatabase();
        var records = await db.AgreementRecords.OrderBy(r => r.Id).ToListAsync();
        Assert.True(records.Count > Cases.Length, $"The data folder should make more than {Cases.Length} records; it makes {records.Count}.");
        foreach (var (record, (signedOn, validFrom, validTo, _)) in records.Zip(Cases))
        {
            record.SignedOn = Date(signedOn);
            record.ValidFrom = Date(validFrom);
            record.ValidTo = Date(validTo);
        }

        await db.SaveChangesAsync();
        Ids = [.. records.Take(Cases.Length).Select(r => r.Id)];
        var today = DateOnly.FromDateTime(ArchiveFixture.Today.Date);
        Records = [.. records.Select((r, i) => (r.Id, r.SignedOn, i < Cases.Length ? Cases[i].Status : StatusOn(r.ValidFrom, r.ValidTo, today)))];
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    public async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public Task<IHtmlDocument> PageAsync(string url) => ArchiveApplication.GetPageAsync(Client, url);

    /// <summary>The record ids of a page of /agreements, in order.</summary>
    public static List<int> RowIds(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.agreements tbody th a.record").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The record ids of an answer of /api/agreements, in order.</summary>
    public static List<int> ItemIds(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];

    private static PartialDate? Date(string? text) => text is null ? null : PartialDate.Parse(text);

    /// <summary>The status as the register defines it: unknown without an end, expired after the end's last day, unknown before the start's first day.</summary>
    private static string StatusOn(PartialDate? from, PartialDate? to, DateOnly today) =>
        to is not { } end ? "unknown" : end.LastDay < today ? "expired" : from is { } start && start.FirstDay > today ? "unknown" : "in-force";
}

/// <summary>The register's filters, sorts and paging, run by the database, on the page and in the API alike.</summary>
public sealed class RegisterQueryTests(RegisterQueryFixture archive) : IClassFixture<RegisterQueryFixture>
{
    [Theory]
    [InlineData("from=2019-11-10&to=2019-12-31", "2019-11-10", "2019-12-31", new[] { 1, 2, 7 })]
    [InlineData("year=2019&month=11", "2019-11-01", "2019-11-30", new[] { 0, 1, 2 })]
    [InlineData("from=2019-12", "2019-12-01", "9999-12-31", new[] { 2, 3, 7 })]
    public async Task Should_keep_only_the_records_whose_own_signing_date_can_fall_in_the_range(string query, string first, string last, int[] cases)
    {
        var page = await archive.PageAsync("/agreements?" + query);
        var api = await archive.JsonAsync("/api/agreements?pageSize=100&" + query);

        // A date known to the month or the year is kept when it can fall in the range; a record without a date never is.
        var from = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        var expected = archive.Records.Where(r => r.SignedOn is { } d && d.LastDay >= from && d.FirstDay <= to).Select(r => r.Id).Order().ToList();
        Assert.Subset(expected.ToHashSet(), cases.Select(i => archive.Ids[i]).ToHashSet());
        Assert.Equal(expected, RegisterQueryFixture.RowIds(page).Order());
        Assert.Equal(expected, RegisterQueryFixture.ItemIds(api).Order());
        Assert.Equal(expected.Count, api.GetProperty("total").GetInt32());
        Assert.DoesNotContain(archive.Ids[4], RegisterQueryFixture.RowIds(page));
        Assert.DoesNotContain(archive.Ids[6], RegisterQueryFixture.ItemIds(api));
    }

    [Theory]
    [InlineData("signed")]
    [InlineData("-signed")]
    public async Task Should_sort_by_the_signing_date_with_the_undated_last_both_ways(string sort)
    {
        var page = await archive.PageAsync("/agreements?sort=" + sort);
        var api = await archive.JsonAsync("/api/agreements?pageSize=100&sort=" + sort);

        // By the date as far as it is known ("2019" before "2019-11" before "2019-11-05" going up), then by id.
        var dated = archive.Records.Where(r => r.SignedOn is not null);
        var undated = archive.Records.Where(r => r.SignedOn is null).OrderBy(r => r.Id).Select(r => r.Id);
        var expected = (sort == "signed"
                ? dated.OrderBy(r => r.SignedOn!.Value.ToString(), StringComparer.Ordinal).ThenBy(r => r.Id)
                : dated.OrderByDescending(r => r.SignedOn!.Value.ToString(), StringComparer.Ordinal).ThenBy(r => r.Id))
            .Select(r => r.Id).Concat(undated).ToList();
        Assert.Equal(expected, RegisterQueryFixture.RowIds(page));
        Assert.Equal(expected, RegisterQueryFixture.ItemIds(api));
        Assert.Equal([archive.Ids[4], archive.Ids[6]], RegisterQueryFixture.ItemIds(api).TakeLast(undated.Count()).Take(2));
        var (year, month, day) = (expected.IndexOf(archive.Ids[2]), expected.IndexOf(archive.Ids[1]), expected.IndexOf(archive.Ids[0]));
        Assert.True(sort == "signed" ? year < month && month < day : day < month && month < year, $"{year}, {month}, {day}");
    }

    [Theory]
    [InlineData("in-force", new[] { 0, 2, 4, 5 })]
    [InlineData("expired", new[] { 1, 6 })]
    [InlineData("unknown", new[] { 3, 7 })]
    public async Task Should_give_the_records_of_a_status_on_the_day(string status, int[] cases)
    {
        var page = await archive.PageAsync("/agreements?status=" + status);
        var api = await archive.JsonAsync("/api/agreements?pageSize=100&status=" + status);

        var expected = archive.Records.Where(r => r.Status == status).Select(r => r.Id).Order().ToList();
        Assert.Subset(expected.ToHashSet(), cases.Select(i => archive.Ids[i]).ToHashSet());
        Assert.DoesNotContain(archive.Ids.Where((_, i) => !cases.Contains(i)), expected.Contains);
        Assert.Equal(expected, RegisterQueryFixture.RowIds(page).Order());
        Assert.Equal(expected, RegisterQueryFixture.ItemIds(api).Order());
        Assert.All(page.QuerySelectorAll("table.agreements tbody td.status"), cell => Assert.Equal(status.Replace('-', ' '), cell.TextContent.Trim()));
        Assert.All(api.GetProperty("items").EnumerateArray(), item => Assert.Equal(status, item.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Should_sort_by_status_in_force_first_and_the_undated_last_within_each()
    {
        var api = await archive.JsonAsync("/api/agreements?pageSize=100&sort=status");

        var items = api.GetProperty("items").EnumerateArray().Select(i => (Status: i.GetProperty("status").GetString(), Dated: i.GetProperty("signedOn").ValueKind != JsonValueKind.Null)).ToList();
        Assert.Equal(archive.Records.Count, items.Count);
        string[] order = ["in-force", "expired", "unknown"];
        Assert.Equal(items.OrderBy(i => Array.IndexOf(order, i.Status)).ThenBy(i => !i.Dated), items);
    }

    [Fact]
    public async Task Should_document_in_the_openapi_document_the_query_the_api_binds()
    {
        var document = await archive.JsonAsync("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty("/api/agreements").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("description", out var d) ? d.GetString() : null, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Web.Browsing.AgreementQuery.Keys.All.Order(StringComparer.OrdinalIgnoreCase), parameters.Keys.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("in-force, expired or unknown", parameters["status"], StringComparison.Ordinal);
        Assert.Contains("undated", parameters["sort"], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/agreements?pageSize=2&page=2")]
    [InlineData("/api/agreements?pageSize=2&page=2")]
    public async Task Should_read_only_the_rows_of_the_page_from_the_database_and_count_the_rest(string url)
    {
        archive.Reads.Clear();
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        var reads = archive.Reads.Snapshot().Select(c => (c.Sql, Rows: c.Rows - 1)).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newest = archive.Records.OrderBy(r => r.SignedOn is null).ThenByDescending(r => r.SignedOn?.ToString(), StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(archive.Records.Count, list.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(newest.Skip(2).Take(2), RegisterQueryFixture.ItemIds(list.RootElement));
        }
        else
        {
            var page = await ArchiveApplication.ParseAsync(response);
            Assert.Contains($"{archive.Records.Count} agreements", page.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(newest.Skip(2).Take(2), RegisterQueryFixture.RowIds(page));
            Assert.Equal($"3–4 of {archive.Records.Count}", page.QuerySelector(".pager-total")!.TextContent.Trim());
        }

        // The records are sorted and cut to the page (LIMIT and OFFSET) and counted by the database; whatever else the
        // answer reads (the two records' columns, countries, signatories, renewals and first articles) stays below the
        // whole register.
        var paged = Assert.Single(reads, r => r.Sql.Contains("\"AgreementRecords\"", StringComparison.Ordinal) && r.Sql.Contains("OFFSET", StringComparison.Ordinal));
        Assert.Equal(2, paged.Rows);
        var counted = Assert.Single(reads, r => r.Sql.StartsWith("SELECT COUNT(*)", StringComparison.OrdinalIgnoreCase) && r.Sql.Contains("\"AgreementRecords\"", StringComparison.Ordinal));
        Assert.Equal(1, counted.Rows);
        Assert.True(reads.Sum(r => r.Rows) < archive.Records.Count, $"{reads.Sum(r => r.Rows)} rows read for {archive.Records.Count} records: " + string.Join(", ", reads.Select(r => r.Rows)));
    }
}
