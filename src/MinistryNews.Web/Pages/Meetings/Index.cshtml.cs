using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Pages.Meetings;

/// <summary>Every meeting of the archive as a sortable table, filtered by country, person, kind and dates.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. MeetingQuery.Keys, QueryKey.Format];

    public const int PageSize = 50;

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public MeetingKind? Kind { get; private set; }

    public IReadOnlyList<MeetingRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public EventFilterForm Form => new(Links, Filter.Common, [("bilateral", "Bilateral"), ("multilateral", "Multilateral"), ("domestic", "Domestic")], Kind?.ToString().ToLowerInvariant(), QueryKey.Kind);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Links = new QueryLinks("/meetings", Request.Query);
        var meetings = await MeetingQuery.Read(Request.Query).ValidateAsync(db, PageSize, cancellationToken);
        (Filter, Kind) = (meetings.Filter, meetings.Kind);
        if (Export.Format(Request) is { } format)
        {
            var origin = PublicAddress.Origin(HttpContext);
            return await Export.WriteAsync(Response, format, "meetings", ExportRows(meetings.All(db), origin, cancellationToken), cancellationToken);
        }

        var page = await meetings.PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);
        (Rows, Paging, Messages) = (page.Rows, page.Paging, page.Messages);
        return Page();
    }

    private static async IAsyncEnumerable<MeetingExportRow> ExportRows(IAsyncEnumerable<MeetingRow> rows, string origin, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return MeetingExportRow.Of(row, origin);
        }
    }
}
