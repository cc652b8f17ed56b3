namespace MinistryNews.Web.Pages.People;

/// <summary>The officials the archive names, most articles first, with a filter by country.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. PeopleQuery.PageKeys, QueryKey.Format];

    public IReadOnlyList<PersonRow> Rows { get; private set; } = [];

    /// <summary>The countries chosen.</summary>
    public IReadOnlyList<Link> Countries { get; private set; } = [];

    public List<string> Messages { get; } = [];

    public Paging Paging { get; private set; } = new(1, PeopleList.PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    /// <summary>A person as the downloads give them: the offices they held a list (an array in JSON), the address absolute.</summary>
    public sealed record ExportRow(string Name, string? Country, string? Office, int Articles, [property: CsvHelper.Configuration.Attributes.TypeConverter(typeof(JoinedNames))] IReadOnlyList<string> Offices, string Url);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await PeopleList.ReadAsync(db, PeopleQuery.Read(Request.Query), PeopleList.PageSize, cancellationToken);
        Messages.AddRange(list.Problems);
        Links = new QueryLinks("/people", Request.Query);
        Countries = [.. list.Countries.Select(c => new Link(c.Slug, c.Name))];
        if (Export.Refusal(Request, list.Problems, feed: false) is { } refused)
        {
            return refused;
        }

        if (Export.Format(Request) is { } format)
        {
            var origin = PublicAddress.Origin(HttpContext);
            var all = await list.AllAsync(cancellationToken);
            return await Export.WriteAsync(Response, format, "people", Export.Of(all.Select(r => new ExportRow(r.Name, r.Country?.Name, r.Office, r.Articles, [.. r.Offices.Select(o => o.Name)], $"{origin}/people/{r.Slug}"))), cancellationToken);
        }

        var results = await list.PageAsync(lastWhenPast: true, cancellationToken);
        (Paging, Rows) = (results.Paging, results.Rows);
        if (results.PageNotice is { } notice)
        {
            Messages.Add(notice);
        }

        return Page();
    }
}
