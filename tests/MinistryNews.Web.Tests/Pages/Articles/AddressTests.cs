using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Web.Tests.Pages.Articles;

/// <summary>Addresses a reader can cite: they outlive rebuilds, lead from copies and old numbers, and a gone file's page stays.</summary>
public sealed class AddressTests
{
    private const string JapanSeed = "002_43bc5bf8eb7e91f7.txt";

    private const string Release = """
        Minister receives the Ambassador of Chile

        June 2, 2022 | 09:00 am GMT+7

        On June 1, in Hanoi, Minister of Information and Communications Nguyen Manh Hung received Chilean Ambassador Jaime Chomali to discuss cooperation in digital transformation.
        """;

    private const string ChileMemorandum = """
        Viet Nam and Chile sign MoU on postal cooperation

        June 2, 1995 | 09:00 am GMT+7

        On June 1, 1995, in Hanoi, the General Department of Posts and Telecommunications of Viet Nam and the Ministry of Transport and Telecommunications of Chile signed a Memorandum of Understanding on cooperation in postal services.

        The two sides agreed to share experience, train officials and hold regular dialogues on postal services and telecommunications in the coming years.
        """;

    [Fact]
    public async Task Should_show_every_article_at_its_address_after_a_rebuild_that_reads_a_new_file_first()
    {
        Dictionary<string, (string Key, string Slug, string Title)> before;
        await using (var first = new ArchiveApplication())
        {
            using var client = await first.StartAsync();
            await using var db = first.OpenDatabase();
            before = await db.Articles.ToDictionaryAsync(a => a.SourceFile, a => (a.Key, a.Slug, a.Title));
        }

        // The archive is made again from the same files and one more, which sorts first and so is read first.
        await using var rebuilt = new ArchiveApplication();
        await File.WriteAllTextAsync(Path.Combine(rebuilt.DataFolder, "0000-chile.txt"), Release);
        using var rebuiltClient = await rebuilt.StartAsync();

        Assert.Equal(45, before.Count);
        foreach (var (file, (key, slug, title)) in before)
        {
            var page = await ArchiveApplication.GetPageAsync(rebuiltClient, $"/articles/{key}/{slug}");
            Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
            Assert.Contains(file, page.QuerySelectorAll(".sources code").Select(c => c.TextContent));
        }
    }

    [Fact]
    public async Task Should_show_every_agreement_record_at_its_address_after_a_rebuild_that_reads_a_new_file_first()
    {
        Dictionary<string, string> before;
        await using (var first = new ArchiveApplication())
        {
            using var client = await first.StartAsync();
            before = await RecordTitlesAsync(first, client);
        }

        // Made again with one more file, read first, that tells a document older than any other: a record of its own.
        await using var rebuilt = new ArchiveApplication();
        await File.WriteAllTextAsync(Path.Combine(rebuilt.DataFolder, "0000-chile-mou.txt"), ChileMemorandum);
        using var rebuiltClient = await rebuilt.StartAsync();
        var after = await RecordTitlesAsync(rebuilt, rebuiltClient);

        Assert.True(before.Count > 20, $"{before.Count} records");
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(after.Values, title => title.Contains("Chile", StringComparison.Ordinal));
        foreach (var (address, title) in before)
        {
            Assert.Equal(title, after.GetValueOrDefault(address));
        }
    }

