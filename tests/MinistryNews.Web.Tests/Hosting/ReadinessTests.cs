using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Web.Tests.Hosting;

/// <summary>A stalled ingestion shows in <c>/readyz</c>, and readiness comes back once the ingestion moves on.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Should_answer_503_while_a_running_ingestion_makes_no_progress_and_200_once_it_moves_on()
    {
        await using var app = new ArchiveApplication();
        app.Settings["Archive:Limits:StallTime"] = "00:00:00.500";
        var client = await app.StartAsync();
        var activity = app.Services.GetRequiredService<Ingestor>().Activity;

        // An ingestion that has begun and then read and stored nothing for longer than the stall time (as one waiting on
        // a database that does not answer would): the same state the ingestion's own steps set.
        activity.Began();
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(800));
            var stalled = await ReadyAsync(client);
            activity.MovedOn("next.txt");
            var movedOn = await ReadyAsync(client);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, stalled.Status);
            Assert.StartsWith("ingestion stalled: nothing read or stored for", stalled.Text, StringComparison.Ordinal);
            Assert.Equal((HttpStatusCode.OK, "ready"), movedOn);
        }
        finally
        {
            activity.Ended();
        }
    }

    [Fact]
    public async Task Should_not_count_an_idle_archive_as_stalled()
    {
        await using var app = new ArchiveApplication();
        app.Settings["Archive:Limits:StallTime"] = "00:00:00.100";
        var client = await app.StartAsync();

        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.Equal((HttpStatusCode.OK, "ready"), await ReadyAsync(client));
    }

    private static async Task<(HttpStatusCode Status, string Text)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
