using Microsoft.AspNetCore.Http.HttpResults;
using MinistryNews.Core.Search;

namespace MinistryNews.Web.Api;

/// <summary>
/// A page of a list: the total, where this page is, links to the pages around it, and its items. A page past the last
/// one has no items (its <c>previous</c> leads to the last page).
/// </summary>
public sealed record ApiPage<T>(int Total, int Page, int PageSize, string? Next, string? Previous, IReadOnlyList<T> Items);

public sealed record ApiLink(string Slug, string Name);

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
    IReadOnlyList<ApiAgreement> Agreements,
    bool Corrected);

public sealed record ApiBlock(string Kind, string Text);

public sealed record ApiArticlePerson(string Slug, string Name, string? Title, string? Country);

/// <param name="Corrected">Whether an editor's correction made or changed the agreement.</param>
public sealed record ApiAgreement(string Kind, string? Name, IReadOnlyList<ApiLink> Countries, string? SignedOn, string? ValidFrom, string? ValidTo, string Status, IReadOnlyList<ApiLink> Signatories, int ArticleId, string? Evidence, bool Corrected);

/// <summary>
/// The read-only JSON API: the lists of the site with the same filters (<c>country</c>, <c>person</c>, <c>kind</c>,
/// <c>from</c>, <c>to</c>, <c>year</c>, <c>month</c>) and paging (<c>page</c>, <c>pageSize</c> up to 100), and one
/// article with its facts. Errors are RFC 9457 problem details.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Archive");
        api.MapGet("/articles", ListApi.ArticlesAsync).WithName("ListArticles").WithSummary("Articles, newest first, with the filters of /articles; q keeps those the search finds, best match first unless sorted by date.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/articles/{key}", Article).WithName("GetArticle").WithSummary("One article with its text and its facts, by its key (the number it had before keys is still answered).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/countries", ListApi.CountriesAsync).WithName("ListCountries").WithSummary("Countries the archive deals with, most articles first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/people", ListApi.PeopleAsync).WithName("ListPeople").WithSummary("People, most articles first; filter with country.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/meetings", EventsApi.Meetings).WithName("ListMeetings").WithSummary("Meetings, newest first (undated last); kind is bilateral, multilateral or domestic; sort by date, kind or country.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/delegations", EventsApi.Delegations).WithName("ListDelegations").WithSummary("Delegations, newest first (undated last); direction is made or hosted; sort by date, leader or from.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapAgreements();
        return app;
    }

    private static async Task<Results<Ok<ApiArticleDetail>, ProblemHttpResult>> Article(string key, ArchiveDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = await db.Articles.AsNoTracking().Where(x => x.Key == key).Select(x => (int?)x.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await db.ArticleSources.AsNoTracking().Where(s => s.Key == key).Select(s => (int?)s.ArticleId).FirstOrDefaultAsync(cancellationToken)
            ?? (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0);
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var a = await db.Articles.AsNoTracking().WithFacts().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
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
            [.. a.Meetings.Select(m => EventsApi.Meeting(new MeetingRow(m.Date, m.DateSource, m.Kind, m.Name, m.CounterpartOrganisation, [.. m.CounterpartCountries.Select(c => new Link(c.Slug, c.Name))], [.. m.Participants.Select(p => new Link(p.Slug, p.Name))], m.Location, new ArticleReference(a.Id, a.Key, a.Slug, a.Title, m.Evidence, m.CorrectionId != null))))],
            [.. a.Delegations.Select(d => EventsApi.Delegation(new DelegationRow(d.Start, d.DateSource, d.End, d.Leader is null ? null : new Link(d.Leader.Slug, d.Leader.Name), d.FromCountry is null ? null : new Link(d.FromCountry.Slug, d.FromCountry.Name), [.. d.Destinations.Select(c => new Link(c.Slug, c.Name))], new ArticleReference(a.Id, a.Key, a.Slug, a.Title, d.Evidence, d.CorrectionId != null))))],
            [.. a.Agreements.Select(x => new ApiAgreement(x.Kind, x.Name, [.. x.CounterpartCountries.Select(c => new ApiLink(c.Slug, c.Name))], x.SignedOn?.ToString(), x.ValidFrom?.ToString(), x.ValidTo?.ToString(), AgreementRow.StatusValue(AgreementRow.StatusOn(x.ValidFrom, x.ValidTo, today)), [.. x.Signatories.Select(p => new ApiLink(p.Slug, p.Name))], a.Id, x.Evidence, x.CorrectionId != null))],
            a.Corrected));
    }
}
