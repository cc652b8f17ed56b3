using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using MinistryNews.Core;
using MinistryNews.Core.Agreements;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The query of the agreements register as the query string gives it, read as text so that a bad value gets a message
/// that names it, not a binding error. The page reads it from its query string (<see cref="Read"/>), the API binds it
/// (<c>[AsParameters]</c>); both check it (<see cref="CheckAsync"/>) and render what the check finds.
/// </summary>
public sealed record AgreementQuery
{
    public const string PageSizeKey = "pageSize";

    public const int MaxPageSize = 100;

    /// <summary>The sort when none is asked for: the newest signing first.</summary>
    public const string DefaultSort = "-signed";

    /// <summary>The columns the register sorts by: the signing date, the kind of document, the status.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["signed", "kind", "status"];

    /// <summary>Every key of the query string the register reads.</summary>
    public static readonly IReadOnlyCollection<string> Keys =
        [QueryKey.Country, QueryKey.Person, QueryKey.Status, QueryKey.From, QueryKey.To, QueryKey.Year, QueryKey.Month, QueryKey.Sort, QueryKey.Page, PageSizeKey];

    /// <summary>Countries the documents were made with, by slug or name (japan, Japan, Nhật Bản); several combine with OR.</summary>
    [Description("Countries the documents were made with, by slug or name (japan, Japan, Nhật Bản); several combine with OR.")]
    public string[]? Country { get; init; }

    /// <summary>People who signed them, by slug or name (nguyen-manh-hung); several combine with OR.</summary>
    [Description("People who signed them, by slug or name (nguyen-manh-hung); several combine with OR.")]
    public string[]? Person { get; init; }

    /// <summary>The status today: in-force, expired or unknown.</summary>
    [Description("The status today: in-force, expired or unknown.")]
    public string? Status { get; init; }

    /// <summary>Earliest signing date, YYYY-MM-DD (or YYYY-MM, YYYY); a document the texts give no date for matches no date filter.</summary>
    [Description("Earliest signing date, YYYY-MM-DD (or YYYY-MM, YYYY); a document the texts give no date for matches no date filter.")]
    public string? From { get; init; }

    /// <summary>Latest signing date, YYYY-MM-DD (or YYYY-MM, YYYY).</summary>
    [Description("Latest signing date, YYYY-MM-DD (or YYYY-MM, YYYY).")]
    public string? To { get; init; }

    /// <summary>Year of signing.</summary>
    [Description("Year of signing.")]
    public string? Year { get; init; }

    /// <summary>Month of signing, 1 to 12, with a year.</summary>
    [Description("Month of signing, 1 to 12, with a year.")]
    public string? Month { get; init; }

    /// <summary>signed, kind or status; with a minus for the other way (-signed, the default: newest first). Undated documents come last either way.</summary>
    [Description("signed, kind or status; with a minus for the other way (-signed, the default: newest first). Undated documents come last either way.")]
    public string? Sort { get; init; }

    /// <summary>Page number, from 1.</summary>
    [Description("Page number, from 1.")]
    public string? Page { get; init; }

    /// <summary>Records a page, 1 to 100 (the API gives 20 when not given, the page 50).</summary>
    [Description("Records a page, 1 to 100 (20 when not given).")]
    public string? PageSize { get; init; }

