using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;
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

    public QueryLinks Links { get; private set; } = null!;

    public AgreementList List { get; private set; } = null!;

    public EventFilterForm Form => new(
        Links,
        List.Filter.Common,
        [.. AgreementRow.Statuses.Select(s => (s.Value, char.ToUpperInvariant(s.Label[0]) + s.Label[1..]))],
        List.Filter.Status is { } status ? AgreementRow.StatusValue(status) : null,
        QueryKey.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        Links = new QueryLinks("/agreements", Request.Query);
        var filter = await AgreementQuery.Read(Request.Query).CheckAsync(db, today, PageSize, cancellationToken);
        if (Export.Format(Request) is { } format)
        {
            var origin = PublicAddress.Origin(HttpContext);
            return await Export.WriteAsync(Response, format, "agreements", filter.AllAsync(db, cancellationToken).Select(r => ExportRow.Of(r, origin)), cancellationToken);
        }

        List = await filter.PageAsync(db, PastLastPage.ShowLast, cancellationToken);
        return Page();
    }

    /// <summary>
    /// A row as the downloads give it: the table's columns, the record's id and absolute address, and the article of its
    /// first mention. The countries and signatories are lists in the JSON download and one cell in the CSV ("Japan; Laos").
    /// </summary>
    public sealed record ExportRow(
        int RecordId,
        string RecordUrl,
        string Kind,
        string? Name,
        string? Subject,
        [property: CsvHelper.Configuration.Attributes.TypeConverter(typeof(NamesCell))] IReadOnlyList<string> Countries,
        string? Organisation,
        string? Place,
        string SignedOn,
        string? DatePrecision,
        string DateSource,
        string? ValidFrom,
        string? ValidTo,
        string Status,
        [property: CsvHelper.Configuration.Attributes.TypeConverter(typeof(NamesCell))] IReadOnlyList<string> Signatories,
        int Articles,
        string ArticleTitle,
        string ArticleUrl,
        string Evidence)
    {
        public static ExportRow Of(AgreementRow r, string origin)
        {
            ArgumentNullException.ThrowIfNull(r);
            return new(
                r.Id,
                origin + r.Url,
                r.Kind,
                r.Name,
                r.Subject,
                [.. r.Countries.Select(c => c.Name)],
                r.Organisation,
                r.Place,
                EventDates.Text(r.SignedOn),
                Display.Precision(r.SignedOn),
                AgreementRow.DateSourceValue(r.DateSource),
                r.ValidFrom?.ToString(),
                r.ValidTo?.ToString(),
                AgreementRow.StatusLabel(r.Status),
                [.. r.Signatories.Select(p => p.Name)],
                r.Articles,
                r.ArticleTitle,
                origin + r.FactUrl,
                r.Evidence);
        }
    }

    /// <summary>A list of names as one CSV cell, "Japan; Laos".</summary>
    private sealed class NamesCell : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is IEnumerable<string> names ? string.Join("; ", names) : base.ConvertToString(value, row, memberMapData);
    }
}
