using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core;

/// <summary>The database servers the archive runs on: SQLite, embedded (the default), or a PostgreSQL server.</summary>
public enum ArchiveProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>Where the archive is stored: a provider and its connection string.</summary>
public sealed record ArchiveStorage(ArchiveProvider Provider, string ConnectionString)
{
    /// <summary>The assembly that holds the PostgreSQL migrations (the SQLite ones are in this assembly).</summary>
    public const string PostgreSqlMigrationsAssembly = "MinistryNews.Migrations.PostgreSQL";

    /// <summary>An embedded SQLite file.</summary>
    public static ArchiveStorage Sqlite(string databasePath) => new(ArchiveProvider.Sqlite, ArchiveDatabase.ConnectionString(databasePath));

    /// <summary>A PostgreSQL database, by its Npgsql connection string.</summary>
    public static ArchiveStorage PostgreSql(string connectionString) => new(ArchiveProvider.PostgreSQL, connectionString);

    /// <summary>Hides the password of a connection string, for logs and messages.</summary>
    public override string ToString() => Provider == ArchiveProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}";
}

/// <summary>Contexts on given options, for the ingestion outside a host's dependency injection (command line, tests, benchmarks).</summary>
public sealed class ArchiveContextFactory(DbContextOptions<ArchiveDbContext> options) : IDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext() => new(options);
}

/// <summary>How the archive opens its database, the same way for the web app, the command line and the tests.</summary>
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

    public static DbContextOptionsBuilder UseArchive(this DbContextOptionsBuilder options, string databasePath) =>
        options.UseArchive(ArchiveStorage.Sqlite(databasePath));

    public static DbContextOptionsBuilder UseArchive(this DbContextOptionsBuilder options, ArchiveStorage storage)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);

        // Lists project a few small collections per row (countries, participants): one query each, on purpose; the article
        // page, which loads many, asks for split queries itself.
        return storage.Provider switch
        {
            ArchiveProvider.Sqlite => options
                .UseSqlite(storage.ConnectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(ConnectionSettings.Instance),
            ArchiveProvider.PostgreSQL => options
                .UseNpgsql(storage.ConnectionString, npgsql => npgsql
                    .MigrationsAssembly(ArchiveStorage.PostgreSqlMigrationsAssembly)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)),
            _ => throw new ArgumentOutOfRangeException(nameof(storage), storage.Provider, "Unknown archive provider."),
        };
    }

    public static DbContextOptions<ArchiveDbContext> Options(string databasePath) => Options(ArchiveStorage.Sqlite(databasePath));

    public static DbContextOptions<ArchiveDbContext> Options(ArchiveStorage storage) =>
        (DbContextOptions<ArchiveDbContext>)new DbContextOptionsBuilder<ArchiveDbContext>().UseArchive(storage).Options;

    /// <summary>
    /// In WAL mode, synchronous=NORMAL keeps every committed transaction through a crash of the process (a power cut may
    /// lose the last ones, never the file's integrity) without a disk flush per commit, which cost more than the work
    /// of an article.
    /// </summary>
    private sealed class ConnectionSettings : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        /// <summary>Also: once a checkpoint has reset the write-ahead log, it is truncated to 64 MB rather than kept at its largest.</summary>
        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864;";

        public static readonly ConnectionSettings Instance = new();

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Applies the committed migrations (of the provider's migrations assembly); a SQLite file is put in WAL mode, so readers never wait for the ingestion.</summary>
    public static async Task MigrateAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
