using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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

    /// <summary>What each page's browser asked for and got, for the message of a navigation that never ends.</summary>
    private static readonly ConditionalWeakTable<IPage, ConcurrentQueue<string>> Logs = [];

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
        var page = await context.NewPageAsync();
        var log = new ConcurrentQueue<string>();
        page.Request += (_, r) => log.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} → {r.Method} {r.Url}");
        page.Response += (_, r) => log.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} ← {r.Status} {r.Url}");
        page.RequestFailed += (_, r) => log.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} ✗ {r.Url} {r.Failure}");
        page.Crash += (_, _) => log.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} the page crashed");
        Logs.AddOrUpdate(page, log);
        return page;
    }

    /// <summary>
    /// Does what leads to another page (a key pressed, a click) and waits until the new page has loaded. When it never
    /// does, the failure lists what the browser asked for and got, so that a slow server, a
    /// failed request and a crashed page can be told apart.
    /// </summary>
    public static async Task FollowAsync(IPage page, Func<Task> action, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            // The address first, then the document read whole, asked of the page itself: waiting on the browser's
            // load event alone once missed a page that had loaded, its stylesheets answered, and timed out.
            await action();
            await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForFunctionAsync("document.readyState === 'complete'");
        }
        catch (TimeoutException e)
        {
            var log = Logs.TryGetValue(page, out var entries) ? string.Join(Environment.NewLine, entries.TakeLast(40)) : "(no log)";
            throw new TimeoutException($"{e.Message}{Environment.NewLine}Page at {page.Url}; what the browser asked for and got:{Environment.NewLine}{log}", e);
        }
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
