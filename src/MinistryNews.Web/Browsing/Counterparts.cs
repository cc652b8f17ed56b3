using MinistryNews.Core.Countries;
using MinistryNews.Core.People;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// Who met whom. The Vietnamese officials of a meeting are its participants whose country is the archive's own (the
/// country whose code is <see cref="ArticleExtractor.HomeCountry"/>); its counterparts are its other participants (of
/// another country, or whose country is not known: not known to be Vietnamese) and the organisation it was with
/// (<c>CounterpartOrganisation</c>, as written; spellings that differ only in case are one).
/// </summary>
public static class WhoMetWhom
{
    /// <summary>The rule in words, as the pages say it.</summary>
    public const string Rule = "A Vietnamese official is a participant whose country is Vietnam; a counterpart is any other participant (of another country, or whose country is not known) or the organisation met, as written.";

    /// <summary>The id of the archive's own country, read by the database.</summary>
    public static IQueryable<int> Home(ArchiveDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Countries.Where(c => c.Code == ArticleExtractor.HomeCountry).Select(c => c.Id);
    }

    /// <summary>The list of meetings a count leads to: <c>/meetings</c> with these keys and values, in the order of the keys.</summary>
    public static string MeetingsLink(params (string Key, string Value)[] values) => "/meetings" + Query(values);

    /// <summary>The pairs page with these keys and values.</summary>
    public static string PairsLink(params (string Key, string Value)[] values) => "/meetings/pairs" + Query(values);

    private static string Query(IEnumerable<(string Key, string Value)> values) =>
        new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase).Select(v => KeyValuePair.Create(v.Key, v.Value))).ToQueryString().Value ?? string.Empty;

    /// <summary>A date as the database gives it (its text), or none.</summary>
    internal static PartialDate? Date(string? text) => PartialDate.TryParse(text, out var date) ? date : null;
}

/// <summary>
/// A counterpart met, a person (<see cref="Person"/>) or an organisation (<see cref="Organisation"/>, a spelling
/// stored): how many meetings, the first and last of their dates (none when no meeting with them is dated), and the
/// list of those meetings (<see cref="Href"/>, whose total is <see cref="Meetings"/>).
/// </summary>
public sealed record CounterpartRow(Link? Person, string? Organisation, int Meetings, PartialDate? First, PartialDate? Last, string Href);

