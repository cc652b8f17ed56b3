using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;

namespace MinistryNews.Web.Overviews;

/// <summary>
/// How many articles of a period tell exactly these kinds of event: <paramref name="Period"/> is a year (0 for the
/// articles whose date is not known) or, in a year's chart, a month from 1 to 12.
/// </summary>
public sealed record PeriodKinds(int Period, EventKinds Kinds, int Articles);

/// <summary>A period of an activity chart: its articles, and of them those that tell a meeting, a trip, an agreement.</summary>
public sealed record ActivityPeriod(int Period, int Articles, int Meetings, int Trips, int Agreements)
{
    public int Of(EventKinds kind) => kind switch
    {
        EventKinds.Meeting => Meetings,
        EventKinds.Delegation => Trips,
        EventKinds.Agreement => Agreements,
        _ => Articles,
    };
}

/// <summary>
/// Activity over time: the articles of each year (each month, in a year's chart), and of them those that tell a meeting,
/// a trip, an agreement, with every year between the first and the last shown, an empty one as empty. Each count links
/// to the article list it counts (the same filters, the period and the kind), so a count and its list agree. Counted
/// by the articles' dates of publication: the text often gives an event no date of its own (most meetings of the
/// archive), and an article is never undated when its event is dated.
/// </summary>
public sealed class ActivityChart
{
    /// <summary>
    /// The columns after the articles', with the kinds' values in the article filter; the labels break at a soft hyphen
    /// (U+00AD) where a phone's narrow column needs it.
    /// </summary>
    public static readonly IReadOnlyList<(EventKinds Kind, string Value, string Label)> Series =
        [(EventKinds.Meeting, "meeting", "Meet\u00ADings"), (EventKinds.Delegation, "delegation", "Trips"), (EventKinds.Agreement, "agreement", "Agree\u00ADments")];

    private readonly Func<int, int?, string?, string> _href;

