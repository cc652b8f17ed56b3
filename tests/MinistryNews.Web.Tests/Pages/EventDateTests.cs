using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// Honest event dates on the data folder: a meeting or a trip the text gives no date for says "date not given" on the
/// pages, in the downloads and in the API, never takes its article's date, comes last whichever way the table is
/// sorted and matches no date filter; a dated one says how precise it is. Meeting rows say who and what the meeting
/// was, and every row links to the sentence that states it.
/// </summary>
public sealed partial class EventDateTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Theory]
    [InlineData("-date")]
    [InlineData("date")]
    public async Task Should_say_date_not_given_for_an_undated_meeting_and_list_it_last_either_way(string sort)
    {
        await using var db = archive.App.OpenDatabase();
        var undated = await db.Meetings.CountAsync(m => m.Date == null);
        var dated = await db.Meetings.CountAsync(m => m.Date != null);

        var cells = (await AllRowsAsync($"/meetings?sort={sort}")).Select(r => r.QuerySelectorAll("td")[0]).ToList();

        Assert.True(undated > 0 && dated > 1, $"{dated} dated and {undated} undated meetings");
        Assert.Equal(dated + undated, cells.Count);
        var dates = cells.Take(dated).Select(c => PartialDate.Parse(c.QuerySelector("time")!.GetAttribute("datetime")!).FirstDay).ToList();
        Assert.Equal(sort == "date" ? dates.Order() : dates.OrderDescending(), dates);
        Assert.All(cells.Skip(dated), c =>
        {
            Assert.Equal(Display.DateNotGiven, c.TextContent.Trim());
            Assert.Null(c.QuerySelector("time"));
        });
    }

    [Theory]
    [InlineData("-date")]
    [InlineData("date")]
    public async Task Should_say_date_not_given_for_an_undated_trip_and_list_it_last_either_way(string sort)
    {
        await using var db = archive.App.OpenDatabase();
        var undated = await db.Delegations.CountAsync(d => d.Start == null);
        var dated = await db.Delegations.CountAsync(d => d.Start != null);

        var cells = (await AllRowsAsync($"/delegations?sort={sort}")).Select(r => r.QuerySelectorAll("td")[0]).ToList();

        Assert.True(undated > 0 && dated > 1, $"{dated} dated and {undated} undated trips");
        Assert.Equal(dated + undated, cells.Count);
        var dates = cells.Take(dated).Select(c => PartialDate.Parse(c.QuerySelector("time")!.GetAttribute("datetime")!).FirstDay).ToList();
        Assert.Equal(sort == "date" ? dates.Order() : dates.OrderDescending(), dates);
        Assert.All(cells.Skip(dated), c => Assert.StartsWith(Display.DateNotGiven, c.TextContent.Trim(), StringComparison.Ordinal));
        Assert.All(cells.Skip(dated), c => Assert.Null(c.QuerySelector(".date-note")));
    }

    [Fact]
    public async Task Should_list_undated_meetings_last_when_sorted_by_another_column()
    {
        var kinds = (await AllRowsAsync("/meetings?sort=kind")).GroupBy(r => r.QuerySelectorAll("td")[1].TextContent.Trim());

        Assert.All(kinds, kind =>
        {
            var undated = kind.Select(r => r.QuerySelector("td .date-not-given") is not null).ToList();
            Assert.Equal(undated.Order(), undated);
        });
        Assert.Contains(kinds, k => k.Any(r => r.QuerySelector("td .date-not-given") is not null) && k.Any(r => r.QuerySelector("td time") is not null));
    }

    [Fact]
    public async Task Should_show_how_precise_a_meeting_s_date_is()
    {
        await using var db = archive.App.OpenDatabase();
        var meetings = await db.Meetings.Where(m => m.Date != null).Select(m => new { m.Date, m.Article.Key, m.Article.Slug, m.Evidence }).ToListAsync();
        var byMonth = meetings.First(m => m.Date!.Value.Precision == DatePrecision.Month);
        var byDay = meetings.First(m => m.Date!.Value.Precision == DatePrecision.Day);

        var rows = await AllRowsAsync("/meetings");

        foreach (var (meeting, precision) in new[] { (byMonth, "month"), (byDay, "day") })
        {
            var row = rows.First(r => FactHref(r) == ArticleLinks.Fact(meeting.Key, meeting.Slug, meeting.Evidence));
            Assert.Equal(meeting.Date.ToString(), row.QuerySelector("td time")!.GetAttribute("datetime"));
            Assert.Equal(Display.Date(meeting.Date), row.QuerySelector("td time")!.TextContent.Trim());
            Assert.StartsWith($"({precision}", row.QuerySelector("td .date-note")!.TextContent.Trim(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_match_no_date_filter_with_an_undated_meeting()
    {
        await using var db = archive.App.OpenDatabase();
        var dates = (await db.Meetings.Select(m => m.Date).ToListAsync()).ToList();
        var year = dates.Where(d => d is not null).GroupBy(d => d!.Value.Year).OrderByDescending(g => g.Count()).First().Key;

        var from = await AllRowsAsync("/meetings?from=1900-01-01");
        var inYear = await AllRowsAsync($"/meetings?year={year}");
        var api = await JsonAsync($"/api/meetings?year={year}&pageSize=100");

        Assert.Equal(dates.Count(d => d is not null), from.Count);
        Assert.Equal(dates.Count(d => d?.Year == year), inYear.Count);
        Assert.True(inYear.Count < dates.Count(d => d is not null), $"{inYear.Count} meetings in {year}");
        Assert.All(inYear, r => Assert.StartsWith(year.ToString(CultureInfo.InvariantCulture), r.QuerySelector("td time")!.GetAttribute("datetime"), StringComparison.Ordinal));
        Assert.Equal(inYear.Count, api.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Should_name_the_organisation_met_and_the_event_on_each_meeting_row()
    {
        await using var db = archive.App.OpenDatabase();
        var meetings = await db.Meetings
            .Select(m => new { m.Kind, m.Name, m.CounterpartOrganisation, Countries = m.CounterpartCountries.Count, m.Article.Key, m.Article.Slug, m.Evidence })
            .ToListAsync();

        var rows = await AllRowsAsync("/meetings");

        // Among them the G20 Digital Ministers Meeting (000), multilateral, with no counterpart country.
        Assert.Contains(meetings, m => m.Kind == MeetingKind.Multilateral && m.Countries == 0 && m.Name is not null);
        Assert.Contains(meetings, m => m.CounterpartOrganisation is not null);
        Assert.All(meetings, m =>
        {
            var candidates = rows.Where(r => FactHref(r) == ArticleLinks.Fact(m.Key, m.Slug, m.Evidence)).Select(r => Words(r.QuerySelectorAll("td")[2].TextContent)).ToList();
            Assert.Contains(candidates, with =>
                (m.Name is null || with.Contains(Words(m.Name), StringComparison.Ordinal))
                && (m.CounterpartOrganisation is null || with.Contains(Words(m.CounterpartOrganisation), StringComparison.Ordinal))
                && (m.Countries > 0 || m.Name is null || with != "—"));
        });

        // The link to the sentence of a meeting known only by its event's name says that name.
        Assert.All(meetings.Where(m => m.Countries == 0 && m.CounterpartOrganisation is null && m.Name is not null), m =>
            Assert.Contains(rows, r => FactHref(r) == ArticleLinks.Fact(m.Key, m.Slug, m.Evidence) && Words(r.QuerySelector("a.evidence-link")!.TextContent).Contains(Words(m.Name!), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_name_the_organisation_met_the_event_and_the_place_of_each_meeting_on_a_person_s_page()
    {
        await using var db = archive.App.OpenDatabase();
        var meetings = await db.Meetings
            .Where(m => m.Participants.Any(p => p.Slug == "nguyen-manh-hung"))
            .Select(m => new { m.Name, m.CounterpartOrganisation, m.Location, Countries = m.CounterpartCountries.Count, m.Article.Key, m.Article.Slug, m.Evidence })
            .ToListAsync();

        var page = await archive.PageAsync("/people/nguyen-manh-hung");
        var table = page.GetElementById("meetings")!.ParentElement!.QuerySelector("table")!;
        var columns = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        var rows = table.QuerySelectorAll("tbody tr").ToList();

        // Among them the ADGMIN conference (004), with no counterpart country, and a meeting with a ministry of Laos.
        Assert.Contains(meetings, m => m.Countries == 0 && m.Name is not null);
        Assert.Contains(meetings, m => m.CounterpartOrganisation is not null);
        Assert.Contains(meetings, m => m.Location is not null);
        Assert.Equal(meetings.Count, rows.Count);
        var with = columns.IndexOf("With");
        var where = columns.IndexOf("Where");
        Assert.All(meetings, m =>
        {
            var candidates = rows.Where(r => FactHref(r) == ArticleLinks.Fact(m.Key, m.Slug, m.Evidence)).Select(r => r.QuerySelectorAll("td")).ToList();
            Assert.Contains(candidates, cells =>
                (m.Name is null || Words(cells[with].TextContent).Contains(Words(m.Name), StringComparison.Ordinal))
                && (m.CounterpartOrganisation is null || Words(cells[with].TextContent).Contains(Words(m.CounterpartOrganisation), StringComparison.Ordinal))
                && Words(cells[with].TextContent).Length > 0
                && Words(cells[where].TextContent) == (m.Location is null ? string.Empty : Words(m.Location)));
        });
    }

    [Fact]
    public async Task Should_link_every_meeting_and_trip_row_to_the_sentence_that_states_it()
    {
        await using var db = archive.App.OpenDatabase();
        var meetings = await db.Meetings.Select(m => new { m.Article.Key, m.Article.Slug, m.Evidence }).ToListAsync();
        var trips = await db.Delegations.Select(d => new { d.Article.Key, d.Article.Slug, d.Evidence }).ToListAsync();

        var meetingRows = await AllRowsAsync("/meetings");
        var tripRows = await AllRowsAsync("/delegations");

        Assert.Equal(meetings.Select(m => ArticleLinks.Fact(m.Key, m.Slug, m.Evidence)).Order(StringComparer.Ordinal), meetingRows.Select(FactHref).Order(StringComparer.Ordinal));
        Assert.Equal(trips.Select(d => ArticleLinks.Fact(d.Key, d.Slug, d.Evidence)).Order(StringComparer.Ordinal), tripRows.Select(FactHref).Order(StringComparer.Ordinal));
        Assert.All(meetingRows.Concat(tripRows), row =>
        {
            var article = row.QuerySelector("td:last-child a")!.GetAttribute("href")!;
            Assert.Matches(@"^/articles/[^/#]+/[^/#]+$", article);
            Assert.Matches("^" + Regex.Escape(article) + "#fact-[0-9a-f]{8}$", FactHref(row));
        });
        Assert.All(meetingRows, r => Assert.StartsWith("Read the sentence that states the ", Words(r.QuerySelector("a.evidence-link")!.TextContent), StringComparison.Ordinal));
        Assert.Contains(meetingRows, r => r.QuerySelector("a.evidence-link")!.TextContent.Contains("that states the meeting of ", StringComparison.Ordinal));
        Assert.All(tripRows, r => Assert.Contains("that states the visit", r.QuerySelector("a.evidence-link")!.TextContent, StringComparison.Ordinal));
        Assert.All(meetingRows.Where(r => r.QuerySelector("td .date-not-given") is not null), r => Assert.Contains("(date not given)", r.QuerySelector("a.evidence-link")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_lead_each_row_s_link_to_its_sentence_on_the_article_s_page()
    {
        var rows = (await AllRowsAsync("/meetings")).Concat(await AllRowsAsync("/delegations")).Concat((await archive.PageAsync("/countries/south-korea")).QuerySelectorAll(".timeline-table tbody tr"));

        var links = rows.Select(FactHref).Distinct(StringComparer.Ordinal).ToList();
        foreach (var article in links.GroupBy(l => l[..l.IndexOf('#', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            var page = await archive.PageAsync(article.Key);
            Assert.All(article, link => Assert.NotNull(page.GetElementById(link[(link.IndexOf('#', StringComparison.Ordinal) + 1)..])));
        }

        Assert.True(links.Count > 50, $"{links.Count} links");
    }

    [Fact]
    public async Task Should_lead_each_person_s_latest_title_on_the_people_list_to_the_sentence_that_gives_it()
    {
        var rows = (await archive.PageAsync("/people")).QuerySelectorAll("table tbody tr").ToList();

        var titled = rows.Where(r => r.QuerySelector("td.office a.evidence-link") is not null).ToList();
        Assert.True(titled.Count > 10, $"{titled.Count} of {rows.Count} rows");
        Assert.All(rows.Where(r => !titled.Contains(r)), r => Assert.Equal(string.Empty, r.QuerySelector("td.office")!.TextContent.Trim()));
        foreach (var row in titled)
        {
            var link = row.QuerySelector("td.office a.evidence-link")!;
            var href = link.GetAttribute("href")!;
            var sentence = (await archive.PageAsync(href[..href.IndexOf('#', StringComparison.Ordinal)])).GetElementById(href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..]);
            Assert.True(sentence is not null, href);
            var name = row.QuerySelector("th a")!.TextContent.Trim();
            Assert.StartsWith($"Read the sentence that states {name}'s latest title, ", link.TextContent.Trim(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_give_a_country_s_timeline_honest_dates_the_undated_last_and_a_link_to_each_sentence()
    {
        await using var db = archive.App.OpenDatabase();
        var meetings = await db.Meetings.Where(m => m.CounterpartCountries.Any(c => c.Slug == "south-korea")).Select(m => new { m.Date, m.Article.Key, m.Article.Slug, m.Evidence }).ToListAsync();
        var trips = await db.Delegations.Where(d => d.FromCountry!.Slug == "south-korea" || d.Destinations.Any(c => c.Slug == "south-korea")).Select(d => new { Date = d.Start, d.Article.Key, d.Article.Slug, d.Evidence }).ToListAsync();
        var agreements = await db.Agreements.Where(a => a.CounterpartCountries.Any(c => c.Slug == "south-korea")).Select(a => new { Date = a.SignedOn, a.Article.Key, a.Article.Slug, a.Evidence }).ToListAsync();
        var events = meetings.Concat(trips).Concat(agreements).ToList();

        var page = await archive.PageAsync("/countries/south-korea");
        var rows = page.QuerySelectorAll(".timeline-table tbody tr").ToList();

        Assert.Contains(events, e => e.Date is null);
        Assert.Contains(events, e => e.Date is not null);
        Assert.Equal(events.Select(e => ArticleLinks.Fact(e.Key, e.Slug, e.Evidence)).Order(StringComparer.Ordinal), rows.Select(FactHref).Order(StringComparer.Ordinal));
        var undated = rows.Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim() == Display.DateNotGiven).ToList();
        Assert.Equal(events.Count(e => e.Date is null), undated.Count(u => u));
        Assert.Equal(undated.Order(), undated);
        var dates = rows.Where(r => r.QuerySelector("td time") is not null).Select(r => PartialDate.Parse(r.QuerySelector("td time")!.GetAttribute("datetime")!).FirstDay).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(rows, r => Assert.Equal(r.QuerySelector("td:last-child a")!.GetAttribute("href") + "#", FactHref(r)[..(FactHref(r).IndexOf('#', StringComparison.Ordinal) + 1)]));
        var signed = rows.Select(r => Words(r.QuerySelectorAll("td")[1].TextContent)).Where(w => w.StartsWith("agreement", StringComparison.Ordinal)).ToList();
        Assert.Equal(agreements.Count, signed.Count);
        Assert.All(signed, w => Assert.Matches(", status today: (in force|expired|unknown)$", w));
    }

    [Theory]
    [InlineData("-date")]
    [InlineData("date")]
    public async Task Should_download_undated_meetings_last_as_date_not_given_with_each_date_s_precision_and_source(string sort)
    {
        await using var db = archive.App.OpenDatabase();
        var undated = await db.Meetings.CountAsync(m => m.Date == null);
        var named = await db.Meetings.Where(m => m.Name != null).Select(m => m.Name!).ToListAsync();
        var organisations = await db.Meetings.Where(m => m.CounterpartOrganisation != null).Select(m => m.CounterpartOrganisation!).ToListAsync();

        var rows = await CsvInjectionTests.RowsAsync(archive.Client, $"/meetings?sort={sort}&format=csv");
        var json = await JsonRowsAsync($"/meetings?sort={sort}&format=json");

        Assert.Equal(await db.Meetings.CountAsync(), rows.Count);
        Assert.All(rows.TakeLast(undated), r =>
        {
            Assert.Equal(Display.DateNotGiven, r["Date"]);
            Assert.Equal(string.Empty, r["DatePrecision"]);
            Assert.Equal("not given", r["DateSource"]);
        });
        var dated = rows.SkipLast(undated).ToList();
        Assert.All(dated, r => Assert.Equal(Display.Precision(PartialDate.Parse(r["Date"])), r["DatePrecision"]));
        var days = dated.Select(r => PartialDate.Parse(r["Date"]).FirstDay).ToList();
        Assert.Equal(sort == "date" ? days.Order() : days.OrderDescending(), days);
        Assert.Equal(named.Order(StringComparer.Ordinal), rows.Select(r => r["Name"]).Where(n => n.Length > 0).Order(StringComparer.Ordinal));
        Assert.Equal(organisations.Order(StringComparer.Ordinal), rows.Select(r => r["CounterpartOrganisation"]).Where(n => n.Length > 0).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("http://localhost" + ArticleLinks.Fact(r["ArticleKey"], r["ArticleUrl"].Split('/')[^1], r["Evidence"]), r["EvidenceUrl"]));
        Assert.Equal(rows.Select(r => r["Date"]), json.Select(j => j.GetProperty("date").GetString()));
        Assert.Equal(rows.Select(r => r["DateSource"]), json.Select(j => j.GetProperty("dateSource").GetString() ?? string.Empty));
    }

    [Fact]
    public async Task Should_download_undated_trips_as_date_not_given()
    {
        await using var db = archive.App.OpenDatabase();
        var undated = await db.Delegations.CountAsync(d => d.Start == null);

        var rows = await CsvInjectionTests.RowsAsync(archive.Client, "/delegations?format=csv");

        Assert.True(undated > 0);
        Assert.Equal(Enumerable.Repeat(Display.DateNotGiven, undated), rows.TakeLast(undated).Select(r => r["Start"]));
        Assert.DoesNotContain(Display.DateNotGiven, rows.SkipLast(undated).Select(r => r["Start"]));
        Assert.All(rows.TakeLast(undated), r => Assert.Equal("not given", r["DateSource"]));
    }

    [Fact]
    public async Task Should_give_each_meeting_of_the_api_its_date_precision_source_and_sentence()
    {
        await using var db = archive.App.OpenDatabase();
        var meetings = await db.Meetings
            .Select(m => new { m.Date, m.Name, m.CounterpartOrganisation, m.Location, m.ArticleId, m.Article.Key, m.Article.Slug, m.Evidence })
            .ToListAsync();

        var answer = await JsonAsync("/api/meetings?pageSize=100");
        var items = answer.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(meetings.Count, answer.GetProperty("total").GetInt32());
        Assert.Equal(meetings.Count, items.Count);
        var undated = meetings.Count(m => m.Date is null);
        Assert.All(items.TakeLast(undated), i =>
        {
            Assert.Equal(JsonValueKind.Null, i.GetProperty("date").ValueKind);
            Assert.Equal(JsonValueKind.Null, i.GetProperty("datePrecision").ValueKind);
            Assert.Equal("not given", i.GetProperty("dateSource").GetString());
            Assert.Equal(Display.DateNotGiven, i.GetProperty("dateText").GetString());
        });
        var dated = items.SkipLast(undated).ToList();
        Assert.All(dated, i =>
        {
            var date = PartialDate.Parse(i.GetProperty("date").GetString()!);
            Assert.Equal(Display.Precision(date), i.GetProperty("datePrecision").GetString());
            Assert.Equal(Display.Date(date), i.GetProperty("dateText").GetString());
        });
        var days = dated.Select(i => PartialDate.Parse(i.GetProperty("date").GetString()!).FirstDay).ToList();
        Assert.Equal(days.OrderDescending(), days);
        Assert.Contains(dated, i => i.GetProperty("datePrecision").GetString() == "month");

        string Facts(string? date, string? name, string? organisation, string? location, int id, string url, string evidenceUrl) => string.Join(" | ", date, name, organisation, location, id, url, evidenceUrl);
        Assert.Equal(
            meetings.Select(m => Facts(m.Date?.ToString(), m.Name, m.CounterpartOrganisation, m.Location, m.ArticleId, ArticleLinks.Article(m.Key, m.Slug), ArticleLinks.Fact(m.Key, m.Slug, m.Evidence))).Order(StringComparer.Ordinal),
            items.Select(i => Facts(i.GetProperty("date").GetString(), i.GetProperty("name").GetString(), i.GetProperty("counterpartOrganisation").GetString(), i.GetProperty("location").GetString(), i.GetProperty("articleId").GetInt32(), i.GetProperty("articleUrl").GetString()!, i.GetProperty("evidenceUrl").GetString()!)).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal(ArticleLinks.Fact(i.GetProperty("articleKey").GetString()!, i.GetProperty("articleUrl").GetString()!.Split('/')[^1], i.GetProperty("evidence").GetString()!), i.GetProperty("evidenceUrl").GetString()));
    }

    [Fact]
    public async Task Should_give_each_trip_of_the_api_its_date_or_date_not_given_the_undated_last()
    {
        await using var db = archive.App.OpenDatabase();
        var undated = await db.Delegations.CountAsync(d => d.Start == null);

        var items = (await JsonAsync("/api/delegations?pageSize=100")).GetProperty("items").EnumerateArray().ToList();

        Assert.True(undated > 0);
        Assert.All(items.TakeLast(undated), i =>
        {
            Assert.Equal(JsonValueKind.Null, i.GetProperty("date").ValueKind);
            Assert.Equal("not given", i.GetProperty("dateSource").GetString());
            Assert.Equal(Display.DateNotGiven, i.GetProperty("dateText").GetString());
        });
        Assert.All(items.SkipLast(undated), i =>
        {
            Assert.Equal(i.GetProperty("start").GetString(), i.GetProperty("date").GetString());
            Assert.Equal(Display.Precision(PartialDate.Parse(i.GetProperty("date").GetString()!)), i.GetProperty("datePrecision").GetString());
        });
        Assert.All(items, i => Assert.StartsWith(i.GetProperty("articleUrl").GetString() + "#fact-", i.GetProperty("evidenceUrl").GetString(), StringComparison.Ordinal));
    }

    private static string FactHref(IElement row) => row.QuerySelector("a.evidence-link")!.GetAttribute("href")!;

    private static string Words(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The rows of every page of a table, following its pager.</summary>
    private async Task<List<IElement>> AllRowsAsync(string url)
    {
        var rows = new List<IElement>();
        for (string? next = url; next is not null;)
        {
            var page = await archive.PageAsync(next);
            rows.AddRange(page.QuerySelectorAll("tbody tr"));
            next = page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        }

        return rows;
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private async Task<List<JsonElement>> JsonRowsAsync(string url) => [.. (await JsonAsync(url)).EnumerateArray()];
}

/// <summary>
/// Where a date came from, as the extraction records it (stored here by hand, so that the test does not wait on the
/// extraction): the table says a relative date was resolved, the API and the downloads name the source.
/// </summary>
public sealed class EventDateSourceTests : IAsyncLifetime
{
    private ArchiveApplication App { get; } = new();

    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await App.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task Should_say_where_a_meeting_s_date_came_from()
    {
        string relativeFact, contextFact;
        await using (var db = App.OpenDatabase())
        {
            // Two dated meetings, each the only one read from its sentence, so that each row is found by its link.
            var dated = await db.Meetings.Include(m => m.Article).Where(m => m.Date != null).OrderBy(m => m.Id).ToListAsync();
            var sentences = (await db.Meetings.Select(m => m.Evidence).ToListAsync()).CountBy(e => e).ToDictionary(StringComparer.Ordinal);
            var alone = dated.Where(m => sentences[m.Evidence] == 1).ToList();
            var (relative, context) = (alone[0], alone[1]);
            relative.DateSource = DateSource.Relative;
            context.DateSource = DateSource.Context;
            foreach (var other in dated.Where(m => m != relative && m != context))
            {
                other.DateSource = DateSource.Sentence;
            }

            await db.SaveChangesAsync();
            relativeFact = ArticleLinks.Fact(relative.Article.Key, relative.Article.Slug, relative.Evidence);
            contextFact = ArticleLinks.Fact(context.Article.Key, context.Article.Slug, context.Evidence);
        }

        // The dated meetings come first: all of them on the first page.
        var page = await ArchiveApplication.GetPageAsync(_client, "/meetings");
        var api = await _client.GetStringAsync(new Uri("/api/meetings?pageSize=100", UriKind.Relative));
        var csv = await CsvInjectionTests.RowsAsync(_client, "/meetings?format=csv");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        string Note(string fact) => rows.First(r => r.QuerySelector("a.evidence-link")!.GetAttribute("href") == fact).QuerySelector("td .date-note")!.TextContent;
        Assert.Contains(", relative)", Note(relativeFact), StringComparison.Ordinal);
        Assert.Contains(", from context)", Note(contextFact), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(api);
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();
        string? Source(string fact) => items.Single(i => i.GetProperty("evidenceUrl").GetString() == fact).GetProperty("dateSource").GetString();
        Assert.Equal("relative", Source(relativeFact));
        Assert.Equal("context", Source(contextFact));
        Assert.Equal(["context", "not given", "relative", "sentence"], csv.Select(r => r["DateSource"]).Distinct().Order(StringComparer.Ordinal));
    }
}
