namespace MinistryNews.Web.Pages;

/// <summary>
/// The page of an event list (meetings, delegations, agreements): one page of the list's checked query as a table, or
/// every row of it as a download (<c>?format=csv</c>, <c>json</c>), with the filters it was read with.
/// </summary>
public abstract class EventListModel<TRow> : PageModel
{
    protected EventListModel(int pageSize) => Paging = new(1, pageSize, 0);

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public IReadOnlyList<TRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; }

    /// <summary>Shows the list at <c>/{name}</c>, or writes it as <c>{name}.csv</c> or <c>{name}.json</c>, each row as <paramref name="export"/> gives it.</summary>
    protected async Task<IActionResult> ShowAsync<TExport>(ArchiveDbContext db, string name, IEventList<TRow> list, Func<TRow, string, TExport> export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        Links = new QueryLinks("/" + name, Request.Query);
        Filter = list.Filter;
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
