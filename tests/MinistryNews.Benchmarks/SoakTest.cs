using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MinistryNews.Benchmarks;

/// <summary>
/// The soak of docs/reliability.md: the real web app started on a fresh database with N generated articles in its data
/// folder, so it ingests them while several clients read lists, searches, exports and the API for the whole run. Every
/// answer must be 2xx; at the end every article is stored once and the database passes its integrity check. Prints
/// the latencies during and after the ingestion and the app's memory over the run.
/// </summary>
internal static class SoakTest
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        Report.Header($"Soak: {options.Clients} clients for {duration.TotalMinutes:N1} min while the app ingests {options.Count:N0} articles");
        var corpus = Corpus.Ensure(options);
        var database = Path.Combine(options.Work, $"soak-{options.Count}.db");
        Report.DeleteDatabase(database);

        using var app = await WebApp.StartAsync(database, corpus, outputCache: true, settle: false);
        using var client = LoadTest.Client(options.Clients);
        string[] urls =
        [
            "/", "/articles", "/articles?country=japan", "/articles?page=40", "/articles?kind=meeting&country=korea",
            "/search?q=minister", "/search?q=memorandum+cooperation", "/api/articles?kind=agreement", "/countries", "/people",
            "/articles?country=laos&format=csv", "/feeds/articles.atom",
        ];

        var clock = Stopwatch.StartNew();
        var ingestedAt = TimeSpan.Zero;
        var samples = new List<(TimeSpan At, long Articles, long WorkingSet)>();
        var answers = new ConcurrentBag<(TimeSpan At, double Ms, int Status)>();
        var faults = new ConcurrentBag<string>();

        async Task ReadAsync(int first)
        {
            for (var i = first; clock.Elapsed < duration; i++)
            {
                var url = urls[i % urls.Length];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(new Uri(app.BaseAddress, url), HttpCompletionOption.ResponseContentRead);
                    answers.Add((clock.Elapsed, Stopwatch.GetElapsedTime(start).TotalMilliseconds, (int)response.StatusCode));
                }
                catch (HttpRequestException ex)
                {
                    faults.Add($"{url}: {ex.Message}");
                }
            }
        }

        async Task WatchAsync()
        {
            while (clock.Elapsed < duration)
            {
                var articles = CountArticles(database);
                app.Process.Refresh();
                samples.Add((clock.Elapsed, articles, app.Process.WorkingSet64));
                if (articles >= options.Count && ingestedAt == TimeSpan.Zero)
                {
                    ingestedAt = clock.Elapsed;
                }

                await Task.Delay(1000);
            }
        }

        await Task.WhenAll([WatchAsync(), .. Enumerable.Range(0, options.Clients).Select(c => Task.Run(() => ReadAsync(c)))]);

        var ingesting = answers.Where(a => ingestedAt == TimeSpan.Zero || a.At <= ingestedAt).ToList();
        var after = answers.Where(a => ingestedAt != TimeSpan.Zero && a.At > ingestedAt).ToList();
        var failed = answers.Count(a => a.Status is < 200 or > 299);
        Report.Row("Ingestion under load", ingestedAt == TimeSpan.Zero ? "not finished" : $"{ingestedAt.TotalSeconds:F0} s, {options.Count / ingestedAt.TotalSeconds:N0} articles/s", null, null);
        Report.Row("Reads while ingesting", Latencies(ingesting), null, null);
        Report.Row("Reads after", Latencies(after), null, null);
        Report.Row("Answers other than 2xx, and failed requests", $"{failed:N0} and {faults.Count:N0} of {answers.Count + faults.Count:N0}", "none", failed == 0 && faults.IsEmpty);
        var mb = samples.Select(s => s.WorkingSet / 1024.0 / 1024.0).ToList();
        Report.Row("App working set: peak, at the end", $"{mb.Max():N0} MB, {mb[^1]:N0} MB", null, null);

        var problems = new List<string>();
        var stored = CountArticles(database);
        if (stored != options.Count || Scalar(database, "SELECT count(DISTINCT SourceFile) FROM Articles") != options.Count)
        {
            problems.Add($"{stored:N0} articles stored of {options.Count:N0}");
        }

        if (Text(database, "PRAGMA integrity_check") != "ok")
        {
            problems.Add("integrity_check is not ok");
        }

        Report.Row("Stored once each, integrity check", $"{stored:N0} articles, {(problems.Count == 0 ? "ok" : "NOT ok")}", $"{options.Count:N0}, ok", problems.Count == 0);
        foreach (var (status, count) in answers.Where(a => a.Status is < 200 or > 299).GroupBy(a => a.Status).Select(g => (g.Key, g.Count())))
        {
            Console.WriteLine($"PROBLEM: {count:N0} answers with status {status}");
        }

        foreach (var fault in faults.Take(5).Concat(problems))
        {
            Console.WriteLine($"PROBLEM: {fault}");
        }

        return failed == 0 && faults.IsEmpty && problems.Count == 0 ? 0 : 1;
    }

    private static string Latencies(List<(TimeSpan At, double Ms, int Status)> answers)
    {
        if (answers.Count == 0)
        {
            return "none";
        }

        var sorted = answers.Select(a => a.Ms).Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"{sorted.Length:N0}: p50 {Percentile(0.5):N1}  p95 {Percentile(0.95):N1}  p99 {Percentile(0.99):N1} ms";
    }

    private static long CountArticles(string database)
    {
        try
        {
            return Scalar(database, "SELECT count(*) FROM Articles");
        }
        catch (SqliteException)
        {
            return 0; // Not made yet.
        }
    }

    private static long Scalar(string database, string sql) => Convert.ToInt64(Text(database, sql), CultureInfo.InvariantCulture);

    private static string? Text(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
