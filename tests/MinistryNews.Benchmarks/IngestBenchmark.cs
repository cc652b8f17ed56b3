using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MinistryNews.Benchmarks;

/// <summary>
/// Ingestion at scale: N generated articles into a fresh database, end to end (read, parse, extract, store), in a process
/// of its own; the same folder again, unchanged; and the raw SQLite baseline of the same rows. Prints the figures beside
/// their targets; fails only when what was stored is wrong (the times are for the reader to judge, not for CI).
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        Report.Header($"Ingest benchmark: {options.Count:N0} generated articles");
        var corpus = Corpus.Ensure(options);
        Report.DeleteDatabase(options.Database);

        var first = await IngestRun.InChildAsync(corpus, options.Database);
        var again = await IngestRun.InChildAsync(corpus, options.Database);
        var baselineSeconds = await RawBaseline.RunAsync(options.Database, Path.Combine(options.Work, $"baseline-{options.Count}.db"));
        var storeSeconds = await StoreStep.RunAsync(corpus, Path.Combine(options.Work, $"store-{options.Count}.db"));

        var rate = first.Added / first.Seconds;
        var storeRate = first.Added / first.StoringSeconds;
        var storeAloneRate = first.Added / storeSeconds;
        var rawRate = first.Added / baselineSeconds;
        var peakMb = first.PeakWorkingSet / 1024.0 / 1024.0;
        var speedUp = first.Seconds / again.Seconds;
        Report.Row("End to end (read, parse, extract, store)", $"{first.Seconds:F1} s, {rate:N0} articles/s", "at least 4,000 articles/s", rate >= 4000);
        Report.Row("  of which the writer (sharing the cores)", $"{first.StoringSeconds:F1} s, {storeRate:N0} articles/s", null, null);
        Report.Row("Store step alone (the writer, cores to itself)", $"{storeSeconds:F1} s, {storeAloneRate:N0} articles/s", null, null);
        Report.Row("Raw prepared inserts of the same rows", $"{baselineSeconds:F1} s, {rawRate:N0} articles/s", null, null);
        Report.Row("Store step alone / raw baseline", $"{storeSeconds / baselineSeconds:F2}x", "at most 2x", storeSeconds <= 2 * baselineSeconds);
        Report.Row("  CPU of the ingesting process, GC pauses", $"{first.CpuSeconds:F1} s ({first.CpuSeconds / first.Seconds:P0} of a core), {first.GcPauseSeconds:F1} s paused in {first.Gen0:N0}/{first.Gen1:N0}/{first.Gen2:N0} collections", null, null);
        Report.Row("Peak working set (ingesting process)", $"{peakMb:N0} MB", "under 400 MB", peakMb < 400);
        Report.Row("Re-ingest of the unchanged folder", $"{again.Seconds:F2} s, {speedUp:F0}x faster", "at least 10x faster", speedUp >= 10);

        // What was stored must be what the corpus says, whatever the times.
        var problems = new List<string>();
        if (first.Added != options.Count || first.Failed != 0)
        {
            problems.Add($"first run: {first.Added} added and {first.Failed} failed of {options.Count}");
        }

        if (again.Unchanged != options.Count)
        {
            problems.Add($"second run: {again.Unchanged} unchanged of {options.Count}");
        }

        var gold = Corpus.GoldTotals(corpus);
        await using var connection = new SqliteConnection($"Data Source={options.Database};Mode=ReadOnly");
        connection.Open();
        long Count(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var stored = (Articles: Count("SELECT count(*) FROM Articles"), Meetings: Count("SELECT count(*) FROM Meetings"), Delegations: Count("SELECT count(*) FROM Delegations"), Agreements: Count("SELECT count(*) FROM Agreements"));
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA integrity_check";
            if (command.ExecuteScalar() as string != "ok")
            {
                problems.Add("integrity_check is not ok");
            }
        }

        if (stored.Articles != options.Count || stored.Meetings != gold.Meetings || stored.Delegations != gold.Delegations || stored.Agreements != gold.Agreements)
        {
            problems.Add($"stored {stored} but the gold has ({options.Count}, {gold.Meetings}, {gold.Delegations}, {gold.Agreements})");
        }

        Report.Row("Stored facts against the corpus gold", $"{stored.Meetings:N0} meetings, {stored.Delegations:N0} delegations, {stored.Agreements:N0} agreements", "equal to the gold", problems.Count == 0);
        foreach (var problem in problems)
        {
            Console.WriteLine($"PROBLEM: {problem}");
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
