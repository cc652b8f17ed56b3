using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests;

/// <summary>A real SQLite archive in a folder of its own, with a data folder beside it; deleted at the end of the test.</summary>
public sealed class TempArchive : IAsyncDisposable
{
    private TempArchive(string root)
    {
        Root = root;
        DataFolder = Path.Combine(root, "data");
        DatabasePath = Path.Combine(root, "archive.db");
        Directory.CreateDirectory(DataFolder);
        Storage = TestDatabase.Create(root);
        Options = ArchiveDatabase.Options(Storage);
    }

    public string Root { get; }

    public string DataFolder { get; }

    /// <summary>The SQLite file, when the tests run on SQLite.</summary>
    public string DatabasePath { get; }

    /// <summary>The archive's database (a SQLite file, or a PostgreSQL database: see <see cref="TestDatabase"/>).</summary>
    public ArchiveStorage Storage { get; }

    public DbContextOptions<ArchiveDbContext> Options { get; }

    /// <summary>The repository's data folder, as copied beside the test assembly.</summary>
    public static string RepositoryData => Path.Combine(AppContext.BaseDirectory, "data");

    public static async Task<TempArchive> CreateAsync(bool withRepositoryData = true)
    {
        var archive = new TempArchive(Path.Combine(Path.GetTempPath(), "ministrynews-tests", Guid.NewGuid().ToString("N")));
        if (withRepositoryData)
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryData))
            {
                File.Copy(file, Path.Combine(archive.DataFolder, Path.GetFileName(file)));
            }
        }

        await using var db = archive.Open();
        await ArchiveDatabase.MigrateAsync(db);
        return archive;
    }

    public ArchiveDbContext Open() => new(Options);

    /// <summary>
    /// Makes the database as an archive stored before the migration named <paramref name="migration"/> (back to the one
    /// before it), then migrates it up again as on a first start of this version: what the migrations fill for old rows.
    /// </summary>
    public static async Task MigrateFromBeforeAsync(ArchiveDbContext db, string migration)
    {
        ArgumentNullException.ThrowIfNull(db);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith($"_{migration}", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);
        await ArchiveDatabase.MigrateAsync(db);
    }

    public Ingestor CreateIngestor(long maxFileBytes = SourceReader.DefaultMaxFileBytes) =>
        new(new ArchiveContextFactory(Options), ArticleExtractor.Default, new IngestionOptions { MaxFileBytes = maxFileBytes }, NullLogger<Ingestor>.Instance);

    public async Task<IngestionReport> IngestAsync(long maxFileBytes = SourceReader.DefaultMaxFileBytes)
    {
        using var ingestor = CreateIngestor(maxFileBytes);
        return await ingestor.IngestFolderAsync(DataFolder);
    }

    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(DataFolder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteFile(string name, string text) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(text));

    public ValueTask DisposeAsync()
    {
        TestDatabase.Drop(Storage);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left to the temp folder's own cleaning.
        }

        return ValueTask.CompletedTask;
    }

}
