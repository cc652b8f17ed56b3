using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Pages.Agreements;

/// <summary>The register of agreements: kind, name, counterparts, signing, validity and whether it is in force today.</summary>
public sealed class IndexModel(ArchiveDbContext db, TimeProvider time) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. EventFilter.Keys, QueryKey.Status, QueryKey.Page, QueryKey.Format];

    public const int PageSize = 50;

    private static readonly string[] SortKeys = ["signed", "kind", "status"];

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public List<string> Messages { get; } = [];

    public AgreementStatus? Status { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<AgreementRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public EventFilterForm Form => new(Links, Filter.Common, [("in-force", "In force"), ("expired", "Expired"), ("unknown", "Unknown")], Status is { } s ? AgreementRow.StatusValue(s) : null, "status");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        Links = new QueryLinks("/agreements", Request.Query);
        Filter = await EventFilter.ReadAsync(db, Request.Query, SortKeys, "-signed", Messages, cancellationToken);
        var status = Request.Query[QueryKey.Status].FirstOrDefault();
        if (!string.IsNullOrEmpty(status))
        {
            Status = status switch
            {
                "in-force" => AgreementStatus.InForce,
                "expired" => AgreementStatus.Expired,
                "unknown" => AgreementStatus.Unknown,
                _ => null,
            };
            if (Status is null)
            {
                Messages.Add($"“{(status.Length > 30 ? status[..30] : status)}” is not a status (in-force, expired or unknown); that filter is left out.");
            }
        }

        var rows = (await AgreementRow.QueryAsync(db, Filter.CountryIds, Filter.PersonIds, Today, cancellationToken))
            .Where(r => Filter.InRange(r.SignedOn))
            .Where(r => Status is null || r.Status == Status);
        var sorted = Filter.SortKey switch
        {
            "kind" => Filter.Order(rows, r => r.Kind).ThenByDescending(r => r.SignedOn),
            "status" => Filter.Order(rows, r => r.Status).ThenByDescending(r => r.SignedOn),
            _ => Filter.Order(rows, r => r.SignedOn?.FirstDay ?? DateOnly.MinValue),
        };
        if (Export.Format(Request) is { } format)
        {
            return await Export.WriteAsync(Response, format, "agreements", Export.Of(sorted.Select(r => new ExportRow(r.Kind, r.Name, Export.Join(r.Countries), Export.Date(r.SignedOn), Export.Date(r.ValidFrom), Export.Date(r.ValidTo), AgreementRow.StatusLabel(r.Status), Export.Join(r.Signatories), r.ArticleId, r.ArticleTitle))), cancellationToken);
        }

        (Paging, Rows) = Paging.Of(sorted, Request.Query[QueryKey.Page], PageSize, Messages);
        return Page();
    }

    /// <summary>A row as the downloads give it.</summary>
    public sealed record ExportRow(string Kind, string? Name, string Countries, string? SignedOn, string? ValidFrom, string? ValidTo, string Status, string Signatories, int ArticleId, string ArticleTitle);

}

public enum AgreementStatus
{
    InForce,
    Expired,
    Unknown,
}

/// <summary>An agreement as the register shows it, with its status on a given day.</summary>
public sealed record AgreementRow(string Kind, string? Name, IReadOnlyList<Link> Countries, PartialDate? SignedOn, IReadOnlyList<Link> Signatories, PartialDate? ValidFrom, PartialDate? ValidTo, AgreementStatus Status, int ArticleId, string ArticleSlug, string ArticleTitle)
{
    public string Validity => (ValidFrom, ValidTo) switch
    {
        ({ } f, { } t) when f == t => Display.Date(f),
        ({ } f, { } t) => $"{Display.Date(f)} – {Display.Date(t)}",
        (null, { } t) => $"until {Display.Date(t)}",
        ({ } f, null) => $"from {Display.Date(f)}",
        _ => "not given",
    };

    public static string StatusValue(AgreementStatus status) => status switch
    {
        AgreementStatus.InForce => "in-force",
        AgreementStatus.Expired => "expired",
        _ => "unknown",
    };

    public static string StatusLabel(AgreementStatus status) => status switch
    {
        AgreementStatus.InForce => "in force",
        AgreementStatus.Expired => "expired",
        _ => "unknown",
    };

    /// <summary>In force from the start of its validity to the last day it can mean; expired after; unknown when the text gives no end.</summary>
    public static AgreementStatus StatusOn(PartialDate? from, PartialDate? to, DateOnly today) =>
        to is not { } end ? AgreementStatus.Unknown
        : end.LastDay < today ? AgreementStatus.Expired
        : from is { } start && start.FirstDay > today ? AgreementStatus.Unknown
        : AgreementStatus.InForce;

    public static async Task<List<AgreementRow>> QueryAsync(ArchiveDbContext db, IReadOnlyList<int> countries, IReadOnlyList<int> people, DateOnly today, CancellationToken cancellationToken)
    {
        var agreements = db.Agreements.AsNoTracking();
        if (countries.Count > 0)
        {
            var with = LinkTables.AgreementsWithCountries(db, countries);
            agreements = agreements.Where(a => with.Contains(a.Id));
        }

        if (people.Count > 0)
        {
            var signed = LinkTables.AgreementsSignedBy(db, people);
            agreements = agreements.Where(a => signed.Contains(a.Id));
        }

        var rows = await agreements
            .Select(a => new
            {
                a.Kind,
                a.Name,
                Countries = a.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                a.SignedOn,
                Signatories = a.Signatories.OrderBy(p => p.Name).Select(p => new Link(p.Slug, p.Name)).ToList(),
                a.ValidFrom,
                a.ValidTo,
                a.ArticleId,
                a.Article.Slug,
                a.Article.Title,
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        return [.. rows.Select(a => new AgreementRow(a.Kind, a.Name, a.Countries, a.SignedOn, a.Signatories, a.ValidFrom, a.ValidTo, StatusOn(a.ValidFrom, a.ValidTo, today), a.ArticleId, a.Slug, a.Title))];
    }
}
