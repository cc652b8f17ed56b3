namespace MinistryNews.Web.Pages.Meetings;

/// <summary>
/// Every meeting of the archive as a sortable table, filtered by country, person, kind and dates, and by whom else it
/// was with (<c>with</c>, <c>organisation</c>: the links of the counterparts' tables and of the pairs page).
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : EventListModel<MeetingRow>(PageSize), IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. MeetingQuery.AllKeys, QueryKey.Format];

    public const int PageSize = 50;

    public MeetingKind? Kind { get; private set; }

    /// <summary>The people who took part as well, and the organisation met.</summary>
    public MeetingWith With { get; private set; } = MeetingWith.None;

    protected override IReadOnlyList<ListFilterValue> Kept => With.Values;

    public override EventFilterForm Form => new(Links, Filter.Common, [("bilateral", "Bilateral"), ("multilateral", "Multilateral"), ("domestic", "Domestic")], Kind?.ToString().ToLowerInvariant(), QueryKey.Kind, Kept);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var meetings = await MeetingQuery.Read(Request.Query).ValidateAsync(db, PageSize, cancellationToken);
        (Kind, With) = (meetings.Kind, meetings.With);
        return await ShowAsync(db, EventListWords.Meetings, meetings, MeetingExportRow.Of, cancellationToken);
    }
}
