namespace MinistryNews.Web.Pages.Agreements;

/// <summary>The register of agreements: kind, name, counterparts, signing, validity and whether it is in force today.</summary>
public sealed class IndexModel(ArchiveDbContext db, TimeProvider time) : EventListModel<AgreementRow>(PageSize), IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. AgreementQuery.Keys.All, QueryKey.Format];

    public const int PageSize = 50;

    public AgreementStatus? Status { get; private set; }

    public DateOnly Today { get; private set; }

    public override EventFilterForm Form => new(Links, Filter.Common, [("in-force", "In force"), ("expired", "Expired"), ("unknown", "Unknown")], Status is { } s ? AgreementRow.StatusValue(s) : null, QueryKey.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var agreements = await AgreementQuery.Read(Request.Query).ValidateAsync(db, Today, PageSize, cancellationToken);
        Status = agreements.Status;
        return await ShowAsync(db, EventListWords.Agreements, agreements, AgreementExportRow.Of, cancellationToken);
    }
}
