using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Browsing;

/// <summary>What the whole archive holds, counted: the figures of the front page and the facets of the unfiltered lists.</summary>
/// <param name="Countries">Every country named by an article, with how many name it, most first.</param>
/// <param name="TopPeople">The people most articles name, most first (<see cref="ArchiveSummary.TopSize"/> of them).</param>
/// <param name="PeopleCounts">How many articles name each person, by id.</param>
/// <param name="Kinds">How many articles tell a meeting, a delegation, an agreement.</param>
/// <param name="Months">Articles per month, newest first.</param>
/// <param name="ActivityByMonth">Articles by month (year × 100 + month, 0 for the undated) and the kinds each tells, for the activity charts.</param>
public sealed record ArchiveCounts(
    int Articles,
    int Meetings,
    int Delegations,
    int Agreements,
    IReadOnlyList<(int Id, Link Country, int Count)> Countries,
    IReadOnlyList<(int Id, Link Person, int Count)> TopPeople,
    IReadOnlyDictionary<int, int> PeopleCounts,
    (int Meeting, int Delegation, int Agreement) Kinds,
    IReadOnlyList<(int Year, int Month, int Count)> Months,
    IReadOnlyList<PeriodKinds> ActivityByMonth)
{
    /// <summary>Articles by year (0 for the undated) and the kinds each tells.</summary>
    public IReadOnlyList<PeriodKinds> Activity { get; } =
        [.. ActivityByMonth.GroupBy(r => (Year: r.Period / 100, r.Kinds)).Select(g => new PeriodKinds(g.Key.Year, g.Key.Kinds, g.Sum(r => r.Articles)))];
}

/// <summary>
/// The counts over the whole archive, read once and kept for the archive's generation (<see cref="GenerationWatch"/>):
/// until any process (this instance's ingestion, another instance on a shared database, the command line) commits a
/// change. They cost a scan of the link tables' indexes, which the front page and every unfiltered facet would otherwise
/// pay on each request.
/// </summary>
public sealed class ArchiveSummary(GenerationWatch generation) : IDisposable
{
    public const int TopSize = 50;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _memoGate = new(1, 1);
    private readonly Dictionary<string, (object Value, long Generation)> _memos = [];
    private Kept? _counts;

    public void Dispose()
    {
        _gate.Dispose();
        _memoGate.Dispose();
    }

    public async Task<ArchiveCounts> GetAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Volatile.Read(ref _counts) is { } kept && kept.Generation == generation.Current)
        {
            return kept.Counts;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The generation is read before counting: counts that may hold a later commit are kept for an earlier
            // generation at worst (and counted again), never the other way.
            var current = generation.Current;
            if (_counts is { } ready && ready.Generation == current)
            {
                return ready.Counts;
            }

            var counts = await CountAsync(db, cancellationToken);
            Volatile.Write(ref _counts, new Kept(counts, current));
            return counts;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Another figure of the whole archive that costs a pass over a large table (every pair of who met whom), computed
    /// once under <paramref name="key"/> and kept as the counts are, for the archive's generation.
    /// </summary>
    public async Task<T> MemoAsync<T>(string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        await _memoGate.WaitAsync(cancellationToken);
        try
        {
            var current = generation.Current;
            if (_memos.TryGetValue(key, out var kept) && kept.Generation == current)
            {
                return (T)kept.Value;
            }

            var value = await compute();
            _memos[key] = (value, current);
            return value;
        }
        finally
        {
            _memoGate.Release();
        }
    }

    private static async Task<ArchiveCounts> CountAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // Each count reads one index (ArticleCountries by country, ArticlePeople by person, Articles by date).
        // Identifiers are quoted and counts cast so that the same SQL runs on SQLite and PostgreSQL.
        var countryCounts = await db.Database.SqlQuery<IdCount>($"""SELECT "CountriesId" AS "Id", CAST(count(*) AS INTEGER) AS "Count" FROM "ArticleCountries" GROUP BY "CountriesId" """).ToListAsync(cancellationToken);
        var countries = (await db.Countries.AsNoTracking().Select(c => new { c.Id, c.Slug, c.Name }).ToListAsync(cancellationToken)).ToDictionary(c => c.Id);
        var peopleCounts = (await db.Database.SqlQuery<IdCount>($"""SELECT "PersonId" AS "Id", CAST(count(*) AS INTEGER) AS "Count" FROM "ArticlePeople" GROUP BY "PersonId" """).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => p.Count);
        var topPeople = await db.Database.SqlQuery<PersonCount>(
            $"""SELECT p."Id", p."Slug", p."Name", c."Count" FROM (SELECT "PersonId", CAST(count(*) AS INTEGER) AS "Count" FROM "ArticlePeople" GROUP BY "PersonId") AS c JOIN "People" AS p ON p."Id" = c."PersonId" ORDER BY c."Count" DESC, p."Name" LIMIT {TopSize}""")
            .ToListAsync(cancellationToken);
        var months = await (db.Database.IsNpgsql()
            ? db.Database.SqlQuery<MonthCount>(
                $"""SELECT CAST(extract(year FROM "PublishedOn") AS INTEGER) AS "Year", CAST(extract(month FROM "PublishedOn") AS INTEGER) AS "Month", CAST(count(*) AS INTEGER) AS "Count" FROM "Articles" WHERE "PublishedOn" IS NOT NULL AND "WithdrawnAtUtc" IS NULL GROUP BY 1, 2 ORDER BY 1 DESC, 2 DESC""")
            : db.Database.SqlQuery<MonthCount>(
                $"""SELECT CAST(substr("PublishedOn", 1, 4) AS INTEGER) AS "Year", CAST(substr("PublishedOn", 6, 2) AS INTEGER) AS "Month", CAST(count(*) AS INTEGER) AS "Count" FROM "Articles" WHERE "PublishedOn" IS NOT NULL AND "WithdrawnAtUtc" IS NULL GROUP BY 1, 2 ORDER BY 1 DESC, 2 DESC"""))
            .ToListAsync(cancellationToken);
        return new ArchiveCounts(
            await db.Articles.CountAsync(cancellationToken),
            await db.Meetings.CountAsync(cancellationToken),
            await db.Delegations.CountAsync(cancellationToken),
            await db.Agreements.CountAsync(cancellationToken),
            [.. countryCounts.Where(c => countries.ContainsKey(c.Id)).Select(c => (c.Id, new Link(countries[c.Id].Slug, countries[c.Id].Name), c.Count))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Item2.Name, StringComparer.Ordinal)],
            [.. topPeople.Select(p => (p.Id, new Link(p.Slug, p.Name), p.Count))],
            peopleCounts,
            (await db.Meetings.Select(m => m.ArticleId).Distinct().CountAsync(cancellationToken),
                await db.Delegations.Select(d => d.ArticleId).Distinct().CountAsync(cancellationToken),
                await db.Agreements.Select(a => a.ArticleId).Distinct().CountAsync(cancellationToken)),
            [.. months.Select(m => (m.Year, m.Month, m.Count))],
            await ActivityCounts.OfArticlesAsync(db, null, null, cancellationToken, monthly: true));
    }

    private sealed record Kept(ArchiveCounts Counts, long Generation);

    private sealed record IdCount(int Id, int Count);

    private sealed record MonthCount(int Year, int Month, int Count);

    private sealed record PersonCount(int Id, string Slug, string Name, int Count);
}
