using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// Ingests the press-release files of a folder: reads, extracts and stores each one in its own transaction.
/// An unchanged file (same bytes) is skipped; a changed one replaces its article's facts; a file that cannot be
/// read or stored fails alone, named with its problem, and the batch goes on. A file gone from the folder is
/// reported, not deleted. One batch runs at a time.
/// </summary>
public sealed partial class Ingestor(
    IDbContextFactory<ArchiveDbContext> contextFactory,
    ArticleExtractor extractor,
    IngestionOptions options,
    ILogger<Ingestor> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<IngestionReport> IngestFolderAsync(
        string folder,
        IProgress<IngestionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The data folder '{folder}' does not exist.");
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var files = DataFolder.EnumerateSourceFiles(folder).ToList();
            Dictionary<string, StoredState> stored;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                stored = await db.Articles.AsNoTracking().ToDictionaryAsync(a => a.SourceFile, a => new StoredState(a.ContentHash, a.ExtractorVersion), StringComparer.Ordinal, cancellationToken);
            }

            var results = new List<FileResult>(files.Count);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = KeyOf(folder, path);
                keys.Add(key);
                var result = await IngestOneAsync(key, path, stored.GetValueOrDefault(key), cancellationToken);
                results.Add(result);
                progress?.Report(new IngestionProgress(results.Count, files.Count, key));
            }

            var missing = stored.Keys.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).ToList();
            var report = new IngestionReport(results, missing, stopwatch.Elapsed);
            foreach (var gone in missing)
            {
                LogMissing(logger, gone, folder);
            }

            LogBatch(logger, folder, report.Added, report.Updated, report.Unchanged, report.Failed, missing.Count, (long)stopwatch.Elapsed.TotalMilliseconds);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ingests one file of the folder (the folder watcher calls it for a file that appeared or changed).</summary>
    public async Task<FileResult> IngestFileAsync(string folder, string path, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var key = KeyOf(folder, path);
            StoredState? state;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                state = await db.Articles.Where(a => a.SourceFile == key).Select(a => new StoredState(a.ContentHash, a.ExtractorVersion)).FirstOrDefaultAsync(cancellationToken);
            }

            return await IngestOneAsync(key, path, state, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The article's identity: its path under the data folder, with '/' separators on every platform.</summary>
    public static string KeyOf(string folder, string path) =>
        Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>What the archive holds of a file: the hash of the bytes it read and the version of the extraction that read them.</summary>
    private sealed record StoredState(string ContentHash, string? ExtractorVersion);

    private async Task<FileResult> IngestOneAsync(string key, string path, StoredState? stored, CancellationToken cancellationToken)
    {
        SourceFile file;
        try
        {
            file = SourceReader.Read(path, options.MaxFileBytes);
        }
        catch (IOException ex)
        {
            return Fail(key, $"file cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail(key, $"file cannot be read: {ex.Message}");
        }

        if (file.Document is null)
        {
            return Fail(key, file.Error ?? "file cannot be read");
        }

        if (stored is not null && stored.ContentHash == file.ContentHash && stored.ExtractorVersion == ArticleExtractor.Version)
        {
            LogUnchanged(logger, key);
            return new FileResult(key, FileOutcome.Unchanged);
        }

        ExtractedArticle extracted;
        try
        {
            extracted = extractor.Extract(file.Document with { FileName = Path.GetFileName(path) });
        }
#pragma warning disable CA1031 // A fault in the extraction of one file must not stop the batch; it is reported with the file's name.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFault(logger, ex, key, "extraction");
            return Fail(key, $"extraction failed: {ex.Message}");
        }

        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var (articleId, added) = await ArticleStore.SaveAsync(db, key, file, extracted, cancellationToken);
            var outcome = added ? FileOutcome.Added : FileOutcome.Updated;
            LogStored(logger, outcome, key, articleId, extracted.Meetings.Count, extracted.Delegations.Count, extracted.Agreements.Count, extracted.People.Count);
            return new FileResult(key, outcome, articleId);
        }
        catch (DbUpdateException ex)
        {
            LogFault(logger, ex, key, "storing");
            return Fail(key, $"storing failed: {ex.GetBaseException().Message}");
        }
    }

    private FileResult Fail(string key, string error)
    {
        LogRejected(logger, key, error);
        return new FileResult(key, FileOutcome.Failed, Error: error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Folder}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Failed} failed, {Missing} missing in {ElapsedMs} ms")]
    private static partial void LogBatch(ILogger logger, string folder, int added, int updated, int unchanged, int failed, int missing, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored article {File} has no file in {Folder} any more; it is kept")]
    private static partial void LogMissing(ILogger logger, string file, string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unchanged {File}")]
    private static partial void LogUnchanged(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Outcome} {File} as article {ArticleId}: {Meetings} meetings, {Delegations} delegations, {Agreements} agreements, {People} people")]
    private static partial void LogStored(ILogger logger, FileOutcome outcome, string file, int articleId, int meetings, int delegations, int agreements, int people);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected {File}: {Error}")]
    private static partial void LogRejected(ILogger logger, string file, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Step} step failed on {File}")]
    private static partial void LogFault(ILogger logger, Exception exception, string file, string step);
}
