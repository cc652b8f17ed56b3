namespace MinistryNews.Web.Pages.Countries;

/// <summary>The countries the archive deals with, most articles first, 50 a page.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. CountryQuery.PageKeys, QueryKey.Format];

    public IReadOnlyList<CountryRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, CountryList.PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    public List<string> Messages { get; } = [];

    /// <summary>Every country with a meeting, a trip or an agreement, on a map.</summary>
    public PartnerMap Map { get; private set; } = null!;

    /// <summary>A country as the downloads give it, with the address of its page.</summary>
    public sealed record ExportRow(string Slug, string Name, string Code, int Articles, int Meetings, int VisitsMade, int VisitsHosted, int Agreements, string Url);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = CountryList.Read(db, CountryQuery.Read(Request.Query), CountryList.PageSize);
        Messages.AddRange(list.Problems);
        Links = new QueryLinks("/countries", Request.Query);
        if (Export.Refusal(Request, list.Problems, feed: false) is { } refused)
        {
            return refused;
        }

        if (Export.Format(Request) is { } format)
        {
            var origin = PublicAddress.Origin(HttpContext);
            var all = await list.AllAsync(cancellationToken);
            return await Export.WriteAsync(Response, format, "countries", Export.Of(all.Select(c => new ExportRow(c.Slug, c.Name, c.Code, c.Articles, c.Meetings, c.VisitsMade, c.VisitsHosted, c.Agreements, $"{origin}/countries/{c.Slug}"))), cancellationToken);
        }

        Map = await PartnerCounts.MapAsync(db, "partners", cancellationToken);
        var results = await list.PageAsync(lastWhenPast: true, cancellationToken);
        (Paging, Rows) = (results.Paging, results.Rows);
        if (results.PageNotice is { } notice)
        {
            Messages.Add(notice);
        }

        return Page();
    }
}
