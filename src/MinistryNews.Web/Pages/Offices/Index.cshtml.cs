namespace MinistryNews.Web.Pages.Offices;

/// <summary>
/// The offices the archive shows people in, grouped by their organisation (or country), each with its holders over time:
/// the first and last dates the archive shows each holder in it, linked to the sentences that say so. Paged in SQL.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [QueryKey.Page];

    public const int PageSize = 50;

    /// <summary>The holders each office shows, the latest; all of them are on the office's page.</summary>
    public const int HoldersShown = 5;

    public IReadOnlyList<OfficeRow> Rows { get; private set; } = [];

    public List<string> Messages { get; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    /// <summary>An office: where it belongs (its organisation, else its country), its latest holders, earliest first, and how many it had.</summary>
    public sealed record OfficeRow(int Id, string Slug, string Name, string Rank, string Group, int Mentions, IReadOnlyList<Holding> Holders, int HolderCount);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Links = new QueryLinks("/offices", Request.Query);
        var total = await db.Offices.CountAsync(cancellationToken);
        var (paging, message) = Paging.Read(Request.Query[QueryKey.Page], PageSize, total);
        Paging = paging;
        if (message is not null)
        {
            Messages.Add(message);
        }

        var offices = await db.Offices.AsNoTracking()
            .OrderBy(o => o.Country == null ? 1 : 0)
            .ThenBy(o => o.Country!.Name)
            .ThenBy(o => o.Organisation == null ? 1 : 0)
            .ThenBy(o => o.Organisation!.Name)
            .ThenByDescending(o => o.MentionCount)
            .ThenBy(o => o.Name)
            .Skip(paging.Skip).Take(PageSize)
            .Select(o => new
            {
                o.Id,
                o.Slug,
                o.Name,
                o.Rank,
                Organisation = o.Organisation == null ? null : o.Organisation.Name,
                Country = o.Country == null ? null : o.Country.Name,
                Mentions = o.MentionCount,
            })
            .ToListAsync(cancellationToken);
        var ids = offices.Select(o => o.Id).ToList();
        var (shown, totals) = await OfficeHolders.QueryAsync(db, ids, HoldersShown, cancellationToken);
        var holders = shown.ToLookup(h => h.OfficeId);
        Rows = [.. offices.Select(o => new OfficeRow(
            o.Id,
            o.Slug,
            o.Name,
            o.Rank,
            o.Organisation is null ? o.Country ?? "Elsewhere" : o.Country is null ? o.Organisation : $"{o.Organisation} ({o.Country})",
            o.Mentions,
            [.. holders[o.Id]],
            totals.GetValueOrDefault(o.Id)))];
        ViewData["Description"] = PageMeta.Description($"The offices of the press releases' officials, with who held each and from when to when the archive shows them in it: {Display.Count(total, "office")}.");
        ViewData["Canonical"] = paging.Number == 1 ? "/offices" : $"/offices?page={paging.Number}";
        return Page();
    }
}
