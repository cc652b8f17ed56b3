namespace MinistryNews.Web.Pages.Meetings;

/// <summary>
/// Who met whom across the archive: every pair of a Vietnamese official and a counterpart (a person, or an
/// organisation as written: see <see cref="WhoMetWhom"/>) with its number of meetings and the dates of the first and
/// last, each linked to those meetings, most meetings first, with the filters of <c>/meetings</c>.
/// </summary>
public sealed class PairsModel(ArchiveDbContext db, ArchiveSummary summary) : PageModel, IReadsQuery
{
    /// <summary>The keys of the meetings list but its sort: the pairs have their own order.</summary>
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. MeetingQuery.AllKeys.Where(k => k != QueryKey.Sort)];

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public MeetingKind? Kind { get; private set; }

    public MeetingWith With { get; private set; } = MeetingWith.None;

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public IReadOnlyList<PairRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, Pairs.PageSize, 0);

    /// <summary>The meetings list with the same filters.</summary>
    public string MeetingsHref => new QueryLinks("/meetings", Request.Query).Clear();

    public EventFilterForm Form => new(Links, Filter.Common, [("bilateral", "Bilateral"), ("multilateral", "Multilateral"), ("domestic", "Domestic")], Kind?.ToString().ToLowerInvariant(), QueryKey.Kind, With.Values);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var meetings = await MeetingQuery.Read(Request.Query).ValidateAsync(db, Pairs.PageSize, cancellationToken);
        (Filter, Kind, With) = (meetings.Filter, meetings.Kind, meetings.With);
        Links = new QueryLinks("/meetings/pairs", Request.Query);
        var page = await Pairs.PageAsync(db, meetings, summary, cancellationToken);
        (Rows, Paging, Messages) = (page.Rows, page.Paging, page.Messages);
        ViewData["Description"] = $"Who met whom: each Vietnamese official and the foreign people and organisations they met, with the number of meetings and the first and last dates. {Display.Count(Paging.Total, "pair")}.";
        return Page();
    }
}