/// <summary>
/// The counterparts met on a country's or a person's page, read as aggregates in SQL (GROUP BY with COUNT, MIN and MAX
/// on the date's text, which sorts in date order): the <see cref="Shown"/> people and organisations met most, the
/// totals, and the pairs page with the same filter for the whole list.
/// </summary>
/// <param name="PeopleHeading">What the people are: "People met", "Vietnamese officials met".</param>
/// <param name="Intro">What is counted, in a sentence.</param>
public sealed record Counterparts(
    string PeopleHeading,
    string Intro,
    IReadOnlyList<CounterpartRow> People,
    int PeopleTotal,
    IReadOnlyList<CounterpartRow> Organisations,
    int OrganisationTotal,
    string AllHref)
{
    /// <summary>The rows shown of each table.</summary>
    public const int Shown = 20;

    public static readonly Counterparts None = new(string.Empty, string.Empty, [], 0, [], 0, string.Empty);

    public bool IsEmpty => People.Count == 0 && Organisations.Count == 0;

    /// <summary>Whether a table is cut short, so that the page links the whole list.</summary>
    public bool IsCut => PeopleTotal > People.Count || OrganisationTotal > Organisations.Count;

    /// <summary>
    /// A person's counterparts. A Vietnamese official met the other participants of their meetings who are not
    /// Vietnamese, and the organisations of their meetings; anyone else met the Vietnamese officials of their meetings
    /// (the organisation of their meetings is their own side, so it is not listed). Each count leads to
    /// <c>/meetings?person=…&amp;with=…</c> or <c>/meetings?organisation=…&amp;person=…</c>.
    /// </summary>
    public static async Task<Counterparts> OfPersonAsync(ArchiveDbContext db, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        var home = await WhoMetWhom.Home(db).Select(id => (int?)id).FirstOrDefaultAsync(cancellationToken);
        var official = home is not null && person.CountryId == home;
        var (id, homeId) = (person.Id, home ?? 0);

        // The person's meetings from their link table's index, the others of each meeting from the table's key: in the
        // order written, which CROSS JOIN keeps on SQLite (with the ids as parameters its planner may start from the
        // people of a country instead, and read every meeting of each).
        var people = await db.Database.SqlQuery<PersonCount>(official
            ? (FormattableString)$"""
               SELECT p."Id", p."Slug", p."Name", CAST(count(*) AS INTEGER) AS "Meetings", min(m."Date") AS "First", max(m."Date") AS "Last", CAST(count(*) OVER () AS INTEGER) AS "Total"
               FROM "MeetingParticipants" AS mine CROSS JOIN "Meetings" AS m CROSS JOIN "MeetingParticipants" AS o CROSS JOIN "People" AS p
               WHERE mine."ParticipantsId" = {id} AND m."Id" = mine."MeetingId" AND o."MeetingId" = mine."MeetingId" AND o."ParticipantsId" <> mine."ParticipantsId" AND p."Id" = o."ParticipantsId" AND (p."CountryId" IS NULL OR p."CountryId" <> {homeId})
               GROUP BY p."Id", p."Slug", p."Name"
               ORDER BY 4 DESC, max(m."Date") IS NULL, 6 DESC, p."Name", p."Id"
               LIMIT {Shown}
               """
            : $"""
               SELECT p."Id", p."Slug", p."Name", CAST(count(*) AS INTEGER) AS "Meetings", min(m."Date") AS "First", max(m."Date") AS "Last", CAST(count(*) OVER () AS INTEGER) AS "Total"
               FROM "MeetingParticipants" AS mine CROSS JOIN "Meetings" AS m CROSS JOIN "MeetingParticipants" AS o CROSS JOIN "People" AS p
               WHERE mine."ParticipantsId" = {id} AND m."Id" = mine."MeetingId" AND o."MeetingId" = mine."MeetingId" AND o."ParticipantsId" <> mine."ParticipantsId" AND p."Id" = o."ParticipantsId" AND p."CountryId" = {homeId}
               GROUP BY p."Id", p."Slug", p."Name"
               ORDER BY 4 DESC, max(m."Date") IS NULL, 6 DESC, p."Name", p."Id"
               LIMIT {Shown}
               """).ToListAsync(cancellationToken);
        var organisations = official
            ? await db.Database.SqlQuery<OrganisationCount>($"""
               SELECT min(m."CounterpartOrganisation") AS "Organisation", CAST(count(*) AS INTEGER) AS "Meetings", min(m."Date") AS "First", max(m."Date") AS "Last", CAST(count(*) OVER () AS INTEGER) AS "Total"
               FROM "MeetingParticipants" AS mine CROSS JOIN "Meetings" AS m
               WHERE mine."ParticipantsId" = {id} AND m."Id" = mine."MeetingId" AND m."CounterpartOrganisation" IS NOT NULL
               GROUP BY lower(m."CounterpartOrganisation")
               ORDER BY 2 DESC, max(m."Date") IS NULL, 4 DESC, 1
               LIMIT {Shown}
               """).ToListAsync(cancellationToken)
            : [];
        var slug = person.Slug;
        return new Counterparts(
            official ? "People met" : "Vietnamese officials met",
            official
                ? "The other participants of this official's meetings who are not Vietnamese, and the organisations met, each with the number of meetings and the dates of the first and last (as far as the texts give them); each number leads to those meetings."
                : "The Vietnamese officials who took part in the same meetings, each with the number of meetings and the dates of the first and last (as far as the texts give them); each number leads to those meetings.",
            [.. people.Select(p => Row(p, WhoMetWhom.MeetingsLink((QueryKey.Person, slug), (QueryKey.With, p.Slug))))],
            people.FirstOrDefault()?.Total ?? 0,
            [.. organisations.Select(o => Row(o, WhoMetWhom.MeetingsLink((QueryKey.Organisation, o.Organisation), (QueryKey.Person, slug))))],
            organisations.FirstOrDefault()?.Total ?? 0,
            WhoMetWhom.PairsLink((QueryKey.Person, slug)));
    }

    /// <summary>
    /// A country's counterparts: the people of the country who took part in meetings with it, and the organisations of
    /// the meetings with it. Each count leads to <c>/meetings?country=…&amp;person=…</c> or
    /// <c>/meetings?country=…&amp;organisation=…</c>. None for the archive's own country, whose people are the officials.
    /// </summary>
    public static async Task<Counterparts> OfCountryAsync(ArchiveDbContext db, Country country, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(country);
        if (country.Code == ArticleExtractor.HomeCountry)
        {
            return None;
        }

        // The meetings with the country from their link table's index, their participants from the other's key, in the
        // order written (CROSS JOIN): started from the country's people, SQLite took 2 s at 100,000 articles.
        var id = country.Id;
        var people = await db.Database.SqlQuery<PersonCount>($"""
            SELECT p."Id", p."Slug", p."Name", CAST(count(*) AS INTEGER) AS "Meetings", min(m."Date") AS "First", max(m."Date") AS "Last", CAST(count(*) OVER () AS INTEGER) AS "Total"
            FROM "MeetingCountries" AS mc CROSS JOIN "Meetings" AS m CROSS JOIN "MeetingParticipants" AS mp CROSS JOIN "People" AS p
            WHERE mc."CounterpartCountriesId" = {id} AND m."Id" = mc."MeetingId" AND mp."MeetingId" = mc."MeetingId" AND p."Id" = mp."ParticipantsId" AND p."CountryId" = {id}
            GROUP BY p."Id", p."Slug", p."Name"
            ORDER BY 4 DESC, max(m."Date") IS NULL, 6 DESC, p."Name", p."Id"
            LIMIT {Shown}
            """).ToListAsync(cancellationToken);
        var organisations = await db.Database.SqlQuery<OrganisationCount>($"""
            SELECT min(m."CounterpartOrganisation") AS "Organisation", CAST(count(*) AS INTEGER) AS "Meetings", min(m."Date") AS "First", max(m."Date") AS "Last", CAST(count(*) OVER () AS INTEGER) AS "Total"
            FROM "MeetingCountries" AS mc CROSS JOIN "Meetings" AS m
            WHERE mc."CounterpartCountriesId" = {id} AND m."Id" = mc."MeetingId" AND m."CounterpartOrganisation" IS NOT NULL
            GROUP BY lower(m."CounterpartOrganisation")
            ORDER BY 2 DESC, max(m."Date") IS NULL, 4 DESC, 1
            LIMIT {Shown}
            """).ToListAsync(cancellationToken);
        var slug = country.Slug;
        return new Counterparts(
            $"People of {country.Name} met",
            $"The people of {country.Name} who took part in meetings with it, and the organisations those meetings were with, each with the number of meetings and the dates of the first and last (as far as the texts give them); each number leads to those meetings.",
            [.. people.Select(p => Row(p, WhoMetWhom.MeetingsLink((QueryKey.Country, slug), (QueryKey.Person, p.Slug))))],
            people.FirstOrDefault()?.Total ?? 0,
            [.. organisations.Select(o => Row(o, WhoMetWhom.MeetingsLink((QueryKey.Country, slug), (QueryKey.Organisation, o.Organisation))))],
            organisations.FirstOrDefault()?.Total ?? 0,
            WhoMetWhom.PairsLink((QueryKey.Country, slug)));
    }

    private static CounterpartRow Row(PersonCount p, string href) =>
        new(new Link(p.Slug, p.Name), null, p.Meetings, WhoMetWhom.Date(p.First), WhoMetWhom.Date(p.Last), href);

    private static CounterpartRow Row(OrganisationCount o, string href) =>
        new(null, o.Organisation, o.Meetings, WhoMetWhom.Date(o.First), WhoMetWhom.Date(o.Last), href);

    private sealed record PersonCount(int Id, string Slug, string Name, int Meetings, string? First, string? Last, int Total);

    private sealed record OrganisationCount(string Organisation, int Meetings, string? First, string? Last, int Total);
}
