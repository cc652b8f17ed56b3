namespace MinistryNews.Web.Browsing;

/// <summary>
/// A sortable column's header (<c>Pages/Shared/_SortHeader</c>): a link that sorts by the column, or reverses the order
/// when it already does, with an arrow for the order shown and the same said in words for a screen reader.
/// </summary>
/// <param name="Filter">The table's filters, which know the sort.</param>
/// <param name="Links">Links to the table with its filters.</param>
/// <param name="Key">The column's value of <c>sort</c> ("date").</param>
/// <param name="Label">The header's text ("Date").</param>
/// <param name="Spoken">What the column holds, when the header's text does not say it ("With" sorts by country).</param>
public sealed record SortHeader(EventFilter Filter, QueryLinks Links, string Key, string Label, string? Spoken = null)
{
    public string Href => Filter.SortLink(Links, Key);

    public string? AriaSort => Filter.AriaSort(Key);

    /// <summary>The arrow: ▲ ascending, ▼ descending, ↕ for a column the table can be sorted by.</summary>
    public string Arrow => AriaSort switch { "ascending" => "▲", "descending" => "▼", _ => "↕" };

    /// <summary>The words a screen reader reads after the header's text, inside the link.</summary>
    public string Said => AriaSort switch
    {
        "ascending" => "sorted ascending; sort descending",
        "descending" => "sorted descending; sort ascending",
        _ => $"sort by {Spoken ?? Label.ToLowerInvariant()}",
    };
}
