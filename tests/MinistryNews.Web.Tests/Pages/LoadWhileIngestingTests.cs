using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Generation;
using MinistryNews.Web.Ingestion;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// Serving while ingesting, the short form of the soak of docs/reliability.md: several clients read lists and searches
/// (output cache off, so each answer reads the database) while the app ingests thousands of new articles.
/// </summary>
public sealed class LoadWhileIngestingTests
{
    private const int Count = 2_000;
    private const int Clients = 4;

    [Fact]
    public async Task Should_answer_every_read_with_200_while_thousands_of_articles_are_ingested()
    {
        await using var app = new ArchiveApplication(outputCache: false);
        foreach (var article in new CorpusGenerator(Gazetteer.Default, 11).Generate(Count))
        {
            await File.WriteAllTextAsync(Path.Combine(app.DataFolder, article.FileName), article.Text);
        }

        using var client = app.StartIngesting();
        var ingestion = app.Services.GetRequiredService<IngestionStatus>().FirstBatch;
        string[] urls = ["/articles", "/articles?country=japan", "/search?q=minister", "/search?q=memorandum+cooperation", "/articles?page=3", "/api/articles?kind=meeting"];
        var answers = new ConcurrentBag<(string Url, HttpStatusCode Status, int Bytes)>();

        async Task ReadAsync(int client0)
        {
            for (var i = client0; !ingestion.IsCompleted; i++)
            {
                var url = urls[i % urls.Length];
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                answers.Add((url, response.StatusCode, body.Length));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => ReadAsync(c))));
        var report = await ingestion;

        Assert.Equal(Count + 45, report.Added);
        Assert.Equal(0, report.Failed);
        Assert.True(answers.Count >= 50, $"only {answers.Count} reads were made during the ingestion");
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Url}: {(int)a.Status}"));
        var page = await ArchiveApplication.GetPageAsync(client, "/");
        var shown = page.QuerySelector("a[href='/articles'] .number")!.TextContent;
        Assert.Equal((Count + 45).ToString(System.Globalization.CultureInfo.InvariantCulture), string.Concat(shown.Where(char.IsAsciiDigit)));
    }
}

/// <summary>The host stopped while its background ingestion runs: the batch being stored is rolled back, the rest kept whole.</summary>
public sealed class StopWhileIngestingTests
{
    private const int Count = 3_000;

    [Fact]
    public async Task Should_stop_the_ingestion_promptly_and_keep_every_stored_article_whole()
    {
        await using var app = new ArchiveApplication();
        var gold = new Dictionary<string, (int Meetings, int Delegations, int Agreements)>(StringComparer.Ordinal);
        foreach (var article in new CorpusGenerator(Gazetteer.Default, 17).Generate(Count))
        {
            await File.WriteAllTextAsync(Path.Combine(app.DataFolder, article.FileName), article.Text);
            var facts = System.Text.Json.Nodes.JsonNode.Parse(article.GoldJson)!.AsObject();
            gold[article.FileName] = (facts["meetings"]!.AsArray().Count, facts["delegations"]!.AsArray().Count, facts["agreements"]!.AsArray().Count);
        }

        using var client = app.StartIngesting();
        var worker = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<IngestionWorker>().Single();
        for (var waited = 0; StoredCount(app) == 0; waited++)
        {
            Assert.True(waited < 6_000, "no batch was stored in a minute");
            await Task.Delay(10);
        }

        // What the host does to each hosted service when it stops.
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await worker.StopAsync(CancellationToken.None);
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopwatch.Elapsed}");
        Assert.False(app.Services.GetRequiredService<IngestionStatus>().FirstBatch.IsCompletedSuccessfully, "the ingestion ran to its end before the stop");
        await using var db = app.OpenDatabase();
        var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Articles.Select(a => new { a.SourceFile, Meetings = a.Meetings.Count, Delegations = a.Delegations.Count, Agreements = a.Agreements.Count }));
        Assert.InRange(stored.Count, 1, Count + 44);
        Assert.All(stored.Where(a => gold.ContainsKey(a.SourceFile)), a => Assert.Equal(gold[a.SourceFile], (a.Meetings, a.Delegations, a.Agreements)));
        Assert.Equal("ok", await app.CheckDatabaseAsync());
    }

    private static int StoredCount(ArchiveApplication app)
    {
        using var db = app.OpenDatabase();
        return db.Articles.Count();
    }
}
