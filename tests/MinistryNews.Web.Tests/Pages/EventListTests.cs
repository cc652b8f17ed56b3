using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Core.Delegations;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Meetings;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Ingestion;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// The date filters and the sort of the meetings and delegations lists, run by the database: a date filter keeps the
/// events whose own date can fall in the range (a month or a year that overlaps it too) and never an undated one,
/// whatever its article's date; the undated come last whichever way a list is sorted.
/// </summary>
public sealed class EventListTests : IAsyncLifetime
{
    private ArchiveApplication App { get; } = new();

    private HttpClient _client = null!;

    /// <summary>The day an article with an undated meeting was published, around which the dates below are set.</summary>
    private DateOnly _day;

    private string _undated = null!;

    private string _onTheDay = null!;

    private string _inTheMonth = null!;

    private string _inTheYear = null!;

    private string _monthsBefore = null!;

    public async Task InitializeAsync()
    {
        _client = await App.StartAsync();
        await using var db = App.OpenDatabase();

        // Meetings each read from a sentence of their own, so that each row is known by its link to the sentence.
        var meetings = await db.Meetings.Include(m => m.Article).OrderBy(m => m.Id).ToListAsync();
        var sentences = meetings.CountBy(m => m.Evidence).ToDictionary(StringComparer.Ordinal);
        var alone = meetings.Where(m => sentences[m.Evidence] == 1).ToList();
        var undated = alone.First(m => m.Date is null && m.Article.PublishedOn is not null);
        _day = undated.Article.PublishedOn!.Value;
        var dated = alone.Where(m => m != undated).Take(4).ToList();
        dated[0].Date = PartialDate.FromDate(_day);
        dated[1].Date = new PartialDate(_day.Year, _day.Month);
        dated[2].Date = new PartialDate(_day.Year);
        dated[3].Date = PartialDate.FromDate(_day.AddMonths(-2));
        foreach (var meeting in dated)
        {
            meeting.DateSource = DateSource.Sentence;
        }

        await db.SaveChangesAsync();
        (_undated, _onTheDay, _inTheMonth, _inTheYear, _monthsBefore) = (Fact(undated), Fact(dated[0]), Fact(dated[1]), Fact(dated[2]), Fact(dated[3]));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task Should_keep_only_the_meetings_whose_own_date_can_fall_in_the_range_and_leave_the_undated_out()
    {
        var (from, to) = (_day.AddDays(-1), _day.AddDays(1));
        var expected = await MeetingFactsAsync(d => d.LastDay >= from && d.FirstDay <= to);

        var rows = await AllRowsAsync($"/meetings?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var api = await JsonAsync($"/api/meetings?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&pageSize=100");

        var shown = rows.Select(FactHref).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.Contains(_onTheDay, shown);
        Assert.Contains(_inTheMonth, shown);
        Assert.Contains(_inTheYear, shown);
        Assert.DoesNotContain(_monthsBefore, shown);
        Assert.DoesNotContain(_undated, shown);
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector("td time")));
        Assert.Equal(expected.Count, api.GetProperty("total").GetInt32());
        Assert.Equal(expected.Order(StringComparer.Ordinal), api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("evidenceUrl").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_match_a_month_or_a_year_filter_with_a_date_known_to_the_month_or_the_year()
    {
        var first = new DateOnly(_day.Year, _day.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var expected = await MeetingFactsAsync(d => d.LastDay >= first && d.FirstDay <= last);

        var inMonth = (await AllRowsAsync($"/meetings?year={_day.Year}&month={_day.Month}")).Select(FactHref).ToList();
        var partial = (await AllRowsAsync($"/meetings?from={_day:yyyy-MM}&to={_day:yyyy-MM}")).Select(FactHref).ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), inMonth.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), partial.Order(StringComparer.Ordinal));
        Assert.Contains(_inTheYear, inMonth);
        Assert.Contains(_inTheMonth, inMonth);
        Assert.DoesNotContain(_monthsBefore, inMonth);
        Assert.DoesNotContain(_undated, inMonth);
    }

