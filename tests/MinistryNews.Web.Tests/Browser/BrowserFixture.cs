using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MinistryNews.Web.Ingestion;

namespace MinistryNews.Web.Tests.Browser;

/// <summary>The browser tests run on their own, not beside the other test classes' hosts competing for the CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The archive served by Kestrel on a loopback port, and Debian's Chromium driven by Playwright. A missing browser
/// fails the tests: they are part of CI, which installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ArchiveApplication App { get; } = new(today: ArchiveFixture.Today);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Where the screenshots go: artifacts/screenshots at the repository root, which git ignores.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MinistryNews.sln")))
            {
                folder = folder.Parent;
            }

            var path = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: install the Debian package (apt-get install chromium).");
        }

        App.UseKestrel(0);
        App.StartServer();
        await App.Services.GetRequiredService<IngestionStatus>().FirstBatch.WaitAsync(TimeSpan.FromSeconds(60));
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Generous limits: on a loaded two-core machine a page can take seconds; a real failure still fails.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
