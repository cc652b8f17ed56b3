using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Cli;

/// <summary>
/// <c>ingest &lt;folder&gt; [--db &lt;path&gt;] [--postgres &lt;connection string&gt;]</c>: stores the folder's press releases
/// in the archive database (a SQLite file, or PostgreSQL) and prints what happened; the exit code is 1 when any file failed.
/// </summary>
internal static class IngestCommand
{
    public const string DefaultDatabase = "ministrynews.db";

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder of press-release files." };
        var (database, postgres) = StorageOptions();
        var command = new Command("ingest", "Read a folder of press releases into the archive.") { folder, database, postgres };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetRequiredValue(folder).FullName, StorageOf(result.GetValue(postgres), result.GetRequiredValue(database)), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>The options that choose the archive's database: <c>--db FILE</c> (SQLite) or <c>--postgres CONNECTION</c>.</summary>
    internal static (Option<string> Database, Option<string?> Postgres) StorageOptions() => (
        new Option<string>("--db")
        {
            Description = "The SQLite database file.",
            DefaultValueFactory = _ => DefaultDatabase,
            Recursive = true,
        },
        new Option<string?>("--postgres")
        {
            Description = "The archive in PostgreSQL instead, at this Npgsql connection string (or set ConnectionStrings__Archive and Archive__Provider=PostgreSQL).",
            Recursive = true,
        });

    /// <summary>PostgreSQL when a connection string is given (or the web app's environment variables say so), else the SQLite file.</summary>
    internal static ArchiveStorage StorageOf(string? postgres, string databasePath)
    {
        postgres ??= string.Equals(Environment.GetEnvironmentVariable("Archive__Provider"), nameof(ArchiveProvider.PostgreSQL), StringComparison.OrdinalIgnoreCase)
            ? Environment.GetEnvironmentVariable("ConnectionStrings__Archive")
            : null;
        return string.IsNullOrWhiteSpace(postgres) ? ArchiveStorage.Sqlite(databasePath) : ArchiveStorage.PostgreSql(postgres);
    }

    public static Task<int> RunAsync(string folder, string databasePath, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default) =>
        RunAsync(folder, ArchiveStorage.Sqlite(databasePath), output, errors, cancellationToken);

    public static async Task<int> RunAsync(string folder, ArchiveStorage storage, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            await errors.WriteLineAsync($"{folder}: no such folder");
            return 2;
        }

        var options = ArchiveDatabase.Options(storage);
        await using (var db = new ArchiveDbContext(options))
        {
            await ArchiveDatabase.MigrateAsync(db, cancellationToken);
        }

        using var ingestor = new Ingestor(new ArchiveContextFactory(options), ArticleExtractor.Default, new IngestionOptions(), NullLogger<Ingestor>.Instance);
        var progress = new ProgressDisplay(errors);
        IngestionReport report;
        try
        {
            report = await ingestor.IngestFolderAsync(folder, progress, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // SIGINT or SIGTERM: the batch being written was rolled back, the batches before it are stored whole.
            progress.Finish();
            await errors.WriteLineAsync("stopped: the batch being stored was rolled back; the files stored before it are kept, and the next run goes on from there");
            return 130;
        }

        progress.Finish();

        var withdrawn = report.Withdrawn.Count(w => w.Outcome == FileOutcome.Withdrawn);
        await output.WriteLineAsync($"{report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Duplicates} copies, {report.Skipped} skipped, {withdrawn} withdrawn, {report.Failed} failed ({report.Files.Count} files in {report.Elapsed.TotalSeconds:F1} s, {report.Storing.TotalSeconds:F1} s of it storing, {report.Deciding.TotalSeconds:F1} s deciding names, offices and agreements)");
        foreach (var failure in report.Failures)
        {
            await output.WriteLineAsync($"failed: {failure.File}: {failure.Error}");
        }

        foreach (var copy in report.Files.Where(f => f.Outcome == FileOutcome.Duplicate))
        {
            await output.WriteLineAsync($"copy: {copy.File} has the text of article {copy.ArticleId}: stored as one of its sources");
        }

        foreach (var skipped in report.Files.Where(f => f.Outcome == FileOutcome.Skipped))
        {
            await output.WriteLineAsync($"skipped: {skipped.File}: {skipped.Error}");
        }

        foreach (var skipped in report.SkippedFolders)
        {
            await output.WriteLineAsync($"skipped: {skipped.Folder}/: {skipped.Reason}");
        }

        foreach (var gone in report.Withdrawn)
        {
            await output.WriteLineAsync(gone.Outcome == FileOutcome.Withdrawn
                ? $"withdrawn: {gone.File} is gone: article {gone.ArticleId} is withdrawn (its page stays, marked; the file's return restores it)"
                : $"gone: {gone.File} is gone: article {gone.ArticleId} keeps its other files");
        }

        return report.Failed == 0 ? 0 : 1;
    }


    /// <summary>A one-line progress display on standard error for batches long enough to need one.</summary>
    private sealed class ProgressDisplay(TextWriter errors) : IProgress<IngestionProgress>
    {
        private const int Threshold = 50;
        private DateTime _last = DateTime.MinValue;
        private bool _shown;

        public void Report(IngestionProgress value)
        {
            if (value.Total < Threshold || (DateTime.UtcNow - _last).TotalMilliseconds < 250 && value.Done != value.Total)
            {
                return;
            }

            _last = DateTime.UtcNow;
            _shown = true;
            var line = $"[{value.Done}/{value.Total}] {value.Done * 100 / value.Total}%";
            errors.Write(Console.IsErrorRedirected ? line + Environment.NewLine : "\r" + line);
        }

        public void Finish()
        {
            if (_shown && !Console.IsErrorRedirected)
            {
                errors.WriteLine();
            }
        }
    }
}