    /// <summary>The query as a page's query string gives it (several dates or numbers: the first one given).</summary>
    public static AgreementQuery Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? First(string key) => query[key].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return new AgreementQuery
        {
            Country = [.. query[QueryKey.Country].OfType<string>()],
            Person = [.. query[QueryKey.Person].OfType<string>()],
            Status = First(QueryKey.Status),
            From = First(QueryKey.From),
            To = First(QueryKey.To),
            Year = First(QueryKey.Year),
            Month = First(QueryKey.Month),
            Sort = First(QueryKey.Sort),
            Page = First(QueryKey.Page),
            PageSize = First(PageSizeKey),
        };
    }

    /// <summary>
    /// The filters, sort and page this query asks for, each value that means nothing left out with a message that names
    /// it. Countries and people are found as on the article list (by slug, or by name in any case and with or without accents).
    /// </summary>
    public async Task<AgreementFilter> CheckAsync(ArchiveDbContext db, DateOnly today, int defaultPageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var common = await ArticleFilter.ReadAsync(db, new QueryCollection(ArticleFilterValues()), cancellationToken);
        var messages = common.Messages.ToList();

        AgreementStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            var value = Status.Trim();
            status = AgreementRow.Statuses.Where(s => s.Value == value).Select(s => (AgreementStatus?)s.Status).FirstOrDefault();
            if (status is null)
            {
                messages.Add($"“{Clip(value)}” is not a status (in-force, expired or unknown); that filter is left out.");
            }
        }

        var sort = string.IsNullOrWhiteSpace(Sort) ? DefaultSort : Sort.Trim();
        if (!SortKeys.Contains(sort.TrimStart('-')))
        {
            messages.Add($"The table cannot be sorted by “{Clip(sort)}”; it is sorted by {DefaultSort.TrimStart('-')}.");
            sort = DefaultSort;
        }

        var page = Number(Page, 1, int.MaxValue, 1, "is not a page number (1 or more)", messages);
        var size = Number(PageSize, 1, MaxPageSize, defaultPageSize, $"is not a page size (1 to {MaxPageSize})", messages);
        return new AgreementFilter(common, status, sort.TrimStart('-'), sort.StartsWith('-'), page, size, today, messages);
    }

    /// <summary>The values of the filters the register shares with the article list, for <see cref="ArticleFilter"/> to read.</summary>
    private Dictionary<string, StringValues> ArticleFilterValues() => new(StringComparer.OrdinalIgnoreCase)
    {
        [QueryKey.Country] = new StringValues(Country),
        [QueryKey.Person] = new StringValues(Person),
        [QueryKey.From] = new StringValues(From),
        [QueryKey.To] = new StringValues(To),
        [QueryKey.Year] = new StringValues(Year),
        [QueryKey.Month] = new StringValues(Month),
    };

    private static int Number(string? text, int min, int max, int fallback, string what, List<string> messages)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        messages.Add($"“{Clip(text)}” {what}.");
        return fallback;
    }

    private static string Clip(string value) => value.Length <= 30 ? value : string.Concat(value.AsSpan(0, 30), "…");
}

/// <summary>What a page number past the last page gives: the last page (the site's page says so), or no rows (the API).</summary>
public enum PastLastPage
{
    ShowLast,
    Empty,
}

/// <summary>
/// A page of the register: its rows, where it is in the list (with the total), the filters that made it, and what was
/// wrong with the query.
/// </summary>
public sealed record AgreementList(IReadOnlyList<AgreementRow> Rows, Paging Paging, AgreementFilter Filter, IReadOnlyList<string> Messages);

/// <summary>
/// The register's query, checked: run in SQL with its filters, sort and paging (<see cref="PageAsync"/>), or read whole
/// in batches for a download (<see cref="AllAsync"/>).
/// </summary>
/// <remarks>
/// A signing date is stored as text ("2019", "2019-11", "2019-11-05"), whose order is the dates' order, so the date
/// filters and the status are comparisons of that text in SQL. A date known to the month or the year matches a range it
/// can fall in: it ends on or after <c>from</c> when its text is at least <c>from</c>'s, or is <c>from</c>'s year or
/// month; it begins on or before <c>to</c> when its text is at most <c>to</c>'s.
/// </remarks>
public sealed class AgreementFilter(ArticleFilter common, AgreementStatus? status, string sortKey, bool descending, int page, int pageSize, DateOnly today, IReadOnlyList<string> messages)
{
    /// <summary>The rows a download reads from the database at once.</summary>
    private const int Batch = 500;

    /// <summary>The countries, people and dates asked for, as the filter form shows them.</summary>
    public ArticleFilter Common { get; } = common;

    public AgreementStatus? Status { get; } = status;

    public string SortKey { get; } = sortKey;

    public bool Descending { get; } = descending;

    public int Page { get; } = page;

    public int PageSize { get; } = pageSize;

    /// <summary>The day the statuses are computed for.</summary>
    public DateOnly Today { get; } = today;

    public IReadOnlyList<string> Messages { get; } = messages;

