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

    public static async Task<PairPage> PageAsync(ArchiveDbContext db, MeetingList list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(list);
        var messages = list.Messages.ToList();
        var home = await WhoMetWhom.Home(db).Select(id => (int?)id).FirstOrDefaultAsync(cancellationToken);
        if (home is not { } homeId)
        {
            return new PairPage([], new Paging(1, list.Page.Size, 0), messages);
        }

        var pairs = Counted(db, list, homeId);
        var total = await pairs.CountAsync(cancellationToken);
        var (paging, notice) = list.Page.Within(total, lastWhenPast: true);
        if (notice is not null)
        {
            messages.Add(notice);
        }

        var counts = total == 0 ? [] : await pairs
            .OrderByDescending(p => p.Meetings).ThenBy(p => p.Last == null).ThenByDescending(p => p.Last)
            .ThenBy(p => p.OfficialId).ThenBy(p => p.PersonId).ThenBy(p => p.OrganisationKey)
            .Skip(paging.Skip).Take(paging.Size)
            .ToListAsync(cancellationToken);
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
            return new PairRow(official, person, person is null ? c.Organisation : null, c.Meetings, WhoMetWhom.Date(c.First), WhoMetWhom.Date(c.Last), WhoMetWhom.MeetingsLink([.. filters, .. pair]));
        }).ToList();
        return new PairPage(rows, paging, messages);
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

    /// <summary>The pairs of the meetings the list keeps, grouped and counted by the database, in no order.</summary>
    private static IQueryable<PairCount> Counted(ArchiveDbContext db, MeetingList list, int home)
    {
        // A row per official and counterpart of each meeting: each other participant who is not Vietnamese, and the
        // organisation (folded by lower(), as the organisation filter folds it). Identifiers are quoted so that the
        // same SQL runs on SQLite and PostgreSQL.
        var links = db.Database.SqlQuery<PairLink>($"""
            SELECT a."MeetingId", a."ParticipantsId" AS "OfficialId", b."ParticipantsId" AS "PersonId", CAST(NULL AS TEXT) AS "Organisation", CAST(NULL AS TEXT) AS "OrganisationKey", m."Date"
            FROM "MeetingParticipants" AS a
            JOIN "People" AS pa ON pa."Id" = a."ParticipantsId"
            JOIN "MeetingParticipants" AS b ON b."MeetingId" = a."MeetingId"
            JOIN "People" AS pb ON pb."Id" = b."ParticipantsId"
            JOIN "Meetings" AS m ON m."Id" = a."MeetingId"
            WHERE pa."CountryId" = {home} AND (pb."CountryId" IS NULL OR pb."CountryId" <> {home})
            UNION ALL
            SELECT a."MeetingId", a."ParticipantsId", NULL, m."CounterpartOrganisation", lower(m."CounterpartOrganisation"), m."Date"
            FROM "MeetingParticipants" AS a
            JOIN "People" AS pa ON pa."Id" = a."ParticipantsId"
            JOIN "Meetings" AS m ON m."Id" = a."MeetingId"
            WHERE pa."CountryId" = {home} AND m."CounterpartOrganisation" IS NOT NULL
            """);
        if (list.IsFiltered)
        {
            var meetings = list.MatchingMeetings(db).Select(m => m.Id);
            links = links.Where(l => meetings.Contains(l.MeetingId));
        }

        var people = list.Filter.PersonIds.ToList();
        if (people.Count > 0)
        {
            links = links.Where(l => people.Contains(l.OfficialId) || (l.PersonId != null && people.Contains(l.PersonId.Value)));
        }

        return links
            .GroupBy(l => new { l.OfficialId, l.PersonId, l.OrganisationKey })
            .Select(g => new PairCount
            {
                OfficialId = g.Key.OfficialId,
                PersonId = g.Key.PersonId,
                OrganisationKey = g.Key.OrganisationKey,
                Organisation = g.Min(l => l.Organisation),
                Meetings = g.Count(),
                First = g.Min(l => l.Date),
                Last = g.Max(l => l.Date),
            });
    }

    /// <summary>An official and a counterpart of one meeting, and the meeting's date as stored.</summary>
    private sealed record PairLink(int MeetingId, int OfficialId, int? PersonId, string? Organisation, string? OrganisationKey, string? Date);

    /// <summary>A pair counted.</summary>
    private sealed class PairCount
    {
        public int OfficialId { get; init; }

        public int? PersonId { get; init; }

        public string? OrganisationKey { get; init; }

        public string? Organisation { get; init; }

        public int Meetings { get; init; }

        public string? First { get; init; }

        public string? Last { get; init; }
    }
}
