namespace MinistryNews.Core;

/// <summary>
/// The indexes the event tables are read through in their orders. A table puts its undated rows last whichever way it
/// sorts (<c>ORDER BY "Date" IS NULL, "Date" DESC, "Id"</c>), an order no index on the date alone gives, so the
/// database sorted every meeting to show the first fifty; an index on the same expressions gives the page at once.
/// EF Core's model cannot declare an index on an expression, so the migrations of both databases create them from here,
/// in the words both understand.
/// </summary>
public static class ListOrderIndexes
{
    private static readonly (string Name, string Table, string Columns)[] Indexes =
    [
        ("IX_Meetings_DateOrder", "Meetings", """("Date" IS NULL), "Date" DESC, "Id" """),
        ("IX_Meetings_DateOrderOldest", "Meetings", """("Date" IS NULL), "Date", "Id" """),
        ("IX_Meetings_CountryOrder", "Meetings", """("FirstCountryName" IS NULL), "FirstCountryName", ("Date" IS NULL), "Date" DESC, "Id" """),
        ("IX_Meetings_CountryOrderDescending", "Meetings", """("FirstCountryName" IS NULL), "FirstCountryName" DESC, ("Date" IS NULL), "Date" DESC, "Id" """),
        ("IX_Delegations_StartOrder", "Delegations", """("Start" IS NULL), "Start" DESC, "Id" """),
        ("IX_Delegations_StartOrderOldest", "Delegations", """("Start" IS NULL), "Start", "Id" """),
    ];

    /// <summary>The agreements register's orders by date of signing, the undated last, made by a later migration.</summary>
    private static readonly (string Name, string Table, string Columns)[] RecordIndexes =
    [
        ("IX_AgreementRecords_SignedOrder", "AgreementRecords", """("SignedOn" IS NULL), "SignedOn" DESC, "Id" """),
        ("IX_AgreementRecords_SignedOrderOldest", "AgreementRecords", """("SignedOn" IS NULL), "SignedOn", "Id" """),
    ];

    /// <summary>
    /// Fills each person's <c>LatestTitledArticleId</c> for the articles stored before it: the article of their latest
    /// mention with a title, by publication date then the latest stored (each database placing an unknown date where its
    /// own descending order does, as the registers' refresh does through EF Core).
    /// </summary>
    public const string FillLatestTitles =
        """UPDATE "People" SET "LatestTitledArticleId" = (SELECT m."ArticleId" FROM "ArticlePeople" AS m JOIN "Articles" AS a ON a."Id" = m."ArticleId" WHERE m."PersonId" = "People"."Id" AND m."Title" IS NOT NULL AND a."WithdrawnAtUtc" IS NULL ORDER BY a."PublishedOn" DESC, m."ArticleId" DESC LIMIT 1);""";

    public static IEnumerable<string> Create() => Create(Indexes);

    public static IEnumerable<string> Drop() => Drop(Indexes);

    public static IEnumerable<string> CreateRecordOrders() => Create(RecordIndexes);

    public static IEnumerable<string> DropRecordOrders() => Drop(RecordIndexes);

    private static IEnumerable<string> Create((string Name, string Table, string Columns)[] indexes) =>
        indexes.Select(i => $"""CREATE INDEX "{i.Name}" ON "{i.Table}" ({i.Columns.Trim()});""");

    private static IEnumerable<string> Drop((string Name, string Table, string Columns)[] indexes) => indexes.Select(i => $"""DROP INDEX "{i.Name}";""");

    /// <summary>
    /// Fills the keys the new columns hold for the rows stored before them: each person's count of articles, each
    /// meeting's first country by name (<paramref name="collate"/> names the binary order on PostgreSQL, which SQLite
    /// and the ingestion's ordinal comparison use).
    /// </summary>
    public static IEnumerable<string> Fill(string collate) =>
    [
        """UPDATE "People" SET "ArticleCount" = (SELECT COUNT(*) FROM "ArticlePeople" AS m WHERE m."PersonId" = "People"."Id");""",
        $"""UPDATE "Meetings" SET "FirstCountryName" = (SELECT MIN(c."Name"{collate}) FROM "MeetingCountries" AS l JOIN "Countries" AS c ON c."Id" = l."CounterpartCountriesId" WHERE l."MeetingId" = "Meetings"."Id");""",
    ];
}
