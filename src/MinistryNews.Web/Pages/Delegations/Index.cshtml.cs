namespace MinistryNews.Web.Pages.Delegations;

/// <summary>Every trip of the archive, both ways: visits made by Vietnam's delegations and visits Vietnam hosted.</summary>
public sealed class IndexModel(ArchiveDbContext db) : EventListModel<DelegationRow>(PageSize), IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. DelegationQuery.Keys.All, QueryKey.Format];

    public const int PageSize = 50;

    public string? Direction { get; private set; }

    public override EventFilterForm Form => new(Links, Filter.Common, [("made", "Visits made by Vietnam"), ("hosted", "Visits hosted by Vietnam")], Direction, QueryKey.Direction);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var trips = await DelegationQuery.Read(Request.Query).ValidateAsync(db, PageSize, cancellationToken);
        Direction = trips.DirectionValue;
        return await ShowAsync(db, EventListWords.Delegations, trips, DelegationExportRow.Of, cancellationToken);
    }
}
