namespace MinistryNews.Web.Browsing;

/// <summary>
/// An event's date as the tables, downloads and API give it: only the date the text gives, never the article's
/// publication date in its place. An event the text gives no date for says "date not given" and comes last, whichever
/// way a table is sorted.
/// </summary>
public static class EventDates
{
    /// <summary>Rows by their event's date, <paramref name="descending"/> or not; the undated last either way.</summary>
    public static IOrderedEnumerable<T> ByDate<T>(IEnumerable<T> rows, Func<T, PartialDate?> date, bool descending)
    {
        ArgumentNullException.ThrowIfNull(date);
        var dated = rows.OrderBy(r => date(r) is null);
        return descending ? dated.ThenByDescending(r => date(r)?.FirstDay) : dated.ThenBy(r => date(r)?.FirstDay);
    }

    /// <summary>Rows already sorted by another column, then the newest event first and the undated last.</summary>
    public static IOrderedEnumerable<T> ThenNewest<T>(this IOrderedEnumerable<T> rows, Func<T, PartialDate?> date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return rows.ThenBy(r => date(r) is null).ThenByDescending(r => date(r)?.FirstDay);
    }

    /// <summary>The date as the downloads write it: "2019-11-05", "2019-11", "2019", or "date not given".</summary>
    public static string Text(PartialDate? date) => date?.ToString() ?? Display.DateNotGiven;

    /// <summary>
    /// Where the date came from, as the downloads and the API give it: "sentence", "relative", "context", "not given"
    /// when the text gives no date, or null for a date whose source was not recorded.
    /// </summary>
    public static string? Source(PartialDate? date, DateSource source) => date is null ? "not given" : Display.DateSourceValue(source);
}

/// <summary>A few words that say which fact a row's link to its sentence is about, for screen readers.</summary>
public static class EventFacts
{
    /// <summary>
    /// "the meeting of 5 November 2019 with Japan"; a meeting with no country or organisation named by its event:
    /// "the 5th ASEAN Digital Ministers' Meeting (date not given)".
    /// </summary>
    public static string Meeting(PartialDate? date, IReadOnlyList<Link> countries, string? organisation, string? name)
    {
        ArgumentNullException.ThrowIfNull(countries);
        if (countries.Count == 0 && organisation is null && name is not null)
        {
            return (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name : "the " + name) + On(date) + Undated(date);
        }

        var with = countries.Count > 0 ? " with " + Names(countries) : organisation is not null ? " with " + organisation : string.Empty;
        return "the meeting" + On(date) + with + Undated(date);
    }

    /// <summary>"the visit of 5 November 2019 from South Korea to Vietnam".</summary>
    public static string Delegation(PartialDate? start, Link? from, IReadOnlyList<Link> destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        return "the visit" + On(start) + (from is null ? string.Empty : " from " + from.Name) + (destinations.Count > 0 ? " to " + Names(destinations) : string.Empty) + Undated(start);
    }

    /// <summary>"the memorandum of understanding of 5 November 2019 with Japan".</summary>
    public static string Agreement(string kind, PartialDate? signedOn, IReadOnlyList<Link> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        return "the " + kind + On(signedOn) + (countries.Count > 0 ? " with " + Names(countries) : string.Empty) + Undated(signedOn);
    }

    private static string On(PartialDate? date) => date is { } d ? " of " + Display.Date(d) : string.Empty;

    private static string Undated(PartialDate? date) => date is null ? " (" + Display.DateNotGiven + ")" : string.Empty;

    /// <summary>"Japan", "Japan and Laos", "Japan, Laos and Thailand".</summary>
    public static string Names(IReadOnlyList<Link> links) => links.Count == 1 ? links[0].Name : string.Join(", ", links.Take(links.Count - 1).Select(l => l.Name)) + " and " + links[^1].Name;
}
