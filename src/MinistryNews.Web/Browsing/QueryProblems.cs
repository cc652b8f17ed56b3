using Microsoft.AspNetCore.Mvc;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The answer to a query with values a list cannot use, where no page can say what was left out (the API, a download):
/// 400 with problem details (RFC 9457) that name each value, in <c>errors</c>.
/// </summary>
public static class QueryProblems
{
    public static ProblemDetails Details(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var details = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The query has values the archive cannot use",
            Detail = string.Join(" ", problems),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        details.Extensions["errors"] = problems;
        return details;
    }
}
