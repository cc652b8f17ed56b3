namespace MinistryNews.Web.Pages;

/// <summary>
/// The page of an event list (meetings, delegations, agreements): one page of the list's checked query as a table, or
/// every row of it as a download (<c>?format=csv</c>, <c>json</c>), with the filters it was read with, and its Atom feed
/// with the same filters (linked on the page and in its head; <c>?format=atom</c> leads to it).
/// </summary>
public abstract class EventListModel<TRow> : PageModel
{
    protected EventListModel(int pageSize) => Paging = new(1, pageSize, 0);

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public IReadOnlyList<TRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; }

    /// <summary>The filter form above the table: the list's own filter and its value chosen.</summary>
    public abstract EventFilterForm Form { get; }

    /// <summary>The filters of the list the form has no field for (a meeting's <c>with</c> and <c>organisation</c>), as it read them.</summary>
    protected virtual IReadOnlyList<ListFilterValue> Kept => [];

    /// <summary>The list's Atom feed, with the filters the page was read with.</summary>
    public EventFeed Feed { get; private set; } = null!;

    /// <summary>
    /// Shows the list at <c>/{name}</c>, writes it as <c>{name}.csv</c> or <c>{name}.json</c>, each row as
    /// <paramref name="export"/> gives it, or leads to its feed (<c>?format=atom</c>).
    /// </summary>
    protected async Task<IActionResult> ShowAsync<TExport>(ArchiveDbContext db, EventListWords words, IEventList<TRow> list, Func<TRow, string, TExport> export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(list);
        var name = words.Name;
        Links = new QueryLinks("/" + name, Request.Query);
        Filter = list.Filter;
        Feed = new EventFeed(words, Filter, Form.Selected, Kept);
        ViewData["Feed"] = Feed.Address;
        ViewData["FeedTitle"] = Feed.Title;
        if (Export.Refusal(Request, list.Messages, feed: true) is { } refused)
        {
            return refused;
        }

        if (string.Equals(Request.Query[QueryKey.Format].FirstOrDefault(), "atom", StringComparison.OrdinalIgnoreCase))
        {
            return Redirect(Feed.Address);
        }

        if (Export.Format(Request) is { } format)
        {
            var origin = PublicAddress.Origin(HttpContext);
            return await Export.WriteAsync(Response, format, name, list.All(db).Select(row => export(row, origin)), cancellationToken);
        }

        var page = await list.PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);
        (Rows, Paging, Messages) = (page.Rows, page.Paging, page.Messages);
        return Page();
    }
}
