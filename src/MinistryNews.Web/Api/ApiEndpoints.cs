using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Search;
using MinistryNews.Web.Browsing;

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
        api.MapGet("/meetings", EventsApi.Meetings).WithName("ListMeetings").WithSummary("Meetings, newest first; kind is bilateral, multilateral or domestic.");
        api.MapGet("/delegations", EventsApi.Delegations).WithName("ListDelegations").WithSummary("Delegations, newest first; direction is made or hosted.");
        api.MapAgreements();
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
            [.. a.Meetings.Select(m => ApiMeeting.Of(new MeetingRow(m.Date, m.DateSource, m.Kind, m.Name, m.CounterpartOrganisation, [.. m.CounterpartCountries.Select(c => new Link(c.Slug, c.Name))], [.. m.Participants.Select(p => new Link(p.Slug, p.Name))], m.Location, a.Id, a.Key, a.Slug, a.Title, m.Evidence)))],
            [.. a.Delegations.Select(d => ApiDelegation.Of(new DelegationRow(d.Start, d.DateSource, d.End, d.Leader is null ? null : new Link(d.Leader.Slug, d.Leader.Name), d.FromCountry is null ? null : new Link(d.FromCountry.Slug, d.FromCountry.Name), [.. d.Destinations.Select(c => new Link(c.Slug, c.Name))], a.Id, a.Key, a.Slug, a.Title, d.Evidence)))],
            [.. a.Agreements.Select(x => new ApiAgreement(x.Kind, x.Name, [.. x.CounterpartCountries.Select(c => new ApiLink(c.Slug, c.Name))], x.SignedOn?.ToString(), x.ValidFrom?.ToString(), x.ValidTo?.ToString(), AgreementRow.StatusValue(AgreementRow.StatusOn(x.ValidFrom, x.ValidTo, today)), [.. x.Signatories.Select(p => new ApiLink(p.Slug, p.Name))], a.Id, x.Evidence))]));
    }

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

    internal static ProblemHttpResult? Problem(IEnumerable<string> filterMessages, IEnumerable<string> pagingMessages)
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

    internal static ApiPage<T> Paged<T>(HttpRequest request, int total, int page, int size, IEnumerable<T> items)
    {
        string Link(int number) => request.Path + QueryString.Create(request.Query
            .Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", number.ToString(CultureInfo.InvariantCulture))));
        var pages = (int)Math.Max(1, (total + size - 1L) / size);
        return new ApiPage<T>(total, page, size, page < pages ? Link(page + 1) : null, page > 1 ? Link(Math.Min(page - 1, pages)) : null, [.. items]);
    }

    private static IReadOnlyList<ApiLink> Links(IEnumerable<Link> links) => [.. links.Select(l => new ApiLink(l.Slug, l.Name))];
}
