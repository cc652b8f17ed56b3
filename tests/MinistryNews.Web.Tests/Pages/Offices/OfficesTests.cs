using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Pages.Offices;

/// <summary>
/// Offices over time on the real host, with an archive of three press releases: a minister named "Minister of
/// Information and Communications" in 2019 and "Minister" in 2020 (one office), and a deputy minister (another).
/// </summary>
public sealed class OfficesTests : IAsyncLifetime
{
    private const string Prose =
        "The two sides discussed cooperation in telecommunications, information technology, digital transformation and cyber security. "
        + "They agreed to strengthen the exchange of experience and the training of officials between the agencies of the two countries in the coming years.";

    private const string Office = "Minister of Information and Communications";

    private ArchiveApplication App { get; } = new(today: ArchiveFixture.Today);

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(App.DataFolder))
        {
            File.Delete(file);
        }

        Write("2019.txt", "May 3, 2019", "On May 2, Minister of Information and Communications Le Van Khoa received Japanese Ambassador Yamada Takio.");
        Write("2020.txt", "May 9, 2020", "On May 8, Minister Le Van Khoa received Lao Minister Thansamay Kommasith.");
        Write("2021.txt", "June 9, 2021", "On June 8, Deputy Minister Phan Tam received Lao Minister Thansamay Kommasith.");
        _client = await App.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task Should_list_the_office_with_its_holder_and_span_linked_to_the_sentences()
    {
        var page = await ArchiveApplication.GetPageAsync(_client, "/offices");

        var office = Assert.Single(page.QuerySelectorAll("article.office"), o => o.QuerySelector("h3")!.TextContent.Trim() == Office);
        var holder = Assert.Single(office.QuerySelectorAll(".holders li"));
        Assert.Equal("/people/le-van-khoa", holder.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["2019-05-03", "2020-05-09"], holder.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")));
        Assert.Equal(await FactLinksAsync(("2019.txt", "Le Van Khoa"), ("2020.txt", "Le Van Khoa")), holder.QuerySelectorAll("a.evidence-link").Select(a => a.GetAttribute("href")));
        Assert.Contains(page.QuerySelectorAll("article.office h3"), h => h.TextContent.Trim() == "Deputy Minister of Information and Communications");
        Assert.Contains(page.QuerySelectorAll(".site-nav a"), a => a.GetAttribute("href") == "/offices");

        var detail = await ArchiveApplication.GetPageAsync(_client, office.QuerySelector("h3 a")!.GetAttribute("href")!);
        Assert.Equal(Office, detail.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Minister", Office], detail.QuerySelectorAll("#mentions ~ .table-wrap tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()));
    }

    [Fact]
    public async Task Should_show_offices_held_on_the_person_page_not_the_wordings_with_a_reference_to_cite()
    {
        var page = await ArchiveApplication.GetPageAsync(_client, "/people/le-van-khoa");

        var held = Assert.Single(page.QuerySelectorAll(".offices-held li"));
        Assert.Equal(Office, held.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal(2, held.QuerySelectorAll("a.evidence-link").Length);
        Assert.Contains("Le Van Khoa — MinistryNews", page.QuerySelector(".cite-text")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/people/le-van-khoa", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);

        var meeting = page.QuerySelectorAll("#meetings ~ .table-wrap tbody tr").First(r => r.TextContent.Contains("Thansamay", StringComparison.Ordinal));
        Assert.StartsWith("/articles/2020/", meeting.QuerySelector("a.evidence-link")!.GetAttribute("href"), StringComparison.Ordinal);

        using var bib = await _client.GetAsync(new Uri("/people/le-van-khoa?format=bib", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bib.StatusCode);
        Assert.Equal("application/x-bibtex", bib.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_show_the_fuller_office_name_in_the_people_list_and_the_api()
    {
        var page = await ArchiveApplication.GetPageAsync(_client, "/people");

        var row = Assert.Single(page.QuerySelectorAll("tbody tr"), r => r.QuerySelector("th")!.TextContent.Trim() == "Le Van Khoa");
        Assert.Equal(Office, row.QuerySelector("td.office a:not(.evidence-link)")!.TextContent.Trim());

        // The office leads to its page, where each holder's span links to the sentences that name them in it.
        var office = await ArchiveApplication.GetPageAsync(_client, row.QuerySelector("td.office a:not(.evidence-link)")!.GetAttribute("href")!);
        Assert.Equal(Office, office.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(office.QuerySelectorAll("ul.holders li"), li => li.TextContent.Contains("Le Van Khoa", StringComparison.Ordinal) && li.QuerySelector("a.evidence-link") is not null);

        using var api = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/people?pageSize=100", UriKind.Relative)));
        var person = api.RootElement.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Le Van Khoa");
        Assert.Equal([Office], person.GetProperty("offices").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    private void Write(string name, string published, string sentence) =>
        File.WriteAllText(Path.Combine(App.DataFolder, name), $"Talks in Hanoi\n\n{published} | 09:59 am GMT+7\n\n{sentence}\n\n{Prose}\n");

    private async Task<List<string>> FactLinksAsync(params (string File, string Person)[] mentions)
    {
        await using var db = App.OpenDatabase();
        var links = new List<string>();
        foreach (var (file, person) in mentions)
        {
            var m = await db.ArticlePeople.Where(m => m.Article.SourceFile == file && m.Person.Name == person)
                .Select(m => new { m.Article.Key, m.Article.Slug, m.Evidence }).SingleAsync();
            links.Add(ArticleLinks.Fact(m.Key, m.Slug, m.Evidence));
        }

        return links;
    }
}
