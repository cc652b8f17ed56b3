using Microsoft.AspNetCore.Http.HttpResults;

namespace MinistryNews.Web.Api;

/// <summary>
/// What every list of the API answers: one page of the list with links to the pages around it, or 400 with problem
/// details that name each value the list cannot use.
/// </summary>
internal static class ApiAnswers
{
    /// <summary>400 with problem details that name each value the list cannot use.</summary>
    public static ProblemHttpResult Problem(IReadOnlyList<string> problems) => TypedResults.Problem(QueryProblems.Details(problems));

    /// <summary>The page as the API gives it, with links to the pages around it (a page past the last leads back to the last).</summary>
    public static ApiPage<TItem> Paged<TRow, TItem>(HttpRequest request, IRowPage<TRow> page, Func<TRow, TItem> item)
    {
        string Link(int number) => request.Path + QueryString.Create(request.Query
            .Where(q => q.Key != QueryKey.Page)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>(QueryKey.Page, number.ToString(CultureInfo.InvariantCulture))));
        var (number, size, count) = (page.Paging.Number, page.Paging.Size, page.Paging.Count);
        return new ApiPage<TItem>(page.Paging.Total, number, size, number < count ? Link(number + 1) : null, number > 1 ? Link(Math.Min(number - 1, count)) : null, [.. page.Rows.Select(item)]);
    }

    public static IReadOnlyList<ApiLink> Links(IEnumerable<Link> links) => [.. links.Select(l => new ApiLink(l.Slug, l.Name))];
}
