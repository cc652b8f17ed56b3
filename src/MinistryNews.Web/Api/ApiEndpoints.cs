using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Search;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Pages.Agreements;
using MinistryNews.Web.Pages.Delegations;
using MeetingRow = MinistryNews.Web.Pages.Meetings.IndexModel.Row;

namespace MinistryNews.Web.Api;

/// <summary>
/// A page of a list: the total, where this page is, links to the pages around it, and its items. A page past the last
/// one has no items (its <c>previous</c> leads to the last page).
/// </summary>
public sealed record ApiPage<T>(int Total, int Page, int PageSize, string? Next, string? Previous, IReadOnlyList<T> Items);

public sealed record ApiLink(string Slug, string Name);

/// <summary>
/// The filters and paging every list takes, as the query string gives them (read as text, so that a bad value gets a
/// problem details answer that says what is wrong, not a binding error).
/// </summary>
/// <param name="Country">Country slugs (japan, south-korea); several combine with OR.</param>
/// <param name="Person">Person slugs (nguyen-manh-hung); several combine with OR.</param>
/// <param name="From">Earliest date, YYYY-MM-DD (or YYYY-MM, YYYY).</param>
/// <param name="To">Latest date, YYYY-MM-DD (or YYYY-MM, YYYY).</param>
/// <param name="Year">Publication year (articles).</param>
/// <param name="Month">Publication month, with year (articles).</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Items a page, 1 to 100 (20 when not given).</param>
public sealed record ListQuery(string[]? Country, string[]? Person, string? From, string? To, string? Year, string? Month, string? Page, string? PageSize);

public sealed record ApiArticleDetail(
    int Id,
    string Key,
    string Title,
    bool TitleDerived,
    string? Published,
    string PublishedFrom,
    string? SourceUrl,
    string? Byline,
    string Url,
    IReadOnlyList<ApiBlock> Body,
    IReadOnlyList<ApiLink> Countries,
    IReadOnlyList<ApiArticlePerson> People,
    IReadOnlyList<ApiMeeting> Meetings,
    IReadOnlyList<ApiDelegation> Delegations,
    IReadOnlyList<ApiAgreement> Agreements);

public sealed record ApiBlock(string Kind, string Text);

public sealed record ApiArticlePerson(string Slug, string Name, string? Title, string? Country);

/// <summary>A meeting: its date only when the text gives one, who and what it was, and where it is told.</summary>
/// <param name="Date">YYYY-MM-DD, YYYY-MM or YYYY; null when the text gives no date (never the article's date).</param>
/// <param name="DatePrecision">"day", "month", "year"; null when there is no date.</param>
/// <param name="DateSource">"sentence", "relative" (resolved against the dateline), "context" (an earlier sentence), "not given"; null for a date whose source was not recorded.</param>
/// <param name="DateText">The date as the pages write it: "5 November 2019", or "date not given".</param>
/// <param name="Name">The event's name as written ("the 5th ASEAN Digital Ministers' Meeting").</param>
/// <param name="CounterpartOrganisation">The organisation met, as written.</param>
/// <param name="ArticleId">The article's number in this copy of the archive (kept for older clients; use ArticleKey).</param>
/// <param name="ArticleKey">The article's permanent key.</param>
/// <param name="EvidenceUrl">The article's page at the sentence that states the meeting.</param>
public sealed record ApiMeeting(
    string? Date,
    string? DatePrecision,
    string? DateSource,
    string DateText,
    string Kind,
    string? Name,
    string? CounterpartOrganisation,
    IReadOnlyList<ApiLink> Countries,
    IReadOnlyList<ApiLink> Participants,
    string? Location,
    int ArticleId,
    string ArticleKey,
    string ArticleUrl,
    string EvidenceUrl,
    string? Evidence);

/// <summary>A trip: its date (the start) only when the text gives one, who went where, and where it is told.</summary>
/// <param name="Date">The start, YYYY-MM-DD, YYYY-MM or YYYY; null when the text gives no date (never the article's date).</param>
/// <param name="DatePrecision">"day", "month", "year"; null when there is no date.</param>
/// <param name="DateSource">"sentence", "relative", "context", "not given"; null for a date whose source was not recorded.</param>
/// <param name="DateText">The start as the pages write it: "5 November 2019", or "date not given".</param>
/// <param name="Start">The same as Date (kept for older clients).</param>
/// <param name="ArticleId">The article's number in this copy of the archive (kept for older clients; use ArticleKey).</param>
public sealed record ApiDelegation(
    string? Date,
    string? DatePrecision,
    string? DateSource,
    string DateText,
    string? Start,
    string? End,
    string Direction,
    ApiLink? Leader,
    ApiLink? From,
    IReadOnlyList<ApiLink> Destinations,
    int ArticleId,
    string ArticleKey,
    string ArticleUrl,
    string EvidenceUrl,
    string? Evidence);

