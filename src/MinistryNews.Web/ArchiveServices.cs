using Microsoft.Extensions.DependencyInjection.Extensions;
using MinistryNews.Core.Ingestion;
using MinistryNews.Web.Ingestion;

namespace MinistryNews.Web;

public static class ArchiveServices
{
    /// <summary>The archive's database, extraction and the background ingestion of the data folder.</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArchiveOptions>()
            .Bind(configuration.GetSection(ArchiveOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                options.DataPath = Path.GetFullPath(options.DataPath, environment.ContentRootPath);
                options.Database = Path.GetFullPath(options.Database, environment.ContentRootPath);

                // An empty value (appsettings.json's, or Archive__PublicUrl=) means unset.
                if (options.PublicUrl is { OriginalString.Length: 0 })
                {
                    options.PublicUrl = null;
                }
            })
            .Validate(
                options => options.PublicUrl is null || Hosting.PublicAddress.IsOrigin(options.PublicUrl),
                "Archive:PublicUrl must be the site's address: http or https, a host, no path, query or fragment (https://news.example.gov.vn).")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            return options.Provider switch
            {
                ArchiveProvider.PostgreSQL => ArchiveStorage.PostgreSql(configuration.GetConnectionString("Archive") is { Length: > 0 } connectionString
                    ? connectionString
                    : throw new InvalidOperationException("Archive:Provider is PostgreSQL but ConnectionStrings:Archive is not set.")),
                _ => ArchiveStorage.Sqlite(options.Database),
            };
        });
        services.AddDbContextFactory<ArchiveDbContext>((provider, options) => options.UseArchive(provider.GetRequiredService<ArchiveStorage>()));
        services.AddSingleton(ArticleExtractor.Default);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ArchiveOptions>>().Value.Limits);
        services.AddSingleton<Ingestor>();
        services.AddSingleton<IngestionStatus>();
        services.AddSingleton<MinistryNews.Core.Corrections.CorrectionDesk>();
        services.AddSingleton<Hosting.GenerationWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<Hosting.GenerationWatch>());
        services.AddSingleton<Browsing.ArchiveSummary>();
        services.AddHostedService<IngestionWorker>();
        return services;
    }

    /// <summary>Applies the committed migrations before the app serves its first request.</summary>
    public static async Task MigrateArchiveAsync(this WebApplication app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ArchiveDbContext>>().CreateDbContextAsync();
        await ArchiveDatabase.MigrateAsync(db);
    }
}
