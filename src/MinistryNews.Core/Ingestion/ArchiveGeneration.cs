using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// How many times the archive changed: one row, whose number every transaction that stores, withdraws or decides
/// anything raises before it commits. Whoever keeps a view of the archive (a web instance's pages and counts) keeps it
/// for one generation, so a change committed by any process (another instance, the command line) reaches every cache:
/// on PostgreSQL the same statement notifies <see cref="Channel"/> at the commit, with the new number; on SQLite, or
/// while a listener is not connected, readers read the number (<see cref="ReadAsync"/>).
/// </summary>
public sealed class ArchiveGeneration
{
    /// <summary>The PostgreSQL notification channel; each notification's payload is the new generation.</summary>
    public const string Channel = "ministrynews_archive";

    /// <summary>The statement that raises the generation inside a writer's transaction (and, on PostgreSQL, notifies at its commit).</summary>
    public static string AdvanceSql(bool postgres) => postgres
        ? $"""UPDATE "{Table}" SET "Generation" = "Generation" + 1 WHERE "Id" = 1 RETURNING pg_notify('{Channel}', CAST("Generation" AS text))"""
        : $"""UPDATE "{Table}" SET "Generation" = "Generation" + 1 WHERE "Id" = 1""";

    /// <summary>The statement that reads the generation.</summary>
    public const string ReadSql = $"""SELECT "Generation" FROM "{Table}" WHERE "Id" = 1""";

    private const string Table = "ArchiveGeneration";

    public int Id { get; set; }

    public long Generation { get; set; }

    /// <summary>Raises the generation in the transaction of an EF Core context (the registers' refresh).</summary>
    public static Task AdvanceAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlRawAsync(AdvanceSql(db.Database.IsNpgsql()), cancellationToken);
    }

    /// <summary>The archive's generation, read on an open connection.</summary>
    public static async Task<long> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal sealed class Configuration : IEntityTypeConfiguration<ArchiveGeneration>
    {
        public void Configure(EntityTypeBuilder<ArchiveGeneration> builder)
        {
            builder.ToTable(Table);
            builder.Property(g => g.Id).ValueGeneratedNever();
            builder.HasData(new ArchiveGeneration { Id = 1, Generation = 0 });
        }
    }
}
