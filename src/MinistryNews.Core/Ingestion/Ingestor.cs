using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using System.Threading.Channels;
using MinistryNews.Core.Extraction;

using MinistryNews.Core.Search;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// Ingests the press-release files of a folder. Files are read and extracted in parallel on every core, in chunks, while
/// one writer stores what they yield in batches of <see cref="BatchSize"/> articles, one transaction each, in file order
/// (so who is who is decided as if the files were stored one after the other). An unchanged file (same bytes, same
/// extraction) is skipped; a changed one replaces its article's facts; a file that cannot be read, extracted or stored
/// fails alone, named with its problem, and the batch goes on. A stop rolls back the batch being written, never half of
/// one. A file with the text of a stored article is one of its sources; a file that is not a press release is skipped
/// with the reason; when the last file of an article is gone from the folder, the article is withdrawn (its page stays).
/// One run at a time, in this process and (on PostgreSQL)
/// across every process that shares the archive (<see cref="IngestionLock"/>).
/// </summary>
public sealed partial class Ingestor(
    IDbContextFactory<ArchiveDbContext> contextFactory,
    ArticleExtractor extractor,
    IngestionOptions options,
    ILogger<Ingestor> logger) : IDisposable
{
    /// <summary>Articles stored in one transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>Files read and extracted together; the readers run this many chunks ahead of the writer at most.</summary>
    private const int ChunkSize = 64;
    private const int ChunksAhead = 4;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Whether an ingestion runs, and when it last moved on (the web app's readiness check reads it).</summary>
    public IngestionActivity Activity { get; } = new(TimeProvider.System);

    /// <summary>Raised after each batch that added or changed articles, once it is committed (caches of pages listen).</summary>
    public event EventHandler? Stored;

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
            await using var exclusive = await IngestionLock.AcquireAsync(contextFactory, cancellationToken);
            var data = new DataFolder(folder);
            var files = data.SourceFiles.ToList();
            foreach (var skipped in data.SkippedFolders)
            {
                LogSkippedFolder(logger, skipped.Folder, skipped.Reason);
            }

            var stored = await StoredAsync(null, cancellationToken);
            var changes = new ArchiveChanges();
            var (results, storing) = await RunAsync(data, files, stored, changes, progress, cancellationToken);
            var keys = results.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
            var missing = stored.Where(s => !s.Value.Withdrawn && !keys.Contains(s.Key)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
            var withdrawn = await WithdrawAsync(missing, changes, cancellationToken);
            var deciding = await RefreshRegistersAsync(results.Concat(withdrawn), changes, cancellationToken);
            var report = new IngestionReport(results, missing, stopwatch.Elapsed) { Storing = storing, Deciding = deciding, SkippedFolders = data.SkippedFolders, Withdrawn = withdrawn };
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

    /// <summary>Ingests some files of the folder (the folder watcher calls it for the files that appeared or changed).</summary>
    public async Task<IReadOnlyList<FileResult>> IngestFilesAsync(string folder, IReadOnlyCollection<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var exclusive = await IngestionLock.AcquireAsync(contextFactory, cancellationToken);
            var files = paths.Order(StringComparer.Ordinal).ToList();
            var keys = files.Select(p => KeyOf(folder, p)).ToList();
            var stored = await StoredAsync(keys, cancellationToken);

            // A stored file that is gone withdraws its article (or leaves the sources of an article that has others).
            var missing = files.Where(path => !File.Exists(path) && !Directory.Exists(path)).ToHashSet(StringComparer.Ordinal);
            var gone = files.Where((path, i) => missing.Contains(path) && stored.TryGetValue(keys[i], out var state) && !state.Withdrawn).ToList();
            var changes = new ArchiveChanges();
            var withdrawn = (await WithdrawAsync([.. gone.Select(p => KeyOf(folder, p))], changes, cancellationToken)).ToDictionary(r => r.File, StringComparer.Ordinal);

            // Any other name that is gone needs nothing: never stored (made and removed before it was read), or already withdrawn.
            var never = missing.Except(gone).ToHashSet(StringComparer.Ordinal);
            foreach (var path in never)
            {
                withdrawn[KeyOf(folder, path)] = new FileResult(KeyOf(folder, path), FileOutcome.Unchanged);
            }

            var present = files.Except(gone).Except(never).ToList();

            // The folder is walked only if a file needs it: one reached through a folder link, or a hard link.
            var read = (await RunAsync(new DataFolder(folder), present, stored, changes, null, cancellationToken)).Results;
            var byPath = present.Zip(read).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            await RefreshRegistersAsync(read.Concat(withdrawn.Values), changes, cancellationToken);
            return [.. files.Select(path => byPath.TryGetValue(path, out var result) ? result : withdrawn[KeyOf(folder, path)])];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads stored articles again from the text the archive keeps of them (their files are not opened), so that their
    /// corrections, as they now stand, are applied: what an editor's correction calls. Articles withdrawn because their
    /// files left the folder stay withdrawn; those the editors withdrew are read, so that undoing the withdrawal restores them.
    /// </summary>
    public async Task<IReadOnlyList<FileResult>> RereadAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var exclusive = await IngestionLock.AcquireAsync(contextFactory, cancellationToken);
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var articles = await db.Articles.IgnoreQueryFilters().AsNoTracking()
                .Where(a => articleIds.Contains(a.Id) && (a.WithdrawnAtUtc == null || a.WithdrawnByEditors))
                .OrderBy(a => a.Id)
                .Select(a => new { a.SourceFile, a.RawText, a.ContentHash })
                .ToListAsync(cancellationToken);
            var batch = articles.Select(a =>
            {
                var file = SourceReader.FromStored(a.SourceFile, a.RawText, a.ContentHash);
                return new ArticleToStore(a.SourceFile, file, extractor.Extract(file.Document!, cancellationToken));
            }).ToList();
            var changes = new ArchiveChanges();
            IReadOnlyList<FileResult> results;
            using (var writer = new ArticleWriter(db, changes))
            {
                results = writer.Store(batch, cancellationToken);
            }

            foreach (var failed in results.Where(r => r.Outcome == FileOutcome.Failed))
            {
                LogRejected(logger, failed.File, failed.Error ?? "storing failed");
            }

            await RefreshRegistersAsync(results, changes, cancellationToken);
            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Decides again the names, counts and offices of these people (a correction of a person's shown name calls it).</summary>
    public async Task RefreshPeopleAsync(IReadOnlyCollection<int> people, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var exclusive = await IngestionLock.AcquireAsync(contextFactory, cancellationToken);
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var changes = new ArchiveChanges();
            changes.People.UnionWith(people);
            await ArchiveRegisters.RefreshAsync(db, changes, cancellationToken);
            Stored?.Invoke(this, EventArgs.Empty);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ingests one file of the folder.</summary>
    public async Task<FileResult> IngestFileAsync(string folder, string path, CancellationToken cancellationToken = default) =>
        (await IngestFilesAsync(folder, [path], cancellationToken))[0];

    /// <summary>The article's identity: its path under the data folder, with '/' separators on every platform.</summary>
    public static string KeyOf(string folder, string path) =>
        Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>What the archive holds of a file: the hash of the bytes it read, the version of the extraction that read them, and whether its article is withdrawn.</summary>
    private sealed record StoredState(string ContentHash, string? ExtractorVersion, bool Withdrawn);

    /// <summary>The stored state of every file the archive knows (of <paramref name="keys"/> alone when given): the files articles were read from, and their copies.</summary>
    private async Task<Dictionary<string, StoredState>> StoredAsync(List<string>? keys, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var articles = db.Articles.IgnoreQueryFilters().AsNoTracking();
        var sources = db.ArticleSources.AsNoTracking();
        if (keys is not null)
        {
            articles = articles.Where(a => keys.Contains(a.SourceFile));
            sources = sources.Where(s => keys.Contains(s.Path));
        }

        var stored = await sources
            .Select(s => new { s.Path, s.ContentHash, s.Article.ExtractorVersion, Withdrawn = s.Article.WithdrawnAtUtc != null && !s.Article.WithdrawnByEditors })
            .ToDictionaryAsync(s => s.Path, s => new StoredState(s.ContentHash, s.ExtractorVersion, s.Withdrawn), StringComparer.Ordinal, cancellationToken);

        // An article the editors withdrew counts as stored: its file is read again only when it changes, and is withdrawn again.
        await foreach (var article in articles.Select(a => new { a.SourceFile, a.ContentHash, a.ExtractorVersion, Withdrawn = a.WithdrawnAtUtc != null && !a.WithdrawnByEditors }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            stored[article.SourceFile] = new StoredState(article.ContentHash, article.ExtractorVersion, article.Withdrawn);
        }

        return stored;
    }

    /// <summary>Once articles were added, changed or withdrawn: the names, offices and agreements decided across articles (<see cref="ArchiveRegisters"/>).</summary>
    private async Task<TimeSpan> RefreshRegistersAsync(IEnumerable<FileResult> results, ArchiveChanges changes, CancellationToken cancellationToken)
    {
        if (!results.Any(r => r.Outcome is FileOutcome.Added or FileOutcome.Updated or FileOutcome.Withdrawn))
        {
            return TimeSpan.Zero;
        }

        var stopwatch = Stopwatch.StartNew();
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await ArchiveRegisters.RefreshAsync(db, changes, cancellationToken);

            // After a run that changed many articles (a first ingestion, a new extraction), the search index in one piece.
            if (changes.Everything)
            {
                await SearchIndex.OptimizeAsync(db, cancellationToken);
            }
        }

        LogRegisters(logger, (long)stopwatch.Elapsed.TotalMilliseconds);
        Stored?.Invoke(this, EventArgs.Empty);
        return stopwatch.Elapsed;
    }

    /// <summary>Withdraws the articles whose files are gone (<see cref="ArticleWriter.Withdraw"/>); gives back the files whose article was withdrawn.</summary>
    private async Task<IReadOnlyList<FileResult>> WithdrawAsync(List<string> keys, ArchiveChanges changes, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writer = new ArticleWriter(db, changes);
        var results = writer.Withdraw(keys, cancellationToken);
        foreach (var result in results.Where(r => r.Outcome == FileOutcome.Withdrawn))
        {
            LogWithdrawn(logger, result.File, result.ArticleId ?? 0);
        }

        if (results.Any(r => r.Outcome == FileOutcome.Withdrawn))
        {
            Stored?.Invoke(this, EventArgs.Empty);
        }

        return results;
    }

    /// <summary>A file read and extracted: either its result is known (failed, unchanged) or it waits to be stored.</summary>
    private readonly record struct Prepared(int Index, FileResult? Result, ArticleToStore? Article);

    private async Task<(FileResult[] Results, TimeSpan Storing)> RunAsync(DataFolder folder, List<string> files, Dictionary<string, StoredState> stored, ArchiveChanges changes, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        Activity.Began();
        try
        {
            return await StoreAsync(folder, files, stored, changes, progress, cancellationToken);
        }
        finally
        {
            Activity.Ended();
        }
    }

    private async Task<(FileResult[] Results, TimeSpan Storing)> StoreAsync(DataFolder folder, List<string> files, Dictionary<string, StoredState> stored, ArchiveChanges changes, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new FileResult[files.Count];
        var chunks = Channel.CreateBounded<Prepared[]>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = Task.Run(() => ReadAsync(folder, files, stored, chunks.Writer, stop.Token), CancellationToken.None);

        ArchiveDbContext? db = null;
        ArticleWriter? writer = null;
        var pending = new List<(int Index, ArticleToStore Article)>(BatchSize);
        var done = 0;
        var storing = new Stopwatch();
        void Store()
        {
            if (pending.Count == 0)
            {
                return;
            }

            db ??= contextFactory.CreateDbContext();
            writer ??= new ArticleWriter(db, changes);
            storing.Start();
            var stored = writer.Store([.. pending.Select(p => p.Article)], cancellationToken);
            storing.Stop();
            for (var i = 0; i < pending.Count; i++)
            {
                var (index, article) = pending[i];
                var result = results[index] = stored[i];
                if (result.Outcome == FileOutcome.Failed)
                {
                    LogRejected(logger, result.File, result.Error ?? "storing failed");
                }
                else
                {
                    var facts = article.Extracted;
                    LogStored(logger, result.Outcome, result.File, result.ArticleId ?? 0, facts.Meetings.Count, facts.Delegations.Count, facts.Agreements.Count, facts.People.Count);
                }
            }

            if (stored.Any(r => r.Outcome is FileOutcome.Added or FileOutcome.Updated))
            {
                Stored?.Invoke(this, EventArgs.Empty);
            }

            done += pending.Count;
            Activity.MovedOn(pending[^1].Article.SourceFile);
            progress?.Report(new IngestionProgress(done, files.Count, pending[^1].Article.SourceFile));
            pending.Clear();
        }

        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var prepared in chunk)
                {
                    if (prepared.Article is { } article)
                    {
                        pending.Add((prepared.Index, article));
                    }
                    else
                    {
                        results[prepared.Index] = prepared.Result!;
                        done++;
                    }
                }

                if (pending.Count >= BatchSize)
                {
                    Store();
                }
                else if (chunk.Length > 0)
                {
                    progress?.Report(new IngestionProgress(done, files.Count, files[chunk[^1].Index]));
                }
            }

            Store();
            await readers;
            return (results, storing.Elapsed);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await readers;
            }
            catch (OperationCanceledException)
            {
                // The readers stop with the batch.
            }

            writer?.Dispose();
            if (db is not null)
            {
                await db.DisposeAsync();
            }
        }
    }

    /// <summary>Reads and extracts the files chunk by chunk, each chunk on every core, and hands the chunks on in order.</summary>
    private async Task ReadAsync(DataFolder folder, List<string> files, Dictionary<string, StoredState> stored, ChannelWriter<Prepared[]> chunks, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            for (var start = 0; start < files.Count; start += ChunkSize)
            {
                var chunk = new Prepared[Math.Min(ChunkSize, files.Count - start)];
                var first = start;
                Parallel.For(0, chunk.Length, parallel, i =>
                {
                    var path = files[first + i];
                    var key = KeyOf(folder.Folder, path);
                    chunk[i] = Prepare(first + i, folder, key, path, stored.GetValueOrDefault(key));
                    Activity.MovedOn(key);
                });
                await chunks.WriteAsync(chunk, cancellationToken);
            }

            chunks.Complete();
        }
        catch (Exception ex)
        {
            chunks.Complete(ex);
            throw;
        }
    }

    private Prepared Prepare(int index, DataFolder folder, string key, string path, StoredState? stored)
    {
        Prepared Failed(string error) => new(index, Fail(key, error), null);
        SourceFile file;
        try
        {
            if (folder.Refuses(path) is { } refusal)
            {
                return Failed(refusal);
            }

            file = SourceReader.Read(path, options);
        }
        catch (IOException ex)
        {
            return Failed($"file cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed($"file cannot be read: {ex.Message}");
        }
#pragma warning disable CA1031 // A file that breaks the reader (markup it cannot parse) fails alone, named with its problem.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFault(logger, ex, key, "reading");
            return Failed($"file cannot be parsed: {ex.Message}");
        }

        if (file.Document is null)
        {
            return Failed(file.Error ?? "file cannot be read");
        }

        if (stored is { Withdrawn: false } && stored.ContentHash == file.ContentHash && stored.ExtractorVersion == ArticleExtractor.Version)
        {
            LogUnchanged(logger, key);
            return new Prepared(index, new FileResult(key, FileOutcome.Unchanged), null);
        }

        using var budget = new CancellationTokenSource(options.MaxExtractionTime);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var extracted = extractor.Extract(file.Document with { FileName = Path.GetFileName(path) }, budget.Token);

            // Over the budget is over the budget, whether or not the extraction saw the budget's token cancelled before it
            // ended: the token's timer runs on the thread pool, which a batch keeps busy, so it can fire late.
            if (Stopwatch.GetElapsedTime(started) > options.MaxExtractionTime)
            {
                return Failed(OverBudget(file.Document.Text.Length));
            }
            if (IngestionOptions.EntitiesOf(extracted) is var entities && entities > options.MaxEntitiesPerArticle)
            {
                return Failed($"article names {entities:N0} entities (countries, people, organisations, events), over the limit of {options.MaxEntitiesPerArticle:N0}");
            }

            if (PressRelease.WhyNot(extracted) is { } reason)
            {
                LogSkipped(logger, key, reason);
                return new Prepared(index, new FileResult(key, FileOutcome.Skipped, Error: reason), null);
            }

            return new Prepared(index, null, new ArticleToStore(key, file, extracted));
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return Failed(OverBudget(file.Document.Text.Length));
        }
        catch (ExtractionLimitException ex)
        {
            return Failed($"extraction stopped: {ex.Message}");
        }
#pragma warning disable CA1031 // A fault in the extraction of one file must not stop the batch; it is reported with the file's name.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFault(logger, ex, key, "extraction");
            return Failed($"extraction failed: {ex.Message}");
        }
    }

    private string OverBudget(int characters) =>
        $"extraction took longer than the limit of {options.MaxExtractionTime.TotalSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} s a file ({characters:N0} characters); the text is not read";

    private FileResult Fail(string key, string error)
    {
        LogRejected(logger, key, error);
        return new FileResult(key, FileOutcome.Failed, Error: error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Folder}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Failed} failed, {Missing} missing in {ElapsedMs} ms")]
    private static partial void LogBatch(ILogger logger, string folder, int added, int updated, int unchanged, int failed, int missing, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored file {File} is gone from {Folder}")]
    private static partial void LogMissing(ILogger logger, string file, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Withdrew article {ArticleId}: its last file {File} is gone")]
    private static partial void LogWithdrawn(ILogger logger, string file, int articleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decided names, offices and the agreements register across the archive in {ElapsedMs} ms")]
    private static partial void LogRegisters(ILogger logger, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {File}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped the folder {Folder}: {Reason}")]
    private static partial void LogSkippedFolder(ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unchanged {File}")]
    private static partial void LogUnchanged(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Outcome} {File} as article {ArticleId}: {Meetings} meetings, {Delegations} delegations, {Agreements} agreements, {People} people")]
    private static partial void LogStored(ILogger logger, FileOutcome outcome, string file, int articleId, int meetings, int delegations, int agreements, int people);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected {File}: {Error}")]
    private static partial void LogRejected(ILogger logger, string file, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Step} step failed on {File}")]
    private static partial void LogFault(ILogger logger, Exception exception, string file, string step);
}
