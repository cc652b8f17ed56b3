using Microsoft.AspNetCore.Http.HttpResults;

namespace MinistryNews.Web.Api;

public sealed record ApiArticle(int Id, string Key, string Title, string? Published, string Url, IReadOnlyList<ApiLink> Countries, int Meetings, int Delegations, int Agreements)
{
    public static ApiArticle Of(ArticleRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Key, r.Title, r.Published?.ToString(), ArticleLinks.Article(r.Key, r.Slug), [.. r.Countries.Select(c => new ApiLink(c.Slug, c.Name))], r.Meetings, r.Delegations, r.Agreements);
    }
}

/// <summary>A country with how many articles name it and the events with it.</summary>
/// <param name="VisitsMade">Vietnam's visits there.</param>
/// <param name="VisitsHosted">Its visits to Vietnam.</param>
public sealed record ApiCountry(string Slug, string Code, string Name, int Articles, int Meetings, int VisitsMade, int VisitsHosted, int Agreements)
{
    public static ApiCountry Of(CountryRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Slug, r.Code, r.Name, r.Articles, r.Meetings, r.VisitsMade, r.VisitsHosted, r.Agreements);
    }
}

/// <param name="Title">The latest title the archive gives the person, as written.</param>
public sealed record ApiPerson(string Slug, string Name, string? Country, string? Title, int Articles)
{
    /// <summary>The offices the archive shows the person in (whatever the wording of their titles), by name.</summary>
    public IReadOnlyList<ApiLink> Offices { get; init; } = [];

    public static ApiPerson Of(PersonRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Slug, r.Name, r.Country?.Name, r.Title, r.Articles) { Offices = [.. r.Offices.Select(o => new ApiLink(o.Slug, o.Name))] };
    }
}

/// <summary>
/// The lists of articles, people and countries on the API: each binds the query record its page reads
/// (<see cref="ArticleQuery"/>, <see cref="PeopleQuery"/>, <see cref="CountryQuery"/>), runs the same query object,
/// and answers a page of it, or 400 with problem details when a value cannot be used.
/// </summary>
public static class ListApi
{
    public static async Task<Results<Ok<ApiPage<ApiArticle>>, ProblemHttpResult>> ArticlesAsync([AsParameters] ArticleQuery query, HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        // The API keeps the order it documents: a search is best match first unless sorted by date, even when its words
        // are in most articles (where a page of the site shows them newest first, and says so).
        var ranked = string.IsNullOrWhiteSpace(query.Sort) && !string.IsNullOrWhiteSpace(query.Q) ? query with { Sort = "relevance" } : query;
        var list = await ArticleList.ReadAsync(db, ranked, PageRequest.ApiSize, cancellationToken);
        return list.Problems.Count > 0 ? ApiAnswers.Problem(list.Problems) : TypedResults.Ok(ApiAnswers.Paged(request, await list.PageAsync(lastWhenPast: false, cancellationToken), ApiArticle.Of));
    }

    public static async Task<Results<Ok<ApiPage<ApiPerson>>, ProblemHttpResult>> PeopleAsync([AsParameters] PeopleQuery query, HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var list = await PeopleList.ReadAsync(db, query, PageRequest.ApiSize, cancellationToken);
        return list.Problems.Count > 0 ? ApiAnswers.Problem(list.Problems) : TypedResults.Ok(ApiAnswers.Paged(request, await list.PageAsync(lastWhenPast: false, cancellationToken), ApiPerson.Of));
    }

    public static async Task<Results<Ok<ApiPage<ApiCountry>>, ProblemHttpResult>> CountriesAsync([AsParameters] CountryQuery query, HttpRequest request, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var list = CountryList.Read(db, query, PageRequest.ApiSize);
        return list.Problems.Count > 0 ? ApiAnswers.Problem(list.Problems) : TypedResults.Ok(ApiAnswers.Paged(request, await list.PageAsync(lastWhenPast: false, cancellationToken), ApiCountry.Of));
    }
}
