using System.Diagnostics;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Benchmarks;

/// <summary>
/// The store step alone, to set beside the raw baseline on equal terms: the corpus is read and extracted a few thousand
/// articles at a time (not timed), then the archive's writer stores them in its batches with nothing running beside it
/// (timed). In the end-to-end run the writer shares the two cores with the extraction.
/// </summary>
internal static class StoreStep
{
    private const int Chunk = 5000;

    public static async Task<double> RunAsync(string corpus, string database)
    {
        Report.DeleteDatabase(database);
        var options = ArchiveDatabase.Options(database);
        await using var db = new ArchiveDbContext(options);
        await ArchiveDatabase.MigrateAsync(db);
        using var writer = new ArticleWriter(db);
        var files = DataFolder.EnumerateSourceFiles(corpus).ToList();
        var timer = new Stopwatch();
        for (var start = 0; start < files.Count; start += Chunk)
        {
            var chunk = new ArticleToStore[Math.Min(Chunk, files.Count - start)];
            Parallel.For(0, chunk.Length, i =>
            {
                var path = files[start + i];
                var file = SourceReader.Read(path);
                chunk[i] = new ArticleToStore(Ingestor.KeyOf(corpus, path), file, ArticleExtractor.Default.Extract(file.Document! with { FileName = Path.GetFileName(path) }));
            });
            for (var i = 0; i < chunk.Length; i += Ingestor.BatchSize)
            {
                var batch = chunk.AsSpan(i, Math.Min(Ingestor.BatchSize, chunk.Length - i)).ToArray();
                timer.Start();
                var results = writer.Store(batch);
                timer.Stop();
                if (results.Any(r => r.Outcome != FileOutcome.Added))
                {
                    throw new InvalidOperationException($"The store step did not add {results.First(r => r.Outcome != FileOutcome.Added)}");
                }
            }
        }

        return timer.Elapsed.TotalSeconds;
    }
}
