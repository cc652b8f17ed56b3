using System.Threading.Channels;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Web.Ingestion;

/// <summary>
/// Ingests the data folder in the background once the app has started, so the site answers at once,
/// then watches the folder and ingests each file that appears or changes.
/// </summary>
public sealed partial class IngestionWorker(
    Ingestor ingestor,
    IngestionStatus status,
    IngestionOptions limits,
    IOptions<ArchiveOptions> options,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    // Editors and copies write a file in several steps: wait for it to settle before reading it.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the worker looks whether the ingestion has stalled.</summary>
    private static readonly TimeSpan StallCheck = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _ = WatchForStallsAsync(stoppingToken);
        var folder = options.Value.DataPath;
        if (!Directory.Exists(folder))
        {
            LogNoFolder(logger, folder);
            status.Faulted(new DirectoryNotFoundException($"The data folder '{folder}' does not exist."));
            return;
        }

        var changes = Channel.CreateUnbounded<string>();
        using var watcher = options.Value.Watch ? Watch(folder, changes.Writer) : null;
        try
        {
            status.Completed(await ingestor.IngestFolderAsync(folder, cancellationToken: stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The site goes on serving what is stored even when a batch fails; the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogBatchFailed(logger, ex, folder);
            status.Faulted(ex);
        }

        if (watcher is null)
        {
            return;
        }

        try
        {
            await ProcessChangesAsync(folder, changes.Reader, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ProcessChangesAsync(string folder, ChannelReader<string> changes, CancellationToken stoppingToken)
    {
        while (await changes.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Settle, stoppingToken);
            var paths = new HashSet<string>(StringComparer.Ordinal);
            while (changes.TryRead(out var path))
            {
                paths.Add(path);
            }

            // Files that appeared or changed are read; a file that is gone withdraws its article (or leaves its copies).
            foreach (var result in await ingestor.IngestFilesAsync(folder, [.. paths], stoppingToken))
            {
                LogWatched(logger, result.File, result.Outcome);
            }
        }
    }

    /// <summary>Logs a warning when the ingestion stalls (once a stall), and when it moves on again.</summary>
    private async Task WatchForStallsAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(StallCheck);
        var stalled = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var stall = ingestor.Activity.StalledFor(limits.StallTime);
                if (stall is { } now && !stalled)
                {
                    LogStalled(logger, (long)now.For.TotalSeconds, now.AfterFile ?? "no file");
                }
                else if (stall is null && stalled)
                {
                    LogMovedOn(logger);
                }

                stalled = stall is not null;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static FileSystemWatcher Watch(string folder, ChannelWriter<string> changes)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void OnChange(object sender, FileSystemEventArgs e)
        {
            if (SourceReader.IsSupported(e.FullPath))
            {
                changes.TryWrite(e.FullPath);
            }
        }

        watcher.Created += OnChange;
        watcher.Changed += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += (sender, e) =>
        {
            OnChange(sender, e);
            changes.TryWrite(e.OldFullPath);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion stalled: nothing read or stored for {Seconds} s, after {File}; /readyz answers 503")]
    private static partial void LogStalled(ILogger logger, long seconds, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion moves on again")]
    private static partial void LogMovedOn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The data folder {Folder} does not exist; nothing is ingested")]
    private static partial void LogNoFolder(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of {Folder} failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watched change to {File}: {Outcome}")]
    private static partial void LogWatched(ILogger logger, string file, FileOutcome outcome);

}
