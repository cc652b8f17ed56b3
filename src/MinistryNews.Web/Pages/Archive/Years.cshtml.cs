namespace MinistryNews.Web.Pages.Archive;

/// <summary>Browsing by date, first step: the years the archive has articles of, newest first, with how many each.</summary>
public sealed class YearsModel(ArchiveDbContext db, ArchiveSummary summary) : PageModel
{
    /// <summary>Each year with its count of dated articles, newest first.</summary>
    public IReadOnlyList<(int Year, int Count)> Years { get; private set; } = [];

    /// <summary>The articles whose text gives no date, which no year lists.</summary>
    public int Undated { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await summary.GetAsync(db, cancellationToken);
        Years = [.. counts.Months.GroupBy(m => m.Year).Select(g => (Year: g.Key, Count: g.Sum(m => m.Count))).OrderByDescending(y => y.Year)];
        Undated = counts.Articles - Years.Sum(y => y.Count);
    }
}