    /// <param name="id">The prefix of the ids of the chart's elements, unique on its page.</param>
    /// <param name="title">What the chart counts, its caption.</param>
    /// <param name="rows">The counts, by period and the exact kinds an article tells.</param>
    /// <param name="year">The year whose months the chart shows; null for a chart by year.</param>
    /// <param name="kinds">The kinds the list is filtered by: only their columns show, and the articles' column counts those that tell any of them.</param>
    /// <param name="href">The address of the list a count stands for: by year, month (null for the whole year) and kind (null for every article).</param>
    public ActivityChart(string id, string title, IEnumerable<PeriodKinds>? rows, int? year, EventKinds kinds, Func<int, int?, string?, string> href)
    {
        Id = id;
        TooMany = rows is null;
        rows ??= [];
        Title = title;
        Year = year;
        _href = href;
        Columns = [.. Series.Where(s => kinds == EventKinds.None || kinds.HasFlag(s.Kind))];
        var counted = rows.Where(r => kinds == EventKinds.None || (r.Kinds & kinds) != EventKinds.None).ToList();
        var byPeriod = counted.GroupBy(r => r.Period).ToDictionary(g => g.Key, g => Sum(g.Key, g));
        var years = byPeriod.Keys.Where(p => p > 0).ToList();
        IEnumerable<int> periods = year is not null ? Enumerable.Range(1, 12)
            : years.Count == 0 ? []
            : Enumerable.Range(years.Min(), years.Max() - years.Min() + 1);
        Periods = [.. periods.Select(p => byPeriod.GetValueOrDefault(p) ?? new ActivityPeriod(p, 0, 0, 0, 0))];
        Undated = year is null ? byPeriod.GetValueOrDefault(0) : null;
        Max = Periods.Count == 0 ? 0 : Periods.Max(p => p.Articles);
        Total = counted.Sum(r => r.Articles);
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>The year whose months are shown, or null for a chart by year.</summary>
    public int? Year { get; }

    public IReadOnlyList<(EventKinds Kind, string Value, string Label)> Columns { get; }

    /// <summary>Every year from the first to the last (or the twelve months), oldest first, the empty ones too.</summary>
    public IReadOnlyList<ActivityPeriod> Periods { get; }

    /// <summary>The articles whose date is not known (a chart by year), or null when there are none.</summary>
    public ActivityPeriod? Undated { get; }

    /// <summary>The largest count of a period: every bar is drawn to its scale.</summary>
    public int Max { get; }

    /// <summary>Every article counted, dated or not.</summary>
    public int Total { get; }

    /// <summary>Whether the list holds more articles than a chart counts one by one (<see cref="ActivityCounts.MostCounted"/>): no chart is drawn.</summary>
    public bool TooMany { get; }

    /// <summary>"2019", or "March" in a year's chart.</summary>
    public string Label(ActivityPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Year is { } year
            ? new DateOnly(year, period.Period, 1).ToString("MMMM", CultureInfo.InvariantCulture)
            : period.Period.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The list a count stands for; <paramref name="kind"/> null for the articles' column.</summary>
    public string Href(ActivityPeriod period, string? kind)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Year is { } year ? _href(year, period.Period, kind) : _href(period.Period, null, kind);
    }

    /// <summary>
    /// The links of a chart over an article list: the list's own query (its filters, its search, its order) with the
    /// period (the year, and the month) and, for a kind's column, that kind in place of the kinds chosen.
    /// </summary>
    public static Func<int, int?, string?, string> ListLinks(string path, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query)
    {
        var kept = query.Where(q => q.Key is not (QueryKey.Page or QueryKey.Year or QueryKey.Month or QueryKey.Format)).ToList();
        return (year, month, kind) =>
        {
            var builder = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder();
            foreach (var (key, values) in kept.Where(q => kind is null || q.Key != QueryKey.Kind))
            {
                foreach (var value in values.OfType<string>())
                {
                    builder.Add(key, value);
                }
            }

            builder.Add(QueryKey.Year, year.ToString(CultureInfo.InvariantCulture));
            if (month is { } m)
            {
                builder.Add(QueryKey.Month, m.ToString(CultureInfo.InvariantCulture));
            }

            if (kind is not null)
            {
                builder.Add(QueryKey.Kind, kind);
            }

            return path + builder.ToQueryString();
        };
    }

    /// <summary>The whole archive's articles year by year, from its counts (<see cref="ArchiveSummary"/>), each count a link to <c>/articles</c>.</summary>
    public static ActivityChart OfArchive(ArchiveCounts counts, string title)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new ActivityChart("activity", title, counts.Activity, null, EventKinds.None, ListLinks("/articles", []));
    }

    /// <summary>The links of a chart over the articles of one country or person (<c>country=slug</c>, <c>person=slug</c>).</summary>
    public static Func<int, int?, string?, string> ListLinks(string key, string slug) =>
        ListLinks("/articles", [new(key, slug)]);

    private static ActivityPeriod Sum(int period, IEnumerable<PeriodKinds> rows)
    {
        var list = rows.ToList();
        int Of(EventKinds kind) => list.Where(r => r.Kinds.HasFlag(kind)).Sum(r => r.Articles);
        return new ActivityPeriod(period, list.Sum(r => r.Articles), Of(EventKinds.Meeting), Of(EventKinds.Delegation), Of(EventKinds.Agreement));
    }
}

