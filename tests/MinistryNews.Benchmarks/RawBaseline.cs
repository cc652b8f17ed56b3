using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MinistryNews.Core;
using MinistryNews.Core.Search;

namespace MinistryNews.Benchmarks;

/// <summary>
/// The physical limit of the store: the very rows an ingestion wrote (articles, full-text entries, facts, links, people,
/// organisations, countries), read back and inserted into a fresh database of the same schema with prepared
/// <c>Microsoft.Data.Sqlite</c> commands, 1,000 articles a transaction, with the connection settings of the archive's
/// writer. Only the inserts and commits are timed. The full-text tables keep no text to read back: their entries are
/// made again from the articles, their people and countries, as the writer makes them.
/// </summary>
internal static class RawBaseline
{
    private const int ArticlesPerTransaction = 1000;

    private static readonly (string Table, string Select)[] Shared =
    [
        ("Countries", "SELECT * FROM Countries"),
        ("Organisations", "SELECT * FROM Organisations"),
        ("People", "SELECT * FROM People"),
        ("PersonNameWords", "SELECT * FROM PersonNameWords"),
    ];

    private static readonly (string Table, string Select)[] PerArticle =
    [
        ("Articles", "SELECT * FROM Articles WHERE Id BETWEEN $lo AND $hi"),
        ("ArticleCountries", "SELECT * FROM ArticleCountries WHERE ArticlesId BETWEEN $lo AND $hi"),
        ("ArticleOrganisations", "SELECT * FROM ArticleOrganisations WHERE ArticlesId BETWEEN $lo AND $hi"),
        ("ArticlePeople", "SELECT * FROM ArticlePeople WHERE ArticleId BETWEEN $lo AND $hi"),
        ("Meetings", "SELECT * FROM Meetings WHERE ArticleId BETWEEN $lo AND $hi"),
        ("MeetingParticipants", "SELECT * FROM MeetingParticipants WHERE MeetingId IN (SELECT Id FROM Meetings WHERE ArticleId BETWEEN $lo AND $hi)"),
        ("MeetingCountries", "SELECT * FROM MeetingCountries WHERE MeetingId IN (SELECT Id FROM Meetings WHERE ArticleId BETWEEN $lo AND $hi)"),
        ("Delegations", "SELECT * FROM Delegations WHERE ArticleId BETWEEN $lo AND $hi"),
        ("DelegationMembers", "SELECT * FROM DelegationMembers WHERE DelegationId IN (SELECT Id FROM Delegations WHERE ArticleId BETWEEN $lo AND $hi)"),
        ("DelegationDestinations", "SELECT * FROM DelegationDestinations WHERE DelegationId IN (SELECT Id FROM Delegations WHERE ArticleId BETWEEN $lo AND $hi)"),
        ("Agreements", "SELECT * FROM Agreements WHERE ArticleId BETWEEN $lo AND $hi"),
        ("AgreementCountries", "SELECT * FROM AgreementCountries WHERE AgreementId IN (SELECT Id FROM Agreements WHERE ArticleId BETWEEN $lo AND $hi)"),
        ("AgreementSignatories", "SELECT * FROM AgreementSignatories WHERE AgreementId IN (SELECT Id FROM Agreements WHERE ArticleId BETWEEN $lo AND $hi)"),
    ];

