using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// The archive changes only when an ingestion stores something, so every page, export, feed and API answer is kept
/// (per address and query string, once QueryNormalisation has dropped the keys the page does not read) and served again
/// from memory until then: each change committed, by any process, evicts them all. Health checks always answer live; static files have their own caching
/// (fingerprinted names, ETags) from MapStaticAssets. A page with a form (a reader's report, the editors' sign-in) is
/// never kept: its antiforgery token is the visitor's own (<see cref="NotStoredWhenSaidSo"/>).
/// </summary>
/// <remarks>
/// Answers are kept compressed, as the client asked (Brotli or gzip, by its Accept-Encoding, which is part of the key):
/// the compression runs once when a page is computed, not on every answer from the cache, and a cached page or export
/// sends a fifth to a tenth of its bytes. The site holds no secret a compressed answer could leak, so HTTPS answers are
/// compressed too: the only one a page carries, a form's antiforgery token, is encrypted afresh for each answer, so
/// that compression cannot give it away bit by bit (BREACH) even beside text from the query (a report's fact).
/// </remarks>
/// <remarks>
/// What is kept follows the database, not this instance: each answer is kept for the archive's generation
/// (<see cref="GenerationWatch"/>), part of its key, and every answer goes when any process commits a change. Evicting
/// alone would leave a race: a page computed from the archive as it was before a change, and finished just after the
/// eviction, would be kept for the hour. With the generation read when the request began in the key, such a page is kept
/// under the old generation, which no request asks for any more.
/// </remarks>
public static partial class PageCache
{
    public const string Tag = "archive";

    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(policy => policy
                .With(context => IsCached(context.HttpContext))
                .VaryByValue(context => new KeyValuePair<string, string>("generation", context.RequestServices.GetRequiredService<GenerationWatch>().Current.ToString(System.Globalization.CultureInfo.InvariantCulture)))

                // The query string as QueryNormalisation left it: the keys the endpoint reads, the values in their order
                // (the cache's own key by query would sort the values: ?from=2020&from=2021 is not ?from=2021&from=2020).
                .SetVaryByQuery(Array.Empty<string>())
                .VaryByValue(context => new KeyValuePair<string, string>("query", context.Request.QueryString.Value ?? string.Empty))
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                .Tag(Tag)
                .Expire(TimeSpan.FromHours(1)));
            options.AddBasePolicy(new NotStoredWhenSaidSo());
        });
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/csv", "application/atom+xml", "application/problem+json", "image/svg+xml"];
        });

        // Compressed once per kept answer, so the smaller output is worth the time; Brotli's Optimal is its quality 4.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddHostedService<Eviction>();
        return services;
    }

    private static bool IsCached(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.OutputCache
        && !context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase)
        && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null;

    /// <summary>
    /// An answer that says it must not be stored (<c>Cache-Control: no-store</c>) is not kept. A page with a form says so
    /// (the antiforgery system marks every answer that carries a token): its token belongs to the visitor who asked,
    /// and from the cache it would go to the next one, whose form it would spoil. The output cache does not read the
    /// header by itself, and keeps no answer that sets a cookie: the first visit to a form was never kept, but the next
    /// one, made with the antiforgery cookie already held, was.
    /// </summary>
    private sealed class NotStoredWhenSaidSo : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (CacheControlHeaderValue.TryParse(context.HttpContext.Response.Headers.CacheControl.ToString(), out var cacheControl) && cacheControl.NoStore)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Before the output cache looks for a kept answer: the archive's generation as the database has it
    /// (<see cref="GenerationWatch.FreshAsync"/>), so that the answer looked for is the current generation's.
    /// </summary>
    public static IApplicationBuilder UseGenerationCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<GenerationWatch>().FreshAsync(context.RequestAborted);
            await next();
        });

    /// <summary>Evicts the kept answers each time the archive's generation moves on.</summary>
    private sealed partial class Eviction(GenerationWatch generation, IOutputCacheStore store, ILogger<Eviction> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            generation.Changed += OnChanged;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            generation.Changed -= OnChanged;
            return Task.CompletedTask;
        }

        private void OnChanged(long current)
        {
            // The in-memory store evicts at once; the task is awaited so a failure is logged, not lost.
            var eviction = store.EvictByTagAsync(Tag, CancellationToken.None);
            if (!eviction.IsCompletedSuccessfully)
            {
                _ = LogFailureAsync(eviction.AsTask());
            }
        }

        private async Task LogFailureAsync(Task eviction)
        {
            try
            {
                await eviction;
            }
#pragma warning disable CA1031 // A failed eviction is logged; the answers kept are under an old generation, never served again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogEvictionFailed(logger, ex);
            }
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not evict the cached pages after the archive changed")]
        private static partial void LogEvictionFailed(ILogger logger, Exception exception);
    }
}
