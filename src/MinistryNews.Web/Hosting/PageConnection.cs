using Microsoft.AspNetCore.Mvc.Filters;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// A page's queries run on one connection of the request's context, opened once for its handler. Left to itself, EF
/// opens and closes the connection around each query, and each opening takes a connection from the pool and sets its
/// pragmas again: a country's page asks some thirty queries.
/// </summary>
public sealed class PageConnection(ArchiveDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        try
        {
            await next();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
