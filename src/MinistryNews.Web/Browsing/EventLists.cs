using System.Linq.Expressions;
using Microsoft.Extensions.Primitives;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// Reads a list's query record (<see cref="MeetingQuery"/>, <see cref="DelegationQuery"/>) from the query string, as
/// the API binds it: one reader, so that a key means the same on a page and in the API.
/// </summary>
public static class QueryReader
{
    /// <summary>Every value of <paramref name="key"/>, or null when the query string has none.</summary>
    public static string[]? Values(IQueryCollection query, string key)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query[key];
        return values.Count == 0 ? null : [.. values.OfType<string>()];
    }

    /// <summary>The first value of <paramref name="key"/> that is not blank.</summary>
    public static string? Value(IQueryCollection query, string key)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query[key].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }

    /// <summary>
    /// The filters an event list shares with the article list, as a query string of those keys alone, for
    /// <see cref="EventFilter.ReadAsync"/>: a key the list reads otherwise (a meeting's <c>kind</c>) never reaches it.
    /// </summary>
    public static QueryCollection Common(string[]? country, string[]? person, string? from, string? to, string? year, string? month, string? sort)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        void Add(string key, StringValues value)
        {
            if (value.Count > 0)
            {
                values[key] = value;
            }
        }

        Add(QueryKey.Country, country);
        Add(QueryKey.Person, person);
        Add(QueryKey.From, from);
        Add(QueryKey.To, to);
        Add(QueryKey.Year, year);
        Add(QueryKey.Month, month);
        Add(QueryKey.Sort, sort);
        return new QueryCollection(values);
    }
}

/// <summary>
/// A row of an event table (a meeting, a trip): the event's date, only when the text gives one, where that date came
/// from, and the article that tells the event with the sentence that states it.
/// </summary>
public interface IEventRow
{
    /// <summary>The event's date: a meeting's, a trip's start.</summary>
    PartialDate? EventDate { get; }

    DateSource DateSource { get; }

    ArticleReference Article { get; }
}

/// <summary>
/// An event list's query checked (<see cref="MeetingList"/>, <see cref="DelegationList"/>, <see cref="AgreementList"/>):
/// what it filters by, one page of it, or every row of it for the downloads.
/// </summary>
public interface IEventList<TRow>
{
    EventFilter Filter { get; }

    /// <summary>What was wrong with the query, each naming the bad value.</summary>
    IReadOnlyList<string> Messages { get; }

    /// <summary>The page asked for, read from the database.</summary>
    Task<EventPage<TRow>> PageAsync(ArchiveDbContext db, PastTheLastPage past, CancellationToken cancellationToken);

    /// <summary>Every row that matches, in order, streamed from the database.</summary>
    IAsyncEnumerable<TRow> All(ArchiveDbContext db);
}

/// <summary>
/// An event list read a row per event in SQL (meetings, delegations): the page asked for, or every row that matches,
/// each list saying which events match and how they sort.
/// </summary>
public abstract class EventList<T, TRow> : IEventList<TRow>
    where T : class
    where TRow : class
{
    private readonly Expression<Func<T, TRow>> row;

    private protected EventList(EventFilter filter, PageRequest page, IReadOnlyList<string> messages, Expression<Func<T, TRow>> row)
    {
        (Filter, Page, Messages, this.row) = (filter, page, messages, row);
    }

    public EventFilter Filter { get; }

    public PageRequest Page { get; }

    /// <summary>What was wrong with the query, each naming the bad value.</summary>
    public IReadOnlyList<string> Messages { get; }

    public async Task<EventPage<TRow>> PageAsync(ArchiveDbContext db, PastTheLastPage past, CancellationToken cancellationToken) =>
        await PageAsync(db, await CountAsync(db, cancellationToken), past, cancellationToken);

    /// <summary>The page asked for, of a list whose total is known already (a count the registers keep).</summary>
    public Task<EventPage<TRow>> PageAsync(ArchiveDbContext db, int total, PastTheLastPage past, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return EventQueries.PageAsync(total, Sorted(Matching(db)), db.Set<T>(), row, Page, past, Messages, cancellationToken);
    }

    public IAsyncEnumerable<TRow> All(ArchiveDbContext db) => EventQueries.All(Sorted(Matching(db)), row);

    /// <summary>
    /// The first <paramref name="count"/> events in the list's order as their ids and dates alone: a page that merges
    /// lists (a country's timeline) picks its entries from these, then reads the rows of those it shows.
    /// </summary>
    public Task<List<EventKey>> KeysAsync(ArchiveDbContext db, int count, CancellationToken cancellationToken) =>
        Sorted(Matching(db)).Take(count).Select(e => new EventKey(EF.Property<int>(e, "Id"), EF.Property<PartialDate?>(e, DateProperty))).ToListAsync(cancellationToken);

    /// <summary>The rows of these events, by id (one deleted since its id was read is not there).</summary>
    public Task<IReadOnlyDictionary<int, TRow>> RowsAsync(ArchiveDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return EventQueries.RowsAsync(db.Set<T>(), ids, row, cancellationToken);
    }

    /// <summary>
    /// How many of the events fall in each year (the undated under null), counted by the database: an overview's
    /// years, each the total of the list filtered by that year.
    /// </summary>
    public async Task<List<(int? Year, int Count)>> CountsByYearAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var rows = await Matching(db).GroupBy(e => ArchiveDbContext.YearOf(EF.Property<PartialDate?>(e, DateProperty))).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Key is null ? (int?)null : int.Parse(r.Key, CultureInfo.InvariantCulture), r.Count))];
    }

    /// <summary>How many events match, counted by the database.</summary>
    public virtual Task<int> CountAsync(ArchiveDbContext db, CancellationToken cancellationToken) => Matching(db).CountAsync(cancellationToken);

    /// <summary>The events that pass every filter.</summary>
    private protected abstract IQueryable<T> Matching(ArchiveDbContext db);

    /// <summary>The property of the event's date (a meeting's, a trip's start).</summary>
    private protected abstract string DateProperty { get; }

    /// <summary>The events in the order asked for, the undated last whichever way, then by id.</summary>
    private protected abstract IQueryable<T> Sorted(IQueryable<T> events);
}

