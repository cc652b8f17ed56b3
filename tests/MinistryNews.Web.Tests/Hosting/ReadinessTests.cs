using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Web.Ingestion;

namespace MinistryNews.Web.Tests.Hosting;

/// <summary>A stalled ingestion shows in <c>/readyz</c>, and readiness comes back once the ingestion moves on.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Should_answer_503_while_the_ingestion_makes_no_progress_and_200_once_it_moves_on()
    {
        await using var app = new ArchiveApplication();

        // One file takes some seconds to read (a list of 40,000 officials), under its budget here but over the stall time:
        // for those seconds the ingestion moves on neither by a file nor by a batch.
        app.Settings["Archive:Limits:MaxExtractionTime"] = "00:05:00";
        app.Settings["Archive:Limits:StallTime"] = "00:00:00.500";
        var officials = string.Join(", ", Enumerable.Range(0, 40_000).Select(i => $"Minister {(char)('A' + i % 26)}{(char)('a' + i / 26 % 26)}{(char)('a' + i / 676 % 26)} Nguyen"));
        await File.WriteAllTextAsync(Path.Combine(app.DataFolder, "zz-list.txt"), $"Hanoi, 5 May 2024\n\nMinister Hung met {officials}.\n");

        var client = app.StartIngesting();
        var answers = new List<(HttpStatusCode Status, string Text)>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !(answers.Any(a => a.Status == HttpStatusCode.ServiceUnavailable) && answers[^1].Status == HttpStatusCode.OK))
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            await Task.Delay(100);
        }

        var stalled = answers.FirstOrDefault(a => a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.StartsWith("ingestion stalled: nothing read or stored for", stalled.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "ready"), answers[^1]);

        // Ready again once the file is read; the batch holding it is stored just after.
        await app.Services.GetRequiredService<IngestionStatus>().FirstBatch.WaitAsync(TimeSpan.FromSeconds(60));
        await using var db = app.OpenDatabase();
        Assert.Contains("zz-list.txt", db.Articles.Select(a => a.SourceFile));
    }
}