/// <summary>A record of the agreements register: one document, however many articles tell it.</summary>
/// <param name="Url">The record's page, <c>/agreements/{id}/{slug}</c>.</param>
/// <param name="SignedOn">YYYY-MM-DD, YYYY-MM or YYYY, as far as the texts know it; null when they give no date.</param>
/// <param name="DatePrecision">"day", "month" or "year"; null when no date is given.</param>
/// <param name="DateSource">"sentence", "relative", "context", or "not given".</param>
/// <param name="DateText">"5 November 2019", or "date not given".</param>
/// <param name="Articles">How many articles tell the document.</param>
/// <param name="Predecessor">The record of the document it renews.</param>
/// <param name="Successors">The records of the documents that renew it.</param>
public sealed record ApiAgreementRecord(
    int Id,
    string Url,
    string Kind,
    string? Name,
    string? Subject,
    IReadOnlyList<ApiLink> Countries,
    string? Organisation,
    string? Place,
    string? SignedOn,
    string? DatePrecision,
    string DateSource,
    string DateText,
    string? ValidFrom,
    string? ValidTo,
    string Validity,
    string Status,
    IReadOnlyList<ApiLink> Signatories,
    int Articles,
    int? Predecessor,
    IReadOnlyList<int> Successors);

/// <summary>A record with each article's telling of it.</summary>
public sealed record ApiAgreementDetail(ApiAgreementRecord Record, IReadOnlyList<ApiAgreementMention> Mentions);

/// <summary>An article's telling of a document: the article's key and address, the link to the sentence, and the sentence.</summary>
public sealed record ApiAgreementMention(string ArticleKey, string ArticleUrl, string Url, string? SignedOn, string DateSource, string Evidence);

public sealed record ApiAgreement(string Kind, string? Name, IReadOnlyList<ApiLink> Countries, string? SignedOn, string? ValidFrom, string? ValidTo, string Status, IReadOnlyList<ApiLink> Signatories, int ArticleId, string? Evidence);

