using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Meetings;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// The Atom feeds of the meetings, delegations and agreements lists: each takes its list's filters, holds what the list
/// and the API show for them, newest first, and is linked from the list's page with the same filters.
/// </summary>
public sealed class EventFeedTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>
    /// Each list with filters that hold events, as a user types them; the feed's address its page links (the filters as
    /// the list understood them); its title; and the field of the API's items that is the entry's link.
    /// </summary>
    public static TheoryData<string, string, string, string, string> Filtered => new()
    {
        { "meetings", "kind=bilateral&country=Laos", "?country=laos&kind=bilateral", "MinistryNews: bilateral meetings with Laos", "evidenceUrl" },
        { "delegations", "direction=made&country=South%20Korea", "?country=south-korea&direction=made", "MinistryNews: visits made by Vietnam from or to South Korea", "evidenceUrl" },
        { "agreements", "status=expired&country=Japan", "?country=japan&status=expired", "MinistryNews: expired agreements with Japan", "url" },
    };

    /// <summary>Each list, the field of its API items that is the entry's link, and the field of their date.</summary>
    public static TheoryData<string, string, string> Lists => new()
    {
        { "meetings", "evidenceUrl", "date" },
        { "delegations", "evidenceUrl", "date" },
        { "agreements", "url", "signedOn" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Should_give_an_atom_feed_with_its_author_and_the_time_of_each_entry(string list, string linkField, string dateField)
    {
        _ = dateField;
        using var response = await archive.Client.GetAsync(new Uri($"/feeds/{list}.atom", UriKind.Relative));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var api = await ItemsAsync($"/api/{list}?pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = xml.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")?.Value, CultureInfo.InvariantCulture, out _));
        Assert.Equal($"MinistryNews: {list}", feed.Element(Atom + "title")!.Value);

        // The latest 50 of the list, as the API lists them; each an absolute id, a title, a summary, and the time the
        // article that tells it last changed (for an agreement's record, the latest of its articles).
        var entries = feed.Elements(Atom + "entry").ToList();
        await using var db = archive.App.OpenDatabase();
        var stored = await db.Articles.ToDictionaryAsync(a => a.Key, a => a.ChangedAtUtc, StringComparer.Ordinal);
        var recordStored = (await db.Agreements.Where(m => m.RecordId != null).Select(m => new { Id = m.RecordId!.Value, m.Article.ChangedAtUtc }).ToListAsync())
            .GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.Max(m => m.ChangedAtUtc));
        Assert.Equal(api.Take(50).Select(i => "http://localhost" + i.GetProperty(linkField).GetString()), entries.Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value));
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.True(Uri.TryCreate(e.Element(Atom + "id")!.Value, UriKind.Absolute, out _));
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "title")?.Value));
            Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")?.Value, CultureInfo.InvariantCulture, out var updated));
            var segments = new Uri(e.Element(Atom + "link")!.Attribute("href")!.Value).AbsolutePath.Split('/');
            var when = list == "agreements" ? recordStored[int.Parse(segments[2], CultureInfo.InvariantCulture)] : stored[Uri.UnescapeDataString(segments[2])];
            Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)), updated, TimeSpan.FromSeconds(1));
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "summary")?.Value));
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Should_list_the_latest_events_first_as_the_list_does_the_undated_last(string list, string linkField, string dateField)
    {
        var feed = await FeedAsync($"/feeds/{list}.atom");
        var api = await ItemsAsync($"/api/{list}?pageSize=50");

        Assert.Equal(api.Select(i => "http://localhost" + i.GetProperty(linkField).GetString()), feed.Items.Select(i => i.Links[0].Uri.ToString()));
        var dates = api.Select(i => i.GetProperty(dateField).GetString()).ToList();
        var dated = dates.TakeWhile(d => d is not null).ToList();
        Assert.NotEmpty(dated);
        Assert.Equal(dated.OrderDescending(StringComparer.Ordinal), dated);
        Assert.All(dates.Skip(dated.Count), d => Assert.Null(d));
    }

    [Theory]
    [MemberData(nameof(Filtered))]
    public async Task Should_link_the_feed_of_the_list_with_its_filters_and_hold_only_what_the_list_shows(string list, string filters, string query, string title, string linkField)
    {
        var page = await archive.PageAsync($"/{list}?{filters}");
        var link = page.QuerySelector(".follow a[type='application/atom+xml']");
        var head = page.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();

        Assert.NotNull(link);
        Assert.Equal("Follow as Atom", link.TextContent.Trim());
        Assert.Equal($"/feeds/{list}.atom{query}", link.GetAttribute("href"));
        Assert.Contains(link.GetAttribute("href"), head);

        var feed = await FeedAsync(link.GetAttribute("href")!);
        var all = await FeedAsync($"/feeds/{list}.atom");
        var api = await ItemsAsync($"/api/{list}?{filters}&pageSize=50");
        var rows = page.QuerySelectorAll("tbody tr").Length;

        // What the page and the API show for the same filters, in their order, and fewer than the whole list.
        Assert.NotEmpty(api);
        Assert.Equal(rows, feed.Items.Count());
        Assert.Equal(api.Select(i => "http://localhost" + i.GetProperty(linkField).GetString()), feed.Items.Select(i => i.Links[0].Uri.ToString()));
        Assert.True(feed.Items.Count() < all.Items.Count());
        Assert.Equal(title, feed.Title.Text);
        Assert.Equal($"http://localhost/feeds/{list}.atom{query}", Assert.Single(feed.Links, l => l.RelationshipType == "self").Uri.ToString());
        Assert.Equal($"http://localhost/{list}{query}", Assert.Single(feed.Links, l => l.RelationshipType == "alternate").Uri.ToString());
    }

    [Fact]
    public async Task Should_name_every_filter_in_the_title_and_give_them_in_one_order_in_the_self_link()
    {
        // The person typed with accents and the country by its name; the title names them as the archive does, the self link by slug.
        var feed = await FeedAsync("/feeds/meetings.atom?to=2019-12-31&person=Nguyễn Mạnh Hùng&month=11&year=2019&from=2019&country=Japan&kind=bilateral&sort=kind&page=3");

        Assert.Equal("MinistryNews: bilateral meetings with Japan, attended by Nguyen Manh Hung, of November 2019, from 2019-01-01, to 2019-12-31", feed.Title.Text);
        Assert.Equal(
            "http://localhost/feeds/meetings.atom?country=japan&from=2019-01-01&kind=bilateral&month=11&person=nguyen-manh-hung&to=2019-12-31&year=2019",
            Assert.Single(feed.Links, l => l.RelationshipType == "self").Uri.ToString());
    }

    [Theory]
    [InlineData("/feeds/meetings.atom?kind=weekly", "“weekly” is not a kind of meeting")]
    [InlineData("/feeds/delegations.atom?direction=sideways", "“sideways” is not a direction")]
    [InlineData("/feeds/agreements.atom?status=maybe", "“maybe” is not a status")]
    [InlineData("/feeds/meetings.atom?country=atlantis", "No country “atlantis”")]
    [InlineData("/feeds/agreements.atom?from=31/12/2019", "“31/12/2019” is not a date")]
    public async Task Should_refuse_a_feed_whose_filter_the_list_cannot_use(string url, string message)
    {
        var problem = await archive.ProblemAsync(url);

        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetString()!.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Should_keep_each_entrys_id_from_one_request_to_the_next_whatever_order_the_filters_come_in(string list, string linkField, string dateField)
    {
        _ = (linkField, dateField);

        // Different query strings, so that each feed is computed, not served again from the output cache.
        var first = await FeedAsync($"/feeds/{list}.atom");
        var again = await FeedAsync($"/feeds/{list}.atom?sort=-date");
        var filtered = await FeedAsync($"/feeds/{list}.atom?year=2019&country=vietnam");
        var reordered = await FeedAsync($"/feeds/{list}.atom?country=Vietnam&year=2019");

        Assert.NotEmpty(first.Items);
        Assert.Equal(first.Items.Select(i => i.Id), again.Items.Select(i => i.Id));
        Assert.Equal(first.Items.Select(i => i.LastUpdatedTime), again.Items.Select(i => i.LastUpdatedTime));
        Assert.Equal(filtered.Id, reordered.Id);
        Assert.Equal(filtered.Items.Select(i => i.Id), reordered.Items.Select(i => i.Id));
        Assert.All(filtered.Items, i => Assert.Contains(i.Id, first.Items.Select(f => f.Id)));
    }

    [Fact]
    public async Task Should_keep_a_meetings_id_when_it_is_stored_again_under_a_new_number()
    {
        await using var app = new ArchiveApplication(outputCache: false);
        using var client = await app.StartAsync();
        var before = await FeedAsync(client, "/feeds/meetings.atom");

        // The newest meeting stored again, as an ingestion that reads its article again does: a new row, a new number.
        await using (var db = app.OpenDatabase())
        {
            var newest = await db.Meetings.Include(m => m.Participants).Include(m => m.CounterpartCountries)
                .Where(m => m.Date != null).OrderByDescending(m => m.Date).ThenBy(m => m.Id).FirstAsync();
            db.Meetings.Remove(newest);
            db.Meetings.Add(new Meeting
            {
                ArticleId = newest.ArticleId,
                Kind = newest.Kind,
                Date = newest.Date,
                DateSource = newest.DateSource,
                Location = newest.Location,
                Name = newest.Name,
                CounterpartOrganisation = newest.CounterpartOrganisation,
                Participants = [.. newest.Participants],
                CounterpartCountries = [.. newest.CounterpartCountries],
                Evidence = newest.Evidence,
            });
            await db.SaveChangesAsync();
        }

        var after = await FeedAsync(client, "/feeds/meetings.atom");

        Assert.Equal(before.Items.Select(i => i.Id).Order(StringComparer.Ordinal), after.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(before.Items.First().Links[0].Uri, after.Items.First().Links[0].Uri);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Should_say_date_not_given_in_the_summary_of_an_undated_event(string list, string linkField, string dateField)
    {
        // An undated event of the archive with a country, whose link no other event shares; its country's feed holds it.
        var items = await ItemsAsync($"/api/{list}?pageSize=100");
        var undated = items.First(i => i.GetProperty(dateField).ValueKind == JsonValueKind.Null
            && Countries(i).Any()
            && items.Count(o => o.GetProperty(linkField).GetString() == i.GetProperty(linkField).GetString()) == 1);
        var feed = await FeedAsync($"/feeds/{list}.atom?country={Countries(undated).First()}");

        var entry = Assert.Single(feed.Items, e => e.Links[0].Uri.ToString() == "http://localhost" + undated.GetProperty(linkField).GetString());
        var summary = ((TextSyndicationContent)entry.Summary).Text;
        Assert.Contains("date not given", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/meetings?country=laos&page=2&format=atom", "/feeds/meetings.atom?country=laos")]
    [InlineData("/delegations?direction=hosted&sort=leader&format=atom", "/feeds/delegations.atom?direction=hosted")]
    [InlineData("/agreements?status=in-force&format=atom", "/feeds/agreements.atom?status=in-force")]
    public async Task Should_redirect_the_atom_format_of_a_list_to_its_feed(string url, string feed)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(feed, response.Headers.Location!.OriginalString);
    }

    /// <summary>The slugs of the countries of an API item: a meeting's or an agreement's, a trip's origin and destinations.</summary>
    private static IEnumerable<string> Countries(JsonElement item)
    {
        foreach (var name in new[] { "countries", "destinations" })
        {
            if (item.TryGetProperty(name, out var links))
            {
                foreach (var link in links.EnumerateArray())
                {
                    yield return link.GetProperty("slug").GetString()!;
                }
            }
        }

        if (item.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object)
        {
            yield return from.GetProperty("slug").GetString()!;
        }
    }

    private Task<SyndicationFeed> FeedAsync(string url) => FeedAsync(archive.Client, url);

    private static Task<SyndicationFeed> FeedAsync(HttpClient client, string url) => FeedTests.FeedAsync(client, url);

    private async Task<List<JsonElement>> ItemsAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone())];
    }
}
