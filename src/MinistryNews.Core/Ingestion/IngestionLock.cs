using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// One ingestion at a time across every process that shares the archive. On PostgreSQL, where several web instances share
/// one database, a session-level advisory lock held for the whole run: another instance waits for it, then finds what
/// the first stored unchanged, so no article is stored twice. SQLite needs none: its writer takes the file's write lock
/// for each batch, and one process serves an embedded archive.
/// </summary>
public sealed class IngestionLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "MinNews" in ASCII.</summary>
    public const long Key = 0x4D696E4E657773;

    private readonly ArchiveDbContext? _db;

    private IngestionLock(ArchiveDbContext? db) => _db = db;

    /// <summary>Waits for the lock (at once on SQLite).</summary>
    public static async Task<IngestionLock> AcquireAsync(IDbContextFactory<ArchiveDbContext> contextFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await db.DisposeAsync();
            return new IngestionLock(null);
        }

        try
        {
            // The lock belongs to the session: the connection stays open until the run ends.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
            return new IngestionLock(db);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        try
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
        }
        finally
        {
            // Closing the session would release the lock anyway.
            await _db.Database.CloseConnectionAsync();
            await _db.DisposeAsync();
        }
    }
}
