using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
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

        // Undated records come last whichever way the dates are sorted: "date not given" is not the earliest date.
        var undatedLast = rows.OrderBy(r => r.SignedOn is null);
        var sorted = Filter.SortKey switch
        {
            "kind" => (Filter.Descending ? rows.OrderByDescending(r => r.Kind) : rows.OrderBy(r => r.Kind)).ThenBy(r => r.SignedOn is null).ThenByDescending(r => r.SignedOn?.FirstDay),
            "status" => (Filter.Descending ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status)).ThenBy(r => r.SignedOn is null).ThenByDescending(r => r.SignedOn?.FirstDay),
            _ => Filter.Descending ? undatedLast.ThenByDescending(r => r.SignedOn?.FirstDay) : undatedLast.ThenBy(r => r.SignedOn?.FirstDay),
        };
        sorted = sorted.ThenBy(r => r.Id);
        if (Export.Format(Request) is { } format)
        {
            var origin = Hosting.PublicAddress.Origin(HttpContext);
            return await Export.WriteAsync(Response, format, "agreements", Export.Of(sorted.Select(r => ExportRow.Of(r, origin))), cancellationToken);
        }

        (Paging, Rows) = Paging.Of(sorted, Request.Query[QueryKey.Page], PageSize, Messages);
        return Page();
    }

    /// <summary>A row as the downloads give it: the table's columns, the record's id and address, and the article of its first mention.</summary>
    public sealed record ExportRow(
        int RecordId,
        string RecordUrl,
        string Kind,
        string? Name,
        string? Subject,
        string Countries,
        string? Organisation,
        string? Place,
        string SignedOn,
        string? DatePrecision,
        string DateSource,
        string? ValidFrom,
        string? ValidTo,
        string Status,
        string Signatories,
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
                Export.Join(r.Countries),
                r.Organisation,
                r.Place,
                Export.Date(r.SignedOn) ?? Display.DateNotGiven,
                Display.Precision(r.SignedOn),
                AgreementRow.DateSourceValue(r.DateSource),
                Export.Date(r.ValidFrom),
                Export.Date(r.ValidTo),
                AgreementRow.StatusLabel(r.Status),
                Export.Join(r.Signatories),
                r.Articles,
                r.ArticleTitle,
                origin + ArticleLinks.Fact(r.ArticleKey, r.ArticleSlug, r.Evidence),
                r.Evidence);
        }
    }
}

public enum AgreementStatus
{
    InForce,
    Expired,
    Unknown,
}

