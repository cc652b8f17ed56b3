using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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
            var path = Path.Combine(Repository.Root ?? Path.GetTempPath(), "artifacts", "screenshots");
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
    /// Does what leads to another page (a key pressed, a click) and waits until the browser has gone to an address that
    /// matches <paramref name="url"/> (a glob: <c>**</c> any characters, <c>*</c> any but a slash) and the page says its
    /// document is read whole. When it never does, the failure lists what the browser asked for and got, so that a slow
    /// server, a failed request and a crashed page can be told apart.
    /// </summary>
    /// <remarks>
    /// The wait asks the page itself, every tenth of a second, rather than waiting on the browser's load and navigation
    /// events: twice a wait on those events (the load event, then the address's) timed out for 90 s on a page whose
    /// document and stylesheets had all been answered in a tenth of a second.
    /// </remarks>
    /// <summary>The WCAG 2.2 AA and best-practice rules of axe every page is held to.</summary>
    public static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Runs axe on the page as it is and fails on any serious or critical violation, naming the page and width.</summary>
    public static async Task AssertAxeAsync(IPage page, int width)
    {
        ArgumentNullException.ThrowIfNull(page);
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AxeTags] } });
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} at {width}px: {v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    public static async Task FollowAsync(IPage page, Func<Task> action, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(action);
        var address = new Regex("^" + Regex.Escape(url).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
        var navigated = 0;
        void Navigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                Interlocked.Exchange(ref navigated, 1);
            }
        }

        page.FrameNavigated += Navigated;
        try
        {
            await action();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!(Volatile.Read(ref navigated) == 1 && address.IsMatch(page.Url) && await ReadWholeAsync(page)))
            {
                if (DateTime.UtcNow > deadline)
                {
                    var log = Logs.TryGetValue(page, out var entries) ? string.Join(Environment.NewLine, entries.TakeLast(40)) : "(no log)";
                    throw new TimeoutException($"No page at {url} read whole within 90 s. Page at {page.Url}; what the browser asked for and got:{Environment.NewLine}{log}");
                }

                await Task.Delay(100);
            }
        }
        finally
        {
            page.FrameNavigated -= Navigated;
        }
    }

    /// <summary>Whether the page's document is read whole; not while it is being replaced by the next one.</summary>
    private static async Task<bool> ReadWholeAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("document.readyState") == "complete";
        }
        catch (PlaywrightException)
        {
            return false;
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
