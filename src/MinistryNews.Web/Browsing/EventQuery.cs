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
    /// <summary>The keys of the query string a list reads: the shared ones, its own filter's, and the page's.</summary>
    protected static IReadOnlyCollection<string> KeysWith(string own) => [.. EventFilter.Keys, own, QueryKey.Page, QueryKey.PageSize];

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
    /// The shared filters, the list's own (<paramref name="readOwn"/>) and the page checked, in that order: each value
    /// that means nothing is named in a message and its filter left out.
    /// </summary>
    protected async Task<(EventFilter Filter, TOwn Own, PageRequest Page, List<string> Messages)> CheckAsync<TOwn>(
        ArchiveDbContext db, EventSort sort, int defaultPageSize, Func<List<string>, TOwn> readOwn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readOwn);
        var messages = new List<string>();
        var filter = await EventFilter.ReadAsync(db, QueryReader.Common(Country, Person, From, To, Year, Month, Sort), sort.Keys, sort.Default, messages, cancellationToken);
        var own = readOwn(messages);
        var page = PageRequest.Read(Page, PageSize, defaultPageSize, messages);
        return (filter, own, page, messages);
    }
}

/// <summary>The columns an event list sorts by, and its sort when none is asked for ("-date": the latest first).</summary>
public sealed record EventSort(IReadOnlyList<string> Keys, string Default);
