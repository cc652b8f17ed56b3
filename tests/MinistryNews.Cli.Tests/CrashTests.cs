using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Generation;

namespace MinistryNews.Cli.Tests;

/// <summary>A generated corpus large enough that an ingestion of it can be stopped in the middle, with its gold.</summary>
public sealed class CrashCorpus : IDisposable
{
    public const int Count = 4_000;

    public CrashCorpus()
    {
        Folder = Directory.CreateTempSubdirectory("ministrynews-crash").FullName;
        foreach (var article in new CorpusGenerator(Gazetteer.Default, 13).Generate(Count))
        {
            File.WriteAllText(Path.Combine(Folder, article.FileName), article.Text);
            var gold = JsonNode.Parse(article.GoldJson)!.AsObject();
            Gold[article.FileName] = (gold["meetings"]!.AsArray().Count, gold["delegations"]!.AsArray().Count, gold["agreements"]!.AsArray().Count);
        }
    }

    public string Folder { get; }

    /// <summary>Meetings, delegations and agreements of each file, as the generator wrote them.</summary>
    public Dictionary<string, (int Meetings, int Delegations, int Agreements)> Gold { get; } = new(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>
/// The command line stopped in the middle of a large batch, by SIGKILL (nothing runs after it) and by SIGTERM (it stops
/// cleanly): the database passes its integrity check, every article is whole or absent, and the next run completes the
/// batch without duplicates.
/// </summary>
public sealed class CrashTests(CrashCorpus corpus) : IClassFixture<CrashCorpus>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ministrynews-crash-db").FullName;

    [Fact]
    public async Task Should_keep_every_article_whole_or_absent_when_killed_and_complete_the_batch_on_the_next_run()
    {
        var database = TestDatabase.Create(_root);
        using var child = StartIngest(database);

        await WaitForStoredAsync(database, child);
        child.Kill();
        await child.WaitForExitAsync();

        var stored = Stored(database);
        Assert.InRange(stored.Count, 1, CrashCorpus.Count - 1);
        await AssertWholeAsync(database, stored);

        await CompleteAsync(database);
        TestDatabase.Drop(database);
    }

    [Fact]
    public async Task Should_roll_back_the_batch_being_stored_and_exit_when_asked_to_stop()
    {
        var database = TestDatabase.Create(_root);
        using var child = StartIngest(database);

        await WaitForStoredAsync(database, child);
        using (var kill = Process.Start("kill", ["-TERM", child.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await child.WaitForExitAsync(timeout.Token);
        var errors = await child.StandardError.ReadToEndAsync();

        Assert.Equal(130, child.ExitCode);
        Assert.Contains("stopped: the batch being stored was rolled back", errors, StringComparison.Ordinal);
        var stored = Stored(database);
        Assert.InRange(stored.Count, 1, CrashCorpus.Count - 1);
        await AssertWholeAsync(database, stored);

        await CompleteAsync(database);
        TestDatabase.Drop(database);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The command line, as a user runs it, in a process of its own.</summary>
    private Process StartIngest(ArchiveStorage database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] target = database.Provider == ArchiveProvider.Sqlite
            ? ["--db", new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource]
            : ["--postgres", database.ConnectionString];
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "ministrynews.dll"), "ingest", corpus.Folder, .. target];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The command line did not start.");
    }

    /// <summary>Waits until a first batch is committed (the child must still be running: the corpus is large enough).</summary>
    private static async Task WaitForStoredAsync(ArchiveStorage database, Process child)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !child.HasExited)
        {
            try
            {
                // A connection of its own, not pooled: the run that completes the batch must not share it.
                var watch = database.Provider == ArchiveProvider.Sqlite
                    ? new ArchiveStorage(ArchiveProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ConnectionString)
                    : database;
                await using var db = new ArchiveDbContext(ArchiveDatabase.Options(watch));
                if (await db.Articles.AnyAsync())
                {
                    return;
                }
            }
            catch (System.Data.Common.DbException)
            {
                // The database is being made (no tables yet); look again.
            }

            await Task.Delay(10);
        }

        Assert.Fail(child.HasExited ? $"the ingestion ended (exit {child.ExitCode}) before it could be stopped" : "no batch was stored in two minutes");
    }

    /// <summary>Asserts the database is whole and each stored article holds exactly the facts of its file.</summary>
    private async Task AssertWholeAsync(ArchiveStorage database, Dictionary<string, (int Meetings, int Delegations, int Agreements)> stored)
    {
        // SQLite: integrity and foreign keys; both: every article has its search entry and no entry is without its article.
        Assert.Equal("ok", await TestDatabase.CheckAsync(database));
        Assert.All(stored, pair => Assert.Equal(corpus.Gold[pair.Key], pair.Value));
        await using var db = new ArchiveDbContext(ArchiveDatabase.Options(database));
        Assert.Equal(stored.Count, await db.Database.SqlQuery<int>($"""SELECT CAST(count(*) AS INTEGER) AS "Value" FROM "ArticleSearch" """).SingleAsync());
    }

    /// <summary>Runs the batch again to its end: every file stored once, none twice.</summary>
    private async Task CompleteAsync(ArchiveStorage database)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await IngestCommand.RunAsync(corpus.Folder, database, output, errors);

        Assert.Equal(0, exit);
        var stored = Stored(database);
        Assert.Equal(CrashCorpus.Count, stored.Count);
        await using (var db = new ArchiveDbContext(ArchiveDatabase.Options(database)))
        {
            Assert.Equal(CrashCorpus.Count, await db.Articles.CountAsync());
            Assert.Equal(CrashCorpus.Count, await db.Articles.Select(a => a.SourceFile).Distinct().CountAsync());
        }

        await AssertWholeAsync(database, stored);
    }

    private static Dictionary<string, (int Meetings, int Delegations, int Agreements)> Stored(ArchiveStorage database)
    {
        using var db = new ArchiveDbContext(ArchiveDatabase.Options(database));
        return db.Articles.AsNoTracking()
            .Select(a => new { a.SourceFile, Meetings = a.Meetings.Count, Delegations = a.Delegations.Count, Agreements = a.Agreements.Count })
            .ToDictionary(a => a.SourceFile, a => (a.Meetings, a.Delegations, a.Agreements), StringComparer.Ordinal);
    }
}
