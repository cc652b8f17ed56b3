namespace MinistryNews.Web.Overviews;

/// <summary>
/// A person's trips, or the trips to or from a country, as the State Department shows its Secretaries' travels: the
/// trips of each year on a timeline (every year from the first to the last, an empty one as empty), the countries on a
/// map, and the latest trips listed by year. The years and the map are counted by the database over every trip of the
/// list; the timeline's spans and the list are the latest <see cref="Shown"/> trips, read as a page of the list.
/// </summary>
public sealed class Travels
{
    /// <summary>The latest trips drawn on the timeline and listed by year; the rest are on the delegations list.</summary>
    public const int Shown = 20;

    private Travels(string id, string allHref, string what, int total, IReadOnlyList<(int Year, int Trips)> years, int undated, IReadOnlyList<DelegationRow> latest, PartnerMap? map)
    {
        Id = id;
        AllHref = allHref;
        What = what;
        Total = total;
        Years = years;
        Undated = undated;
        Latest = latest;
        Map = map;
    }

    /// <summary>The prefix of the ids of the overview's elements, unique on its page.</summary>
    public string Id { get; }

    /// <summary>The delegations list of every trip counted here.</summary>
    public string AllHref { get; }

    /// <summary>What the trips are called in the link to them all: "trips", "visits made".</summary>
    public string What { get; }

    public int Total { get; }

    /// <summary>The trips that start in each year, from the first year to the last, the empty ones too.</summary>
    public IReadOnlyList<(int Year, int Trips)> Years { get; }

    /// <summary>The trips the text gives no date for.</summary>
    public int Undated { get; }

    /// <summary>The latest trips, newest first, the undated last.</summary>
    public IReadOnlyList<DelegationRow> Latest { get; }

    public PartnerMap? Map { get; }

    /// <summary>The latest trips by the year they start in, newest year first; the undated under null, last.</summary>
    public IEnumerable<IGrouping<int?, DelegationRow>> ByYear => Latest.GroupBy(r => r.Start?.Year);

    /// <summary>The trips of <paramref name="year"/> the timeline draws: those of the latest that start in it.</summary>
    public IEnumerable<DelegationRow> DrawnIn(int year) => Latest.Where(r => r.Start?.Year == year);

    /// <summary>
    /// Where a trip lies on its year's track, in days from the first of January (the track is 366 days long): from the
    /// first day its start can mean to the last its end (or start) can, cut at the year's end. <c>Exact</c> when both
    /// are known to the day.
    /// </summary>
    public static (int X, int Width, bool Exact) Span(DelegationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var start = row.Start ?? throw new ArgumentException("An undated trip has no span.", nameof(row));
        var first = start.FirstDay;
        var last = (row.End is { } end && end.CompareTo(start) >= 0 ? end : start).LastDay;
        var yearEnd = new DateOnly(first.Year, 12, 31);
        if (last > yearEnd)
        {
            last = yearEnd;
        }

        var exact = start.Precision == DatePrecision.Day && (row.End is null || row.End.Value.Precision == DatePrecision.Day);
        return (first.DayOfYear - 1, Math.Max(2, last.DayNumber - first.DayNumber + 1), exact);
    }

    /// <summary>
    /// The trips of a delegations list (a person's, a country's in one direction): counted by year and by country
    /// (a <paramref name="map"/> of the countries they went to, or came from, when one is asked for) in SQL, the latest
    /// read as a page.
    /// </summary>
    public static async Task<Travels> ReadAsync(ArchiveDbContext db, DelegationQuery query, string id, string allHref, string what, (string Title, TripEnd By, Func<MapCountry, string> Href)? map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var list = await (query with { Sort = "-date" }).ValidateAsync(db, Shown, cancellationToken);
        var counts = await list.CountsByYearAsync(db, cancellationToken);
        var total = counts.Sum(d => d.Count);
        var byYear = counts.Where(d => d.Year is not null).ToDictionary(d => d.Year!.Value, d => d.Count);
        IReadOnlyList<(int, int)> years = byYear.Count == 0 ? [] : [.. Enumerable.Range(byYear.Keys.Min(), byYear.Keys.Max() - byYear.Keys.Min() + 1).Select(y => (y, byYear.GetValueOrDefault(y)))];
        var latest = total == 0 ? [] : (await list.PageAsync(db, total, PastTheLastPage.ShowTheLast, cancellationToken)).Rows;
        PartnerMap? drawn = null;
        if (map is var (title, by, href) && total > 0)
        {
            var countries = by == TripEnd.Destination ? await list.DestinationCountsAsync(db, cancellationToken) : await list.OriginCountsAsync(db, cancellationToken);
            drawn = new PartnerMap(id + "-map", title, countries.Select(c => new MapCountry(c.Country, c.Code, 0, c.Trips, 0)), href);
        }

        return new Travels(id, allHref, what, total, years, counts.Where(d => d.Year is null).Sum(d => d.Count), latest, drawn);
    }
}

/// <summary>Which end of a trip a map of trips shows: where they went, or where they came from.</summary>
public enum TripEnd
{
    Destination,
    Origin,
}