    /// <summary>Copies the rows of <paramref name="source"/> into a fresh database; the seconds spent inserting.</summary>
    public static async Task<double> RunAsync(string source, string target)
    {
        foreach (var file in new[] { target, target + "-wal", target + "-shm" })
        {
            File.Delete(file);
        }

        await using (var db = new ArchiveDbContext(ArchiveDatabase.Options(target)))
        {
            await ArchiveDatabase.MigrateAsync(db);
        }

        await using var from = new SqliteConnection($"Data Source={source};Mode=ReadOnly");
        await using var to = new SqliteConnection(ArchiveDatabase.ConnectionString(target));
        from.Open();
        to.Open();
        // The connection settings of the archive's own writer, so the two differ only in what they do.
        Execute(to, "PRAGMA synchronous = NORMAL");
        Execute(to, $"PRAGMA cache_size = -{MinistryNews.Core.Ingestion.ArticleWriter.CacheKibibytes}");
        Execute(to, $"PRAGMA wal_autocheckpoint = {MinistryNews.Core.Ingestion.ArticleWriter.CheckpointPages}");
        var statements = new Dictionary<string, SqliteCommand>();
        var timer = new Stopwatch();

        var shared = Shared.Select(s => (s.Table, Rows: Read(from, s.Select, 0, 0))).ToList();
        Insert(to, statements, timer, shared);

        var maxId = Convert.ToInt32(Scalar(from, "SELECT coalesce(max(Id), 0) FROM Articles"), System.Globalization.CultureInfo.InvariantCulture);
        for (var lo = 1; lo <= maxId; lo += ArticlesPerTransaction)
        {
            var hi = lo + ArticlesPerTransaction - 1;
            var rows = PerArticle.Select(s => (s.Table, Rows: Read(from, s.Select, lo, hi))).ToList();
            rows.InsertRange(1, SearchEntries(from, lo, hi));
            Insert(to, statements, timer, rows);
        }

        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }

        return timer.Elapsed.TotalSeconds;
    }

    private static void Insert(SqliteConnection to, Dictionary<string, SqliteCommand> statements, Stopwatch timer, List<(string Table, Rows Rows)> tables)
    {
        timer.Start();
        using var transaction = to.BeginTransaction();
        Execute(to, "PRAGMA defer_foreign_keys = ON", transaction);
        foreach (var (table, rows) in tables)
        {
            if (rows.Values.Count == 0)
            {
                continue;
            }

            if (!statements.TryGetValue(table, out var insert))
            {
                insert = to.CreateCommand();
                insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"${i}"))})";
                for (var i = 0; i < rows.Columns.Count; i++)
                {
                    insert.Parameters.Add(new SqliteParameter($"${i}", null));
                }

                statements[table] = insert;
            }

            insert.Transaction = transaction;
            foreach (var row in rows.Values)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    insert.Parameters[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        timer.Stop();
    }

    private sealed record Rows(IReadOnlyList<string> Columns, List<object[]> Values);

    private static Rows Read(SqliteConnection from, string sql, int lo, int hi)
    {
        using var command = from.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$lo", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$lo", lo);
            command.Parameters.AddWithValue("$hi", hi);
        }

        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var values = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            values.Add(row);
        }

        return new Rows(columns, values);
    }

    /// <summary>The two full-text entries of each article, folded and as written with accents (<see cref="SearchText"/>).</summary>
    private static (string Table, Rows Rows)[] SearchEntries(SqliteConnection from, int lo, int hi)
    {
        const string Sql = """
            SELECT a.Id, a.Title,
                coalesce((SELECT group_concat(json_extract(b.value, '$.text'), char(10)) FROM json_each(a.Body) b), ''),
                coalesce((SELECT group_concat(p.Name || char(10) || coalesce((SELECT group_concat(x.value, char(10)) FROM json_each(p.Aliases) x), ''), char(10))
                    FROM ArticlePeople m JOIN People p ON p.Id = m.PersonId WHERE m.ArticleId = a.Id), ''),
                coalesce((SELECT group_concat(c.Name || char(10) || coalesce((SELECT group_concat(x.value, char(10)) FROM json_each(c.Aliases) x), ''), char(10))
                    FROM ArticleCountries ac JOIN Countries c ON c.Id = ac.CountriesId WHERE ac.ArticlesId = a.Id), '')
            FROM Articles a WHERE a.Id BETWEEN $lo AND $hi
            """;
        var articles = Read(from, Sql, lo, hi).Values;
        string[] columns = ["rowid", "title", "body", "people", "countries"];
        object[] Entry(object[] row, Func<string, string> text) => [row[0], .. row.Skip(1).Select(v => (object)text((string)v))];
        return
        [
            ("ArticleSearch", new Rows(columns, [.. articles.Select(r => Entry(r, SearchText.Fold))])),
            ("ArticleSearchStemmed", new Rows(columns, [.. articles.Select(r => Entry(r, SearchText.Fold))])),
            ("ArticleSearchExact", new Rows(columns, [.. articles.Select(r => Entry(r, SearchText.AccentedWords))])),
        ];
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
