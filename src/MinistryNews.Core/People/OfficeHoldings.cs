using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.People;

/// <summary>
/// Keeps <see cref="OfficeHolding"/>, the holders of each office, from the mentions that name a person with the office's
/// title (not those that give a title alone), and <see cref="Office.MentionCount"/>: found by the database after each
/// batch for the offices whose mentions changed, in the statements the migrations filled them with. An office's holdings
/// change only with its mentions: those of the changed articles, before and after, and those the register of offices
/// gave another office.
/// </summary>
public static class OfficeHoldings
{
    /// <summary>Offices refreshed in one statement: their ids are written in it, and a statement stays short.</summary>
    private const int Chunk = 500;

    /// <summary>Fills each office's <see cref="Office.MentionCount"/> for the archives stored before it, as <see cref="RefreshAsync"/> counts them.</summary>
    public const string FillMentionCounts =
        """UPDATE "Offices" SET "MentionCount" = (SELECT COUNT(*) FROM "ArticlePeople" AS m JOIN "Articles" AS a ON a."Id" = m."ArticleId" WHERE m."OfficeId" = "Offices"."Id" AND a."WithdrawnAtUtc" IS NULL);""";

    /// <summary>
    /// The holdings of the offices the <paramref name="filter"/> leaves (an <c>AND</c> on the mention <c>m</c>, or nothing for
    /// all): one row per office and person with the ends of their span and the mention at each (the first stored of
    /// the first day, the last stored of the last day, as the pages have always linked them). Both databases run it.
    /// </summary>
    private static string Insert(string filter) => $$"""
        INSERT INTO "OfficeHoldings" ("OfficeId", "PersonId", "First", "Last", "FirstArticleId", "LastArticleId", "Mentions")
        SELECT g."OfficeId", g."PersonId", g."First", g."Last",
            (SELECT MIN(e."ArticleId") FROM "ArticlePeople" AS e JOIN "Articles" AS b ON b."Id" = e."ArticleId"
                WHERE e."OfficeId" = g."OfficeId" AND e."PersonId" = g."PersonId" AND (e."NameAsWritten" <> e."Title" OR e."Title" IS NULL) AND b."WithdrawnAtUtc" IS NULL
                AND (b."PublishedOn" = g."First" OR (g."First" IS NULL AND b."PublishedOn" IS NULL))),
            (SELECT MAX(e."ArticleId") FROM "ArticlePeople" AS e JOIN "Articles" AS b ON b."Id" = e."ArticleId"
                WHERE e."OfficeId" = g."OfficeId" AND e."PersonId" = g."PersonId" AND (e."NameAsWritten" <> e."Title" OR e."Title" IS NULL) AND b."WithdrawnAtUtc" IS NULL
                AND (b."PublishedOn" = g."Last" OR (g."Last" IS NULL AND b."PublishedOn" IS NULL))),
            g."Mentions"
        FROM (SELECT m."OfficeId", m."PersonId", MIN(a."PublishedOn") AS "First", MAX(a."PublishedOn") AS "Last", COUNT(*) AS "Mentions"
            FROM "ArticlePeople" AS m JOIN "Articles" AS a ON a."Id" = m."ArticleId"
            WHERE m."OfficeId" IS NOT NULL AND (m."NameAsWritten" <> m."Title" OR m."Title" IS NULL) AND a."WithdrawnAtUtc" IS NULL{{filter}}
            GROUP BY m."OfficeId", m."PersonId") AS g;
        """;

    /// <summary>Fills the table for every office: the migration that made it runs this on the archives stored before it.</summary>
    public static string Fill { get; } = Insert(string.Empty);

    /// <summary>Finds again the holders of <paramref name="only"/> these offices, or of every office when null.</summary>
    public static async Task RefreshAsync(ArchiveDbContext db, IReadOnlyCollection<int>? only, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (only is null)
        {
            await CountMentions(db.Offices, cancellationToken);
            await db.OfficeHoldings.ExecuteDeleteAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(Fill, cancellationToken);
            return;
        }

        foreach (var chunk in only.Distinct().Order().Chunk(Chunk))
        {
            await CountMentions(db.Offices.Where(o => chunk.Contains(o.Id)), cancellationToken);
            await db.OfficeHoldings.Where(h => chunk.Contains(h.OfficeId)).ExecuteDeleteAsync(cancellationToken);
            var ids = string.Join(", ", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await db.Database.ExecuteSqlRawAsync(Insert($""" AND m."OfficeId" IN ({ids})"""), cancellationToken);
        }
    }

    private static Task<int> CountMentions(IQueryable<Office> offices, CancellationToken cancellationToken) =>
        offices.ExecuteUpdateAsync(set => set.SetProperty(o => o.MentionCount, o => o.Mentions.Count), cancellationToken);
}
