namespace MinistryNews.Web.Pages.Archive;

/// <summary>Browsing by date: a year with its months, or one month, and the articles published then, 100 a page.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public const int PageSize = 100;

    public static IReadOnlyCollection<string> QueryKeys { get; } = [QueryKey.Page];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    public List<string> Messages { get; } = [];

    public int Year { get; private set; }

    public int? Month { get; private set; }

    public IReadOnlyList<(int Month, int Count)> Months { get; private set; } = [];

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public (int Year, int? Month)? Previous { get; private set; }

    public (int Year, int? Month)? Next { get; private set; }

    public string Heading => Month is { } m ? new DateOnly(Year, m, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture) : Year.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int year, int? month, CancellationToken cancellationToken)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12)
        {
            return NotFound();
        }

        Year = year;
        Month = month;
        var first = new DateOnly(year, month ?? 1, 1);
        var last = month is null ? new DateOnly(year, 12, 31) : first.AddMonths(1).AddDays(-1);
        var inPeriod = db.Articles.AsNoTracking().Where(a => a.PublishedOn >= first && a.PublishedOn <= last);
        Months = [.. (await db.Articles.AsNoTracking()
            .Where(a => a.PublishedOn >= new DateOnly(year, 1, 1) && a.PublishedOn <= new DateOnly(year, 12, 31))
            .GroupBy(a => a.PublishedOn!.Value.Month)
            .Select(g => new { Month = g.Key, Count = g.Count() })
            .OrderBy(g => g.Month)
            .ToListAsync(cancellationToken)).Select(g => (g.Month, g.Count))];
        Links = new QueryLinks(PeriodUrl((year, month)), Request.Query);
        var (paging, message) = Paging.Read(Request.Query[QueryKey.Page], PageSize, await inPeriod.CountAsync(cancellationToken));
        Paging = paging;
        if (message is not null)
        {
            Messages.Add(message);
        }

        Articles = await inPeriod.Sorted(db, oldestFirst: true).Skip(paging.Skip).Take(PageSize).ToRowsAsync(db, cancellationToken);

        var before = await db.Articles.Where(a => a.PublishedOn < first).OrderByDescending(a => a.PublishedOn).Select(a => a.PublishedOn).FirstOrDefaultAsync(cancellationToken);
        var after = await db.Articles.Where(a => a.PublishedOn > last).OrderBy(a => a.PublishedOn).Select(a => a.PublishedOn).FirstOrDefaultAsync(cancellationToken);
        Previous = before is { } b ? (b.Year, month is null ? null : b.Month) : null;
        Next = after is { } n ? (n.Year, month is null ? null : n.Month) : null;
        if (Articles.Count == 0 && Months.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public static string PeriodUrl((int Year, int? Month) period) =>
        period.Month is { } m ? $"/archive/{period.Year}/{m}" : $"/archive/{period.Year}";
}
