using Microsoft.AspNetCore.Http.HttpResults;

namespace MinistryNews.Web.Api;

/// <summary>A meeting: its date only when the text gives one, who and what it was, and where it is told.</summary>
/// <param name="Date">YYYY-MM-DD, YYYY-MM or YYYY; null when the text gives no date (never the article's date).</param>
/// <param name="DatePrecision">"day", "month", "year"; null when there is no date.</param>
/// <param name="DateSource">"sentence", "relative" (resolved against the dateline), "context" (an earlier sentence), "editors" (set by a correction), "not given"; null for a date whose source was not recorded.</param>
/// <param name="DateText">The date as the pages write it: "5 November 2019", or "date not given".</param>
/// <param name="Name">The event's name as written ("the 5th ASEAN Digital Ministers' Meeting").</param>
/// <param name="CounterpartOrganisation">The organisation met, as written.</param>
/// <param name="ArticleId">The article's number in this copy of the archive (kept for older clients; use ArticleKey).</param>
/// <param name="ArticleKey">The article's permanent key.</param>
/// <param name="EvidenceUrl">The article's page at the sentence that states the meeting.</param>
/// <param name="Corrected">Whether an editor's correction made or changed the meeting (listed on <c>/corrections</c>).</param>
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
    string? Evidence,
    bool Corrected);

/// <summary>A trip: its date (the start) only when the text gives one, who went where, and where it is told.</summary>
/// <param name="Date">The start, YYYY-MM-DD, YYYY-MM or YYYY; null when the text gives no date (never the article's date).</param>
/// <param name="DatePrecision">"day", "month", "year"; null when there is no date.</param>
/// <param name="DateSource">"sentence", "relative", "context", "editors", "not given"; null for a date whose source was not recorded.</param>
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
    string? Evidence,
    bool Corrected);

/// <summary>An event's date as the API gives it: the date or null, its precision, where it came from, and as the pages write it.</summary>
internal readonly record struct ApiEventDate(string? Value, string? Precision, string? Source, string Text)
{
    public static ApiEventDate Of(IEventRow row) => new(row.EventDate?.ToString(), Display.Precision(row.EventDate), EventDates.Source(row.EventDate, row.DateSource), Display.EventDate(row.EventDate));
}

/// <summary>
/// <c>/api/meetings</c> and <c>/api/delegations</c>: the query of each list bound from the query string and run as the
/// pages run it, one page of it as JSON; a value the list cannot use gets 400 with problem details that name it.
/// </summary>
public static class EventsApi
{
    /// <summary>Items a page when the query does not say.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>A meeting as the API gives it.</summary>
    public static ApiMeeting Meeting(MeetingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (date, article) = (ApiEventDate.Of(row), row.Article);
        return new(date.Value, date.Precision, date.Source, date.Text, row.KindValue, row.Name, row.CounterpartOrganisation, ApiAnswers.Links(row.Countries), ApiAnswers.Links(row.Participants), row.Location, article.Id, article.Key, article.Href, article.FactHref, article.Evidence, article.Corrected);
    }

    /// <summary>A trip as the API gives it: its date is its start.</summary>
    public static ApiDelegation Delegation(DelegationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (date, article) = (ApiEventDate.Of(row), row.Article);
        return new(date.Value, date.Precision, date.Source, date.Text, row.Start?.ToString(), row.End?.ToString(), row.VisitHosted ? "hosted" : "made", row.Leader is null ? null : new ApiLink(row.Leader.Slug, row.Leader.Name), row.From is null ? null : new ApiLink(row.From.Slug, row.From.Name), ApiAnswers.Links(row.Destinations), article.Id, article.Key, article.Href, article.FactHref, article.Evidence, article.Corrected);
    }

    public static async Task<Results<Ok<ApiPage<ApiMeeting>>, ProblemHttpResult>> Meetings(HttpRequest request, [AsParameters] MeetingQuery query, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var meetings = await query.ValidateAsync(db, DefaultPageSize, cancellationToken);
        return meetings.Messages.Count > 0 ? ApiAnswers.Problem(meetings.Messages) : TypedResults.Ok(ApiAnswers.Paged(request, await meetings.PageAsync(db, PastTheLastPage.ShowNone, cancellationToken), Meeting));
    }

    public static async Task<Results<Ok<ApiPage<ApiDelegation>>, ProblemHttpResult>> Delegations(HttpRequest request, [AsParameters] DelegationQuery query, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var trips = await query.ValidateAsync(db, DefaultPageSize, cancellationToken);
        return trips.Messages.Count > 0 ? ApiAnswers.Problem(trips.Messages) : TypedResults.Ok(ApiAnswers.Paged(request, await trips.PageAsync(db, PastTheLastPage.ShowNone, cancellationToken), Delegation));
    }
}
