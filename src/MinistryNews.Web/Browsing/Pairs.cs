using MinistryNews.Core.Meetings;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// A pair of the pairs page: a Vietnamese official and a counterpart (a person, or an organisation as written) with
/// the number of meetings they had (within the page's filters), the first and last of their dates (none when none of
/// them is dated), and the meetings list that gives exactly those meetings (<see cref="Href"/>).
/// </summary>
public sealed record PairRow(Link Official, Link? Person, string? Organisation, int Meetings, PartialDate? First, PartialDate? Last, string Href);

/// <summary>One page of the pairs, most meetings first, and the total of pairs.</summary>
public sealed record PairPage(IReadOnlyList<PairRow> Rows, Paging Paging, IReadOnlyList<string> Messages) : IRowPage<PairRow>;

/// <summary>
/// Every pair (Vietnamese official × counterpart: see <see cref="WhoMetWhom"/>) over the meetings a checked meetings
/// query keeps (<see cref="MeetingList"/>: country, dates, kind, <c>with</c>, <c>organisation</c>), counted by the
/// database: a row per official and counterpart of each meeting, grouped (COUNT, MIN and MAX on the date's text, which
/// sorts in date order), sorted and cut to the page. The <c>person</c> filter keeps the pairs one of whose sides is
/// one of its people: every meeting of such a pair is one of that person's, so each count is the pair's meetings
/// within the other filters, and its link (<c>/meetings?person=…&amp;with=…</c> with those filters) gives them.
/// </summary>
public static class Pairs
{
    /// <summary>The rows a page holds.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// The first pairs of the whole archive kept by <see cref="ArchiveSummary.MemoAsync"/>: the pages without a filter
    /// that most visitors see, which count every meeting (about a second at 100,000 articles), counted once a batch.
    /// </summary>
    public const int KeptWhole = 1000;