    /// <summary>The link of a column header: sorts by that column, or the other way when it already does.</summary>
    public string SortLink(QueryLinks links, string key)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.Set(QueryKey.Sort, SortKey == key && !Descending ? "-" + key : key);
    }

    public string? AriaSort(string key) => SortKey != key ? null : Descending ? "descending" : "ascending";

    /// <summary>The page asked for, with the total counted in SQL; a page past the last gives what <paramref name="pastLast"/> says.</summary>
    public async Task<AgreementList> PageAsync(ArchiveDbContext db, PastLastPage pastLast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var matching = Matching(db);
        var total = await matching.CountAsync(cancellationToken);
        var paging = new Paging(Page, PageSize, total);
        var messages = Messages.ToList();
        if (Page > paging.Count && pastLast == PastLastPage.ShowLast)
        {
            messages.Add($"There is no page {Page}: the list has {paging.Count} {(paging.Count == 1 ? "page" : "pages")}. Showing the last one.");
            paging = paging with { Number = paging.Count };
        }

        // Counted in 64 bits: page 2,147,483,647 of 100 records lies past the end, it does not wrap round to the first.
        var skip = (paging.Number - 1L) * PageSize;
        var rows = skip < total ? await RowsAsync(db, Sorted(matching).Skip((int)skip).Take(PageSize).Select(r => r.Record.Id), cancellationToken) : [];
        return new AgreementList(rows, paging, this, messages);
    }

    /// <summary>Every matching row in the order of the page, read a batch at a time, for the downloads.</summary>
    public async IAsyncEnumerable<AgreementRow> AllAsync(ArchiveDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sorted = Sorted(Matching(db)).Select(r => r.Record.Id);
        for (var skip = 0; ; skip += Batch)
        {
            var rows = await RowsAsync(db, sorted.Skip(skip).Take(Batch), cancellationToken);
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < Batch)
            {
                yield break;
            }
        }
    }

    /// <summary>The records that pass every filter, each with its status today computed in SQL.</summary>
    private IQueryable<Ranked> Matching(ArchiveDbContext db)
    {
        // Countries and signatories are those of the mentions, found through their link tables' indexes.
        var records = db.AgreementRecords.AsNoTracking().Where(r => r.Mentions.Any());
        var countries = Common.Countries.Select(c => c.Id).ToList();
        var people = Common.People.Select(p => p.Id).ToList();
        if (countries.Count > 0 || people.Count > 0)
        {
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

            var ids = mentions.Select(a => a.RecordId!.Value);
            records = records.Where(r => ids.Contains(r.Id));
        }

        if (Common.From is { } from)
        {
            records = SignedFrom(records, from);
        }

        if (Common.To is { } to)
        {
            records = SignedTo(records, to);
        }

        if (Common.Year is { } year)
        {
            var first = new DateOnly(year, Common.Month ?? 1, 1);
            records = SignedTo(SignedFrom(records, first), Common.Month is null ? new DateOnly(year, 12, 31) : first.AddMonths(1).AddDays(-1));
        }

        var ranked = Ranked.On(records, Today);
        return Status is { } status ? ranked.Where(r => r.Status == status) : ranked;
    }

    /// <summary>Records whose signing date can end on or after <paramref name="first"/>.</summary>
    private static IQueryable<AgreementRecord> SignedFrom(IQueryable<AgreementRecord> records, DateOnly first)
    {
        var day = PartialDate.FromDate(first);
        var month = new PartialDate(first.Year, first.Month);
        var year = new PartialDate(first.Year);
        return records.Where(r => r.SignedOn >= day || r.SignedOn == month || r.SignedOn == year);
    }

    /// <summary>Records whose signing date can begin on or before <paramref name="last"/>.</summary>
    private static IQueryable<AgreementRecord> SignedTo(IQueryable<AgreementRecord> records, DateOnly last)
    {
        var day = PartialDate.FromDate(last);
        return records.Where(r => r.SignedOn <= day);
    }

    /// <summary>The sort asked for; the undated last whichever way (a date not given is not the earliest date), then by id.</summary>
    private IOrderedQueryable<Ranked> Sorted(IQueryable<Ranked> rows)
    {
        var sorted = SortKey switch
        {
            "kind" => (Descending ? rows.OrderByDescending(r => r.Record.Kind) : rows.OrderBy(r => r.Record.Kind))
                .ThenBy(r => r.Record.SignedOn == null).ThenByDescending(r => r.Record.SignedOn),
            "status" => (Descending ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status))
                .ThenBy(r => r.Record.SignedOn == null).ThenByDescending(r => r.Record.SignedOn),
            _ => Descending
                ? rows.OrderBy(r => r.Record.SignedOn == null).ThenByDescending(r => r.Record.SignedOn)
                : rows.OrderBy(r => r.Record.SignedOn == null).ThenBy(r => r.Record.SignedOn),
        };
        return sorted.ThenBy(r => r.Record.Id);
    }

    /// <summary>
    /// The rows of a slice of the sorted records: the slice's ids first, so that the database works out each row's
    /// counts and first article for those rows alone, not for every record it sorts; then one query for what they list.
    /// </summary>
    private async Task<List<AgreementRow>> RowsAsync(ArchiveDbContext db, IQueryable<int> slice, CancellationToken cancellationToken)
    {
        var ids = await slice.ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var records = await Ranked.On(db.AgreementRecords.AsNoTracking().Where(r => ids.Contains(r.Id)), Today)
            .Select(s => new
            {
                s.Record.Id,
                s.Record.Slug,
                s.Record.Kind,
                s.Record.Name,
                s.Record.Subject,
                s.Record.CounterpartOrganisation,
                s.Record.Place,
                s.Record.SignedOn,
                s.Record.ValidFrom,
                s.Record.ValidTo,
                s.Record.PredecessorId,
                s.Status,
                Articles = s.Record.Mentions.Select(m => m.ArticleId).Distinct().Count(),
                InSentence = s.Record.Mentions.Any(m => m.SignedOn == s.Record.SignedOn && m.DateSource == DateSource.Sentence),
                Relative = s.Record.Mentions.Any(m => m.SignedOn == s.Record.SignedOn && m.DateSource == DateSource.Relative),
                FromContext = s.Record.Mentions.Any(m => m.SignedOn == s.Record.SignedOn && m.DateSource == DateSource.Context),
                FirstMention = s.Record.Mentions.OrderBy(m => m.Article.PublishedOn == null).ThenBy(m => m.Article.PublishedOn).ThenBy(m => m.Id).Select(m => m.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        records.Sort((a, b) => position[a.Id].CompareTo(position[b.Id]));
        var of = db.AgreementRecords.AsNoTracking().Where(r => ids.Contains(r.Id));
        var countries = (await of.SelectMany(r => r.CounterpartCountries, (r, c) => new { r.Id, c.Slug, c.Name }).OrderBy(c => c.Name).ToListAsync(cancellationToken))
            .ToLookup(c => c.Id, c => new Link(c.Slug, c.Name));
        var signatories = (await of.SelectMany(r => r.Signatories, (r, p) => new { r.Id, p.Slug, p.Name }).OrderBy(p => p.Name).ToListAsync(cancellationToken))
            .ToLookup(p => p.Id, p => new Link(p.Slug, p.Name));
        var successors = (await db.AgreementRecords.AsNoTracking().Where(r => r.PredecessorId != null && ids.Contains(r.PredecessorId.Value)).OrderBy(r => r.Id).Select(r => new { r.Id, r.PredecessorId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.PredecessorId!.Value, r => r.Id);
        var firstIds = records.Select(r => r.FirstMention).Distinct().ToList();
        var first = await db.Agreements.AsNoTracking()
            .Where(a => firstIds.Contains(a.Id))
            .Select(a => new { a.Id, a.ArticleId, a.Article.Key, a.Article.Slug, a.Article.Title, a.Evidence })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return [.. records.Select(r =>
        {
            // A record whose mentions went between the two reads (an ingestion ran) keeps its row, without an article.
            var mention = first.GetValueOrDefault(r.FirstMention);
            return new AgreementRow(
                r.Id,
                r.Slug,
                r.Kind,
                r.Name,
                r.Subject,
                [.. countries[r.Id]],
                r.CounterpartOrganisation,
                r.Place,
                r.SignedOn,
                r.SignedOn is null ? DateSource.None : r.InSentence ? DateSource.Sentence : r.Relative ? DateSource.Relative : r.FromContext ? DateSource.Context : DateSource.None,
                [.. signatories[r.Id]],
                r.ValidFrom,
                r.ValidTo,
                r.Status,
                r.Articles,
                r.PredecessorId,
                [.. successors[r.Id]],
                mention?.ArticleId ?? 0,
                mention?.Key ?? string.Empty,
                mention?.Slug ?? string.Empty,
                mention?.Title ?? string.Empty,
                mention?.Evidence ?? string.Empty);
        })];
    }

    /// <summary>A record with its status on the day, so that the status can be filtered and sorted on in SQL.</summary>
    private sealed class Ranked
    {
        public required AgreementRecord Record { get; init; }

        public AgreementStatus Status { get; init; }

        /// <summary>
        /// The records with their status as <see cref="AgreementRow.StatusOn"/> computes it: no end, unknown; an end whose
        /// last day is before today, expired; a start whose first day is after today, unknown; else in force.
        /// </summary>
        public static IQueryable<Ranked> On(IQueryable<AgreementRecord> records, DateOnly today)
        {
            var day = PartialDate.FromDate(today);
            var month = new PartialDate(today.Year, today.Month);
            var year = new PartialDate(today.Year);
            return records.Select(r => new Ranked
            {
                Record = r,
                Status = r.ValidTo == null ? AgreementStatus.Unknown
                    : r.ValidTo < day && r.ValidTo != month && r.ValidTo != year ? AgreementStatus.Expired
                    : r.ValidFrom != null && r.ValidFrom > day ? AgreementStatus.Unknown
                    : AgreementStatus.InForce,
            });
        }
    }
}
