using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Countries;

/// <summary>
/// Keeps what a country's page and the lists count of each country (<see cref="Country.ArticleCount"/> and the others),
/// as the lists filtered by the country count them: found by the database after each batch for the countries the
/// changed articles named, before and after, and the archive's own country, whose visits every trip may change. An
/// article names every country of its facts but its own (<see cref="ArticleExtractor.HomeCountry"/>), so these are all
/// whose counts can have moved. A withdrawn article's facts and links are deleted with it, so the link tables count alone.
/// The same countries' <see cref="CountryYear"/> rows are made again with them.
/// </summary>
public static class CountryCounts
{
    /// <summary>Countries refreshed in one statement: their ids are written in it, and a statement stays short.</summary>
    private const int Chunk = 500;

    /// <summary>
    /// The counts of the countries the <paramref name="filter"/> leaves (a <c>WHERE</c> on <c>"Countries"</c>, or
    /// nothing for all). Both databases run it. The trips of a country are found through its two indexes (the country
    /// it left, the destinations'); "+ 0" keeps the database from finding every trip that left or reached the archive's
    /// own country for each country instead, so that those are read once for the statement.
    /// </summary>
    private static string Update(string filter)
    {
        const string Trips = """(d."FromCountryId" = "Countries"."Id" OR d."Id" IN (SELECT l."DelegationId" FROM "DelegationDestinations" AS l WHERE l."DestinationsId" = "Countries"."Id"))""";
        const string Home = $"""(SELECT h."Id" FROM "Countries" AS h WHERE h."Code" = '{ArticleExtractor.HomeCountry}')""";
        return $"""
            UPDATE "Countries" SET
                "ArticleCount" = (SELECT COUNT(*) FROM "ArticleCountries" AS l WHERE l."CountriesId" = "Countries"."Id"),
                "MeetingCount" = (SELECT COUNT(*) FROM "MeetingCountries" AS l WHERE l."CounterpartCountriesId" = "Countries"."Id"),
                "AgreementMentionCount" = (SELECT COUNT(*) FROM "AgreementCountries" AS l WHERE l."CounterpartCountriesId" = "Countries"."Id"),
                "TripCount" = (SELECT COUNT(*) FROM "Delegations" AS d WHERE {Trips}),
                "VisitsMadeCount" = (SELECT COUNT(*) FROM "Delegations" AS d WHERE {Trips} AND d."FromCountryId" + 0 IN {Home}),
                "VisitsHostedCount" = (SELECT COUNT(*) FROM "Delegations" AS d WHERE {Trips}
                    AND d."Id" + 0 IN (SELECT l."DelegationId" FROM "DelegationDestinations" AS l WHERE l."DestinationsId" IN {Home}))
            {filter};
            """;
    }

    /// <summary>Fills the counts of every country: the migration that made them runs this on the archives stored before it.</summary>
    public static string Fill { get; } = Update(string.Empty);

    /// <summary>
    /// Makes again the <see cref="CountryYear"/> rows of the countries <paramref name="only"/> names (all when null): the
    /// articles of each counted by year and by the kinds of event they tell, each kind found through its table's index.
    /// </summary>
    public static string Years(bool postgres, IReadOnlyCollection<int>? only = null)
    {
        var year = postgres ? """CAST(EXTRACT(YEAR FROM a."PublishedOn") AS integer)""" : """CAST(substr(a."PublishedOn", 1, 4) AS INTEGER)""";
        static string Has(string table, EventKinds kind) =>
            $"""(CASE WHEN EXISTS (SELECT 1 FROM "{table}" AS e WHERE e."ArticleId" = a."Id") THEN {(int)kind} ELSE 0 END)""";
        var ids = only is null ? null : string.Join(", ", only.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return $"""
            DELETE FROM "CountryYears"{(ids is null ? string.Empty : $""" WHERE "CountryId" IN ({ids})""")};
            INSERT INTO "CountryYears" ("CountryId", "Year", "Kinds", "Articles")
            SELECT t."CountryId", t."Year", t."Kinds", COUNT(*) FROM (
                SELECT l."CountriesId" AS "CountryId", COALESCE({year}, 0) AS "Year",
                    {Has("Meetings", EventKinds.Meeting)} + {Has("Delegations", EventKinds.Delegation)} + {Has("Agreements", EventKinds.Agreement)} AS "Kinds"
                FROM "ArticleCountries" AS l
                JOIN "Articles" AS a ON a."Id" = l."ArticlesId"{(ids is null ? string.Empty : $"""
                
                WHERE l."CountriesId" IN ({ids})
                """)}) AS t
            GROUP BY t."CountryId", t."Year", t."Kinds";
            """;
    }

    /// <summary>Counts again for <paramref name="only"/> these countries and the archive's own, or for every country when null.</summary>
    public static async Task RefreshAsync(ArchiveDbContext db, IReadOnlyCollection<int>? only, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.IsNpgsql();
        if (only is null)
        {
            await db.Database.ExecuteSqlRawAsync(Fill, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(Years(postgres), cancellationToken);
            return;
        }

        var home = await db.Countries.Where(c => c.Code == ArticleExtractor.HomeCountry).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        foreach (var chunk in only.Append(home ?? 0).Where(id => id > 0).Distinct().Order().Chunk(Chunk))
        {
            var ids = string.Join(", ", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await db.Database.ExecuteSqlRawAsync(Update($"""WHERE "Id" IN ({ids})"""), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(Years(postgres, chunk), cancellationToken);
        }
    }
}