/// <summary>An event of a list by its id and its date (none when the text gives none).</summary>
public sealed record EventKey(int Id, PartialDate? Date);

/// <summary>What a page past the last one shows: the last page, with a message (the pages), or no rows (the API).</summary>
public enum PastTheLastPage
{
    ShowTheLast,
    ShowNone,
}

/// <summary>
/// One page of an event list, as the page and the API render it: its rows, the total of the list and where the page is
/// in it, and what was wrong with the query (each bad value left out).
/// </summary>
public sealed record EventPage<TRow>(IReadOnlyList<TRow> Rows, Paging Paging, IReadOnlyList<string> Messages) : IRowPage<TRow>;

/// <summary>
/// The parts of an event list's query that run in SQL: the date filters on the event's own date, the order that puts
/// undated events last whichever way, and paging with the total counted by the database.
/// </summary>
/// <remarks>
/// A date is stored as its text ("2019", "2019-11", "2019-11-05"), which sorts in date order, so the date filters are
/// string comparisons the database makes. A date can fall on or before <c>to</c> when its text is at most
/// <c>to</c>'s ("2019-11" ≤ "2019-11-05"); it can fall on or after <c>from</c> when its text is at least
/// <c>from</c>'s or is <c>from</c>'s month or year ("2019-11" for from=2019-11-05). An undated event (null) matches
/// no comparison, so no date filter.
/// </remarks>
public static class EventQueries
{
    /// <summary>The events whose date (the entity's <paramref name="property"/>) can fall in the filter's from–to range, year and month.</summary>
    public static IQueryable<T> InRange<T>(IQueryable<T> events, string property, ArticleFilter filter)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        events = Within(events, property, filter.From, filter.To);
        if (filter.Year is { } year)
        {
            var first = new DateOnly(year, filter.Month ?? 1, 1);
            var last = filter.Month is null ? new DateOnly(year, 12, 31) : first.AddMonths(1).AddDays(-1);
            events = Within(events, property, first, last);
        }

