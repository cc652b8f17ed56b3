using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MinistryNews.Benchmarks;

/// <summary>
/// The pages at scale: the real web app started as a process of its own on the benchmark's database, each address loaded
/// by concurrent clients over loopback, with the output cache on (as deployed) and off (every answer computed); beside
/// them, the home page's bytes served as a static file by Kestrel, and by nginx when it is installed. The clients ask for
/// compressed answers, as browsers do (the static files are the same compressed bytes); the export is also measured
/// for a client that does not.
/// </summary>
internal static class PagesBenchmark
{
    private const double P95TargetMs = 25;

    /// <summary>The target of every page computed afresh for one client at a time.</summary>
    private const double SingleClientP95TargetMs = 50;

    /// <summary>The largest HTML page allowed, as sent without compression.</summary>
    private const int MaxPageKilobytes = 300;

    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx"];

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        Report.Header($"Pages benchmark: {options.Count:N0} articles, {options.Clients} clients, {options.Seconds:N0} s an address");
        var corpus = Corpus.Ensure(options);
        if (!File.Exists(options.Database))
        {
            Console.WriteLine("Ingesting the corpus first ...");
            await IngestRun.InChildAsync(corpus, options.Database);
        }

        var urls = Addresses(options.Database);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        using var client = LoadTest.Client(options.Clients);
        using var plainClient = LoadTest.Client(options.Clients, compressed: false);
        var failures = 0;
        byte[]? home = null;
        byte[]? export = null;
        byte[]? plainExport = null;
        double homeRps = 0;
        foreach (var cached in new[] { true, false })
        {
            Console.WriteLine();
            Console.WriteLine(cached ? "   Output cache on (as deployed):" : "   Output cache off (every answer computed):");
            using var app = await WebApp.StartAsync(options, corpus, cached);
            home ??= await client.GetByteArrayAsync(new Uri(app.BaseAddress, "/"));
            export ??= await client.GetByteArrayAsync(new Uri(app.BaseAddress, urls[^1].Url));
            plainExport ??= await plainClient.GetByteArrayAsync(new Uri(app.BaseAddress, urls[^1].Url));
            foreach (var (label, url) in urls)
            {
                var result = await LoadTest.RunAsync(client, new Uri(app.BaseAddress, url), options.Clients, duration);
                failures += result.Errors;
                if (cached && url == "/")
                {
                    homeRps = result.RequestsPerSecond;
                }

                Print(label, result, P95TargetMs);
            }

            if (cached)
            {
                // For the record: the export to a client that asks for no compression.
                var plain = await LoadTest.RunAsync(plainClient, new Uri(app.BaseAddress, urls[^1].Url), options.Clients, duration);
                failures += plain.Errors;
                Print($"{urls[^1].Label}, not compressed", plain, null);
            }
        }

        failures += await SingleClientAsync(options, corpus, duration, match: null);

