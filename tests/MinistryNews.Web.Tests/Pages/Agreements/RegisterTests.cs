using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Agreements;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Pages.Agreements;

/// <summary>
/// The data folder and three short press releases written for these tests: two tell one memorandum with Japan (signed
/// 5 November 2019), one tells a memorandum with Singapore without a date.
/// </summary>
public sealed class RegisterFixture : IAsyncLifetime
{
    // Each text ends with a sentence that tells no document: a press release has at least 40 words.
    private const string Filler = "\n\nThe two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.\n";

    public const string SignedFile = "register-mou-signed.txt";

    public const string ToldAgainFile = "register-mou-told-again.txt";

    public const string UndatedFile = "register-mou-undated.txt";

    public const string JapanKey = "memorandum-of-understanding/jp/2019-11-05";

    public ArchiveApplication App { get; } = new(today: ArchiveFixture.Today);

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(App.DataFolder, SignedFile), """
            Viet Nam and Japan sign MoU on information security

            November 6, 2019 | 10:00 am GMT+7

            On November 5, 2019, in Tokyo, Minister of Information and Communications Nguyen Manh Hung and Japanese Minister of Internal Affairs and Communications Takeda Ryota signed a Memorandum of Understanding on cooperation in information security.
            """ + Filler);
        await File.WriteAllTextAsync(Path.Combine(App.DataFolder, ToldAgainFile), """
            Japan and Viet Nam to step up information security cooperation

            November 8, 2019 | 09:00 am GMT+7

            The Memorandum of Understanding on cooperation in information security signed by Viet Nam and Japan on November 5, 2019 opens a new chapter, Minister Nguyen Manh Hung said in Hanoi.
            """ + Filler);
        await File.WriteAllTextAsync(Path.Combine(App.DataFolder, UndatedFile), """
            Viet Nam and Singapore discuss digital cooperation

            April 4, 2021 | 10:00 am GMT+7

            Deputy Minister Phan Tam received the Ambassador of Singapore in Hanoi. He suggested that the two ministries train more cybersecurity experts as part of the Memorandum of Understanding on cooperation in cybersecurity with Singapore.
            """ + Filler);
        Client = await App.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    public async Task<AgreementRecord> RecordAsync(string key)
    {
        await using var db = App.OpenDatabase();
        return await db.AgreementRecords.AsNoTracking().SingleAsync(r => r.Key == key);
    }
}

