using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// The archive changes only when the ingestion stores something, so every page, export, feed and API answer is kept
/// (per address, query string included) and served again from memory until then: each batch the ingestion commits
/// evicts them all. Health checks always answer live; static files (an address with an extension) have their own caching
/// (fingerprinted names, ETags) from MapStaticAssets.
/// </summary>
public static partial class PageCache
{
    public const string Tag = "archive";

    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(policy => policy
                .With(context => IsCached(context.HttpContext))
                .Tag(Tag)
                .Expire(TimeSpan.FromHours(1)));
        });
        services.AddHostedService<Eviction>();
        return services;
    }

    private static bool IsCached(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.OutputCache
        && !context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase)
        && !Path.HasExtension(context.Request.Path.Value);

    /// <summary>Evicts the kept answers each time the ingestion commits a batch that added or changed articles.</summary>
    private sealed partial class Eviction(Ingestor ingestor, IOutputCacheStore store, ILogger<Eviction> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            ingestor.Stored += OnStored;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            ingestor.Stored -= OnStored;
            return Task.CompletedTask;
        }

        private void OnStored(object? sender, EventArgs e)
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
#pragma warning disable CA1031 // A failed eviction is logged; pages expire within the hour all the same.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogEvictionFailed(logger, ex);
            }
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not evict the cached pages after an ingestion")]
        private static partial void LogEvictionFailed(ILogger logger, Exception exception);
    }
}