    [Theory]
    [InlineData("/api/meetings", "date")]
    [InlineData("/api/meetings", "-date")]
    [InlineData("/api/delegations", "date")]
    [InlineData("/api/delegations", "-date")]
    public async Task Should_list_the_undated_last_both_ways_in_the_api(string list, string sort)
    {
        var items = (await JsonAsync($"{list}?sort={sort}&pageSize=100")).GetProperty("items").EnumerateArray().ToList();

        var undated = items.Select(i => i.GetProperty("date").ValueKind == JsonValueKind.Null).ToList();
        Assert.Contains(true, undated);
        Assert.Equal(undated.Order(), undated);
        var days = items.TakeWhile(i => i.GetProperty("date").ValueKind != JsonValueKind.Null).Select(i => PartialDate.Parse(i.GetProperty("date").GetString()!).FirstDay).ToList();
        Assert.True(days.Count > 1);
        Assert.Equal(sort == "date" ? days.Order() : days.OrderDescending(), days);
    }

    [Theory]
    [InlineData("country")]
    [InlineData("-country")]
    public async Task Should_list_the_meetings_with_no_country_last_both_ways_and_then_the_undated_last(string sort)
    {
        var rows = await AllRowsAsync($"/meetings?sort={sort}");

        var withCountry = rows.Select(r => r.QuerySelector(".meeting-with a[href^='/countries/']") is not null).ToList();
        Assert.Contains(false, withCountry);
        Assert.Equal(withCountry.OrderDescending(), withCountry);
        // The meetings with one first country together, and among those with none the undated last.
        var firstCountries = rows.Select(r => r.QuerySelector(".meeting-with a[href^='/countries/']")?.TextContent.Trim()).OfType<string>().ToList();
        var runs = firstCountries.Where((name, i) => i == 0 || name != firstCountries[i - 1]).Count();
        Assert.Equal(firstCountries.Distinct().Count(), runs);
        var noCountry = rows.Where(r => r.QuerySelector(".meeting-with a[href^='/countries/']") is null).Select(r => r.QuerySelector("td .date-not-given") is not null).ToList();
        Assert.Equal(noCountry.Order(), noCountry);
    }

