namespace MinistryNews.Web.Pages.Meetings;

/// <summary>Every meeting of the archive as a sortable table, filtered by country, person, kind and dates.</summary>
public sealed class IndexModel(ArchiveDbContext db) : EventListModel<MeetingRow>(PageSize), IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. MeetingQuery.Keys.All, QueryKey.Format];

    public const int PageSize = 50;

    public MeetingKind? Kind { get; private set; }

    public override EventFilterForm Form => new(Links, Filter.Common, [("bilateral", "Bilateral"), ("multilateral", "Multilateral"), ("domestic", "Domestic")], Kind?.ToString().ToLowerInvariant(), QueryKey.Kind);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var meetings = await MeetingQuery.Read(Request.Query).ValidateAsync(db, PageSize, cancellationToken);
        Kind = meetings.Kind;
        return await ShowAsync(db, EventListWords.Meetings, meetings, MeetingExportRow.Of, cancellationToken);
    }
}