/// <summary>The counts the activity charts read, each a grouped query in SQL: never an article's row.</summary>
public static class ActivityCounts
{
    /// <summary>The articles of a country by year and kinds, from the register the country counts keep (<see cref="CountryYear"/>).</summary>
    public static async Task<List<PeriodKinds>> OfCountryAsync(ArchiveDbContext db, int countryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.CountryYears.Where(r => r.CountryId == countryId).Select(r => new PeriodKinds(r.Year, r.Kinds, r.Articles)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The articles (all of them, or those whose ids <paramref name="ids"/> gives) by year, or by month of
    /// <paramref name="year"/>, and the kinds each tells: one grouped query, each article's kinds read from the events'
    /// indexes by article.
    /// </summary>
    /// <param name="monthly">Without a year: by month of every year, each period written year × 100 + month (201903).</param>
    public static async Task<List<PeriodKinds>> OfArticlesAsync(ArchiveDbContext db, IQueryable<int>? ids, int? year, CancellationToken cancellationToken, bool monthly = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        IQueryable<Article> articles = db.Articles;
        if (ids is not null)
        {
            articles = articles.Where(a => ids.Contains(a.Id));
        }

        if (year is { } y)
        {
            var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            articles = articles.Where(a => a.PublishedOn >= first && a.PublishedOn <= last);
        }

        var rows = await articles
            .Select(a => new
            {
                Period = a.PublishedOn == null ? 0 : year != null ? a.PublishedOn.Value.Month : monthly ? (a.PublishedOn.Value.Year * 100) + a.PublishedOn.Value.Month : a.PublishedOn.Value.Year,
                Kinds = (db.Meetings.Any(m => m.ArticleId == a.Id) ? 1 : 0) + (db.Delegations.Any(d => d.ArticleId == a.Id) ? 2 : 0) + (db.Agreements.Any(x => x.ArticleId == a.Id) ? 4 : 0),
            })
            .GroupBy(r => new { r.Period, r.Kinds })
            .Select(g => new { g.Key.Period, g.Key.Kinds, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PeriodKinds(r.Period, (EventKinds)r.Kinds, r.Count))];
    }

    /// <summary>
    /// The articles of a list (its filters and search) by year, or by month when the list is of one year, with the kinds
    /// each tells; counted with every filter but the kinds' (a chart shows each kind's column): from the whole
    /// archive's counts when nothing narrows the list, from the register when its filters are at most one country,
    /// else from the ids the filters and the search give.
    /// </summary>
    /// <param name="searchNarrowsNothing">Whether the list's search finds every article of the archive: its counts are the archive's.</param>
    public static async Task<List<PeriodKinds>?> OfListAsync(ArchiveDbContext db, ArticleList list, ArchiveSummary summary, bool searchNarrowsNothing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(summary);
        var filter = list.Filter;
        var searched = list.IsSearch && !searchNarrowsNothing;
        if (filter.Year is { } year)
        {
            // A year of the whole archive: its months from the archive's counts.
            if (!searched && filter.Countries.Count == 0 && filter.People.Count == 0 && filter.From is null && filter.To is null)
            {
                return [.. (await summary.GetAsync(db, cancellationToken)).ActivityByMonth.Where(r => r.Period / 100 == year).Select(r => r with { Period = r.Period % 100 })];
            }

            var inYear = And(searched ? list.Matches : null, filter.Ids([Facet.Kind, Facet.Year]));
            return inYear is not null && await TooManyAsync(inYear, cancellationToken) ? null : await OfArticlesAsync(db, inYear, year, cancellationToken);
        }

        if (!searched)
        {
            if (filter.IsEmptyExcept(Facet.Kind))
            {
                return [.. (await summary.GetAsync(db, cancellationToken)).Activity];
            }

            if (filter.Tallied(Facet.Kind) is { } tallied)
            {
                return await tallied.GroupBy(r => new { r.Year, r.Kinds }).Select(g => new PeriodKinds(g.Key.Year, g.Key.Kinds, g.Sum(r => r.Articles))).ToListAsync(cancellationToken);
            }
        }

        var ids = And(searched ? list.Matches : null, filter.Ids([Facet.Kind]))!;
        return await TooManyAsync(ids, cancellationToken) ? null : await OfArticlesAsync(db, ids, null, cancellationToken);
    }

    /// <summary>
    /// The most articles a chart counts one by one (each article's kinds checked through the events' indexes, about
    /// 30 ms for 10,000 at 100,000 articles): past it, a list that neither the registers nor the whole archive's
    /// counts answer (a search for a common word) gets no chart, and a note asks for a narrower list.
    /// </summary>
    public const int MostCounted = 10_000;

    private static async Task<bool> TooManyAsync(IQueryable<int> ids, CancellationToken cancellationToken) =>
        await ids.Distinct().Take(MostCounted + 1).CountAsync(cancellationToken) > MostCounted;

    private static IQueryable<int>? And(IQueryable<int>? first, IQueryable<int>? second) =>
        first is null ? second : second is null ? first : first.Where(id => second.Contains(id));
}
