using MinistryNews.Core.Ingestion;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// What a public, read-only site needs around its pages: security headers on every answer, GET and HEAD only (but the
/// editors' forms and a reader's report of a mistake), limits on the size of requests, limits on the answers computed
/// afresh (per client, 429 with Retry-After; for the whole site, 503: see <see cref="ClientLimits"/>), and health
/// endpoints for a load balancer.
/// </summary>
public static class PublicSite
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddClientLimits();
        return services;
    }

    /// <summary>The editors' pages: with <see cref="ReportPath"/>, the only addresses that take a form (POST).</summary>
    public const string EditorsPath = "/editors";

    /// <summary>A reader's report of a mistake: the one form of the public site.</summary>
    public const string ReportPath = "/report";

    /// <summary>The largest request body accepted (the site reads; nothing it serves takes a body but a form).</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>
    /// HEAD is answered wherever GET is (RFC 9110, 9.3.2): the endpoints mapped for GET alone (the feeds, the sitemap,
    /// the API, the health checks) answered it 404. Before routing, a HEAD becomes a GET, and a HEAD again before the
    /// answer starts: the server sends the status and headers of the GET, without its body.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
                context.Response.OnStarting(() =>
                {
                    context.Request.Method = HttpMethods.Head;
                    return Task.CompletedTask;
                });
            }

            await next();
        });

    /// <summary>
    /// Whether a request is the post of a form the site takes: an editor's, or a reader's report (or the error page that
    /// answers for one of them, re-executed with its method).
    /// </summary>
    private static bool IsForm(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (TakesForms(context.Request.Path)
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath is { } reExecuted && TakesForms(reExecuted)
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { } failed && TakesForms(failed));

    private static bool TakesForms(string path) => path.StartsWith('/') && TakesForms(new PathString(path));

    private static bool TakesForms(PathString path) =>
        path.StartsWithSegments(EditorsPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(ReportPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(ReportPath + "/", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UsePublicSite(this IApplicationBuilder app)
    {
        var maxQuery = app.ApplicationServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.MaxQueryStringLength;
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";

            // The public site only reads: no method that could write reaches an endpoint, but the editors' forms and a
            // reader's report (and the error page that answers for one of them, re-executed with its method).
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !IsForm(context))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD";
                return;
            }

            // Request size limits, in every host (Kestrel's own limits are larger and absent from test hosts).
            if (context.Request.QueryString.Value?.Length > maxQuery)
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                await context.Response.WriteAsync($"The query string is longer than {maxQuery:N0} characters.");
                return;
            }

            if (context.Request.ContentLength > MaxRequestBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsync($"The request body is larger than {MaxRequestBodyBytes:N0} bytes.");
                return;
            }

            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            await next();
        });
        app.UseQueryNormalisation();
        app.UseGenerationCheck();
        app.UseOutputCache();

        // After the output cache: what it serves is never limited, what it does not is (ClientLimits).
        app.UseClientLimits();

        // After the output cache, so it keeps the compressed bytes (PageCache).
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// <c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers and has every migration, and the
    /// ingestion, when it runs, is not stalled (<see cref="IngestionOptions.StallTime"/>); when the database does not
    /// answer, 503 until it does, and the connections pooled before are dropped (<see cref="GenerationWatch.ConnectionLost"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup(string.Empty).ExcludeFromDescription();
        health.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
        health.MapGet("/readyz", async (ArchiveDbContext db, Ingestor ingestor, IngestionOptions limits, GenerationWatch generation, CancellationToken cancellationToken) =>
        {
            if (ingestor.Activity.StalledFor(limits.StallTime) is { } stalled)
            {
                return Results.Text(
                    $"ingestion stalled: nothing read or stored for {stalled.For.TotalSeconds:N0} s (after {stalled.AfterFile ?? "no file"})",
                    "text/plain",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                {
                    generation.ConnectionLost();
                    return Results.Text("database unreachable", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
                }

                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                return pending.Count == 0
                    ? Results.Text("ready", "text/plain")
                    : Results.Text($"{pending.Count} migrations pending", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                return Results.Text($"database error: {ex.SqliteErrorCode}", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (System.Data.Common.DbException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A server that went away (PostgreSQL): its pooled connections are dead; new ones are opened when it returns.
                generation.ConnectionLost();
                return Results.Text($"database error: {ex.Message}", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return endpoints;
    }
}