/// <summary>
/// The read-only JSON API: the lists of the site with the same filters (<c>country</c>, <c>person</c>, <c>kind</c>,
/// <c>from</c>, <c>to</c>, <c>year</c>, <c>month</c>) and paging (<c>page</c>, <c>pageSize</c> up to 100), and one
/// article with its facts. Errors are RFC 9457 problem details.
/// </summary>
public static class ApiEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Archive");
        api.MapGet("/articles", ListApi.ArticlesAsync).WithName("ListArticles").WithSummary("Articles, newest first, with the filters of /articles; q keeps those the search finds, best match first unless sorted by date.").AddOpenApiOperationTransformer(ListApi.QueryKeysAsWritten);
        api.MapGet("/articles/{key}", Article).WithName("GetArticle").WithSummary("One article with its text and its facts, by its key (the number it had before keys is still answered).");
        api.MapGet("/countries", ListApi.CountriesAsync).WithName("ListCountries").WithSummary("Countries the archive deals with, most articles first.").AddOpenApiOperationTransformer(ListApi.QueryKeysAsWritten);
        api.MapGet("/people", ListApi.PeopleAsync).WithName("ListPeople").WithSummary("People, most articles first; filter with country.").AddOpenApiOperationTransformer(ListApi.QueryKeysAsWritten);
        api.MapGet("/meetings", Meetings).WithName("ListMeetings").WithSummary("Meetings, newest first; kind is bilateral, multilateral or domestic.");
        api.MapGet("/delegations", Delegations).WithName("ListDelegations").WithSummary("Delegations, newest first; direction is made or hosted.");
        api.MapGet("/agreements", Agreements).WithName("ListAgreements").WithSummary("The agreements register, one record per document, newest first (undated last); status is in-force, expired or unknown.");
        api.MapGet("/agreements/{id:int}", Agreement).WithName("GetAgreement").WithSummary("One record of the agreements register with every article that tells it and the sentence.");
        return app;
    }

    private static async Task<Results<Ok<ApiArticleDetail>, ProblemHttpResult>> Article(string key, ArchiveDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = await db.Articles.AsNoTracking().Where(x => x.Key == key).Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await db.ArticleSources.AsNoTracking().Where(s => s.Key == key).Select(s => (int?)s.ArticleId).FirstOrDefaultAsync(cancellationToken)
            ?? (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0);
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var a = await db.Articles.AsNoTracking().AsSplitQuery()
            .Include(x => x.Countries)
            .Include(x => x.People).ThenInclude(m => m.Person)
            .Include(x => x.People).ThenInclude(m => m.Country)
            .Include(x => x.Meetings).ThenInclude(m => m.Participants)
            .Include(x => x.Meetings).ThenInclude(m => m.CounterpartCountries)
            .Include(x => x.Delegations).ThenInclude(d => d.Leader)
            .Include(x => x.Delegations).ThenInclude(d => d.FromCountry)
            .Include(x => x.Delegations).ThenInclude(d => d.Destinations)
            .Include(x => x.Agreements).ThenInclude(x => x.CounterpartCountries)
            .Include(x => x.Agreements).ThenInclude(x => x.Signatories)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article", detail: $"The archive has no article '{key}'.");
        }

        return TypedResults.Ok(new ApiArticleDetail(
            a.Id,
            a.Key,
            a.Title,
            a.TitleDerived,
            a.Published?.ToString(),
            a.PublishedFrom.ToString(),
            a.SourceUrl,
            a.Byline,
            ArticleLinks.Article(a.Key, a.Slug),
            [.. a.Body.Select(b => new ApiBlock(b.Kind.ToString().ToLowerInvariant(), b.Text))],
            [.. a.Countries.OrderBy(c => c.Name).Select(c => new ApiLink(c.Slug, c.Name))],
            [.. a.People.OrderBy(m => m.Person.Name).Select(m => new ApiArticlePerson(m.Person.Slug, m.Person.Name, m.Title, m.Country?.Name))],
            [.. a.Meetings.Select(m => Meeting(new MeetingRow(m.Date, m.DateSource, m.Kind, m.Name, m.CounterpartOrganisation, [.. m.CounterpartCountries.Select(c => new Link(c.Slug, c.Name))], [.. m.Participants.Select(p => new Link(p.Slug, p.Name))], m.Location, a.Id, a.Key, a.Slug, a.Title, m.Evidence)))],
            [.. a.Delegations.Select(d => Delegation(new DelegationRow(d.Start, d.DateSource, d.End, d.Leader is null ? null : new Link(d.Leader.Slug, d.Leader.Name), d.FromCountry is null ? null : new Link(d.FromCountry.Slug, d.FromCountry.Name), [.. d.Destinations.Select(c => new Link(c.Slug, c.Name))], a.Id, a.Key, a.Slug, a.Title, d.Evidence)))],
            [.. a.Agreements.Select(x => new ApiAgreement(x.Kind, x.Name, [.. x.CounterpartCountries.Select(c => new ApiLink(c.Slug, c.Name))], x.SignedOn?.ToString(), x.ValidFrom?.ToString(), x.ValidTo?.ToString(), AgreementRow.StatusValue(AgreementRow.StatusOn(x.ValidFrom, x.ValidTo, today)), [.. x.Signatories.Select(p => new ApiLink(p.Slug, p.Name))], a.Id, x.Evidence))]));
    }

    private static async Task<Results<Ok<ApiPage<ApiMeeting>>, ProblemHttpResult>> Meetings(HttpRequest request, [AsParameters] ListQuery query, string? kind, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        _ = query;
        var filter = await ArticleFilter.ReadAsync(db, request.Query, cancellationToken);
        var messages = filter.Messages.Where(m => !m.Contains("kind of event", StringComparison.Ordinal)).ToList();
        if (MeetingRow.ReadKind(kind, out var meetingKind) is { } wrongKind)
        {
            messages.Add(wrongKind);
        }

        if (Problem(messages, ReadPaging(request, out var page, out var size)) is { } problem)
        {
            return problem;
        }

        var rows = (await MeetingRow.QueryAsync(db, [.. filter.Countries.Select(c => c.Id)], [.. filter.People.Select(p => p.Id)], meetingKind, cancellationToken))
            .Where(r => EventFilter.InRange(filter, r.Date));
        var items = EventDates.ByDate(rows, r => r.Date, descending: true).Select(Meeting).ToList();
        return TypedResults.Ok(Paged(request, items.Count, page, size, Offset(page, size, items.Count) is { } skip ? items.Skip(skip).Take(size) : []));
    }

    private static async Task<Results<Ok<ApiPage<ApiDelegation>>, ProblemHttpResult>> Delegations(HttpRequest request, [AsParameters] ListQuery query, string? direction, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        _ = query;
        var filter = await ArticleFilter.ReadAsync(db, request.Query, cancellationToken);
        var messages = filter.Messages.ToList();
        if (direction is { Length: > 0 } and not ("made" or "hosted"))
        {
            messages.Add($"“{direction}” is not a direction (made or hosted).");
        }

        if (Problem(messages, ReadPaging(request, out var page, out var size)) is { } problem)
        {
            return problem;
        }

        var rows = (await DelegationRow.QueryAsync(db, [.. filter.Countries.Select(c => c.Id)], [.. filter.People.Select(p => p.Id)], cancellationToken))
            .Where(r => EventFilter.InRange(filter, r.Start))
            .Where(r => direction is not ("made" or "hosted") || (direction == "made" ? r.VisitMade : r.VisitHosted));
        var items = EventDates.ByDate(rows, r => r.Start, descending: true).Select(Delegation).ToList();
        return TypedResults.Ok(Paged(request, items.Count, page, size, Offset(page, size, items.Count) is { } skip ? items.Skip(skip).Take(size) : []));
    }

    private static async Task<Results<Ok<ApiPage<ApiAgreementRecord>>, ProblemHttpResult>> Agreements(HttpRequest request, [AsParameters] ListQuery query, string? status, ArchiveDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        _ = query;
        var filter = await ArticleFilter.ReadAsync(db, request.Query, cancellationToken);
        var messages = filter.Messages.ToList();
        if (status is { Length: > 0 } and not ("in-force" or "expired" or "unknown"))
        {
            messages.Add($"“{status}” is not a status (in-force, expired or unknown).");
        }

        if (Problem(messages, ReadPaging(request, out var page, out var size)) is { } problem)
        {
            return problem;
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var rows = (await AgreementRow.QueryAsync(db, [.. filter.Countries.Select(c => c.Id)], [.. filter.People.Select(p => p.Id)], today, cancellationToken))
            .Where(r => filter.InRange(r.SignedOn))
            .Where(r => status is not ("in-force" or "expired" or "unknown") || AgreementRow.StatusValue(r.Status) == status)
            .OrderBy(r => r.SignedOn is null)
            .ThenByDescending(r => r.SignedOn?.FirstDay)
            .ThenBy(r => r.Id)
            .Select(ToApi)
            .ToList();
        return TypedResults.Ok(Paged(request, rows.Count, page, size, Offset(page, size, rows.Count) is { } skip ? rows.Skip(skip).Take(size) : []));
    }

    private static async Task<Results<Ok<ApiAgreementDetail>, ProblemHttpResult>> Agreement(int id, ArchiveDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var record = await db.AgreementRecords.AsNoTracking().AsSplitQuery()
            .Include(r => r.CounterpartCountries)
            .Include(r => r.Signatories)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such agreement", detail: $"The agreements register has no record {id}.");
        }

        var mentions = (await db.Agreements.AsNoTracking()
                .Where(a => a.RecordId == id)
                .Select(a => new { a.Id, a.ArticleId, a.Article.Key, a.Article.Slug, a.Article.PublishedOn, a.SignedOn, a.DateSource, a.Evidence })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.PublishedOn is null).ThenBy(m => m.PublishedOn).ThenBy(m => m.Id)
            .ToList();
        var successors = await db.AgreementRecords.AsNoTracking().Where(r => r.PredecessorId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var row = new AgreementRow(
            record.Id,
            record.Slug,
            record.Kind,
            record.Name,
            record.Subject,
            [.. record.CounterpartCountries.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new Link(c.Slug, c.Name))],
            record.CounterpartOrganisation,
            record.Place,
            record.SignedOn,
            AgreementRow.SourceOf(record.SignedOn, mentions.Select(m => (m.SignedOn, m.DateSource))),
            [.. record.Signatories.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new Link(p.Slug, p.Name))],
            record.ValidFrom,
            record.ValidTo,
            AgreementRow.StatusOn(record.ValidFrom, record.ValidTo, today),
            mentions.Select(m => m.ArticleId).Distinct().Count(),
            record.PredecessorId,
            successors,
            mentions.FirstOrDefault()?.ArticleId ?? 0,
            mentions.FirstOrDefault()?.Key ?? string.Empty,
            mentions.FirstOrDefault()?.Slug ?? string.Empty,
            string.Empty,
            mentions.FirstOrDefault()?.Evidence ?? string.Empty);
        return TypedResults.Ok(new ApiAgreementDetail(
            ToApi(row),
            [.. mentions.Select(m => new ApiAgreementMention(m.Key, ArticleLinks.Article(m.Key, m.Slug), ArticleLinks.Fact(m.Key, m.Slug, m.Evidence), m.SignedOn?.ToString(), AgreementRow.DateSourceValue(m.SignedOn is null ? DateSource.None : m.DateSource), m.Evidence))]));
    }

    private static ApiAgreementRecord ToApi(AgreementRow r) => new(
        r.Id,
        r.Url,
        r.Kind,
        r.Name,
        r.Subject,
        Links(r.Countries),
        r.Organisation,
        r.Place,
        r.SignedOn?.ToString(),
        Display.Precision(r.SignedOn),
        AgreementRow.DateSourceValue(r.DateSource),
        Display.EventDate(r.SignedOn),
        r.ValidFrom?.ToString(),
        r.ValidTo?.ToString(),
        r.Validity,
        AgreementRow.StatusValue(r.Status),
        Links(r.Signatories),
        r.Articles,
        r.PredecessorId,
        r.SuccessorIds);

    private static List<string> ReadPaging(HttpRequest request, out int page, out int size)
    {
        var messages = new List<string>();
        page = Number(request, "page", 1, int.MaxValue, 1, messages);
        size = Number(request, "pageSize", 1, MaxPageSize, 20, messages);
        return messages;
    }

    private static int Number(HttpRequest request, string key, int min, int max, int fallback, List<string> messages)
    {
        var text = request.Query[key].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        messages.Add($"“{(text.Length > 20 ? text[..20] : text)}” is not a valid {key} ({min} to {(max == int.MaxValue ? "any" : max.ToString(CultureInfo.InvariantCulture))}).");
        return fallback;
    }

    private static ProblemHttpResult? Problem(IEnumerable<string> filterMessages, IEnumerable<string> pagingMessages)
    {
        var messages = filterMessages.Concat(pagingMessages).ToList();
        return messages.Count == 0
            ? null
            : TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The query has values the archive cannot use",
                detail: string.Join(" ", messages),
                extensions: new Dictionary<string, object?> { ["errors"] = messages });
    }

    /// <summary>
    /// How many items come before <paramref name="page"/>, or null when the page lies past the last item (counted in
    /// 64 bits: page 2,147,483,647 of 100 items is past the end, not an overflow that wraps round to the first page).
    /// </summary>
    private static int? Offset(int page, int size, int total)
    {
        var skip = (page - 1L) * size;
        return skip < total ? (int)skip : null;
    }

    private static ApiPage<T> Paged<T>(HttpRequest request, int total, int page, int size, IEnumerable<T> items)
    {
        string Link(int number) => request.Path + QueryString.Create(request.Query
            .Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", number.ToString(CultureInfo.InvariantCulture))));
        var pages = (int)Math.Max(1, (total + size - 1L) / size);
        return new ApiPage<T>(total, page, size, page < pages ? Link(page + 1) : null, page > 1 ? Link(Math.Min(page - 1, pages)) : null, [.. items]);
    }

    private static ApiMeeting Meeting(MeetingRow r) => new(
        r.Date?.ToString(),
        Display.Precision(r.Date),
        EventDates.Source(r.Date, r.DateSource),
        Display.EventDate(r.Date),
        Lower(r.Kind),
        r.Name,
        r.CounterpartOrganisation,
        Links(r.Countries),
        Links(r.Participants),
        r.Location,
        r.ArticleId,
        r.ArticleKey,
        r.ArticleHref,
        r.FactHref,
        r.Evidence);

    private static ApiDelegation Delegation(DelegationRow r) => new(
        r.Start?.ToString(),
        Display.Precision(r.Start),
        EventDates.Source(r.Start, r.DateSource),
        Display.EventDate(r.Start),
        r.Start?.ToString(),
        r.End?.ToString(),
        r.VisitHosted ? "hosted" : "made",
        r.Leader is null ? null : new ApiLink(r.Leader.Slug, r.Leader.Name),
        r.From is null ? null : new ApiLink(r.From.Slug, r.From.Name),
        Links(r.Destinations),
        r.ArticleId,
        r.ArticleKey,
        r.ArticleHref,
        r.FactHref,
        r.Evidence);

    private static IReadOnlyList<ApiLink> Links(IEnumerable<Link> links) => [.. links.Select(l => new ApiLink(l.Slug, l.Name))];

    private static string Lower(MeetingKind kind) => kind.ToString().ToLowerInvariant();
}
