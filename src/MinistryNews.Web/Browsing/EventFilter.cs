namespace MinistryNews.Web.Browsing;

/// <summary>
/// The filters of the event tables (meetings, delegations, agreements): <c>country</c> and <c>person</c> as on the
/// article list, <c>from</c> and <c>to</c> on the event's own date (an event the text gives no date for matches no date range),
/// and a column to <c>sort</c> by ("date", "-date" …).
/// </summary>
public sealed class EventFilter
{
    /// <summary>
    /// The keys of the query string the filters of an event table read: the article filters' but their <c>kind</c> (an
    /// event table reads its own), and the sort.
    /// </summary>
    public static readonly IReadOnlyCollection<string> Keys = [QueryKey.Country, QueryKey.Person, QueryKey.From, QueryKey.To, QueryKey.Year, QueryKey.Month, QueryKey.Sort];

    public required ArticleFilter Common { get; init; }

    public required string Sort { get; init; }

    public bool Descending => Sort.StartsWith('-');

    public string SortKey => Sort.TrimStart('-');

    public IReadOnlyList<int> CountryIds => [.. Common.Countries.Select(c => c.Id)];

    public IReadOnlyList<int> PersonIds => [.. Common.People.Select(p => p.Id)];

    public static async Task<EventFilter> ReadAsync(ArchiveDbContext db, IQueryCollection query, IReadOnlyCollection<string> sortKeys, string defaultSort, List<string> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(messages);

        // Only the keys an event table shares with the articles reach their reader: a table's own "kind" is not an article's.
        var common = await ArticleFilter.ReadAsync(db, new QueryCollection(query.Where(q => Keys.Contains(q.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase)), cancellationToken);
        messages.AddRange(common.Messages);
        var sort = query[QueryKey.Sort].FirstOrDefault() ?? defaultSort;
        if (!sortKeys.Contains(sort.TrimStart('-')))
        {
            messages.Add($"The table cannot be sorted by “{(sort.Length > 30 ? sort[..30] : sort)}”; it is sorted by {defaultSort.TrimStart('-')}.");
            sort = defaultSort;
        }

        return new EventFilter { Common = common, Sort = sort };
    }

    /// <summary>Whether an event's date falls in the range asked for; an undated event falls in none.</summary>
    public bool InRange(PartialDate? date) => InRange(Common, date);

    /// <summary>
    /// Whether an event's date can fall in the <c>from</c>–<c>to</c> range and in the <c>year</c> (and <c>month</c>)
    /// asked for, as far as the date is known; an event the text gives no date for matches no date filter.
    /// </summary>
    public static bool InRange(ArticleFilter filter, PartialDate? date)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!filter.InRange(date))
        {
            return false;
        }

        if (filter.Year is not { } year)
        {
            return true;
        }

        var first = new DateOnly(year, filter.Month ?? 1, 1);
        var last = filter.Month is null ? new DateOnly(year, 12, 31) : first.AddMonths(1).AddDays(-1);
        return date is { } d && d.LastDay >= first && d.FirstDay <= last;
    }

    public IOrderedEnumerable<T> Order<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key) =>
        Descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    /// <summary>The link of a column header: sorts by that column, or the other way when it already does.</summary>
    public string SortLink(QueryLinks links, string key) => links.Set(QueryKey.Sort, SortKey == key && !Descending ? "-" + key : key);

    public string? AriaSort(string key) => SortKey != key ? null : Descending ? "descending" : "ascending";
}

/// <summary>
/// What the filter form above an event table shows: the filters chosen and the choices of its own select, and the
/// filters the form has no field for (<paramref name="Kept"/>: a meeting's <c>with</c> and <c>organisation</c>), which
/// it names, keeps when it is sent again, and links away.
/// </summary>
public sealed record EventFilterForm(QueryLinks Links, ArticleFilter Filter, IReadOnlyList<(string Value, string Label)> Options, string? Selected, string OptionKey, IReadOnlyList<ListFilterValue>? Kept = null);

/// <summary>
/// A value of a filter an event list reads beyond the shared ones and its select (a meeting's <c>with</c> and
/// <c>organisation</c>): its key and value as the address writes them, and in words for a title ("also attended by Chen Gang").
/// </summary>
public sealed record ListFilterValue(string Key, string Value, string Words);
