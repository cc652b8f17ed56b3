namespace MinistryNews.Web.Pages;

/// <summary>The front page: the latest articles, what the archive holds, who and where appear most, and activity year by year and the partners on a map.</summary>
public sealed class IndexModel(ArchiveDbContext db, ArchiveSummary summary) : PageModel
{
    public const int Latest = 20;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public int ArticleCount { get; private set; }

    public int MeetingCount { get; private set; }

    public int DelegationCount { get; private set; }

    public int AgreementCount { get; private set; }

    public IReadOnlyList<(Link Country, int Articles)> TopCountries { get; private set; } = [];

    public IReadOnlyList<(Link Person, int Articles)> TopPeople { get; private set; } = [];

    /// <summary>The archive's articles year by year, and of them those that tell each kind of event.</summary>
    public ActivityChart Activity { get; private set; } = null!;

    /// <summary>The partners on a map: every country with a meeting, a trip or an agreement.</summary>
    public PartnerMap Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await summary.GetAsync(db, cancellationToken);
        ArticleCount = counts.Articles;
        MeetingCount = counts.Meetings;
        DelegationCount = counts.Delegations;
        AgreementCount = counts.Agreements;
        Articles = await db.Articles.Sorted(db).Take(Latest).ToRowsAsync(db, cancellationToken);
        TopCountries = [.. counts.Countries.Take(10).Select(c => (c.Country, c.Count))];
        TopPeople = [.. counts.TopPeople.Take(10).Select(p => (p.Person, p.Count))];
        Activity = ActivityChart.OfArchive(counts, "Articles year by year");
        Map = await PartnerCounts.MapAsync(db, "partners", cancellationToken);
    }
}
