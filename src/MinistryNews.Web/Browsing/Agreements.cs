using System.ComponentModel;
using System.Runtime.CompilerServices;
using MinistryNews.Core.Agreements;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The query of the agreements register: the page <c>/agreements</c>, its downloads and <c>/api/agreements</c> all run
/// it, as do the pages of a country and of a person for their documents.
/// </summary>
public sealed record AgreementQuery : EventQuery
{
    /// <summary>
    /// The register's own filter, <c>status</c> ("in-force", "expired", "unknown"), and the columns it sorts by (the
    /// signing date, the kind of document, the status); the latest signing first when none is asked for.
    /// </summary>
    public static readonly EventListKeys<AgreementStatus> Keys = new(QueryKey.Status, new(["signed", "kind", "status"], "-signed"), "a status (in-force, expired or unknown)",
        text => AgreementRow.Statuses.Where(s => s.Value == text.Trim()).Select(s => (AgreementStatus?)s.Status).FirstOrDefault());

    [Description("The status today: in-force, expired or unknown.")]
    public string? Status { get; init; }

    public static AgreementQuery Read(IQueryCollection query) => ReadInto(query, new AgreementQuery { Status = Keys.Value(query) });

    /// <summary>
    /// The query checked, the statuses taken on <paramref name="today"/>: each value that means nothing is named in a
    /// message and its filter left out. Countries and people are found as on the article list (by slug, or by name).
    /// </summary>
    public Task<AgreementList> ValidateAsync(ArchiveDbContext db, DateOnly today, int defaultPageSize, CancellationToken cancellationToken) =>
        CheckAsync(db, Keys, Status, defaultPageSize, (filter, status, page, messages) => new AgreementList(filter, status, page, today, messages), cancellationToken);
}

/// <summary>
/// The register's query checked: what it filters by, its sort and page, the day its statuses are taken on, and what
/// was wrong with it. It runs in SQL with its filters, status, sort and paging (<see cref="PageAsync"/>), or reads
/// every matching record a batch at a time for the downloads (<see cref="All"/>).
/// </summary>
/// <remarks>
/// The signing and validity dates are stored as their text ("2019", "2019-11", "2019-11-05"), which sorts in date
/// order, so the date filters (<see cref="EventQueries.InRange"/>) and the status today are comparisons the database
/// makes: a validity ends before today when its text is before today's and is not today's month or year; it begins
/// after today when its text is after today's.
/// </remarks>
public sealed class AgreementList(EventFilter filter, AgreementStatus? status, PageRequest page, DateOnly today, IReadOnlyList<string> messages) : IEventList<AgreementRow>
{
    /// <summary>The records a download reads from the database at once.</summary>
    private const int Batch = 500;

    public EventFilter Filter { get; } = filter;

    public AgreementStatus? Status { get; } = status;

    public PageRequest Page { get; } = page;

    /// <summary>The day the statuses are taken on.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>What was wrong with the query, each naming the bad value.</summary>
    public IReadOnlyList<string> Messages { get; } = messages;

    /// <summary>The page asked for: the total counted by the database, and only the page's records read from it.</summary>
    public async Task<EventPage<AgreementRow>> PageAsync(ArchiveDbContext db, PastTheLastPage past, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var matching = Matching(db);
        var total = await matching.CountAsync(cancellationToken);
        var paging = new Paging(Page.Number, Page.Size, total);
        var all = Messages.ToList();
        if (Page.Number > paging.Count)
        {
            if (past == PastTheLastPage.ShowNone)
            {
                return new EventPage<AgreementRow>([], paging, all);
            }

            all.Add($"There is no page {Page.Number}: the list has {paging.Count} {(paging.Count == 1 ? "page" : "pages")}. Showing the last one.");
            paging = paging with { Number = paging.Count };
        }

        var rows = await RowsAsync(db, Sorted(matching).Skip(paging.Skip).Take(paging.Size).Select(r => r.Record.Id), cancellationToken);
        return new EventPage<AgreementRow>(rows, paging, all);
    }

