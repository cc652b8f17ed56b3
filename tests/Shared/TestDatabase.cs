using Microsoft.Data.Sqlite;
using MinistryNews.Core;
using Npgsql;

namespace MinistryNews.Tests;

/// <summary>
/// The database server the integration tests run on: SQLite files (the default), or PostgreSQL when
/// <c>MINISTRYNEWS_TEST_PROVIDER=PostgreSQL</c> and <c>MINISTRYNEWS_TEST_POSTGRES</c> holds the connection string of a
/// server where the tests may create databases (<c>.ci/postgres start</c> makes one). Each app gets a database of its own.
/// </summary>
public static class TestDatabase
{
    public static ArchiveProvider Provider { get; } =
        Enum.TryParse<ArchiveProvider>(Environment.GetEnvironmentVariable("MINISTRYNEWS_TEST_PROVIDER"), ignoreCase: true, out var provider) ? provider : ArchiveProvider.Sqlite;

    public static bool IsPostgreSql => Provider == ArchiveProvider.PostgreSQL;

    private static string Server => Environment.GetEnvironmentVariable("MINISTRYNEWS_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("MINISTRYNEWS_TEST_PROVIDER is PostgreSQL but MINISTRYNEWS_TEST_POSTGRES (a server's connection string) is not set.");

    /// <summary>A new, empty database: a file path under <paramref name="root"/>, or a database made on the server.</summary>
    public static ArchiveStorage Create(string root)
    {
        if (!IsPostgreSql)
        {
            return ArchiveStorage.Sqlite(Path.Combine(root, "archive.db"));
        }

        var name = "ministrynews_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        return ArchiveStorage.PostgreSql(new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString);
    }

    /// <summary>Drops a database made by <see cref="Create"/> (a SQLite file goes with its folder).</summary>
    public static void Drop(ArchiveStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Provider == ArchiveProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(storage.ConnectionString).Database;
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Whether the database is whole: SQLite's <c>integrity_check</c> and <c>foreign_key_check</c>; on PostgreSQL (whose
    /// pages check themselves and whose foreign keys are checked at each commit), that every article has exactly one
    /// search entry and every search entry its article. "ok" when it is.
    /// </summary>
    public static async Task<string> CheckAsync(ArchiveStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Provider == ArchiveProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(storage.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await sqlite.OpenAsync();
            await using var check = sqlite.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var integrity = (string)(await check.ExecuteScalarAsync())!;
            check.CommandText = "SELECT count(*) FROM pragma_foreign_key_check";
            var violations = (long)(await check.ExecuteScalarAsync())!;
            return integrity != "ok" ? integrity : violations > 0 ? $"{violations} foreign key violations" : "ok";
        }

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM "Articles" a WHERE NOT EXISTS (SELECT 1 FROM "ArticleSearch" s WHERE s."ArticleId" = a."Id"))
                 + (SELECT count(*) FROM "ArticleSearch" s WHERE NOT EXISTS (SELECT 1 FROM "Articles" a WHERE a."Id" = s."ArticleId"))
            """;
        var broken = (long)(await command.ExecuteScalarAsync())!;
        return broken == 0 ? "ok" : $"{broken} articles and search entries out of step";
    }
}

/// <summary>A fact about SQLite itself (its query plans): skipped when the tests run on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgreSql)
        {
            Skip = "checks SQLite's own query plans";
        }
    }
}

/// <summary>A theory about SQLite itself (its query plans): skipped when the tests run on PostgreSQL.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.IsPostgreSql)
        {
            Skip = "checks SQLite's own query plans";
        }
    }
}

/// <summary>A fact about PostgreSQL deployments (several instances, one database): skipped on SQLite.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql)
        {
            Skip = "needs PostgreSQL (MINISTRYNEWS_TEST_PROVIDER=PostgreSQL)";
        }
    }
}
