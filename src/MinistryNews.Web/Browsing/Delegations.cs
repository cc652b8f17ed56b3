using System.ComponentModel;
using System.Linq.Expressions;
using MinistryNews.Core.Delegations;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The query of the delegations list: the page <c>/delegations</c>, its downloads and <c>/api/delegations</c> all run it.
/// </summary>
public sealed record DelegationQuery : EventQuery
{
    /// <summary>The list's own filter, <c>direction</c> ("made", "hosted"), and the columns it sorts by.</summary>
    public static readonly EventListKeys<TripDirection> Keys = new(QueryKey.Direction, new(["date", "leader", "from"], "-date"), "a direction (made or hosted)",
        text => text.Trim().ToLowerInvariant() switch { "made" => TripDirection.Made, "hosted" => TripDirection.Hosted, _ => null });

    [Description("made (visits made by Vietnam's delegations) or hosted (visits to Vietnam).")]
    public string? Direction { get; init; }

    public static DelegationQuery Read(IQueryCollection query) => ReadInto(query, new DelegationQuery { Direction = Keys.Value(query) });

    /// <summary>The query checked: each value that means nothing is named in a message and its filter left out.</summary>
    public Task<DelegationList> ValidateAsync(ArchiveDbContext db, int defaultPageSize, CancellationToken cancellationToken) =>
        CheckAsync(db, Keys, Direction, defaultPageSize, (filter, direction, page, messages) => new DelegationList(filter, direction, page, messages), cancellationToken);
}

/// <summary>Which way a trip went: a visit made leaves Vietnam, a visit hosted comes to it.</summary>
public enum TripDirection
{
    Made,
    Hosted,
}

/// <summary>The delegations query checked: what it filters by, its sort and page, and what was wrong with it.</summary>
public sealed class DelegationList(EventFilter filter, TripDirection? direction, PageRequest page, IReadOnlyList<string> messages)
    : EventList<Delegation, DelegationRow>(filter, page, messages, DelegationRow.Projection)
{
    public TripDirection? Direction { get; } = direction;

    /// <summary>The direction as the address writes it ("made", "hosted").</summary>
    public string? DirectionValue => Direction?.ToString().ToLowerInvariant();

    private protected override IQueryable<Delegation> Matching(ArchiveDbContext db)
    {
        var trips = EventQueries.InRange(DelegationTable.Matching(db, Filter.CountryIds, Filter.PersonIds), DateProperty, Filter.Common);
        // The home country's id is a subquery the database reads once. About half the trips leave it, so the first of
        // them in the list's order come early in a walk down the order's index: "+ 0" keeps SQLite from finding every
        // trip made by the country column's index and sorting them all instead. A trip hosted is checked by a seek into
        // the destinations' key, never found through them: with another filter (a country's trips) the few trips it
        // finds are checked, where reading every trip hosted first would read half the archive's.
        var home = Home(db);
        return Direction switch
        {
            TripDirection.Made => trips.Where(d => home.Contains(d.FromCountryId!.Value + 0)),
            TripDirection.Hosted => trips.Where(d => db.Set<Dictionary<string, object>>(LinkTables.DelegationDestinations)
                .Any(r => EF.Property<int>(r, "DelegationId") == d.Id && home.Contains(EF.Property<int>(r, "DestinationsId")))),
            _ => trips,
        };
    }

    /// <summary>
    /// The visits hosted with no other filter are the destinations table's rows to the home country (one per trip, the
    /// table's key being the pair), counted from its index without reading a trip.
    /// </summary>
    public override Task<int> CountAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        Direction == TripDirection.Hosted && Filter.Common.IsEmpty
            ? LinkTables.DelegationsToCountries(db, Home(db)).CountAsync(cancellationToken)
            : base.CountAsync(db, cancellationToken);

    /// <summary>How many of the trips went to each country (a trip to two counts for both), counted by the database.</summary>
    public async Task<List<(Link Country, string Code, int Trips)>> DestinationCountsAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Every visit made, by where it went: the counts the registers keep on each country's row.
        if (Direction == TripDirection.Made && Filter.Common.IsEmpty)
        {
            return [.. (await db.Countries.Where(c => c.VisitsMadeCount > 0).Select(c => new { c.Slug, c.Name, c.Code, c.VisitsMadeCount }).ToListAsync(cancellationToken))
                .Select(c => (new Link(c.Slug, c.Name), c.Code, c.VisitsMadeCount))];
        }

        var rows = await Matching(db).SelectMany(d => d.Destinations, (d, c) => new { c.Slug, c.Name, c.Code })
            .GroupBy(c => new { c.Slug, c.Name, c.Code })
            .Select(g => new { g.Key.Slug, g.Key.Name, g.Key.Code, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (new Link(r.Slug, r.Name), r.Code, r.Count))];
    }

    /// <summary>How many of the trips came from each country, counted by the database.</summary>
    public async Task<List<(Link Country, string Code, int Trips)>> OriginCountsAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Every visit hosted, by where it came from: the counts the registers keep on each country's row.
        if (Direction == TripDirection.Hosted && Filter.Common.IsEmpty)
        {
            return [.. (await db.Countries.Where(c => c.VisitsHostedCount > 0 && c.Slug != DelegationRow.HomeSlug).Select(c => new { c.Slug, c.Name, c.Code, c.VisitsHostedCount }).ToListAsync(cancellationToken))
                .Select(c => (new Link(c.Slug, c.Name), c.Code, c.VisitsHostedCount))];
        }

        var rows = await Matching(db).Where(d => d.FromCountry != null)
            .GroupBy(d => new { d.FromCountry!.Slug, d.FromCountry.Name, d.FromCountry.Code })
            .Select(g => new { g.Key.Slug, g.Key.Name, g.Key.Code, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (new Link(r.Slug, r.Name), r.Code, r.Count))];
    }

    private protected override string DateProperty => nameof(Delegation.Start);

    private static IQueryable<int> Home(ArchiveDbContext db) => db.Countries.Where(c => c.Slug == DelegationRow.HomeSlug).Select(c => c.Id);

    private protected override IQueryable<Delegation> Sorted(IQueryable<Delegation> trips)
    {
        var descending = Filter.Descending;
        var sorted = Filter.SortKey switch
        {
            "leader" => EventQueries.ThenNewest(EventQueries.ByColumn(trips, d => d.Leader == null ? null : d.Leader.Name, descending), DateProperty),
            "from" => EventQueries.ThenNewest(EventQueries.ByColumn(trips, d => d.FromCountry == null ? null : d.FromCountry.Name, descending), DateProperty),
            _ => EventQueries.ByDate(trips, DateProperty, descending),
        };
        return sorted.ThenBy(d => d.Id);
    }
}

