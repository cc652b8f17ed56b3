using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Web.Ingestion;

namespace MinistryNews.Web.Tests;

/// <summary>
/// The real web host on a database of its own (a SQLite file, or a PostgreSQL database: see <see cref="TestDatabase"/>),
/// fed with a copy of the repository's data folder. Each test makes its own, so tests run apart and in parallel.
/// </summary>
public sealed class ArchiveApplication : WebApplicationFactory<Program>
{
    private static readonly HtmlParser Parser = new();

    private readonly bool _ownsStorage;

    /// <param name="beside">
    /// Another app whose database and data folder this one shares, as a second instance of a deployment does (its own
    /// output cache and counts, the same archive); the other app keeps them and removes them.
    /// </param>
    /// <param name="storage">A database this app runs on instead of a new one (on a server of the test's own, which removes it).</param>
    public ArchiveApplication(bool watch = false, DateTimeOffset? today = null, int costlyRequestsPerMinute = 100_000, bool outputCache = true, string? publicUrl = null, ArchiveApplication? beside = null, ArchiveStorage? storage = null)
    {
        PublicUrl = publicUrl;
        Watch = watch;
        OutputCache = outputCache;
        Today = today;
        CostlyRequestsPerMinute = costlyRequestsPerMinute;
        Root = Path.Combine(Path.GetTempPath(), "ministrynews-web-tests", Guid.NewGuid().ToString("N"));
        DataFolder = beside?.DataFolder ?? Path.Combine(Root, "data");
        DatabasePath = beside?.DatabasePath ?? Path.Combine(Root, "archive.db");
        Directory.CreateDirectory(Root);
        _ownsStorage = beside is null && storage is null;
        Storage = beside?.Storage ?? storage ?? TestDatabase.Create(Root);
        if (beside is null)
        {
            Directory.CreateDirectory(DataFolder);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data")))
            {
                File.Copy(file, Path.Combine(DataFolder, Path.GetFileName(file)));
            }
        }
    }

    public bool Watch { get; }

    /// <summary>Whether answers are kept in the output cache (as deployed), or each one computed.</summary>
    public bool OutputCache { get; }

    /// <summary>The rate limit of searches, exports and API calls (high unless a test checks the limit).</summary>
    public int CostlyRequestsPerMinute { get; }

    /// <summary>The day the app takes for today (agreement status), when a test fixes it.</summary>
    public DateTimeOffset? Today { get; }

    /// <summary>The site's public address (<c>Archive:PublicUrl</c>), when a test sets one.</summary>
    public string? PublicUrl { get; }

    /// <summary>More configuration keys for this app (for example <c>Archive:Limits:StallTime</c>).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public string Root { get; }

    public string DataFolder { get; }

    /// <summary>The SQLite file, when the tests run on SQLite.</summary>
    public string DatabasePath { get; }

    /// <summary>The app's database.</summary>
    public ArchiveStorage Storage { get; }

    /// <summary>"ok" when the database is whole (<see cref="TestDatabase.CheckAsync"/>).</summary>
    public Task<string> CheckDatabaseAsync() => TestDatabase.CheckAsync(Storage);

    /// <summary>A client that sees redirects as they are, once the first ingestion of the data folder is done.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = StartIngesting();
        await Services.GetRequiredService<IngestionStatus>().FirstBatch.WaitAsync(TimeSpan.FromSeconds(60));
        return client;
    }

    /// <summary>A client of the app while the first ingestion of the data folder runs.</summary>
    public HttpClient StartIngesting() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public ArchiveDbContext OpenDatabase() => new(ArchiveDatabase.Options(Storage));

    public static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The article read from a file: its key (its address is <c>/articles/{Key}/{Slug}</c>), slug and title.</summary>
    public async Task<(string Key, string Slug, string Title)> ArticleAsync(string sourceFile)
    {
        await using var db = OpenDatabase();
        var article = await db.Articles.Where(a => a.SourceFile == sourceFile).Select(a => new { a.Key, a.Slug, a.Title }).SingleAsync();
        return (article.Key, article.Slug, article.Title);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Serve wwwroot from the project as `dotnet run` does (outside Development the host would look for a published copy).
        builder.UseStaticWebAssets();
        builder.UseSetting("Archive:DataPath", DataFolder);
        builder.UseSetting("Archive:Database", DatabasePath);
        builder.UseSetting("Archive:Provider", Storage.Provider.ToString());
        if (Storage.Provider == ArchiveProvider.PostgreSQL)
        {
            builder.UseSetting("ConnectionStrings:Archive", Storage.ConnectionString);
        }

        builder.UseSetting("Archive:Watch", Watch ? "true" : "false");
        builder.UseSetting("Archive:CostlyRequestsPerMinute", CostlyRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Every request of a test host comes from one client (no address): as many at once as the tests send.
        builder.UseSetting("Archive:ConcurrentRequestsPerClient", "1000");
        builder.UseSetting("Archive:OutputCache", OutputCache ? "true" : "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (PublicUrl is not null)
        {
            builder.UseSetting("Archive:PublicUrl", PublicUrl);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Today is { } today)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedTime(today)));
        }
    }

    /// <summary>A clock that stands still on one day.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsStorage)
        {
            TestDatabase.Drop(Storage);
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleaning.
        }

        GC.SuppressFinalize(this);
    }
}