/// <summary>The agreements register on the real host: the list, a record's page, its citation and the API.</summary>
public sealed class RegisterTests(RegisterFixture archive) : IClassFixture<RegisterFixture>
{
    [Fact]
    public async Task Should_list_one_row_per_record_however_many_articles_tell_it()
    {
        var japan = await archive.RecordAsync(RegisterFixture.JapanKey);

        var page = await ArchiveApplication.GetPageAsync(archive.Client, "/agreements");

        await using var db = archive.App.OpenDatabase();
        var rows = page.QuerySelectorAll("table.agreements tbody tr").ToList();
        Assert.Equal(await db.AgreementRecords.CountAsync(), rows.Count);
        Assert.True(await db.Agreements.CountAsync() > rows.Count, "Some documents should be told by more than one mention.");
        var row = Assert.Single(rows, r => r.QuerySelector("th a.record")?.GetAttribute("href") == $"/agreements/{japan.Id}/{japan.Slug}");
        Assert.Contains("and 1 other article", row.QuerySelector("td.told")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2019-11-05", row.QuerySelector("td.signed time")?.GetAttribute("datetime"));
        var first = await db.Agreements.Where(a => a.RecordId == japan.Id && a.Article.SourceFile == RegisterFixture.SignedFile).Select(a => new { a.Article.Key, a.Article.Slug, a.Evidence }).SingleAsync();
        Assert.Equal(ArticleLinks.Fact(first.Key, first.Slug, first.Evidence), row.QuerySelector("a.evidence-link")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/agreements?sort=signed")]
    [InlineData("/agreements?sort=-signed")]
    public async Task Should_sort_undated_records_last_in_both_directions(string url)
    {
        var page = await ArchiveApplication.GetPageAsync(archive.Client, url);

        var undated = page.QuerySelectorAll("table.agreements tbody tr").Select(r => r.QuerySelector("td.signed time") is null).ToList();
        Assert.Contains(true, undated);
        Assert.Contains(false, undated);
        Assert.Equal(undated.Order(), undated);
        Assert.All(
            page.QuerySelectorAll("table.agreements tbody tr td.signed").Where(c => c.QuerySelector("time") is null),
            c => Assert.Equal("date not given", c.TextContent.Trim()));
    }

    [Fact]
    public async Task Should_show_a_record_with_every_article_that_tells_it_and_the_sentences()
    {
        var japan = await archive.RecordAsync(RegisterFixture.JapanKey);

        var page = await ArchiveApplication.GetPageAsync(archive.Client, $"/agreements/{japan.Id}/{japan.Slug}");

        Assert.Equal("Memorandum of Understanding between Viet Nam and Japan on cooperation in information security (signed 5 November 2019)", page.QuerySelector("h1")?.TextContent.Trim());
        await using var db = archive.App.OpenDatabase();
        var mentions = await db.Agreements.Where(a => a.RecordId == japan.Id).OrderBy(a => a.Article.PublishedOn).Select(a => new { a.Article.Key, a.Article.Slug, a.Article.Title, a.Evidence }).ToListAsync();
        Assert.Equal(2, mentions.Count);
        var rows = page.QuerySelectorAll("table.mentions tbody tr").ToList();
        Assert.Equal(mentions.Select(m => ArticleLinks.Article(m.Key, m.Slug)), rows.Select(r => r.QuerySelector("a.article")?.GetAttribute("href")));
        Assert.Equal(mentions.Select(m => ArticleLinks.Fact(m.Key, m.Slug, m.Evidence)), rows.Select(r => r.QuerySelector("a.evidence-link")?.GetAttribute("href")));
        Assert.Equal($"http://localhost/agreements/{japan.Id}/{japan.Slug}", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Contains("Cite this", page.QuerySelector("details.cite summary")?.TextContent, StringComparison.Ordinal);
        var signatories = page.QuerySelectorAll("dl.record-fields dt").First(dt => dt.TextContent == "Signatories").NextElementSibling!;
        Assert.Equal("Nguyen Manh Hung, Takeda Ryota", string.Join(' ', signatories.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Should_send_a_record_without_its_slug_to_its_address()
    {
        var japan = await archive.RecordAsync(RegisterFixture.JapanKey);

        using var response = await archive.Client.GetAsync(new Uri($"/agreements/{japan.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/agreements/{japan.Id}/{japan.Slug}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("bib", "application/x-bibtex", "title = {{Memorandum of Understanding between Viet Nam and Japan on cooperation in information security (signed 5 November 2019)}}")]
    [InlineData("ris", "application/x-research-info-systems", "TY  - GEN")]
    public async Task Should_download_a_record_s_reference(string format, string contentType, string expected)
    {
        var japan = await archive.RecordAsync(RegisterFixture.JapanKey);

        using var response = await archive.Client.GetAsync(new Uri($"/agreements/{japan.Id}/{japan.Slug}?format={format}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("Ministry of Information and Communications (Viet Nam)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_the_records_and_one_record_with_its_mentions_in_the_api()
    {
        var japan = await archive.RecordAsync(RegisterFixture.JapanKey);

        var list = await JsonAsync("/api/agreements?pageSize=100");
        var detail = await JsonAsync($"/api/agreements/{japan.Id}");

        await using var db = archive.App.OpenDatabase();
        Assert.Equal(await db.AgreementRecords.CountAsync(), list.GetProperty("total").GetInt32());
        var item = Assert.Single(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == japan.Id);
        Assert.Equal($"/agreements/{japan.Id}/{japan.Slug}", item.GetProperty("url").GetString());
        Assert.Equal(2, item.GetProperty("articles").GetInt32());
        Assert.Equal("2019-11-05", item.GetProperty("signedOn").GetString());
        Assert.Equal("day", item.GetProperty("datePrecision").GetString());
        Assert.Equal("5 November 2019", item.GetProperty("dateText").GetString());
        var undated = list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("signedOn").ValueKind == JsonValueKind.Null).ToList();
        Assert.NotEmpty(undated);
        Assert.All(undated, i => Assert.Equal("date not given", i.GetProperty("dateText").GetString()));
        Assert.All(undated, i => Assert.Equal("not given", i.GetProperty("dateSource").GetString()));
        Assert.Equal(japan.Id, detail.GetProperty("record").GetProperty("id").GetInt32());
        Assert.Equal(2, detail.GetProperty("mentions").GetArrayLength());
        Assert.All(detail.GetProperty("mentions").EnumerateArray(), m => Assert.StartsWith(m.GetProperty("articleUrl").GetString() + "#fact-", m.GetProperty("url").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_download_the_register_with_the_record_ids_and_addresses()
    {
        var japan = await archive.RecordAsync(RegisterFixture.JapanKey);

        using var response = await archive.Client.GetAsync(new Uri("/agreements?format=json", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = document.RootElement.EnumerateArray().ToList();
        var row = Assert.Single(rows, r => r.GetProperty("recordId").GetInt32() == japan.Id);
        Assert.Equal($"http://localhost/agreements/{japan.Id}/{japan.Slug}", row.GetProperty("recordUrl").GetString());
        Assert.Equal("2019-11-05", row.GetProperty("signedOn").GetString());
        Assert.Contains(rows, r => r.GetProperty("signedOn").GetString() == "date not given");
    }

    [Fact]
    public async Task Should_download_the_countries_and_signatories_as_lists_in_json_and_as_one_cell_in_csv()
    {
        var japan = await archive.RecordAsync(RegisterFixture.JapanKey);
        await using var db = archive.App.OpenDatabase();
        var signatories = await db.AgreementRecords.Where(r => r.Id == japan.Id).SelectMany(r => r.Signatories).Select(p => p.Name).ToListAsync();
        signatories.Sort(StringComparer.Ordinal);

        var json = await archive.Client.GetStringAsync(new Uri("/agreements?country=japan&format=json", UriKind.Relative));
        var csv = await CsvInjectionTests.RowsAsync(archive.Client, "/agreements?country=japan&format=csv");

        Assert.True(signatories.Count > 1, "The memorandum with Japan should have two signatories.");
        using var document = JsonDocument.Parse(json);
        var row = Assert.Single(document.RootElement.EnumerateArray(), r => r.GetProperty("recordId").GetInt32() == japan.Id);
        Assert.Equal(["japan"], row.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal(signatories, row.GetProperty("signatories").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.StartsWith("http://localhost/articles/", row.GetProperty("articleUrl").GetString(), StringComparison.Ordinal);
        var line = Assert.Single(csv, r => r["RecordId"] == japan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Japan", line["Countries"]);
        Assert.Equal(string.Join("; ", signatories), line["Signatories"]);
        Assert.Equal($"http://localhost/agreements/{japan.Id}/{japan.Slug}", line["RecordUrl"]);
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
