using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Core.Delegations;
using MinistryNews.Web.Overviews;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Meetings;
using MinistryNews.Core.Ingestion;
using MinistryNews.Web.Ingestion;
using CountryPage = MinistryNews.Web.Pages.Countries.DetailModel;
using PersonPage = MinistryNews.Web.Pages.People.DetailModel;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// The page of a person and of a country with more meetings and trips than they show: each section shows the latest
/// rows, its number is that of the list it links to ("All N meetings" → /meetings?person=…), and the database is asked
/// for the shown rows alone, never the whole of a section.
/// </summary>
public sealed class DetailPagesTests : IAsyncLifetime
{
    private const int Added = 150;

    private const string Person = "nguyen-manh-hung";

    private const string Counterpart = "japan";

    private readonly RowsRead _rowsRead = new();

    private ArchiveApplication App { get; } = new();

    private WebApplicationFactory<Program> _counted = null!;

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _counted = App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.ConfigureDbContext<ArchiveDbContext>(options => options.AddInterceptors(_rowsRead))));
        _client = _counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await _counted.Services.GetRequiredService<IngestionStatus>().FirstBatch.WaitAsync(TimeSpan.FromSeconds(60));

        // Meetings with Japan the minister took part in, and trips he led to Japan, some dated to the day at both ends.
        await using var db = App.OpenDatabase();
        var article = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var person = await db.People.SingleAsync(p => p.Slug == Person);
        var japan = await db.Countries.SingleAsync(c => c.Slug == Counterpart);
        var vietnam = await db.Countries.SingleAsync(c => c.Slug == "vietnam");
        for (var i = 0; i < Added; i++)
        {
            var start = new DateOnly(2001 + (i % 20), 1 + (i % 12), 1 + (i % 25));
            db.Meetings.Add(new Meeting { ArticleId = article, Kind = MeetingKind.Bilateral, Date = new PartialDate(start.Year, start.Month), DateSource = DateSource.Sentence, Participants = [person], CounterpartCountries = [japan], Evidence = $"Meeting {i} of the test." });
            db.Delegations.Add(i % 3 == 0
                ? new Delegation { ArticleId = article, Leader = person, FromCountry = vietnam, Destinations = [japan], Start = PartialDate.FromDate(start), End = PartialDate.FromDate(start.AddDays(i % 4)), DateSource = DateSource.Sentence, Evidence = $"Trip {i} of the test." }
                : new Delegation { ArticleId = article, Leader = person, FromCountry = vietnam, Destinations = [japan], Start = i % 5 == 0 ? null : new PartialDate(start.Year, start.Month), DateSource = i % 5 == 0 ? DateSource.None : DateSource.Sentence, Evidence = $"Trip {i} of the test." });
        }

        await db.SaveChangesAsync();

        // Facts written here and not by an ingestion: the registers count them as they would after a batch.
        await ArchiveRegisters.RefreshAsync(db);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _counted.DisposeAsync();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task Should_show_a_person_s_first_rows_of_each_section_and_link_to_the_whole_list_whose_total_it_gives()
    {
        var page = await ArchiveApplication.GetPageAsync(_client, $"/people/{Person}");

        foreach (var (section, list, shown) in new[] { ("meetings", $"/meetings?person={Person}", PersonPage.Shown), ("trips", $"/delegations?person={Person}", Travels.Shown) })
        {
            var heading = page.GetElementById(section)!;
            var rows = heading.ParentElement!.QuerySelectorAll(".table-wrap:not(.map-figures):not(.activity-wrap) tbody tr");
            var more = heading.ParentElement!.QuerySelector(".more a")!;
            var total = await TotalAsync(list);

            Assert.True(total > shown, $"{total} {section}");
            Assert.Equal(shown, rows.Length);
            Assert.Equal(list, more.GetAttribute("href"));
            Assert.Equal($"All {total} {section}", more.TextContent.Trim());
            Assert.Equal(total.ToString(CultureInfo.InvariantCulture), Stat(page, section));
        }
    }

    [Fact]
    public async Task Should_give_a_person_s_counters_as_the_filtered_lists_and_the_trips_themselves_count_them()
    {
        await using var db = App.OpenDatabase();
        var trips = await db.Delegations
            .Where(d => d.Leader!.Slug == Person || d.Members.Any(m => m.Slug == Person))
            .Select(d => new { From = d.FromCountry == null ? null : d.FromCountry.Slug, d.Start, d.End, Destinations = d.Destinations.Select(c => c.Slug).ToList() })
            .ToListAsync();
        var abroad = trips.Where(t => t.From == "vietnam" && t.Start is { Precision: DatePrecision.Day } && t.End is { Precision: DatePrecision.Day }).ToList();
        var visited = trips.Where(t => t.From is null or "vietnam").SelectMany(t => t.Destinations).Where(c => c != "vietnam").Distinct().Count();

        var page = await ArchiveApplication.GetPageAsync(_client, $"/people/{Person}");

        Assert.NotEmpty(abroad);
        Assert.Equal((await TotalAsync($"/meetings?person={Person}")).ToString(CultureInfo.InvariantCulture), Stat(page, "meetings"));
        Assert.Equal((await TotalAsync($"/delegations?person={Person}")).ToString(CultureInfo.InvariantCulture), Stat(page, "trips"));
        Assert.Equal(abroad.Sum(t => t.End!.Value.FirstDay.DayNumber - t.Start!.Value.FirstDay.DayNumber + 1).ToString(CultureInfo.InvariantCulture), Stat(page, "days abroad"));
        Assert.Equal(visited.ToString(CultureInfo.InvariantCulture), Stat(page, "countries visited"));
    }

    [Fact]
    public async Task Should_read_no_more_than_a_section_s_shown_rows_from_the_database_for_a_person_page()
    {
        _rowsRead.Clear();
        await ArchiveApplication.GetPageAsync(_client, $"/people/{Person}");
        var read = _rowsRead.Snapshot();

        // A section's rows and each of their lists (countries, participants) are a command each, of at most its shown rows
        // (a reader's count takes in the last read, which finds the end). The overviews' counts are grouped in SQL: a row
        // a year or a country, never a row an event.
        Assert.All(read, c => Assert.True(
            c.Rows <= PersonPage.Shown + 1 || (c.Sql.Contains("GROUP BY", StringComparison.Ordinal) && c.Rows <= 250),
            $"{c.Rows} rows read by: {c.Sql}"));
        Assert.True(read.Sum(c => c.Rows) < 2 * Added, $"{read.Sum(c => c.Rows)} rows read for {Added} meetings and {Added} trips:\n{string.Join("\n", read.Select(c => c.Rows + ": " + c.Sql[..Math.Min(120, c.Sql.Length)]))}");
    }

    [Fact]
    public async Task Should_show_the_latest_of_a_country_s_timeline_and_count_the_rest_as_the_lists_do()
    {
        _rowsRead.Clear();
        var page = await ArchiveApplication.GetPageAsync(_client, $"/countries/{Counterpart}");
        var read = _rowsRead.Snapshot();

        Assert.Equal(CountryPage.TimelineShown, page.QuerySelectorAll(".timeline-table tbody tr").Length);
        Assert.Equal((await TotalAsync($"/meetings?country={Counterpart}")).ToString(CultureInfo.InvariantCulture), Stat(page, "meetings"));
        Assert.Equal((await TotalAsync($"/delegations?country={Counterpart}&direction=made")).ToString(CultureInfo.InvariantCulture), Stat(page, "visits made by Vietnam"));
        Assert.Equal((await TotalAsync($"/delegations?country={Counterpart}&direction=hosted")).ToString(CultureInfo.InvariantCulture), Stat(page, "visits hosted by Vietnam"));
        Assert.All(read, c => Assert.True(c.Rows <= CountryPage.TimelineShown + 1, $"{c.Rows} rows read by: {c.Sql}"));
    }

    [Fact]
    public async Task Should_give_vietnam_s_visits_each_way_as_the_delegations_list_does_and_no_empty_counters()
    {
        var page = await ArchiveApplication.GetPageAsync(_client, "/countries/vietnam");
        var stats = page.QuerySelectorAll(".stats li").ToList();

        var made = await TotalAsync("/delegations?direction=made");
        var hosted = await TotalAsync("/delegations?direction=hosted");
        Assert.True(made > Added, $"{made} visits made");
        Assert.Equal(made.ToString(CultureInfo.InvariantCulture), Stat(page, "visits made abroad"));
        Assert.Equal("/delegations?direction=made", stats.Single(li => Label(li) == "visits made abroad").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(hosted.ToString(CultureInfo.InvariantCulture), Stat(page, "visits hosted"));
        Assert.Equal("/delegations?direction=hosted", stats.Single(li => Label(li) == "visits hosted").QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"All {made} visits made", page.GetElementById("visits-made")!.ParentElement!.QuerySelector(".more a")!.TextContent.Trim());
        Assert.DoesNotContain(stats, li => li.QuerySelector(".number")!.TextContent == "0");
        Assert.Equal((await TotalAsync("/people?country=vietnam")).ToString(CultureInfo.InvariantCulture), Stat(page, "officials of Vietnam"));
        Assert.Contains(page.QuerySelectorAll("#people ~ ul a"), a => a.GetAttribute("href") == $"/people/{Person}");
        Assert.Null(page.QuerySelector(".timeline-table"));
    }

    /// <summary>The total a list gives under its table ("1–50 of 161").</summary>
    private async Task<int> TotalAsync(string url)
    {
        var list = await ArchiveApplication.GetPageAsync(_client, url);
        var text = list.QuerySelector(".pager-total")!.TextContent;
        return int.Parse(text[(text.LastIndexOf(" of ", StringComparison.Ordinal) + 4)..].Trim(), CultureInfo.InvariantCulture);
    }

    private static string Label(IElement item) => item.TextContent.Replace(item.QuerySelector(".number")!.TextContent, string.Empty, StringComparison.Ordinal).Trim();

    private static string? Stat(IHtmlDocument page, string label) =>
        page.QuerySelectorAll(".stats li").FirstOrDefault(li => Label(li).StartsWith(label, StringComparison.Ordinal))?.QuerySelector(".number")?.TextContent;
}
