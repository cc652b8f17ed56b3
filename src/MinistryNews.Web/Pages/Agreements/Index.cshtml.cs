using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Pages.Agreements;

/// <summary>The register of agreements: kind, name, counterparts, signing, validity and whether it is in force today.</summary>
public sealed class IndexModel(ArchiveDbContext db, TimeProvider time) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. AgreementQuery.Keys, QueryKey.Format];

    public const int PageSize = 50;

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public AgreementStatus? Status { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<AgreementRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public EventFilterForm Form => new(Links, Filter.Common, [("in-force", "In force"), ("expired", "Expired"), ("unknown", "Unknown")], Status is { } s ? AgreementRow.StatusValue(s) : null, QueryKey.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        Links = new QueryLinks("/agreements", Request.Query);
        var agreements = await AgreementQuery.Read(Request.Query).ValidateAsync(db, Today, PageSize, cancellationToken);
        (Filter, Status) = (agreements.Filter, agreements.Status);
        if (Export.Format(Request) is { } format)
        {
            var origin = PublicAddress.Origin(HttpContext);
            return await Export.WriteAsync(Response, format, "agreements", ExportRows(agreements.All(db, cancellationToken), origin, cancellationToken), cancellationToken);
        }

        var page = await agreements.PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);
        (Rows, Paging, Messages) = (page.Rows, page.Paging, page.Messages);
        return Page();
    }

    private static async IAsyncEnumerable<AgreementExportRow> ExportRows(IAsyncEnumerable<AgreementRow> rows, string origin, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return AgreementExportRow.Of(row, origin);
        }
    }
}
