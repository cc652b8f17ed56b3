using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Tests.Hosting;

/// <summary>
/// What an instance keeps (its cached pages, the whole archive's counts) follows the database, whoever writes to it:
/// another instance on the same PostgreSQL database, or the command line beside a running site. And an instance whose
/// database goes away says so in <c>/readyz</c> and comes back by itself.
/// </summary>
public sealed class SharedCacheTests(Xunit.Abstractions.ITestOutputHelper log)
{
    /// <summary>How soon another process's commit must show on an instance's cached pages.</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(2);

    private const string Title = "Deputy Minister receives the Ambassador of Chile";

    private const string Release = Title + "\n\nJune 2, 2022 | 09:00 am GMT+7\n\n"
        + "On June 1, in Hanoi, the Deputy Minister received the Ambassador of Chile.\n";

    /// <summary>The front page, a list, the feed: each kept in the cache before the change.</summary>
    private static readonly string[] Pages = ["/", "/articles?country=chile", "/feeds/articles.atom"];

    [PostgreSqlFact]
    public async Task Should_show_a_file_stored_through_one_instance_on_the_other_instance_s_cached_pages_within_two_seconds()
    {
        await using var first = new ArchiveApplication(watch: true);
        using var firstClient = await first.StartAsync();
        await using var second = new ArchiveApplication(beside: first);
        using var secondClient = await second.StartAsync();
        await AssertCachedWithoutAsync(secondClient);

        await File.WriteAllTextAsync(Path.Combine(first.DataFolder, "chile.txt"), Release);

        // Stored once the first instance shows it on its own pages; from then on, the second has two seconds.
        await EventuallyAsync(firstClient, TimeSpan.FromSeconds(60));
        var took = await EventuallyAsync(secondClient, Soon);

        log.WriteLine($"The second instance showed the article {took.TotalMilliseconds:N0} ms after the first.");
        Assert.True(took <= Soon, $"The second instance showed the article after {took.TotalSeconds:N1} s.");
        Assert.True(second.Services.GetRequiredService<GenerationWatch>().Listening, "The second instance listens for the archive's changes.");
    }

    [PostgreSqlFact]
    public async Task Should_check_the_generation_itself_on_postgresql_when_told_not_to_listen()
    {
        await using var first = new ArchiveApplication(watch: true);
        using var firstClient = await first.StartAsync();
        await using var second = new ArchiveApplication(beside: first);
        second.Settings["Archive:ListenForChanges"] = "false";
        using var secondClient = await second.StartAsync();
        await AssertCachedWithoutAsync(secondClient);

        await File.WriteAllTextAsync(Path.Combine(first.DataFolder, "chile.txt"), Release);
        await EventuallyAsync(firstClient, TimeSpan.FromSeconds(60));
        var took = await EventuallyAsync(secondClient, Soon);

        log.WriteLine($"Not listening, the second instance showed the article {took.TotalMilliseconds:N0} ms after the first.");
        Assert.False(second.Services.GetRequiredService<GenerationWatch>().Listening);
        Assert.True(took <= Soon, $"The second instance showed the article after {took.TotalSeconds:N1} s.");
    }