    /// <summary>Every matching record in the order of the page, read a batch at a time, for the downloads.</summary>
    public async IAsyncEnumerable<AgreementRow> All(ArchiveDbContext db, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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

    IAsyncEnumerable<AgreementRow> IEventList<AgreementRow>.All(ArchiveDbContext db) => All(db);

    /// <summary>The records that pass every filter, each with its status today computed in SQL.</summary>
    private IQueryable<Ranked> Matching(ArchiveDbContext db)
    {
        // Countries and signatories are those of the mentions, found through their link tables' indexes.
        var records = db.AgreementRecords.AsNoTracking().Where(r => r.Mentions.Any());
        var (countries, people) = (Filter.CountryIds, Filter.PersonIds);
        if (countries.Count > 0 || people.Count > 0)
        {
            var ids = db.Agreements.AsNoTracking().Where(a => a.RecordId != null)
                .LinkedTo(db, countries, LinkTables.AgreementsWithCountries)
                .LinkedTo(db, people, LinkTables.AgreementsSignedBy)
                .Select(a => a.RecordId!.Value);
            records = records.Where(r => ids.Contains(r.Id));
        }

        var ranked = Ranked.On(EventQueries.InRange(records, nameof(AgreementRecord.SignedOn), Filter.Common), Today);
        return Status is { } status ? ranked.Where(r => r.Status == status) : ranked;
    }

    /// <summary>The sort asked for; the undated last whichever way (a date not given is not the earliest date), then by id.</summary>
    private IOrderedQueryable<Ranked> Sorted(IQueryable<Ranked> rows)
    {
        var descending = Filter.Descending;
        var sorted = Filter.SortKey switch
        {
            "kind" => (descending ? rows.OrderByDescending(r => r.Record.Kind) : rows.OrderBy(r => r.Record.Kind))
                .ThenBy(r => r.Record.SignedOn == null).ThenByDescending(r => r.Record.SignedOn),
            "status" => (descending ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status))
                .ThenBy(r => r.Record.SignedOn == null).ThenByDescending(r => r.Record.SignedOn),
            _ => descending
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
            .Select(a => new { a.Id, Article = new ArticleReference(a.ArticleId, a.Article.Key, a.Article.Slug, a.Article.Title, a.Evidence, a.CorrectionId != null) })
            .ToDictionaryAsync(a => a.Id, a => a.Article, cancellationToken);
        return [.. records.Select(r =>
        {
            // A record whose mentions went between the two reads (an ingestion ran) keeps its row, without an article.
            var article = first.GetValueOrDefault(r.FirstMention) ?? ArticleReference.None;
            return new AgreementRow(
                r.Id,
                r.Slug,
                new AgreementDocument(r.Kind, r.Name, r.Subject),
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
                article);
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

/// <summary>Whether a document is in force on a given day, as far as its validity says.</summary>
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
    AgreementDocument Document,
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
    ArticleReference Article)
{
    /// <summary>The statuses as the query string and the API write them, and as the pages name them.</summary>
    public static readonly IReadOnlyList<(AgreementStatus Status, string Value, string Label)> Statuses =
    [
        (AgreementStatus.InForce, "in-force", "in force"),
        (AgreementStatus.Expired, "expired", "expired"),
        (AgreementStatus.Unknown, "unknown", "unknown"),
    ];

    /// <summary>The record's page.</summary>
    public string Url => Address(Id, Slug);

    /// <summary>The address of a record's page: <c>/agreements/{id}/{slug}</c>.</summary>
    public static string Address(int id, string slug) => $"/agreements/{id}/{slug}";

    /// <summary>The words a screen reader hears for the fact link: "the Memorandum of Understanding with Japan of 5 November 2019".</summary>
    public string FactLabel => Label(Document.Kind, Countries.Select(c => c.Name), SignedOn);

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

    /// <summary>"in-force", "expired" or "unknown", as the query string and the API write a status.</summary>
    public static string StatusValue(AgreementStatus status) => Statuses.Single(s => s.Status == status).Value;

    /// <summary>"in force", "expired" or "unknown", as the pages and the downloads write a status.</summary>
    public static string StatusLabel(AgreementStatus status) => Statuses.Single(s => s.Status == status).Label;

    /// <summary>Where a date came from, as the API and the downloads write it: "sentence", "relative", "context", "editors" or "not given".</summary>
    public static string DateSourceValue(DateSource source) => Display.DateSourceValue(source) ?? "not given";

    /// <summary>
    /// In force from the start of its validity to the last day it can mean; expired after; unknown when the text gives no
    /// end. The register's query computes the same in SQL (<see cref="AgreementList"/>).
    /// </summary>
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
        DateSource.Editors => -1,
        DateSource.Sentence => 0,
        DateSource.Relative => 1,
        _ => 2,
    };
}

/// <summary>What a document of the register is, as the first column of its table names it: its kind, its name, its subject.</summary>
public sealed record AgreementDocument(string Kind, string? Name, string? Subject);

/// <summary>
/// A record as the downloads give it: the table's columns, the record's id, and its address and its first article's
/// sentence as absolute addresses; the countries and signatories are lists (in the CSV, their names joined by "; ").
/// </summary>
public sealed record AgreementExportRow(
    int RecordId,
    string RecordUrl,
    string Kind,
    string? Name,
    string? Subject,
    IReadOnlyList<Link> Countries,
    string? Organisation,
    string? Place,
    string SignedOn,
    string? DatePrecision,
    string DateSource,
    string? ValidFrom,
    string? ValidTo,
    string Status,
    IReadOnlyList<Link> Signatories,
    int Articles,
    string ArticleTitle,
    string ArticleUrl,
    string Evidence)
{
    /// <param name="origin">The site's origin (<c>Hosting.PublicAddress.Origin</c>) the addresses start with.</param>
    public static AgreementExportRow Of(AgreementRow row, string origin)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.Id,
            origin + row.Url,
            row.Document.Kind,
            row.Document.Name,
            row.Document.Subject,
            row.Countries,
            row.Organisation,
            row.Place,
            EventDates.Text(row.SignedOn),
            Display.Precision(row.SignedOn),
            AgreementRow.DateSourceValue(row.DateSource),
            row.ValidFrom?.ToString(),
            row.ValidTo?.ToString(),
            AgreementRow.StatusLabel(row.Status),
            row.Signatories,
            row.Articles,
            row.Article.Title,
            origin + row.Article.FactHref,
            row.Article.Evidence);
    }
}