        Console.WriteLine();
        Console.WriteLine("   The same bytes as static files (the physical limit):");
        var staticRps = await StaticKestrelAsync("Kestrel static file, the home page", "index.html", home!, client, options, duration);
        await StaticKestrelAsync("Kestrel static file, the CSV export", "export.csv", export!, client, options, duration);
        await StaticKestrelAsync("Kestrel static file, the export not compressed", "export.csv", plainExport!, client, options, duration);
        await NginxAsync(home!, client, options, duration);
        var share = homeRps / staticRps;
        Report.Row("Home page (cached) against Kestrel static files", $"{share:P0} of its requests/s", "at least 40%", share >= 0.4);
        if (failures > 0)
        {
            Console.WriteLine($"PROBLEM: {failures} requests did not answer 2xx");
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>The one-client pass alone, on the database a full run made, for the pages whose label holds <paramref name="match"/> (all when null).</summary>
    public static async Task<int> RunUncachedAsync(BenchmarkOptions options, string? match)
    {
        Report.Header($"Pages benchmark, output cache off, one client: {options.Count:N0} articles, {options.Seconds:N0} s an address");
        var corpus = Corpus.Ensure(options);
        if (!File.Exists(options.Database))
        {
            Console.WriteLine("Ingesting the corpus first ...");
            await IngestRun.InChildAsync(corpus, options.Database);
        }

        return await SingleClientAsync(options, corpus, TimeSpan.FromSeconds(options.Seconds), match) == 0 ? 0 : 1;
    }

    /// <summary>
    /// Every kind of page computed afresh (the output cache off) for one client at a time, as a visitor meets a page no
    /// one asked for lately: the lists, the largest person and country pages, and pages of one kind taken in turn
    /// (articles, people, countries), so that each answer reads rows the last one did not. Each page's size as sent
    /// without compression is checked against the largest allowed.
    /// </summary>
    private static async Task<int> SingleClientAsync(BenchmarkOptions options, string corpus, TimeSpan duration, string? match)
    {
        Console.WriteLine();
        Console.WriteLine("   Output cache off, one client (every page computed afresh, sizes as sent uncompressed):");
        using var app = await WebApp.StartAsync(options, corpus, outputCache: false);
        using var client = LoadTest.Client(1);
        using var plain = LoadTest.Client(1, compressed: false);
        var failures = 0;
        var largest = (Bytes: 0L, Url: string.Empty);
        foreach (var (label, urls) in SingleClientAddresses(options.Database).Where(a => match is null || a.Label.Contains(match, StringComparison.OrdinalIgnoreCase)))
        {
            var addresses = urls.Select(u => new Uri(app.BaseAddress, u)).ToList();
            var result = await LoadTest.RunAsync(client, addresses, 1, duration);
            failures += result.Errors;
            foreach (var url in addresses.Take(20))
            {
                var size = (await plain.GetByteArrayAsync(url)).LongLength;
                if (size > largest.Bytes)
                {
                    largest = (size, url.PathAndQuery);
                }
            }

            Print(label, result, SingleClientP95TargetMs);
        }

        Report.Row($"Largest HTML page: {largest.Url}", $"{largest.Bytes / 1024.0:N0} KB", $"at most {MaxPageKilobytes} KB", largest.Bytes <= MaxPageKilobytes * 1024);
        return failures;
    }

    private static void Print(string label, LoadResult result, double? target) =>
        Report.Row(
            $"{label} ({result.Bytes / 1024.0:N0} KB)",
            $"p50 {result.P50:N1}  p95 {result.P95:N1}  p99 {result.P99:N1} ms  {result.RequestsPerSecond:N0}/s{(result.Errors > 0 ? $" {result.Errors} errors" : string.Empty)}",
            target is null ? null : $"p95 < {target} ms",
            target is null ? null : result.P95 < target && result.Errors == 0);

    /// <summary>The addresses the issue lists, filled from what the database holds.</summary>
    private static List<(string Label, string Url)> Addresses(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        string Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
        }

        var country = Scalar("SELECT c.Slug FROM Countries c JOIN ArticleCountries ac ON ac.CountriesId = c.Id GROUP BY c.Id ORDER BY count(*) DESC LIMIT 1");
        var article = Scalar("SELECT Key || '/' || Slug FROM Articles ORDER BY Id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM Articles)");
        var person = Scalar("SELECT p.Slug FROM People p JOIN ArticlePeople m ON m.PersonId = p.Id GROUP BY p.Id ORDER BY count(*) DESC LIMIT 1");
        var rare = Scalar("SELECT p.Name FROM People p JOIN ArticlePeople m ON m.PersonId = p.Id GROUP BY p.Id HAVING count(*) = 1 ORDER BY p.Id LIMIT 1");
        var exportFrom = Scalar("SELECT PublishedOn FROM Articles WHERE PublishedOn IS NOT NULL ORDER BY PublishedOn DESC LIMIT 1 OFFSET 9999");
        var year = Scalar("SELECT substr(PublishedOn, 1, 4) FROM Articles WHERE PublishedOn IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
        var pages = Convert.ToInt32(Scalar("SELECT count(*) FROM Articles"), CultureInfo.InvariantCulture) / 20;
        return
        [
            ("/ (home)", "/"),
            ("/articles, one filter (country)", $"/articles?country={country}"),
            ("/articles, three filters", $"/articles?country={country}&kind=meeting&year={year}"),
            ($"/articles, deep page ({Math.Min(4000, pages)})", $"/articles?page={Math.Min(4000, pages)}"),
            ("article page", $"/articles/{article}"),
            ("person page (most named)", $"/people/{person}"),
            ("/search, a common word", "/search?q=minister"),
            ("/search, a rare name", $"/search?q={Uri.EscapeDataString(rare)}"),
            ("CSV export of 10,000 articles", $"/articles?from={exportFrom}&format=csv"),
        ];
    }

    /// <summary>Every kind of page, the largest of each where the size depends on the data, and pages of one kind in turn.</summary>
    private static List<(string Label, IReadOnlyList<string> Urls)> SingleClientAddresses(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        List<string> Column(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var values = new List<string>();
            while (reader.Read())
            {
                values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? string.Empty);
            }

            return values;
        }

        var countries = Column("SELECT c.Slug FROM Countries c JOIN ArticleCountries ac ON ac.CountriesId = c.Id GROUP BY c.Id ORDER BY count(*) DESC");
        var people = Column("SELECT p.Slug FROM People p JOIN ArticlePeople m ON m.PersonId = p.Id GROUP BY p.Id ORDER BY count(*) DESC LIMIT 200");
        var articles = Column("SELECT Key || '/' || Slug FROM Articles ORDER BY random() LIMIT 500");
        var offices = Column("SELECT Slug FROM Offices ORDER BY random() LIMIT 100");
        var agreements = Column("SELECT Id || '/' || Slug FROM AgreementRecords ORDER BY random() LIMIT 100");
        var year = Column("SELECT substr(PublishedOn, 1, 4) FROM Articles WHERE PublishedOn IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0];
        string[] One(string url) => [url];
        return
        [
            ("/ (home)", One("/")),
            ("/articles", One("/articles")),
            ("/articles, three filters", One($"/articles?country={countries[0]}&kind=meeting&year={year}")),
            ("/articles, deep page (4000)", One("/articles?page=4000")),
            ("/search, a common word", One("/search?q=minister")),
            ("/search, a stemmed plural", One("/search?q=ministers")),
            ("/articles, a common word searched (its chart)", One("/articles?q=minister")),
            ($"/articles?year={year} (its chart by month)", One($"/articles?year={year}")),
            ("/meetings", One("/meetings")),
            ("/meetings, sorted by country, page 50", One("/meetings?sort=country&page=50")),
            ("/meetings of the largest country", One($"/meetings?country={countries[0]}")),
            ("/meetings/pairs, the largest country's", One($"/meetings/pairs?country={countries[0]}")),
            ("/meetings/pairs, every pair", One("/meetings/pairs")),
            ("/delegations", One("/delegations")),
            ("/agreements", One("/agreements")),
            ("/agreements, in force", One("/agreements?status=in-force")),
            ("/people", One("/people")),
            ("/countries", One("/countries")),
            ("/offices", One("/offices")),
            ($"/archive/{year}", One($"/archive/{year}")),
            ("person page, the most named", One($"/people/{people[0]}")),
            ("country page, the most articles", One($"/countries/{countries[0]}")),
            ("/countries/vietnam", One("/countries/vietnam")),
            ("article pages, 500 in turn", [.. articles.Select(a => $"/articles/{a}")]),
            ("person pages, the 200 most named in turn", [.. people.Select(p => $"/people/{p}")]),
            ("country pages, all in turn", [.. countries.Select(c => $"/countries/{c}")]),
            ("office pages, 100 in turn", [.. offices.Select(o => $"/offices/{o}")]),
            ("agreement records, 100 in turn", [.. agreements.Select(a => $"/agreements/{a}")]),
        ];
    }

    private static async Task<double> StaticKestrelAsync(string label, string name, byte[] content, HttpClient client, BenchmarkOptions options, TimeSpan duration)
    {
        var root = Directory.CreateTempSubdirectory("ministrynews-static").FullName;
        await File.WriteAllBytesAsync(Path.Combine(root, name), content);
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        await app.StartAsync();
        var result = await LoadTest.RunAsync(client, new Uri($"http://127.0.0.1:{port}/{name}"), options.Clients, duration);
        Print(label, result, null);
        await app.StopAsync();
        return result.RequestsPerSecond;
    }

    private static async Task NginxAsync(byte[] home, HttpClient client, BenchmarkOptions options, TimeSpan duration)
    {
        var nginx = NginxPaths.FirstOrDefault(File.Exists);
        if (nginx is null)
        {
            Console.WriteLine("   nginx static file: nginx is not installed (apt-get install nginx to compare)");
            return;
        }

        var root = Directory.CreateTempSubdirectory("ministrynews-nginx").FullName;
        await File.WriteAllBytesAsync(Path.Combine(root, "index.html"), home);
        var port = FreePort();
        var config = Path.Combine(root, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes auto; daemon off; pid {{root}}/nginx.pid; error_log {{root}}/error.log;
            events { worker_connections 1024; }
            http { access_log off; sendfile on; keepalive_requests 1000000;
              client_body_temp_path {{root}}; proxy_temp_path {{root}}; fastcgi_temp_path {{root}}; uwsgi_temp_path {{root}}; scgi_temp_path {{root}};
              server { listen 127.0.0.1:{{port}}; root {{root}}; } }
            """);
        using var process = Process.Start(new ProcessStartInfo(nginx, ["-c", config, "-p", root]) { RedirectStandardError = true })!;
        await WebApp.WaitForAsync(client, new Uri($"http://127.0.0.1:{port}/index.html"));
        var result = await LoadTest.RunAsync(client, new Uri($"http://127.0.0.1:{port}/index.html"), options.Clients, duration);
        Print("nginx static file", result, null);
        process.Kill(entireProcessTree: true);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The archive's web app in a process of its own, on the benchmark's database and corpus, on a free loopback port.</summary>
internal sealed class WebApp : IDisposable
{
    private readonly Process _process;

    private WebApp(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's process (its memory is read while it runs).</summary>
    public Process Process => _process;

    public static Task<WebApp> StartAsync(BenchmarkOptions options, string corpus, bool outputCache) =>
        StartAsync(options.Database, corpus, outputCache, settle: true);

    /// <summary>
    /// Starts the app on a database and a data folder; with <paramref name="settle"/>, returns once its first ingestion is
    /// over. The limits on answers computed afresh are lifted (the benchmarks measure the pages, not the limits) unless
    /// <paramref name="deployedLimits"/>.
    /// </summary>
    public static async Task<WebApp> StartAsync(string database, string corpus, bool outputCache, bool settle, string? postgres = null, bool deployedLimits = false)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "MinistryNews.Web");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "MinistryNews.Web.dll");
        var port = PagesBenchmark.FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--contentRoot", project]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Archive__Database"] = Path.GetFullPath(database);
        if (postgres is not null)
        {
            start.Environment["Archive__Provider"] = "PostgreSQL";
            start.Environment["ConnectionStrings__Archive"] = postgres;
        }

        start.Environment["Archive__DataPath"] = Path.GetFullPath(corpus);
        start.Environment["Archive__Watch"] = "false";
        start.Environment["Archive__OutputCache"] = outputCache ? "true" : "false";
        if (!deployedLimits)
        {
            start.Environment["Archive__CostlyRequestsPerMinute"] = "100000000";
            start.Environment["Archive__ConcurrentUncachedRequests"] = "1000";
            start.Environment["Archive__ConcurrentRequestsPerClient"] = "1000";
        }

        start.Environment["Serilog__MinimumLevel__Default"] = "Error";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebApp(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient();
        await WaitForAsync(client, new Uri(app.BaseAddress, "/readyz"));

        // The app reads its data folder on start (every file unchanged): wait until it is idle before measuring.
        var last = process.TotalProcessorTime;
        for (var settled = settle ? 0 : 2; settled < 2;)
        {
            await Task.Delay(1000);
            process.Refresh();
            var now = process.TotalProcessorTime;
            settled = (now - last).TotalMilliseconds < 50 ? settled + 1 : 0;
            last = now;
        }

        return app;
    }

    public static async Task WaitForAsync(HttpClient client, Uri url)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} did not answer within two minutes.");
            }

            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MinistryNews.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The benchmark runs from the repository's build output.");
    }
}