    [Fact]
    public async Task Should_give_an_agreement_record_its_address_again_when_its_article_comes_back()
    {
        const string adgmin = "004_9ed1b855dc992e56.txt";
        await using var app = new ArchiveApplication(outputCache: false);
        using var client = await app.StartAsync();
        var before = await RecordTitlesAsync(app, client);
        await using var db = app.OpenDatabase();
        var told = await db.AgreementRecords.Where(r => r.Mentions.All(m => m.Article.SourceFile == adgmin)).Select(r => r.Id).ToListAsync();
        var addresses = before.Keys.Where(a => told.Exists(id => a.StartsWith($"/agreements/{id}/", StringComparison.Ordinal))).ToList();

        File.Delete(Path.Combine(app.DataFolder, adgmin));
        await app.Services.GetRequiredService<Ingestor>().IngestFolderAsync(app.DataFolder);

        Assert.NotEmpty(addresses);
        foreach (var address in addresses)
        {
            using var gone = await client.GetAsync(new Uri(address, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        await File.WriteAllBytesAsync(Path.Combine(app.DataFolder, adgmin), await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "data", adgmin)));
        await app.Services.GetRequiredService<Ingestor>().IngestFolderAsync(app.DataFolder);

        Assert.Equal(before, await RecordTitlesAsync(app, client));
    }

    [Fact]
    public async Task Should_lead_an_agreement_address_whose_number_no_record_holds_to_the_record_of_its_slug()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        await using var db = app.OpenDatabase();
        var records = await db.AgreementRecords.Select(r => new { r.Id, r.Slug }).ToListAsync();
        var unique = records.GroupBy(r => r.Slug, StringComparer.Ordinal).First(g => g.Count() == 1).Single();
        var shared = records.GroupBy(r => r.Slug, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
        var unused = Enumerable.Range(1, 1000).First(n => !records.Exists(r => r.Id == n));

        using var moved = await client.GetAsync(new Uri($"/agreements/{unused}/{unique.Slug}", UriKind.Relative));
        using var ambiguous = await client.GetAsync(new Uri($"/agreements/{unused}/{shared}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/agreements/{unique.Id}/{unique.Slug}", moved.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, ambiguous.StatusCode);
    }

    [Fact]
    public async Task Should_lead_an_old_numbered_address_and_a_copy_to_the_article()
    {
        await using var app = new ArchiveApplication();
        await File.WriteAllBytesAsync(Path.Combine(app.DataFolder, "zz-copy-of-japan.txt"), await File.ReadAllBytesAsync(Path.Combine(app.DataFolder, JapanSeed)));
        using var client = await app.StartAsync();
        await using var db = app.OpenDatabase();
        var article = await db.Articles.Where(a => a.SourceFile == JapanSeed).Select(a => new { a.Id, a.Key, a.Slug }).SingleAsync();
        var address = $"/articles/{article.Key}/{article.Slug}";

        foreach (var url in new[] { $"/articles/{article.Id}", $"/articles/{article.Id}/{article.Slug}", "/articles/zz-copy-of-japan", $"/articles/{article.Key}" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(address, response.Headers.Location?.OriginalString);
        }

        var page = await ArchiveApplication.GetPageAsync(client, address);
        Assert.Equal([JapanSeed, "zz-copy-of-japan.txt"], page.QuerySelectorAll(".sources code").Select(c => c.TextContent));
    }

    [Fact]
    public async Task Should_count_a_copied_file_once()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        await using var db = app.OpenDatabase();
        var articles = await db.Articles.CountAsync();
        var japan = await JapanFactsAsync(client);

        await File.WriteAllBytesAsync(Path.Combine(app.DataFolder, "zz-copy-of-japan.txt"), await File.ReadAllBytesAsync(Path.Combine(app.DataFolder, JapanSeed)));
        var report = await app.Services.GetRequiredService<Ingestor>().IngestFolderAsync(app.DataFolder);

        Assert.Equal(FileOutcome.Duplicate, Assert.Single(report.Files, f => f.File == "zz-copy-of-japan.txt").Outcome);
        Assert.Equal(articles, await db.Articles.CountAsync());
        Assert.Equal(japan, await JapanFactsAsync(client));
    }

    [Fact]
    public async Task Should_withdraw_a_removed_file_from_every_list_and_keep_its_page()
    {
        await using var app = new ArchiveApplication(outputCache: false);
        using var client = await app.StartAsync();
        await using var db = app.OpenDatabase();

        // The newest article, so that it is in the feed's latest entries too.
        var newest = await db.Articles.Where(a => a.PublishedOn != null).OrderByDescending(a => a.PublishedOn).Select(a => new { a.SourceFile, a.Key, a.Slug, a.Title }).FirstAsync();
        var address = $"/articles/{newest.Key}/{newest.Slug}";
        var word = newest.Title.Split(' ').OrderByDescending(w => w.Length).First();
        Assert.True(await ShownEverywhereAsync(client, address, word));

        File.Delete(Path.Combine(app.DataFolder, newest.SourceFile));
        var report = await app.Services.GetRequiredService<Ingestor>().IngestFolderAsync(app.DataFolder);

        Assert.Equal(FileOutcome.Withdrawn, Assert.Single(report.Withdrawn).Outcome);
        Assert.False(await ShownAnywhereAsync(client, address, word));
        var page = await ArchiveApplication.GetPageAsync(client, address);
        Assert.Equal(newest.Title, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.StartsWith("Withdrawn on ", page.QuerySelector(".withdrawn-notice")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));

        // The file comes back: the article is back, at the same address.
        await File.WriteAllBytesAsync(Path.Combine(app.DataFolder, newest.SourceFile), await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "data", newest.SourceFile)));
        await app.Services.GetRequiredService<Ingestor>().IngestFolderAsync(app.DataFolder);

        Assert.True(await ShownEverywhereAsync(client, address, word));
        Assert.Null((await ArchiveApplication.GetPageAsync(client, address)).QuerySelector(".withdrawn-notice"));
    }

