using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Benchmarks;

/// <summary>What one ingestion did and cost, measured in a process that did nothing else.</summary>
internal sealed record IngestResult(int Files, int Added, int Updated, int Unchanged, int Failed, double Seconds, double StoringSeconds, long PeakWorkingSet, long ManagedHeap, long ManagedCommitted, long SqliteHighwater, double GcPauseSeconds, int Gen0, int Gen1, int Gen2, double CpuSeconds);

/// <summary>One ingestion of a folder in a process of its own, so its peak memory is its own; prints an <see cref="IngestResult"/>.</summary>
internal static class IngestRun
{
    public static async Task<int> RunAsync(string folder, string database)
    {
        var options = ArchiveDatabase.Options(database);
        await using (var db = new ArchiveDbContext(options))
        {
            await ArchiveDatabase.MigrateAsync(db);
        }

        using var ingestor = new Ingestor(new ArchiveContextFactory(options), ArticleExtractor.Default, new IngestionOptions(), NullLogger<Ingestor>.Instance);
        var report = await ingestor.IngestFolderAsync(folder);
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        var result = new IngestResult(report.Files.Count, report.Added, report.Updated, report.Unchanged, report.Failed, report.Elapsed.TotalSeconds, report.Storing.TotalSeconds, process.PeakWorkingSet64, gc.HeapSizeBytes, gc.TotalCommittedBytes, SQLitePCL.raw.sqlite3_memory_highwater(0),
            GC.GetTotalPauseDuration().TotalSeconds, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), process.TotalProcessorTime.TotalSeconds);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>Runs <see cref="RunAsync"/> in a child process and reads its result.</summary>
    public static async Task<IngestResult> InChildAsync(string folder, string database)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IngestRun).Assembly.Location);
        }

        foreach (var argument in new[] { "ingest-run", folder, database })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The ingestion process failed ({child.ExitCode}): {output}");
        }

        return JsonSerializer.Deserialize<IngestResult>(output.Trim().Split('\n')[^1])!;
    }

}