/// <summary>The trips of the archive that match the filters other pages share (a country, a leader or member).</summary>
public static class DelegationTable
{
    /// <summary>Trips from or to any of <paramref name="countries"/>, led or joined by any of <paramref name="people"/>.</summary>
    public static IQueryable<Delegation> Matching(ArchiveDbContext db, IReadOnlyList<int> countries, IReadOnlyList<int> people)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(people);
        var delegations = db.Delegations.AsQueryable();
        if (countries.Count > 0)
        {
            var to = LinkTables.DelegationsToCountries(db, countries);
            delegations = delegations.Where(d => (d.FromCountryId != null && countries.Contains(d.FromCountryId.Value)) || to.Contains(d.Id));
        }

        if (people.Count > 0)
        {
            var members = LinkTables.DelegationsWithMembers(db, people);
            delegations = delegations.Where(d => (d.LeaderId != null && people.Contains(d.LeaderId.Value)) || members.Contains(d.Id));
        }

        return delegations;
    }

    /// <summary>Every trip of the countries or people, in no order (for the pages of a country or a person).</summary>
    public static Task<List<DelegationRow>> RowsAsync(ArchiveDbContext db, IReadOnlyList<int> countries, IReadOnlyList<int> people, CancellationToken cancellationToken) =>
        Matching(db, countries, people).AsNoTracking().Select(DelegationRow.Projection).AsSplitQuery().ToListAsync(cancellationToken);
}

/// <summary>
/// A trip as the tables show it; a visit made leaves Vietnam, a visit hosted comes to it. Its dates are the text's
/// only: a trip the text gives no date for has none.
/// </summary>
public sealed record DelegationRow(
    PartialDate? Start,
    DateSource DateSource,
    PartialDate? End,
    Link? Leader,
    Link? From,
    IReadOnlyList<Link> Destinations,
    ArticleReference Article) : IEventRow
{
    public const string HomeSlug = "vietnam";

    PartialDate? IEventRow.EventDate => Start;

    /// <summary>A trip of the database as a row, read in SQL.</summary>
    public static readonly Expression<Func<Delegation, DelegationRow>> Projection = d => new DelegationRow(
        d.Start,
        d.DateSource,
        d.End,
        d.Leader == null ? null : new Link(d.Leader.Slug, d.Leader.Name),
        d.FromCountry == null ? null : new Link(d.FromCountry.Slug, d.FromCountry.Name),
        d.Destinations.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
        new ArticleReference(d.ArticleId, d.Article.Key, d.Article.Slug, d.Article.Title, d.Evidence, d.CorrectionId != null));

    /// <summary>Which trip the row is, in a few words ("the visit of 5 November 2019 from Vietnam to Japan").</summary>
    public string Fact => EventFacts.Delegation(Start, From, Destinations);

    public bool VisitMade => From?.Slug == HomeSlug;

    public bool VisitHosted => Destinations.Any(d => d.Slug == HomeSlug);

    /// <summary>Days abroad when the text gives both ends of the trip to the day.</summary>
    public int? Days => Start is { Precision: DatePrecision.Day } s && End is { Precision: DatePrecision.Day } e ? e.FirstDay.DayNumber - s.FirstDay.DayNumber + 1 : null;
}

/// <summary>
/// A trip as the downloads give it: the start says "date not given" when the text gives none; the addresses are
/// absolute; the destinations are a list (in the CSV, their names joined by "; ").
/// </summary>
public sealed record DelegationExportRow(
    string Start,
    string? DatePrecision,
    string? DateSource,
    string? End,
    string Direction,
    string? Leader,
    string? From,
    IReadOnlyList<Link> Destinations) : EventExportRow
{
    /// <param name="origin">The site's origin (<c>Hosting.PublicAddress.Origin</c>) the addresses start with.</param>
    public static DelegationExportRow Of(DelegationRow row, string origin) => Of(row, origin, (start, precision, source) => new DelegationExportRow(
        start, precision, source, Export.Date(row.End), row.VisitMade ? "visit made" : row.VisitHosted ? "visit hosted" : "other", row.Leader?.Name, row.From?.Name, row.Destinations));
}
