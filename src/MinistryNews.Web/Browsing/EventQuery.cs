using System.ComponentModel;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The filters and paging every event list takes (meetings, delegations, the agreements register), as the query string
/// gives them: read as text, so that a bad value gets a message that names it, not a binding error. Each list's query
/// adds its own filter; the list's page reads it from the query string, its API binds it (<c>[AsParameters]</c>), and
/// both check it and render what it finds, as do the page's downloads.
/// </summary>
public abstract record EventQuery(
    [property: Description("Countries, by slug or name (japan, South Korea, Nhật Bản): those met, those a trip came from or went to, those a document was made with; several combine with OR.")] string[]? Country = null,
    [property: Description("People, by slug or name (nguyen-manh-hung): participants, a delegation's leader or members, signatories; several combine with OR.")] string[]? Person = null,
    [property: Description("Earliest date of the event (a meeting's, a trip's start, a signing), YYYY-MM-DD (or YYYY-MM, YYYY); an event the text gives no date for matches no date filter.")] string? From = null,
    [property: Description("Latest date of the event, YYYY-MM-DD (or YYYY-MM, YYYY).")] string? To = null,
    [property: Description("Year of the event.")] string? Year = null,
    [property: Description("Month of the event (1 to 12), with year.")] string? Month = null,
    [property: Description("A column the list sorts by (its summary names them); with a leading \"-\" the other way (the default: latest first). Undated events come last either way.")] string? Sort = null,
    [property: Description("Page number, from 1.")] string? Page = null,
    [property: Description("Rows a page, 1 to 100 (20 in the API, 50 on the page).")] string? PageSize = null)
{
    /// <summary>A list's query with the shared keys read from the query string, as the API binds them.</summary>
    protected static T ReadInto<T>(IQueryCollection query, T own)
        where T : EventQuery =>
        (T)(own with
        {
            Country = QueryReader.Values(query, QueryKey.Country),
            Person = QueryReader.Values(query, QueryKey.Person),
            From = QueryReader.Value(query, QueryKey.From),
            To = QueryReader.Value(query, QueryKey.To),
            Year = QueryReader.Value(query, QueryKey.Year),
            Month = QueryReader.Value(query, QueryKey.Month),
            Sort = QueryReader.Value(query, QueryKey.Sort),
            Page = QueryReader.Value(query, QueryKey.Page),
            PageSize = QueryReader.Value(query, QueryKey.PageSize),
        });

    /// <summary>
    /// The query checked into its list (<paramref name="list"/> makes it): the shared filters, the list's own
    /// (<paramref name="own"/>, read as <paramref name="keys"/> says) and the page, in that order; each value that means
    /// nothing is named in a message and its filter left out.
    /// </summary>
    protected async Task<TList> CheckAsync<TOwn, TList>(
        ArchiveDbContext db,
        EventListKeys<TOwn> keys,
        string? own,
        int defaultPageSize,
        Func<EventFilter, TOwn?, PageRequest, IReadOnlyList<string>, TList> list,
        CancellationToken cancellationToken)
        where TOwn : struct
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(list);
        var messages = new List<string>();
        var filter = await EventFilter.ReadAsync(db, QueryReader.Common(Country, Person, From, To, Year, Month, Sort), keys.Sorting.Keys, keys.Sorting.Default, messages, cancellationToken);
        var value = keys.Read(own, messages);
        var page = PageRequest.Read(Page, PageSize, defaultPageSize, messages);
        return list(filter, value, page, messages);
    }
}

/// <summary>
/// What one event list's query reads beyond the filters every list shares: its own filter (its key, and what its values
/// mean, <paramref name="parse"/> giving null for a value that means nothing) and the columns it sorts by.
/// </summary>
/// <param name="expected">What a value should be, for the message that names a bad one ("a direction (made or hosted)").</param>
public sealed class EventListKeys<TOwn>(string key, EventSort sorting, string expected, Func<string, TOwn?> parse)
    where TOwn : struct
{
    /// <summary>The keys of the query string the list reads: the shared ones, its own filter's, and the page's.</summary>
    public IReadOnlyCollection<string> All { get; } = [.. EventFilter.Keys, key, QueryKey.Page, QueryKey.PageSize];

    public EventSort Sorting { get; } = sorting;

    /// <summary>The own filter's text in the query string.</summary>
    public string? Value(IQueryCollection query) => QueryReader.Value(query, key);

    /// <summary>The own filter's value: none when it is blank; none, and a message that names it, when it means nothing.</summary>
    public TOwn? Read(string? text, List<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            messages.Add($"“{(text.Length > 30 ? text[..30] : text)}” is not {expected}; that filter is left out.");
        }

        return value;
    }
}

/// <summary>The columns an event list sorts by, and its sort when none is asked for ("-date": the latest first).</summary>
public sealed record EventSort(IReadOnlyList<string> Keys, string Default);
