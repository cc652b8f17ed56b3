using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
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
        var database = Path.Combine(_root, "killed.db");
        using var child = StartIngest(database);

        await WaitForStoredAsync(database, child);
        child.Kill();
        await child.WaitForExitAsync();

        var stored = Stored(database);
        Assert.InRange(stored.Count, 1, CrashCorpus.Count - 1);
        AssertWhole(database, stored);

        await CompleteAsync(database);
    }

    [Fact]
    public async Task Should_roll_back_the_batch_being_stored_and_exit_when_asked_to_stop()
    {
        var database = Path.Combine(_root, "stopped.db");
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
        AssertWhole(database, stored);

        await CompleteAsync(database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The command line, as a user runs it, in a process of its own.</summary>
    private Process StartIngest(string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ministrynews.dll"), "ingest", corpus.Folder, "--db", database })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The command line did not start.");
    }

    /// <summary>Waits until a first batch is committed (the child must still be running: the corpus is large enough).</summary>
    private static async Task WaitForStoredAsync(string database, Process child)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !child.HasExited)
        {
            try
            {
                if (File.Exists(database) && Count(database, "SELECT count(*) FROM sqlite_master WHERE name = 'Articles'") > 0 && Count(database, "SELECT count(*) FROM Articles") > 0)
                {
                    return;
                }
            }
            catch (SqliteException)
            {
                // The database is being made; look again.
            }

            await Task.Delay(10);
        }

        Assert.Fail(child.HasExited ? $"the ingestion ended (exit {child.ExitCode}) before it could be stopped" : "no batch was stored in two minutes");
    }

    /// <summary>Asserts the database is whole and each stored article holds exactly the facts of its file.</summary>
    private void AssertWhole(string database, Dictionary<string, (int Meetings, int Delegations, int Agreements)> stored)
    {
        Assert.Equal(1, Count(database, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"));
        Assert.Equal(0, Count(database, "SELECT count(*) FROM pragma_foreign_key_check"));
        Assert.All(stored, pair => Assert.Equal(corpus.Gold[pair.Key], pair.Value));
        Assert.Equal(stored.Count, Count(database, "SELECT count(*) FROM ArticleSearch"));
    }

    /// <summary>Runs the batch again to its end: every file stored once, none twice.</summary>
    private async Task CompleteAsync(string database)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await IngestCommand.RunAsync(corpus.Folder, database, output, errors);

        Assert.Equal(0, exit);
        var stored = Stored(database);
        Assert.Equal(CrashCorpus.Count, stored.Count);
        Assert.Equal(CrashCorpus.Count, Count(database, "SELECT count(DISTINCT SourceFile) FROM Articles"));
        Assert.Equal(CrashCorpus.Count, Count(database, "SELECT count(*) FROM Articles"));
        AssertWhole(database, stored);
    }

    private static Dictionary<string, (int Meetings, int Delegations, int Agreements)> Stored(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.SourceFile,
                   (SELECT count(*) FROM Meetings m WHERE m.ArticleId = a.Id),
                   (SELECT count(*) FROM Delegations d WHERE d.ArticleId = a.Id),
                   (SELECT count(*) FROM Agreements g WHERE g.ArticleId = a.Id)
            FROM Articles a
            """;
        using var reader = command.ExecuteReader();
        var stored = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            stored.Add(reader.GetString(0), (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return stored;
    }

    private static long Count(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