/// <summary>
/// A record of the agreements register as the tables show it: the document, its counterparts, its signing date and where
/// the date came from, its status on a given day, how many articles tell it, and the first of them with the sentence.
/// </summary>
public sealed record AgreementRow(
    int Id,
    string Slug,
    string Kind,
    string? Name,
    string? Subject,
    IReadOnlyList<Link> Countries,
    string? Organisation,
    string? Place,
    PartialDate? SignedOn,
    DateSource DateSource,
    IReadOnlyList<Link> Signatories,
    PartialDate? ValidFrom,
    PartialDate? ValidTo,
    AgreementStatus Status,
    int Articles,
    int? PredecessorId,
    IReadOnlyList<int> SuccessorIds,
    int ArticleId,
    string ArticleKey,
    string ArticleSlug,
    string ArticleTitle,
    string Evidence)
{
    /// <summary>The record's page.</summary>
    public string Url => Address(Id, Slug);

    /// <summary>The address of a record's page: <c>/agreements/{id}/{slug}</c>.</summary>
    public static string Address(int id, string slug) => $"/agreements/{id}/{slug}";

    /// <summary>The first mention's link to its sentence.</summary>
    public string FactUrl => ArticleLinks.Fact(ArticleKey, ArticleSlug, Evidence);

    /// <summary>The words a screen reader hears for the fact link: "the Memorandum of Understanding with Japan of 5 November 2019".</summary>
    public string FactLabel => Label(Kind, Countries.Select(c => c.Name), SignedOn);

    public static string Label(string kind, IEnumerable<string> countries, PartialDate? signedOn)
    {
        var with = string.Join(", ", countries);
        return $"the {kind}{(with.Length == 0 ? string.Empty : " with " + with)}{(signedOn is null ? string.Empty : " of " + Display.Date(signedOn))}";
    }

    public string Validity => ValidityText(ValidFrom, ValidTo);

    public static string ValidityText(PartialDate? from, PartialDate? to) => (from, to) switch
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

    /// <summary>Where a date came from, as the API and the downloads write it: "sentence", "relative", "context" or "not given".</summary>
    public static string DateSourceValue(DateSource source) => Display.DateSourceValue(source) ?? "not given";

    /// <summary>In force from the start of its validity to the last day it can mean; expired after; unknown when the text gives no end.</summary>
    public static AgreementStatus StatusOn(PartialDate? from, PartialDate? to, DateOnly today) =>
        to is not { } end ? AgreementStatus.Unknown
        : end.LastDay < today ? AgreementStatus.Expired
        : from is { } start && start.FirstDay > today ? AgreementStatus.Unknown
        : AgreementStatus.InForce;

    /// <summary>Where a record's date came from: the surest source among the mentions that give the record's date.</summary>
    public static DateSource SourceOf(PartialDate? signedOn, IEnumerable<(PartialDate? SignedOn, DateSource Source)> mentions) =>
        signedOn is null ? DateSource.None
        : mentions.Where(m => m.SignedOn == signedOn && m.Source != DateSource.None).Select(m => m.Source).OrderBy(Rank).FirstOrDefault();

    private static int Rank(DateSource source) => source switch
    {
        DateSource.Sentence => 0,
        DateSource.Relative => 1,
        _ => 2,
    };

    /// <summary>
    /// The records with any of these countries and signed by any of these people (none: all), one row each. Filters go
    /// through the mentions' link tables; each record's first mention is the one of the earliest article.
    /// </summary>
    public static async Task<List<AgreementRow>> QueryAsync(ArchiveDbContext db, IReadOnlyList<int> countries, IReadOnlyList<int> people, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mentions = db.Agreements.AsNoTracking().Where(a => a.RecordId != null);
        if (countries.Count > 0)
        {
            var with = LinkTables.AgreementsWithCountries(db, countries);
            mentions = mentions.Where(a => with.Contains(a.Id));
        }

        if (people.Count > 0)
        {
            var signed = LinkTables.AgreementsSignedBy(db, people);
            mentions = mentions.Where(a => signed.Contains(a.Id));
        }

        var records = db.AgreementRecords.AsNoTracking();
        if (countries.Count > 0 || people.Count > 0)
        {
            var ids = mentions.Select(a => a.RecordId!.Value);
            records = records.Where(r => ids.Contains(r.Id));
        }

        var rows = await records
            .Select(r => new
            {
                r.Id,
                r.Slug,
                r.Kind,
                r.Name,
                r.Subject,
                r.CounterpartOrganisation,
                r.Place,
                r.SignedOn,
                r.ValidFrom,
                r.ValidTo,
                r.PredecessorId,
                Countries = r.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                Signatories = r.Signatories.OrderBy(p => p.Name).Select(p => new Link(p.Slug, p.Name)).ToList(),
                Articles = r.Mentions.Select(m => m.ArticleId).Distinct().Count(),
                InSentence = r.Mentions.Any(m => m.SignedOn == r.SignedOn && m.DateSource == DateSource.Sentence),
                Relative = r.Mentions.Any(m => m.SignedOn == r.SignedOn && m.DateSource == DateSource.Relative),
                FromContext = r.Mentions.Any(m => m.SignedOn == r.SignedOn && m.DateSource == DateSource.Context),
                FirstMention = r.Mentions.OrderBy(m => m.Article.PublishedOn == null).ThenBy(m => m.Article.PublishedOn).ThenBy(m => m.Id).Select(m => m.Id).FirstOrDefault(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);

        // The first mentions' articles and sentences, and the renewals, in two more queries.
        var firstIds = rows.Select(r => r.FirstMention).Distinct().ToList();
        var first = await db.Agreements.AsNoTracking()
            .Where(a => firstIds.Contains(a.Id))
            .Select(a => new { a.Id, a.ArticleId, a.Article.Key, a.Article.Slug, a.Article.Title, a.Evidence })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var successors = (await db.AgreementRecords.AsNoTracking().Where(r => r.PredecessorId != null).Select(r => new { r.Id, r.PredecessorId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.PredecessorId!.Value, r => r.Id);
        return [.. rows.Where(r => first.ContainsKey(r.FirstMention)).Select(r =>
        {
            var mention = first[r.FirstMention];
            return new AgreementRow(
                r.Id,
                r.Slug,
                r.Kind,
                r.Name,
                r.Subject,
                r.Countries,
                r.CounterpartOrganisation,
                r.Place,
                r.SignedOn,
                r.SignedOn is null ? DateSource.None : r.InSentence ? DateSource.Sentence : r.Relative ? DateSource.Relative : r.FromContext ? DateSource.Context : DateSource.None,
                r.Signatories,
                r.ValidFrom,
                r.ValidTo,
                StatusOn(r.ValidFrom, r.ValidTo, today),
                r.Articles,
                r.PredecessorId,
                [.. successors[r.Id].Order()],
                mention.ArticleId,
                mention.Key,
                mention.Slug,
                mention.Title,
                mention.Evidence);
        })];
    }
}
