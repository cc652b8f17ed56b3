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

        Assert.Equal(Count + 15, report.Added);
        Assert.Equal(0, report.Failed);
        Assert.True(answers.Count >= 50, $"only {answers.Count} reads were made during the ingestion");
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Url}: {(int)a.Status}"));
        var page = await ArchiveApplication.GetPageAsync(client, "/");
        var shown = page.QuerySelector("a[href='/articles'] .number")!.TextContent;
        Assert.Equal((Count + 15).ToString(System.Globalization.CultureInfo.InvariantCulture), string.Concat(shown.Where(char.IsAsciiDigit)));
    }
}
