using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Articles;

namespace MinistryNews.Core.Search;

/// <summary>A match of the full-text index: the article and its bm25 rank (lower is better).</summary>
public sealed record SearchHit(int Id, double Rank);

/// <summary>
/// The full-text index of the articles, three SQLite FTS5 tables kept in step with the articles in the same transaction:
/// <c>ArticleSearchStemmed</c> holds folded text (no accents, đ as d) by its English stems (porter: "ministers" and
/// "minister" are both "minist") and finds; <c>ArticleSearch</c> holds the same words as they are, which rank the spellings typed first and
/// find the prefixes; <c>ArticleSearchExact</c> holds the words written with accents, as written, so a query typed with
/// them ranks the articles written the same way before the rest.
/// </summary>
public static class SearchIndex
{
    /// <summary>How much a tier of exactness weighs against any bm25 rank: a whole tier always comes first.</summary>
    private const string Tier = "1000.0";

    /// <summary>FTS5's command that merges every segment of a table's index into one, for each of the three tables.</summary>
    private static readonly string[] Optimize =
    [
        "INSERT INTO ArticleSearch(ArticleSearch) VALUES('optimize')",
        "INSERT INTO ArticleSearchStemmed(ArticleSearchStemmed) VALUES('optimize')",
        "INSERT INTO ArticleSearchExact(ArticleSearchExact) VALUES('optimize')",
    ];

