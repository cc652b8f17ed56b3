using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace MinistryNews.Web.Pages;

/// <summary>Errors and unknown addresses: a page that says what happened and leads back into the archive.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
// It answers for a failed form too (re-executed with its method): its own page has no form to check.
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string? RequestId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? status, [FromServices] IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Status = status ?? StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;

        // An address of the API (an unknown item, an id that is not a number, no such list) answers as the API does.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (original is not null && original.StartsWith("/api/", StringComparison.Ordinal))
        {
            Response.StatusCode = Status;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = Status } });
            return new EmptyResult();
        }

        return Page();
    }
}