    [Fact]
    public async Task Should_withdraw_the_article_of_a_file_removed_while_the_app_runs()
    {
        await using var app = new ArchiveApplication(watch: true);
        using var client = await app.StartAsync();
        var (key, slug, _) = await app.ArticleAsync("dev05.txt");
        var address = $"/articles/{key}/{slug}";

        File.Delete(Path.Combine(app.DataFolder, "dev05.txt"));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        AngleSharp.Html.Dom.IHtmlDocument page;
        do
        {
            await Task.Delay(250);
            page = await ArchiveApplication.GetPageAsync(client, address);
        }
        while (page.QuerySelector(".withdrawn-notice") is null && DateTime.UtcNow < deadline);

        Assert.NotNull(page.QuerySelector(".withdrawn-notice"));
        var csv = await client.GetStringAsync(new Uri("/articles?format=csv", UriKind.Relative));
        Assert.DoesNotContain(address, csv, StringComparison.Ordinal);
    }

    /// <summary>The article is in the list, the search for a word of its title, the feed and the CSV download.</summary>
    private static async Task<bool> ShownEverywhereAsync(HttpClient client, string address, string word) =>
        (await WhereShownAsync(client, address, word)).All(shown => shown);

    private static async Task<bool> ShownAnywhereAsync(HttpClient client, string address, string word) =>
        (await WhereShownAsync(client, address, word)).Any(shown => shown);

    private static async Task<bool[]> WhereShownAsync(HttpClient client, string address, string word)
    {
        var list = await ArchiveApplication.GetPageAsync(client, "/articles");
        var search = await ArchiveApplication.GetPageAsync(client, $"/search?q={Uri.EscapeDataString(word)}");
        var feed = await client.GetStringAsync(new Uri("/feeds/articles.atom", UriKind.Relative));
        var csv = await client.GetStringAsync(new Uri("/articles?format=csv", UriKind.Relative));
        return
        [
            list.QuerySelectorAll(".article-list a.title").Any(a => a.GetAttribute("href") == address),
            search.QuerySelectorAll("a.title").Any(a => a.GetAttribute("href") == address),
            feed.Contains(address, StringComparison.Ordinal),
            csv.Contains(address, StringComparison.Ordinal),
        ];
    }

    /// <summary>Every record of the register, by the address the register's table links it at, with its page's title.</summary>
    private static async Task<Dictionary<string, string>> RecordTitlesAsync(ArchiveApplication app, HttpClient client)
    {
        await using var db = app.OpenDatabase();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in await db.AgreementRecords.Select(r => new { r.Id, r.Slug }).ToListAsync())
        {
            var address = $"/agreements/{record.Id}/{record.Slug}";
            titles[address] = (await ArchiveApplication.GetPageAsync(client, address)).QuerySelector("h1")!.TextContent.Trim();
        }

        return titles;
    }

    /// <summary>What the country page of Japan counts: its figures as the page writes them.</summary>
    private static async Task<string> JapanFactsAsync(HttpClient client)
    {
        var page = await ArchiveApplication.GetPageAsync(client, "/countries/japan");
        return string.Join(' ', page.QuerySelector("main")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(60));
    }
}