    public static async Task<PairPage> PageAsync(ArchiveDbContext db, MeetingList list, ArchiveSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(list);
        var messages = list.Messages.ToList();
        var home = await WhoMetWhom.Home(db).Select(id => (int?)id).FirstOrDefaultAsync(cancellationToken);
        if (home is not { } homeId)
        {
            return new PairPage([], new Paging(1, list.Page.Size, 0), messages);
        }

        var paging = new Paging(list.Page.Number, list.Page.Size, 0);
        var whole = !list.IsFiltered && list.Filter.PersonIds.Count == 0 && paging.Skip + paging.Size <= KeptWhole;
        var (counts, total) = whole
            ? await WholeAsync(db, list, summary, homeId, paging, cancellationToken)
            : await CountedAsync(db, list, homeId, paging.Skip, paging.Size, cancellationToken);
        if (counts.Count == 0 && paging.Number > 1)
        {
            // Past the last page: the total, then the last page.
            total = (await CountedAsync(db, list, homeId, 0, 1, cancellationToken)).Total;
            var (last, notice) = list.Page.Within(total, lastWhenPast: true);
            messages.Add(notice ?? string.Empty);
            paging = last;
            (counts, _) = total == 0 ? ([], 0) : await CountedAsync(db, list, homeId, paging.Skip, paging.Size, cancellationToken);
        }

        paging = paging with { Total = total };
        var ids = counts.SelectMany(c => new[] { c.OfficialId, c.PersonId ?? 0 }).Where(id => id != 0).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Slug, p.Name }).ToDictionaryAsync(p => p.Id, p => new Link(p.Slug, p.Name), cancellationToken);
        var filters = Filters(list);
        var rows = counts.Where(c => people.ContainsKey(c.OfficialId) && (c.PersonId is null || people.ContainsKey(c.PersonId.Value))).Select(c =>
        {
            var official = people[c.OfficialId];
            var person = c.PersonId is { } id ? people[id] : null;
            (string, string)[] pair = person is not null
                ? [(QueryKey.Person, official.Slug), (QueryKey.With, person.Slug), .. list.With.Organisation is { } organisation ? new[] { (QueryKey.Organisation, organisation) } : []]
                : [(QueryKey.Person, official.Slug), (QueryKey.Organisation, c.Organisation!)];
            // A with of the list that is one of the pair's sides says nothing more.
            var kept = filters.Where(f => f.Key != QueryKey.With || (f.Value != official.Slug && f.Value != person?.Slug));
            return new PairRow(official, person, person is null ? c.Organisation : null, c.Meetings, WhoMetWhom.Date(c.First), WhoMetWhom.Date(c.Last), WhoMetWhom.MeetingsLink([.. kept, .. pair]));
        }).ToList();
        return new PairPage(rows, paging, [.. messages.Where(m => m.Length > 0)]);
    }

    /// <summary>
    /// The list's filters that the link of a pair keeps: all but <c>person</c> (the pair's official takes its place)
    /// and <c>organisation</c> (the pair's, or the list's for a pair of people); <c>with</c> stays, as each is one more
    /// participant every meeting has.
    /// </summary>
    private static List<(string Key, string Value)> Filters(MeetingList list)
    {
        var common = list.Filter.Common;
        var values = new List<(string Key, string Value)>();
        values.AddRange(common.Countries.Select(c => (QueryKey.Country, c.Slug)));
        if (common.From is { } from)
        {
            values.Add((QueryKey.From, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (common.To is { } to)
        {
            values.Add((QueryKey.To, to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (common.Year is { } year)
        {
            values.Add((QueryKey.Year, year.ToString(CultureInfo.InvariantCulture)));
            if (common.Month is { } month)
            {
                values.Add((QueryKey.Month, month.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (list.Kind is { } kind)
        {
            values.Add((QueryKey.Kind, kind.ToString().ToLowerInvariant()));
        }

        values.AddRange(list.With.People.Select(p => (QueryKey.With, p.Slug)));
        return values;
    }

    /// <summary>
    /// A page of the pairs of the meetings the list keeps, grouped, counted and sorted by the database, and the number of
    /// pairs (a window count over the groups: one pass). The meetings are those of the list's own query
    /// (<see cref="MeetingList.MatchingMeetings"/>, its SQL and parameters as EF Core writes them), from which the
    /// joins start, in the order written (CROSS JOIN keeps it on SQLite): the participants of each meeting by the link
    /// table's key, and their countries. Without a filter, every meeting is read once. The numbers written into the
    /// text are the archive's own ids and the page's bounds, never text from the query.
    /// </summary>
    private static async Task<(List<PairCount> Counts, int Total)> CountedAsync(ArchiveDbContext db, MeetingList list, int home, int skip, int take, CancellationToken cancellationToken)
    {
        using var command = list.IsFiltered ? list.MatchingMeetings(db).Select(m => m.Id).CreateDbCommand() : db.Database.GetDbConnection().CreateCommand();
        var source = list.IsFiltered ? $"""({command.CommandText}) AS f CROSS JOIN "Meetings" AS m""" : "\"Meetings\" AS m";
        var match = list.IsFiltered ? """ AND m."Id" = f."Id" """ : " ";
        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        var people = string.Join(", ", list.Filter.PersonIds.Select(Number));
        var (personSide, officialSide) = people.Length == 0 ? (string.Empty, string.Empty) : ($""" AND (a."ParticipantsId" IN ({people}) OR b."ParticipantsId" IN ({people}))""", $""" AND a."ParticipantsId" IN ({people})""");
        var homeId = Number(home);
#pragma warning disable CA2100 // The text is this method's own, with the SQL EF Core wrote for the list and numbers; values go through its parameters.
        command.CommandText = $"""
            SELECT u."OfficialId", u."PersonId", u."OrganisationKey", u."Organisation", u."Meetings", u."First", u."Last", CAST(count(*) OVER () AS INTEGER) AS "Total"
            FROM (
                SELECT a."ParticipantsId" AS "OfficialId", b."ParticipantsId" AS "PersonId", CAST(NULL AS TEXT) AS "OrganisationKey", CAST(NULL AS TEXT) AS "Organisation",
                       CAST(count(*) AS INTEGER) AS "Meetings", min(m."Date") AS "First", max(m."Date") AS "Last"
                FROM {source} CROSS JOIN "MeetingParticipants" AS a CROSS JOIN "People" AS pa CROSS JOIN "MeetingParticipants" AS b CROSS JOIN "People" AS pb
                WHERE a."MeetingId" = m."Id" AND pa."Id" = a."ParticipantsId" AND b."MeetingId" = m."Id" AND pb."Id" = b."ParticipantsId"{match}
                  AND pa."CountryId" = {homeId} AND (pb."CountryId" IS NULL OR pb."CountryId" <> {homeId}){personSide}
                GROUP BY a."ParticipantsId", b."ParticipantsId"
                UNION ALL
                SELECT a."ParticipantsId", NULL, lower(m."CounterpartOrganisation"), min(m."CounterpartOrganisation"),
                       CAST(count(*) AS INTEGER), min(m."Date"), max(m."Date")
                FROM {source} CROSS JOIN "MeetingParticipants" AS a CROSS JOIN "People" AS pa
                WHERE a."MeetingId" = m."Id" AND pa."Id" = a."ParticipantsId"{match}
                  AND pa."CountryId" = {homeId} AND m."CounterpartOrganisation" IS NOT NULL{officialSide}
                GROUP BY a."ParticipantsId", lower(m."CounterpartOrganisation")
            ) AS u
            ORDER BY u."Meetings" DESC, u."Last" IS NULL, u."Last" DESC, u."OfficialId", u."PersonId", u."OrganisationKey"
            LIMIT {Number(take)} OFFSET {Number(skip)}
            """;
#pragma warning restore CA2100
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var counts = new List<PairCount>();
            var total = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts.Add(new PairCount(
                    Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                    reader.IsDBNull(1) ? null : Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
                total = Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture);
            }

            return (counts, total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(List<PairCount> Counts, int Total)> WholeAsync(ArchiveDbContext db, MeetingList list, ArchiveSummary summary, int homeId, Paging paging, CancellationToken cancellationToken)
    {
        var kept = await summary.MemoAsync("pairs", async () => new KeptPairs(await CountedAsync(db, list, homeId, 0, KeptWhole, cancellationToken)), cancellationToken);
        return ([.. kept.Counted.Counts.Skip(paging.Skip).Take(paging.Size)], kept.Counted.Total);
    }

    /// <summary>The first <see cref="KeptWhole"/> pairs of the whole archive and the number of pairs.</summary>
    private sealed record KeptPairs((List<PairCount> Counts, int Total) Counted);

    /// <summary>A pair counted: the official, the person or the organisation (a spelling stored), the meetings and the dates' texts.</summary>
    private sealed record PairCount(int OfficialId, int? PersonId, string? Organisation, int Meetings, string? First, string? Last);
}
