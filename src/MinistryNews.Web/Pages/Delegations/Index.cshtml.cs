using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Pages.Delegations;

/// <summary>Every trip of the archive, both ways: visits made by Vietnam's delegations and visits Vietnam hosted.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. DelegationQuery.Keys, QueryKey.Format];

    public const int PageSize = 50;

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public string? Direction { get; private set; }

    public IReadOnlyList<DelegationRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public EventFilterForm Form => new(Links, Filter.Common, [("made", "Visits made by Vietnam"), ("hosted", "Visits hosted by Vietnam")], Direction, QueryKey.Direction);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Links = new QueryLinks("/delegations", Request.Query);
        var trips = await DelegationQuery.Read(Request.Query).ValidateAsync(db, PageSize, cancellationToken);
        (Filter, Direction) = (trips.Filter, trips.DirectionValue);
        if (Export.Format(Request) is { } format)
        {
            var origin = PublicAddress.Origin(HttpContext);
            return await Export.WriteAsync(Response, format, "delegations", ExportRows(trips.All(db), origin, cancellationToken), cancellationToken);
        }

        var page = await trips.PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);
        (Rows, Paging, Messages) = (page.Rows, page.Paging, page.Messages);
        return Page();
    }

    private static async IAsyncEnumerable<DelegationExportRow> ExportRows(IAsyncEnumerable<DelegationRow> rows, string origin, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return DelegationExportRow.Of(row, origin);
        }
    }
}
