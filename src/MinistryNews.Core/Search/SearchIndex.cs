using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Articles;

namespace MinistryNews.Core.Search;

/// <summary>A match of the full-text index: the article and its bm25 rank (lower is better).</summary>
public sealed record SearchHit(int Id, double Rank);

/// <summary>
/// The full-text index of the articles, two SQLite FTS5 tables kept in step with the articles in the same transaction:
/// <c>ArticleSearch</c> holds folded text (no accents, đ as d) and finds; <c>ArticleSearchExact</c> holds the words written
/// with accents, as written, so a query typed with them ranks the articles written the same way first.
/// </summary>
public static class SearchIndex
{
    /// <summary>
    /// The articles that match, best first by bm25 (a word in the title weighs 10, in the people 5, the countries 3, the
    /// body 1); with accents typed, those that match as written come before the rest.
    /// </summary>
    public static IQueryable<SearchHit> Hits(ArchiveDbContext db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var folded = query.ToFolded();
        if (!query.HasDiacritics)
        {
            return db.Database.SqlQuery<SearchHit>($"SELECT rowid AS Id, bm25(ArticleSearch, 10.0, 1.0, 5.0, 3.0) AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH {folded}");
        }

        var exact = query.ToExact();
        return db.Database.SqlQuery<SearchHit>(
            $"SELECT rowid AS Id, bm25(ArticleSearch, 10.0, 1.0, 5.0, 3.0) - CASE WHEN rowid IN (SELECT rowid FROM ArticleSearchExact WHERE ArticleSearchExact MATCH {exact}) THEN 1000.0 ELSE 0.0 END AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH {folded}");
    }

    /// <summary>The SQL that makes the two tables (in a migration).</summary>
    public const string CreateTables = """
        CREATE VIRTUAL TABLE ArticleSearch USING fts5(title, body, people, countries, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE ArticleSearchExact USING fts5(title, body, people, countries, tokenize = 'unicode61 remove_diacritics 0');
        """;
}
