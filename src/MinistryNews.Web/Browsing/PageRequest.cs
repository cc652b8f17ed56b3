namespace MinistryNews.Web.Browsing;

/// <summary>
/// The page of a list asked for (<c>page</c>, and on the API <c>pageSize</c>), read from text: a value that is not a
/// number in range is a problem (a page shows it and shows the first page; the API answers 400).
/// </summary>
public readonly record struct PageRequest(int Number, int Size)
{
    /// <summary>The items a page of the API holds when <c>pageSize</c> is not given.</summary>
    public const int ApiSize = 20;

    /// <summary>The most items a page of the API holds.</summary>
    public const int MaxSize = 100;

    /// <summary>The tag (an SQL comment) of the query that reads a list's page, so that its rows can be told in a log or a test.</summary>
    public const string QueryTag = "A page of a list";

    public static PageRequest Read(string? page, string? pageSize, int defaultSize, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var number = 1;
        if (!string.IsNullOrWhiteSpace(page))
        {
            if (int.TryParse(page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                number = n;
            }
            else
            {
                problems.Add($"“{Clip(page)}” is not a page number (1 or more); the first page is taken.");
            }
        }

        var size = defaultSize;
        if (!string.IsNullOrWhiteSpace(pageSize))
        {
            if (int.TryParse(pageSize.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= MaxSize)
            {
                size = s;
            }
            else
            {
                problems.Add($"“{Clip(pageSize)}” is not a valid pageSize (1 to {MaxSize}); {defaultSize} a page are taken.");
            }
        }

        return new PageRequest(number, size);
    }

    /// <summary>
    /// The page within a list of <paramref name="total"/> items. Past the last page, a page of the site shows the last
    /// one and says so (<paramref name="lastWhenPast"/>); the API answers the page asked for, with no items.
    /// </summary>
    public (Paging Paging, string? Notice) Within(int total, bool lastWhenPast)
    {
        var paging = new Paging(Number, Size, total);
        if (!lastWhenPast || Number <= paging.Count)
        {
            return (paging, null);
        }

        return (paging with { Number = paging.Count }, $"There is no page {Number.ToString(CultureInfo.InvariantCulture)}: the list has {paging.Count.ToString(CultureInfo.InvariantCulture)} {(paging.Count == 1 ? "page" : "pages")}. Showing the last one.");
    }

    /// <summary>How many items come before this page, or null when it lies past the last item (counted in 64 bits, so page 2,147,483,647 does not wrap round).</summary>
    public int? Skip(int total)
    {
        var skip = (Number - 1L) * Size;
        return skip < total ? (int)skip : null;
    }

    private static string Clip(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
