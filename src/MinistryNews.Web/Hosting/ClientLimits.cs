using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// Limits on the answers the archive has to compute, so that no client can slow the site for the others. They stand
/// after the output cache: an answer it serves costs next to nothing and is never refused, whoever asks and however
/// often. What reaches them is a page, search, export, feed or API answer computed afresh, and two limits apply:
/// <list type="bullet">
/// <item>per client (its address; an IPv6 client by its /64 network, which one machine commonly holds whole),
/// <see cref="ArchiveOptions.CostlyRequestsPerMinute"/> a minute and <see cref="ArchiveOptions.ConcurrentRequestsPerClient"/>
/// at once (so that one client's many connections hold no more of the site's turn than a visitor's); past either, 429
/// with <c>Retry-After</c>;</item>
/// <item>for the whole site, <see cref="ArchiveOptions.ConcurrentUncachedRequests"/> computed at once, a few more
/// waiting their turn; past those, 503 with <c>Retry-After</c>. A core is then left for the answers from the cache and
/// the health checks, whatever the number of clients that ask for pages to be computed.</item>
/// </list>
/// Health checks, static files and the error page of a request already counted are never limited. The API's refusals are
/// problem details (<c>application/problem+json</c>); a page's are the site's error page.
/// <para>
/// A reader's report of a mistake, the one form of the public site, has a limit of its own (<see cref="ReportsPolicy"/>):
/// <see cref="ArchiveOptions.ReportsPerHour"/> sent an hour per client, so that no one can bury the editors' queue.
/// </para>
/// </summary>
public static class ClientLimits
{
    /// <summary>How many requests may wait for each answer computed at once before the next ones get 503.</summary>
    public const int WaitingPerSlot = 8;

    /// <summary>
    /// The limit of the page that sends a report (<c>[EnableRateLimiting]</c>): <see cref="ArchiveOptions.ReportsPerHour"/>
    /// posts per client in a fixed window of an hour, counted for the same client as the other limits. Reading the
    /// form is not counted by it.
    /// </summary>
    public const string ReportsPolicy = "reports";

    public static IServiceCollection AddClientLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ReportsPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(Client(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.ReportsPerHour,
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));

            // The window's refusal says when it opens again; the refusal of a client's concurrent request does not.
            limiter.OnRejected = (context, _) => context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? RejectAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, retryAfter, "Too many requests", "This client has asked for more answers the archive had to compute than it may in a minute.")
                : RejectAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, TimeSpan.FromSeconds(1), "Too many requests", "This client already has as many answers being computed as it may.");

            // The concurrency first: a request it refuses takes nothing from the client's minute.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsLimited(http)
                    ? RateLimitPartition.GetConcurrencyLimiter(Client(http.Connection.RemoteIpAddress), _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = http.RequestServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.ConcurrentRequestsPerClient,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsLimited(http)
                    ? RateLimitPartition.GetFixedWindowLimiter(Client(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = http.RequestServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.CostlyRequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
        });
        return services;
    }

    /// <summary>After the output cache (only what it does not serve reaches the limits) and before the answer is computed.</summary>
    public static IApplicationBuilder UseClientLimits(this IApplicationBuilder app)
    {
        app.UseRateLimiter();

        var slots = Math.Max(1, app.ApplicationServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.ConcurrentUncachedRequests);
        var computing = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = slots,
            QueueLimit = slots * WaitingPerSlot,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(computing.Dispose);
        app.Use(async (context, next) =>
        {
            if (!IsLimited(context))
            {
                await next(context);
                return;
            }

            RateLimitLease lease;
            try
            {
                lease = await computing.AcquireAsync(1, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // The client left while its request waited.
            }

            using (lease)
            {
                if (!lease.IsAcquired)
                {
                    await RejectAsync(context, StatusCodes.Status503ServiceUnavailable, TimeSpan.FromSeconds(1), "The archive is busy", "The archive is computing as many answers as it can at once, and others are waiting.");
                    return;
                }

                await next(context);
            }
        });
        return app;
    }

    /// <summary>
    /// The client a request counts for: its address, or the /64 network of an IPv6 address (behind the trusted proxy,
    /// the address it forwarded).
    /// </summary>
    public static string Client(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Whether a request that reached past the output cache counts: all do but health checks, static files and error pages.</summary>
    private static bool IsLimited(HttpContext context) =>
        context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null
        && !context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase)
        && context.Features.Get<IStatusCodeReExecuteFeature>() is null
        && context.Features.Get<IExceptionHandlerFeature>() is null;

    /// <summary>The refusal, with when to come back: problem details on the API; on a page, an empty body the status code page fills.</summary>
    private static async ValueTask RejectAsync(HttpContext context, int status, TimeSpan retryAfter, string title, string detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem(statusCode: status, title: title, detail: $"{detail} Try again in {seconds} s.").ExecuteAsync(context);
        }
    }
}
