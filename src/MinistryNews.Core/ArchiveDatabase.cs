using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core;

/// <summary>How the archive opens its SQLite file, the same way for the web app, the command line and the tests.</summary>
public static class ArchiveDatabase
{
    public static string ConnectionString(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Readers and the ingestion share the file: wait for a lock rather than fail at once.
            DefaultTimeout = 30,
        }.ToString();
    }

    public static DbContextOptionsBuilder UseArchive(this DbContextOptionsBuilder options, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseSqlite(ConnectionString(databasePath));
    }

    public static DbContextOptions<ArchiveDbContext> Options(string databasePath) =>
        new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(ConnectionString(databasePath)).Options;

    /// <summary>Applies the committed migrations and puts the file in WAL mode, so readers never wait for the ingestion.</summary>
    public static async Task MigrateAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