    /// <summary>
    /// On SQLite, merges each full-text table's index into one segment, after a run that stored many articles: FTS5
    /// writes each transaction's words as a segment of its own and merges them only now and then, and a word is read from
    /// every segment. At 100,000 articles stored in batches the stems' index had 17 segments, and counting the articles
    /// with a word in all of them took 21.8 ms; merged (3.2 s), 4.1 ms. PostgreSQL's GIN indexes need no such step.
    /// </summary>
    public static async Task OptimizeAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        foreach (var statement in Optimize)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }

    /// <summary>
    /// The articles that match, best first: those with the words as typed (with their accents, when typed with them)
    /// before those with other forms of them (other stems, other names of a place), each tier by bm25 (a word in the
    /// title weighs 10, in the people 5, the countries 3, the body 1).
    /// </summary>
    public static IQueryable<SearchHit> Hits(ArchiveDbContext db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        if (db.Database.IsNpgsql())
        {
            return PostgreSqlHits(db, query);
        }

        // Words and phrases are found by their stems; prefixes by the words as written. A query of prefixes alone is
        // all as typed: its one tier needs no second look.
        var parameters = new List<object>();
        string Parameter(string value)
        {
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        }

        var table = query.HasWords ? "ArticleSearchStemmed" : "ArticleSearch";
        var rank = new StringBuilder($"bm25({table}, 10.0, 1.0, 5.0, 3.0)");
        if (query.HasWords)
        {
            rank.Append(CultureInfo.InvariantCulture, $" - CASE WHEN rowid IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH {Parameter(query.ToFolded())}) THEN {Tier} ELSE 0.0 END");
        }

        if (query.HasDiacritics)
        {
            rank.Append(CultureInfo.InvariantCulture, $" - CASE WHEN rowid IN (SELECT rowid FROM ArticleSearchExact WHERE ArticleSearchExact MATCH {Parameter(query.ToExact())}) THEN {Tier} ELSE 0.0 END");
        }

        var where = $"{table} MATCH {Parameter(query.HasWords ? query.ToStemmed() : query.ToPrefixes())}";
        if (query.HasWords && query.HasPrefixes)
        {
            where += $" AND rowid IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH {Parameter(query.ToPrefixes())})";
        }

        // The SQL is made of this method's own text; what the user typed is only ever a parameter.
        var sql = $"SELECT rowid AS Id, {rank} AS Rank FROM {table} WHERE {where}";
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(sql, [.. parameters]));
    }

    /// <summary>
    /// PostgreSQL: the same tiers with its own full-text search: <c>ts_rank</c> weighs the title (A) 1.0, the people
    /// (B) 0.5, the countries (C) 0.3 and the body (D) 0.1, negated so that lower is better as with bm25. The stems are
    /// those of the text search configuration <c>ministrynews_english</c> (English snowball stems of the words without
    /// their accents, and no stop words, so that "the" finds as in SQLite).
    /// </summary>
    private static IQueryable<SearchHit> PostgreSqlHits(ArchiveDbContext db, SearchQuery query)
    {
        var parameters = new List<object>();
        string Parameter(string value)
        {
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        }

        var (column, found) = query.HasWords
            ? ("Stemmed", $"to_tsquery('ministrynews_english', {Parameter(query.ToStemmedTsQuery())})")
            : ("Folded", $"to_tsquery('simple', {Parameter(query.ToPrefixTsQuery())})");
        var rank = new StringBuilder($"-ts_rank(ARRAY[0.1, 0.3, 0.5, 1.0]::real[], s.\"{column}\", q, 1)");
        if (query.HasWords)
        {
            rank.Append(CultureInfo.InvariantCulture, $" - CASE WHEN s.\"Folded\" @@ to_tsquery('simple', {Parameter(query.ToFoldedTsQuery())}) THEN {Tier} ELSE 0.0 END");
        }

        if (query.HasDiacritics)
        {
            rank.Append(CultureInfo.InvariantCulture, $" - CASE WHEN s.\"Exact\" @@ to_tsquery('simple', {Parameter(query.ToExactTsQuery())}) THEN {Tier} ELSE 0.0 END");
        }

        var where = $"s.\"{column}\" @@ q";
        if (query.HasWords && query.HasPrefixes)
        {
            where += $" AND s.\"Folded\" @@ to_tsquery('simple', {Parameter(query.ToPrefixTsQuery())})";
        }

        var sql = $"SELECT s.\"ArticleId\" AS \"Id\", CAST({rank} AS double precision) AS \"Rank\" FROM \"ArticleSearch\" AS s, {found} AS q WHERE {where}";
        return db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(sql, [.. parameters]));
    }

    /// <summary>
    /// PostgreSQL: the search entry of an article (see the PostgreSQL migrations FullTextSearch and StemmedSearch): its
    /// id; the folded title, body, people and countries as one weighted <c>tsvector</c> (through <c>unaccent</c>); the
    /// same four by their stems as another; the same four written with accents as a third.
    /// </summary>
    public const string PostgreSqlInsert = """
        INSERT INTO "ArticleSearch" ("ArticleId", "Folded", "Stemmed", "Exact") VALUES ($1,
            setweight(to_tsvector('simple', unaccent($2::text)), 'A') || setweight(to_tsvector('simple', unaccent($4::text)), 'B')
            || setweight(to_tsvector('simple', unaccent($5::text)), 'C') || setweight(to_tsvector('simple', unaccent($3::text)), 'D'),
            setweight(to_tsvector('ministrynews_english', $2::text), 'A') || setweight(to_tsvector('ministrynews_english', $4::text), 'B')
            || setweight(to_tsvector('ministrynews_english', $5::text), 'C') || setweight(to_tsvector('ministrynews_english', $3::text), 'D'),
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
    /// configuration <c>ministrynews_english</c>, which reads words by their stems without their accents as the index
    /// does, or <c>ministrynews</c>, the words as they are, for a query with prefixes), each matched word between
    /// <see cref="MarkStart"/> and <see cref="MarkEnd"/>; in the order of the texts.
    /// </summary>
    public static async Task<List<string>> HeadlinesAsync(ArchiveDbContext db, SearchQuery query, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(texts);
        var (configuration, tsquery) = query.HasPrefixes ? ("ministrynews", query.ToFoldedTsQuery()) : ("ministrynews_english", query.ToStemmedTsQuery());
        var options = $"StartSel={MarkStart}, StopSel={MarkEnd}, MinWords=25, MaxWords=50, ShortWord=1, HighlightAll=false, MaxFragments=1";
        var values = texts.ToArray();
        return await db.Database.SqlQuery<string>(
            $"""SELECT ts_headline(CAST({configuration} AS regconfig), t.text, to_tsquery(CAST({configuration} AS regconfig), {tsquery}), {options}) AS "Value" FROM unnest({values}) WITH ORDINALITY AS t(text, n) ORDER BY t.n""")
            .ToListAsync(cancellationToken);
    }

    /// <summary>PostgreSQL: the text search configuration of the passages: simple words, through unaccent.</summary>
    public const string PostgreSqlCreateConfiguration = """
        CREATE TEXT SEARCH CONFIGURATION ministrynews (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION ministrynews
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
        """;

    /// <summary>
    /// PostgreSQL: the text search configuration of the stems (<c>ministrynews_english</c>: English snowball stems of the
    /// words through unaccent, without stop words), and the stemmed column of the search table, filled from the articles.
    /// </summary>
    public const string PostgreSqlCreateStemmed = """
        CREATE TEXT SEARCH DICTIONARY ministrynews_english_stem (TEMPLATE = snowball, Language = english);
        CREATE TEXT SEARCH CONFIGURATION ministrynews_english (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION ministrynews_english
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, ministrynews_english_stem;
        ALTER TABLE "ArticleSearch" ADD COLUMN "Stemmed" tsvector;
        UPDATE "ArticleSearch" AS s SET "Stemmed" =
            setweight(to_tsvector('ministrynews_english', a."Title"), 'A')
            || setweight(to_tsvector('ministrynews_english', coalesce((SELECT string_agg(n, E'\n') FROM (
                SELECT p."Name" AS n FROM "ArticlePeople" m JOIN "People" p ON p."Id" = m."PersonId" WHERE m."ArticleId" = a."Id"
                UNION SELECT unnest(p."Aliases") FROM "ArticlePeople" m JOIN "People" p ON p."Id" = m."PersonId" WHERE m."ArticleId" = a."Id") AS names), '')), 'B')
            || setweight(to_tsvector('ministrynews_english', coalesce((SELECT string_agg(n, E'\n') FROM (
                SELECT c."Name" AS n FROM "ArticleCountries" l JOIN "Countries" c ON c."Id" = l."CountriesId" WHERE l."ArticlesId" = a."Id"
                UNION SELECT unnest(c."Aliases") FROM "ArticleCountries" l JOIN "Countries" c ON c."Id" = l."CountriesId" WHERE l."ArticlesId" = a."Id") AS places), '')), 'C')
            || setweight(to_tsvector('ministrynews_english', coalesce((SELECT string_agg(b ->> 'text', E'\n') FROM jsonb_array_elements(a."Body"::jsonb) AS b), '')), 'D')
            FROM "Articles" AS a WHERE a."Id" = s."ArticleId";
        ALTER TABLE "ArticleSearch" ALTER COLUMN "Stemmed" SET NOT NULL;
        CREATE INDEX "IX_ArticleSearch_Stemmed" ON "ArticleSearch" USING GIN ("Stemmed");
        """;

    /// <summary>
    /// The SQL that makes the table of stems (in the migration StemmedSearch), contentless as the other two: the porter
    /// tokenizer over unicode61, which reads the folded text as <c>ArticleSearch</c> does and keeps each word's stem.
    /// </summary>
    public const string CreateStemmedTable = """
        CREATE VIRTUAL TABLE ArticleSearchStemmed USING fts5(title, body, people, countries, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
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