    [Fact]
    public async Task Should_name_each_bad_value_of_the_query_in_the_api_and_on_the_page()
    {
        using var bad = await _client.GetAsync(new Uri("/api/delegations?sort=colour&direction=sideways&pageSize=1000", UriKind.Relative));
        var page = await ArchiveApplication.GetPageAsync(_client, "/meetings?kind=picnic&country=japan");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains("“colour”", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("“sideways” is not a direction", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("“1000” is not a valid pageSize", StringComparison.Ordinal));

        // The meetings' kind is the list's own: named once, as a kind of meeting, not as a kind of article.
        var text = page.Body!.TextContent;
        Assert.Contains("“picnic” is not a kind of meeting", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kind of event", text, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("tbody tr"), r => Assert.Contains("Japan", r.QuerySelector(".meeting-with")!.TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("tbody tr"));
    }

    [Theory]
    [InlineData("/api/meetings", "kind", "bilateral, multilateral or domestic", "with", "organisation")]
    [InlineData("/api/delegations", "direction", "made (visits made")]
    public async Task Should_document_each_parameter_of_the_query_the_api_binds(string path, string own, string described, params string[] others)
    {
        var document = await JsonAsync("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("description", out var d) ? d.GetString() : null, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(
            new[] { "country", "person", own, "from", "to", "year", "month", "sort", "page", "pageSize" }.Concat(others).Order(StringComparer.OrdinalIgnoreCase),
            parameters.Keys.Order(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Value), $"{p.Key} has no description"));
        Assert.StartsWith(described, parameters[own], StringComparison.Ordinal);
    }

    private async Task<List<string>> MeetingFactsAsync(Func<PartialDate, bool> inRange)
    {
        await using var db = App.OpenDatabase();
        var meetings = await db.Meetings.Include(m => m.Article).ToListAsync();
        return [.. meetings.Where(m => m.Date is { } d && inRange(d)).Select(Fact)];
    }

    private static string Fact(Meeting meeting) => ArticleLinks.Fact(meeting.Article.Key, meeting.Article.Slug, meeting.Evidence);

    private static string FactHref(IElement row) => row.QuerySelector("a.evidence-link")!.GetAttribute("href")!;

    private async Task<List<IElement>> AllRowsAsync(string url)
    {
        var rows = new List<IElement>();
        for (string? next = url; next is not null;)
        {
            var page = await ArchiveApplication.GetPageAsync(_client, next);
            rows.AddRange(page.QuerySelectorAll("tbody tr"));
            next = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        }

        return rows;
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

/// <summary>
/// A page of the meetings or delegations list reads its page's rows from the database, not the whole table: with
/// hundreds of events stored, the commands of one request read a few dozen rows, and the total is still right.
/// </summary>
public sealed class EventListPagingTests : IAsyncLifetime
{
    private const int Added = 400;

    private readonly RowsRead _rowsRead = new();

    private ArchiveApplication App { get; } = new();

    private WebApplicationFactory<Program> _counted = null!;

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _counted = App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.ConfigureDbContext<ArchiveDbContext>(options => options.AddInterceptors(_rowsRead))));
        _client = _counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await _counted.Services.GetRequiredService<IngestionStatus>().FirstBatch.WaitAsync(TimeSpan.FromSeconds(60));

        await using var db = App.OpenDatabase();
        var article = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        for (var i = 0; i < Added; i++)
        {
            var date = new PartialDate(2001 + (i % 20), 1 + (i % 12));
            db.Meetings.Add(new Meeting { ArticleId = article, Kind = MeetingKind.Bilateral, Date = date, DateSource = DateSource.Sentence, Evidence = $"Meeting {i} of the test." });
            db.Delegations.Add(new Delegation { ArticleId = article, Start = i % 5 == 0 ? null : date, DateSource = i % 5 == 0 ? DateSource.None : DateSource.Sentence, Evidence = $"Trip {i} of the test." });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _counted.DisposeAsync();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task Should_read_only_the_page_s_meetings_from_the_database_and_count_the_rest_there()
    {
        await using var db = App.OpenDatabase();
        var total = await db.Meetings.CountAsync();

        // The names the filter form suggests are read once for the archive, not for each page: the first page reads them.
        await ArchiveApplication.GetPageAsync(_client, "/meetings");
        _rowsRead.Clear();
        var page = await ArchiveApplication.GetPageAsync(_client, "/meetings?page=3");
        var read = _rowsRead.Snapshot();

        Assert.True(total > Added, $"{total} meetings");
        Assert.Equal(50, page.QuerySelectorAll("tbody tr").Length);
        Assert.Equal($"101–150 of {total}", page.QuerySelector(".pager-total")!.TextContent.Trim());
        Assert.Contains(read, c => c.Sql.Contains("LIMIT", StringComparison.OrdinalIgnoreCase) && c.Sql.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
        Assert.True(read.Sum(c => c.Rows) < 200, $"{read.Sum(c => c.Rows)} rows read for a page of 50 of {total}:\n{string.Join("\n", read.Select(c => c.Rows + ": " + c.Sql[..Math.Min(120, c.Sql.Length)]))}");
    }

    [Fact]
    public async Task Should_read_only_the_page_s_trips_from_the_database_in_the_api_and_give_the_total()
    {
        await using var db = App.OpenDatabase();
        var total = await db.Delegations.CountAsync();

        _rowsRead.Clear();
        using var response = await _client.GetAsync(new Uri("/api/delegations?page=3&pageSize=10", UriKind.Relative));
        var read = _rowsRead.Snapshot();

        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(total, answer.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(10, answer.RootElement.GetProperty("items").GetArrayLength());
        Assert.Contains(read, c => c.Sql.Contains("LIMIT", StringComparison.OrdinalIgnoreCase) && c.Sql.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
        Assert.True(read.Sum(c => c.Rows) < 50, $"{read.Sum(c => c.Rows)} rows read for a page of 10 of {total}");
    }

    [Fact]
    public async Task Should_download_every_matching_meeting_not_a_page()
    {
        var (from, to) = (new DateOnly(2001, 1, 1), new DateOnly(2010, 12, 31));
        await using var db = App.OpenDatabase();
        var expected = (await db.Meetings.Select(m => m.Date).ToListAsync()).Count(d => d is { } date && date.LastDay >= from && date.FirstDay <= to);

        var rows = await CsvInjectionTests.RowsAsync(_client, "/meetings?from=2001-01-01&to=2010-12-31&format=csv");

        Assert.True(expected > 50, $"{expected} meetings from 2001 to 2010");
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.InRange(PartialDate.Parse(r["Date"]).Year, 2001, 2010));
    }
}
