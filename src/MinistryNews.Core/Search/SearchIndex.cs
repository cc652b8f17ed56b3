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
        if (db.Database.IsNpgsql())
        {
            return PostgreSqlHits(db, query);
        }

        var folded = query.ToFolded();
        if (!query.HasDiacritics)
        {
            return db.Database.SqlQuery<SearchHit>($"SELECT rowid AS Id, bm25(ArticleSearch, 10.0, 1.0, 5.0, 3.0) AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH {folded}");
        }

        var exact = query.ToExact();
        return db.Database.SqlQuery<SearchHit>(
            $"SELECT rowid AS Id, bm25(ArticleSearch, 10.0, 1.0, 5.0, 3.0) - CASE WHEN rowid IN (SELECT rowid FROM ArticleSearchExact WHERE ArticleSearchExact MATCH {exact}) THEN 1000.0 ELSE 0.0 END AS Rank FROM ArticleSearch WHERE ArticleSearch MATCH {folded}");
    }

    /// <summary>
    /// PostgreSQL: the same ranking with its own full-text search: <c>ts_rank</c> weighs the title (A) 1.0, the people
    /// (B) 0.5, the countries (C) 0.3 and the body (D) 0.1, negated so that lower is better as with bm25.
    /// </summary>
    private static IQueryable<SearchHit> PostgreSqlHits(ArchiveDbContext db, SearchQuery query)
    {
        var folded = query.ToFoldedTsQuery();
        if (!query.HasDiacritics)
        {
            return db.Database.SqlQuery<SearchHit>(
                $$"""SELECT s."ArticleId" AS "Id", CAST(-ts_rank('{0.1, 0.3, 0.5, 1.0}', s."Folded", q, 1) AS double precision) AS "Rank" FROM "ArticleSearch" AS s, to_tsquery('simple', {{folded}}) AS q WHERE s."Folded" @@ q""");
        }

        var exact = query.ToExactTsQuery();
        return db.Database.SqlQuery<SearchHit>(
            $$"""SELECT s."ArticleId" AS "Id", CAST(-ts_rank('{0.1, 0.3, 0.5, 1.0}', s."Folded", q, 1) - CASE WHEN s."Exact" @@ to_tsquery('simple', {{exact}}) THEN 1000.0 ELSE 0.0 END AS double precision) AS "Rank" FROM "ArticleSearch" AS s, to_tsquery('simple', {{folded}}) AS q WHERE s."Folded" @@ q""");
    }

    /// <summary>
    /// PostgreSQL: the search entry of an article (see the PostgreSQL migration FullTextSearch): its id; the folded
    /// title, body, people and countries as one weighted <c>tsvector</c> (through <c>unaccent</c>); the same four written
    /// with accents as another.
    /// </summary>
    public const string PostgreSqlInsert = """
        INSERT INTO "ArticleSearch" ("ArticleId", "Folded", "Exact") VALUES ($1,
            setweight(to_tsvector('simple', unaccent($2::text)), 'A') || setweight(to_tsvector('simple', unaccent($4::text)), 'B')
            || setweight(to_tsvector('simple', unaccent($5::text)), 'C') || setweight(to_tsvector('simple', unaccent($3::text)), 'D'),
            to_tsvector('simple', concat_ws(' ', $6::text, $7::text, $8::text, $9::text)))
        """;

    /// <summary>PostgreSQL: the search table, its GIN indexes, and foreign keys that a writer may check at its commit.</summary>
    public const string PostgreSqlCreateTables = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TABLE "ArticleSearch" (
            "ArticleId" integer PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
            "Folded" tsvector NOT NULL,
            "Exact" tsvector NOT NULL);
        CREATE INDEX "IX_ArticleSearch_Folded" ON "ArticleSearch" USING GIN ("Folded");
        CREATE INDEX "IX_ArticleSearch_Exact" ON "ArticleSearch" USING GIN ("Exact");
        DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace LOOP
                EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', r.tbl, r.conname);
            END LOOP;
        END $$;
        """;

    /// <summary>The marks around a matched word in a passage from <see cref="HeadlinesAsync"/> (private-use characters).</summary>
    public const char MarkStart = '\uE000';

    /// <inheritdoc cref="MarkStart"/>
    public const char MarkEnd = '\uE001';

    /// <summary>
    /// PostgreSQL: the passage of each text around the words the query matched (<c>ts_headline</c>, in the text search
    /// configuration <c>ministrynews</c>, which reads words without their accents as the index does), each matched word
    /// between <see cref="MarkStart"/> and <see cref="MarkEnd"/>; in the order of the texts.
    /// </summary>
    public static async Task<List<string>> HeadlinesAsync(ArchiveDbContext db, SearchQuery query, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(texts);
        var folded = query.ToFoldedTsQuery();
        var options = $"StartSel={MarkStart}, StopSel={MarkEnd}, MinWords=25, MaxWords=50, ShortWord=1, HighlightAll=false, MaxFragments=1";
        var values = texts.ToArray();
        return await db.Database.SqlQuery<string>(
            $"""SELECT ts_headline('ministrynews', t.text, to_tsquery('ministrynews', {folded}), {options}) AS "Value" FROM unnest({values}) WITH ORDINALITY AS t(text, n) ORDER BY t.n""")
            .ToListAsync(cancellationToken);
    }

    /// <summary>PostgreSQL: the text search configuration of the passages: simple words, through unaccent.</summary>
    public const string PostgreSqlCreateConfiguration = """
        CREATE TEXT SEARCH CONFIGURATION ministrynews (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION ministrynews
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
        """;

    /// <summary>
    /// The SQL that makes the two tables (in a migration). They are contentless: they keep the index of the words and
    /// not a copy of the text, which the articles hold already (passages are made from the article's own text), so
    /// a stored article costs its text's index and no second and third copy of it. <c>contentless_delete</c> lets a
    /// changed article's entry be deleted and written again.
    /// </summary>
    public const string CreateTables = """
        CREATE VIRTUAL TABLE ArticleSearch USING fts5(title, body, people, countries, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE ArticleSearchExact USING fts5(title, body, people, countries, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
        """;
}
