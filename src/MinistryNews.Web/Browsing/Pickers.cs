using System.Runtime.CompilerServices;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The names a filter form offers as it is typed into (a <c>&lt;datalist&gt;</c>, which needs no script): every country,
/// and the people most articles name. The filters accept a name as well as a slug (<see cref="ArticleFilter"/>), so a
/// picked name is what the form submits.
/// </summary>
/// <param name="Countries">Every country of the archive, in the order of the alphabet.</param>
/// <param name="People">The <see cref="PeopleSize"/> people most articles name, in the order of the alphabet.</param>
public sealed record PickerNames(IReadOnlyList<string> Countries, IReadOnlyList<string> People)
{
    /// <summary>How many people a person picker offers: enough for the officials readers look for, few enough to keep each page small.</summary>
    public const int PeopleSize = 300;

    // The names are read once for each version of the archive's counts, and let go with them (ArchiveSummary keeps one
    // until the ingestion stores something new).
    private static readonly ConditionalWeakTable<ArchiveCounts, PickerNames> ByCounts = [];

    public static async Task<PickerNames> GetAsync(ArchiveDbContext db, ArchiveSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(summary);
        var counts = await summary.GetAsync(db, cancellationToken);
        if (ByCounts.TryGetValue(counts, out var cached))
        {
            return cached;
        }

        var names = await ReadAsync(db, counts, cancellationToken);
        ByCounts.AddOrUpdate(counts, names);
        return names;
    }

    /// <summary>Names only: the countries' table is small, and the people are the most named by the counts already kept, looked up by id.</summary>
    private static async Task<PickerNames> ReadAsync(ArchiveDbContext db, ArchiveCounts counts, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().Select(c => c.Name).ToListAsync(cancellationToken);
        var top = counts.PeopleCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(PeopleSize).Select(p => p.Key).ToList();
        var people = await db.People.AsNoTracking().Where(p => top.Contains(p.Id)).Select(p => p.Name).ToListAsync(cancellationToken);
        return new PickerNames(Alphabetical(countries), Alphabetical(people));
    }

    private static string[] Alphabetical(IEnumerable<string> names) =>
        [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true))];
}

/// <summary>
/// The datalists of the pickers (<c>Pages/Shared/Components/Pickers</c>): <c>#country-names</c>, and <c>#person-names</c>
/// unless <c>people</c> is false. A page renders it once, inside or beside its filter form.
/// </summary>
public sealed class PickersViewComponent(ArchiveDbContext db, ArchiveSummary summary) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool people = true)
    {
        var names = await PickerNames.GetAsync(db, summary, HttpContext.RequestAborted);
        return View(people ? names : names with { People = [] });
    }
}