    [PostgreSqlFact]
    public async Task Should_check_the_generation_itself_while_its_notifications_are_cut_off_and_listen_again_after()
    {
        await using var first = new ArchiveApplication(watch: true);
        using var firstClient = await first.StartAsync();
        await using var second = new ArchiveApplication(beside: first);
        using var secondClient = await second.StartAsync();
        var watch = second.Services.GetRequiredService<GenerationWatch>();
        await AssertCachedWithoutAsync(secondClient);

        // The instances' listening sessions are ended as soon as they connect (as a proxy or a server that drops idle
        // sessions would), until the article has shown.
        using var cut = new CancellationTokenSource();
        var everCut = false;
        var cutting = Task.Run(async () =>
        {
            await using var admin = new Npgsql.NpgsqlConnection(first.Storage.ConnectionString);
            await admin.OpenAsync();
            await using var terminate = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'ministrynews-generation' AND datname = current_database()", admin);
            while (!cut.IsCancellationRequested)
            {
                everCut |= (long)(await terminate.ExecuteScalarAsync())! > 0;
                await Task.Delay(20);
            }
        });
        var deadline = Stopwatch.StartNew();
        while (watch.Listening && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.False(watch.Listening, "The second instance's listener was cut off.");
        await File.WriteAllTextAsync(Path.Combine(first.DataFolder, "chile.txt"), Release);
        await EventuallyAsync(firstClient, TimeSpan.FromSeconds(60));
        var took = await EventuallyAsync(secondClient, Soon);
        await cut.CancelAsync();
        await cutting;
        deadline.Restart();
        while (!watch.Listening && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        log.WriteLine($"Without notifications, the second instance showed the article {took.TotalMilliseconds:N0} ms after the first.");
        Assert.True(everCut);
        Assert.True(took <= Soon, $"The second instance showed the article after {took.TotalSeconds:N1} s.");
        Assert.True(watch.Listening, "The second instance listens again once its sessions are left alone.");
    }

    [Fact]
    public async Task Should_show_what_the_command_line_stores_beside_a_running_site_on_its_cached_pages_within_two_seconds()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        await AssertCachedWithoutAsync(client);

        await File.WriteAllTextAsync(Path.Combine(app.DataFolder, "chile.txt"), Release);
        var (code, output, error) = await IngestAsync(app);
        Assert.True(code == 0, $"ingest exited {code}: {output} {error}");
        Assert.Contains("1 added", output, StringComparison.Ordinal);
        var took = await EventuallyAsync(client, Soon);

        log.WriteLine($"The site showed the article {took.TotalMilliseconds:N0} ms after the command line ended.");
        Assert.True(took <= Soon, $"The site showed the article after {took.TotalSeconds:N1} s.");
    }

    [Fact]
    public async Task Should_drop_its_cached_pages_when_the_database_is_restored_from_an_older_backup()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        await AssertCachedWithoutAsync(client);

        // A restored backup holds the generation of its day, lower than the one the site knows.
        await using (var db = app.OpenDatabase())
        {
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "ArchiveGeneration" SET "Generation" = 0"""));
        }

        var stopwatch = Stopwatch.StartNew();
        bool cached;
        do
        {
            await Task.Delay(50);
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            cached = response.Headers.Age is not null;
        }
        while (cached && stopwatch.Elapsed < Soon + Soon);

        Assert.False(cached, $"The front page was still served from the cache after {stopwatch.Elapsed.TotalSeconds:N1} s.");
    }

    [PostgreSqlFact]
    public async Task Should_answer_503_while_postgresql_is_down_and_serve_every_request_once_it_is_back()
    {
        await using var cluster = await PostgreSqlCluster.StartAsync();
        await using var app = new ArchiveApplication(outputCache: false, storage: cluster.Storage);

        // Every request reads the database (no output cache), twenty at once (no site-wide queue in the way).
        app.Settings["Archive:ConcurrentUncachedRequests"] = "20";
        using var client = await app.StartAsync();
        var watch = app.Services.GetRequiredService<GenerationWatch>();
        Assert.Equal(HttpStatusCode.OK, await ReadyAsync(client));
        await AssertEveryPageAnswersAsync(client);

        await cluster.StopAsync();
        var down = await WaitForAsync(client, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
        await cluster.StartAgainAsync();

        // The pages first, at once, as readers would be: the connections pooled before the loss must not be handed out.
        await AssertEveryPageAnswersAsync(client);
        var back = await WaitForAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(30));

        Assert.True(down, "/readyz answered 503 while the database was down.");
        Assert.True(back, "/readyz answered 200 once the database was back.");
        var deadline = Stopwatch.StartNew();
        while (!watch.Listening && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.True(watch.Listening, "The instance listens for the archive's changes again.");
    }

    /// <summary>Each page answered twice without the article, the second time from the cache (it says its age).</summary>
    private static async Task AssertCachedWithoutAsync(HttpClient client)
    {
        foreach (var page in Pages)
        {
            using (await client.GetAsync(new Uri(page, UriKind.Relative)))
            {
            }

            using var again = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.NotNull(again.Headers.Age);
            Assert.DoesNotContain(Title, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>Asks every page until all show the article; how long that took.</summary>
    private static async Task<TimeSpan> EventuallyAsync(HttpClient client, TimeSpan within)
    {
        var stopwatch = Stopwatch.StartNew();
        var waiting = Pages.ToList();
        do
        {
            foreach (var page in waiting.ToList())
            {
                if ((await client.GetStringAsync(new Uri(page, UriKind.Relative))).Contains(Title, StringComparison.Ordinal))
                {
                    waiting.Remove(page);
                }
            }

            if (waiting.Count > 0)
            {
                await Task.Delay(50);
            }
        }
        while (waiting.Count > 0 && stopwatch.Elapsed < within + within);

        Assert.True(waiting.Count == 0, $"Still without the article after {stopwatch.Elapsed.TotalSeconds:N1} s: {string.Join(", ", waiting)}");
        return stopwatch.Elapsed;
    }

    /// <summary>The command line's <c>ingest</c>, as its own process, on the app's data folder and database.</summary>
    private static Task<(int Code, string Output, string Error)> IngestAsync(ArchiveApplication app)
    {
        // The tests run from bin/<configuration>/net10.0: the command line was built beside, in the same configuration.
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var cli = Path.Combine(Repository.Root ?? throw new InvalidOperationException("No MinistryNews.sln above the tests."), "src", "MinistryNews.Cli", "bin", configuration, "net10.0", "ministrynews.dll");
        string[] database = app.Storage.Provider == ArchiveProvider.PostgreSQL ? ["--postgres", app.Storage.ConnectionString] : ["--db", app.DatabasePath];
        return ToolProcess.RunAsync("dotnet", [cli, "ingest", app.DataFolder, .. database], TimeSpan.FromMinutes(2));
    }

    /// <summary>
    /// Pages that read the database, asked all at once (twice each), so that the app holds as many pooled connections as
    /// a busy instance would: each must answer 200.
    /// </summary>
    private static async Task AssertEveryPageAnswersAsync(HttpClient client)
    {
        string[] pages = ["/", "/articles", "/articles?country=japan", "/countries/japan", "/people", "/meetings", "/agreements", "/search?q=memorandum", "/api/articles", "/feeds/articles.atom"];
        var answers = await Task.WhenAll(pages.Concat(pages).Select(async page =>
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            return (Page: page, response.StatusCode);
        }));
        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, $"{a.Page} answered {(int)a.StatusCode}"));
    }

    private static async Task<bool> WaitForAsync(HttpClient client, HttpStatusCode status, TimeSpan within)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < within)
        {
            if (await ReadyAsync(client) == status)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return response.StatusCode;
    }
}