        return events;
    }

    /// <summary>The events whose date can fall between <paramref name="first"/> and <paramref name="last"/> (either may be open).</summary>
    public static IQueryable<T> Within<T>(IQueryable<T> events, string property, DateOnly? first, DateOnly? last)
        where T : class
    {
        if (first is { } f)
        {
            PartialDate? day = PartialDate.FromDate(f);
            PartialDate? month = new PartialDate(f.Year, f.Month);
            PartialDate? year = new PartialDate(f.Year);
            events = events.Where(e => EF.Property<PartialDate?>(e, property) >= day || EF.Property<PartialDate?>(e, property) == month || EF.Property<PartialDate?>(e, property) == year);
        }

        if (last is { } l)
        {
            PartialDate? day = PartialDate.FromDate(l);
            events = events.Where(e => EF.Property<PartialDate?>(e, property) <= day);
        }

        return events;
    }

    /// <summary>The events by date, latest or earliest first, the undated last either way.</summary>
    public static IOrderedQueryable<T> ByDate<T>(IQueryable<T> events, string property, bool descending)
        where T : class
    {
        var undatedLast = events.OrderBy(e => EF.Property<PartialDate?>(e, property) == null);
        return descending
            ? undatedLast.ThenByDescending(e => EF.Property<PartialDate?>(e, property))
            : undatedLast.ThenBy(e => EF.Property<PartialDate?>(e, property));
    }

    /// <summary>Events sorted by a column that may be empty: those without a value last, whichever way.</summary>
    public static IOrderedQueryable<T> ByColumn<T>(IQueryable<T> events, Expression<Func<T, string?>> column, bool descending)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(column);
        var isEmpty = Expression.Lambda<Func<T, bool>>(Expression.Equal(column.Body, Expression.Constant(null, typeof(string))), column.Parameters);
        var emptyLast = events.OrderBy(isEmpty);
        return descending ? emptyLast.ThenByDescending(column) : emptyLast.ThenBy(column);
    }

    /// <summary>Events already sorted by another column, then the latest first and the undated last.</summary>
    public static IOrderedQueryable<T> ThenNewest<T>(IOrderedQueryable<T> events, string property)
        where T : class =>
        events.ThenBy(e => EF.Property<PartialDate?>(e, property) == null).ThenByDescending(e => EF.Property<PartialDate?>(e, property));

    /// <summary>
    /// The page asked for of the <paramref name="total"/> events in <paramref name="sorted"/> order: the database
    /// sorts and cuts them to the page's ids (<c>LIMIT</c>/<c>OFFSET</c>), then reads the rows of those ids from
    /// <paramref name="table"/>. Read in one step, each collection of the rows (countries, participants) would be a
    /// query that filters and sorts the whole list again.
    /// </summary>
    public static async Task<EventPage<TRow>> PageAsync<T, TRow>(
        int total,
        IQueryable<T> sorted,
        IQueryable<T> table,
        Expression<Func<T, TRow>> row,
        PageRequest page,
        PastTheLastPage past,
        IReadOnlyList<string> messages,
        CancellationToken cancellationToken)
        where T : class
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(row);
        var all = messages.ToList();
        var paging = new Paging(page.Number, page.Size, total);
        if (page.Number > paging.Count)
        {
            if (past == PastTheLastPage.ShowNone)
            {
                return new EventPage<TRow>([], paging, all);
            }

            all.Add($"There is no page {page.Number}: the list has {paging.Count} {(paging.Count == 1 ? "page" : "pages")}. Showing the last one.");
            paging = paging with { Number = paging.Count };
        }

        var ids = await sorted.Skip(paging.Skip).Take(paging.Size).Select(e => EF.Property<int>(e, "Id")).ToListAsync(cancellationToken);
        var rows = await RowsAsync(table, ids, row, cancellationToken);
        return new EventPage<TRow>([.. ids.Where(rows.ContainsKey).Select(id => rows[id])], paging, all);
    }

    /// <summary>
    /// The rows of the events of <paramref name="table"/> with these ids, by id: an event deleted since its id was
    /// read (its article read again in between) is not there.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, TRow>> RowsAsync<T, TRow>(IQueryable<T> table, IReadOnlyList<int> ids, Expression<Func<T, TRow>> row, CancellationToken cancellationToken)
        where T : class
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(row);
        if (ids.Count == 0)
        {
            return new Dictionary<int, TRow>();
        }

        // The row with its id, so that the rows, read in no order, can be put back in the ids'.
        var entity = row.Parameters[0];
        var keyed = Expression.Lambda<Func<T, Tuple<int, TRow>>>(
            Expression.New(
                typeof(Tuple<int, TRow>).GetConstructor([typeof(int), typeof(TRow)])!,
                Expression.Call(typeof(EF), nameof(EF.Property), [typeof(int)], entity, Expression.Constant("Id")),
                row.Body),
            entity);
        var list = ids.ToList();
        return (await table.Where(e => list.Contains(EF.Property<int>(e, "Id"))).Select(keyed).AsSplitQuery().ToListAsync(cancellationToken))
            .ToDictionary(r => r.Item1, r => r.Item2);
    }

    /// <summary>
    /// Every event of the list, in order, read from the database as the caller writes them: one query (its rows joined
    /// to their countries and people), never a list in memory.
    /// </summary>
    public static IAsyncEnumerable<TRow> All<T, TRow>(IQueryable<T> sorted, Expression<Func<T, TRow>> row)
        where T : class
        where TRow : class =>
        sorted.Select(row).AsSingleQuery().AsAsyncEnumerable();
}
