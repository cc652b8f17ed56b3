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

    /// <summary>Whether the request answered for was a reader's report (its limit is by the hour, not the minute).</summary>
    public bool ForReport { get; private set; }

    /// <summary>Whether a form was refused as sent (without its antiforgery token, or with one that is not the sender's).</summary>
    public bool FormRefused { get; private set; }

    /// <summary>
    /// A form's error is re-executed with its method (POST), for which the page has no handler of its own: it is
    /// answered by the GET's, which reads the status, as any other error is.
    /// </summary>
    public override void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase));
    }

    public async Task<IActionResult> OnGetAsync(int? status, [FromServices] IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Status = status ?? StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;

        // An address of the API (an unknown item, an id that is not a number, no such list) answers as the API does.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        FormRefused = Status == StatusCodes.Status400BadRequest && HttpMethods.IsPost(Request.Method);
        ForReport = original is not null && original.StartsWith(PublicSite.ReportPath, StringComparison.OrdinalIgnoreCase);
        if (original is not null && original.StartsWith("/api/", StringComparison.Ordinal))
        {
            Response.StatusCode = Status;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = Status } });
            return new EmptyResult();
        }

        return Page();
    }
}
