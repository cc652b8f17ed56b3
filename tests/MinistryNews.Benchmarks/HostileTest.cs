using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MinistryNews.Benchmarks;

/// <summary>
/// Hostile clients (docs/reliability.md): the real web app, as deployed (output cache on, its own limits), on the
/// benchmark's database, while C connections ask as fast as they can for lists with query strings no one asked for
/// before, from one address or each from its own, and one client measures <c>/healthz</c> and <c>/articles</c> ten
/// times a second. The addresses are given in X-Forwarded-For, which the app believes from a loopback proxy (as behind
/// the reverse proxy of docs/deployment.md).
/// </summary>
internal static class HostileTest
{
    private const double P95TargetMs = 50;

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        Report.Header($"Hostile clients: {options.Count:N0} articles, {options.Clients} attacking clients and one measuring, {duration.TotalSeconds:N0} s a scenario");
        var corpus = Corpus.Ensure(options);
        if (!File.Exists(options.Database))
        {
            Console.WriteLine("Ingesting the corpus first ...");
            await IngestRun.InChildAsync(corpus, options.Database);
        }

        using var app = await WebApp.StartAsync(options.Database, corpus, outputCache: true, settle: true, deployedLimits: true);
        var clients = options.Clients;
        (string Label, Func<string>? Attack, bool OneAddress)[] scenarios =
        [
            ("none", null, false),
            ($"/meetings?b=<random>, {clients} connections from one address", () => $"/meetings?b={Guid.NewGuid():N}", true),
            ($"/meetings?page=<random>, {clients} connections from one address", () => $"/meetings?page={Random.Shared.Next(1, 1_000_000)}", true),
            ($"/meetings?page=<random>, {clients} clients of their own addresses", () => $"/meetings?page={Random.Shared.Next(1, 1_000_000)}", false),
            ($"/search?q=<random words>, {clients} clients of their own addresses", () => $"/search?q={Words[Random.Shared.Next(Words.Length)]}+{Random.Shared.Next(1_000_000)}", false),
        ];

        var met = true;
        for (var scenario = 0; scenario < scenarios.Length; scenario++)
        {
            var (label, attack, oneAddress) = scenarios[scenario];
            Console.WriteLine();
            Console.WriteLine($"   Attack: {label}");
            var result = await RunScenarioAsync(app.BaseAddress, scenario, attack, oneAddress, clients, duration);
            foreach (var (url, latencies) in result.Measured)
            {
                var p95 = Percentile(latencies, 0.95);
                var ok = p95 < P95TargetMs && result.MeasuredFailures == 0;
                met &= ok;
                Report.Row($"{url}, measuring client", Latencies(latencies), $"p95 < {P95TargetMs} ms", ok);
            }

            if (attack is not null)
            {
                var statuses = string.Join(", ", result.Attacks.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count():N0} × {g.Key}"));
                Report.Row("Attacking answers", $"{result.Attacks.Count / duration.TotalSeconds:N0}/s: {statuses}", null, null);
                Report.Row("... of them computed afresh (200, no Age)", $"{result.Attacks.Count(a => a.Status == 200 && !a.FromCache):N0}", null, null);
            }

            if (result.MeasuredFailures > 0)
            {
                Console.WriteLine($"PROBLEM: {result.MeasuredFailures} answers to the measuring client were not 200");
            }
        }

        return met ? 0 : 1;
    }

    private static readonly string[] Words = ["minister", "cooperation", "digital", "memorandum", "delegation", "telecommunications", "press", "visit"];

    private sealed record ScenarioResult(
        IReadOnlyList<(string Url, List<double> Latencies)> Measured,
        int MeasuredFailures,
        IReadOnlyCollection<(int Status, bool FromCache)> Attacks);

    private static async Task<ScenarioResult> RunScenarioAsync(Uri baseAddress, int scenario, Func<string>? attack, bool oneAddress, int clients, TimeSpan duration)
    {
        using var measuring = Client(1, "198.51.100.1");
        var measured = new[] { "/healthz", "/articles" };

        // Warm: /articles is then served from the cache, as a page anyone opens would be.
        foreach (var url in measured)
        {
            using var _ = await measuring.GetAsync(new Uri(baseAddress, url));
        }

        // New addresses each scenario: the limits of one scenario's clients do not carry over to the next.
        var attackers = Enumerable.Range(1, attack is null ? 0 : clients).Select(i => Client(1, $"10.{scenario}.0.{(oneAddress ? 1 : i)}")).ToList();
        var attacks = new ConcurrentBag<(int Status, bool FromCache)>();
        var latencies = measured.ToDictionary(u => u, _ => new List<double>());
        var failures = 0;
        var clock = Stopwatch.StartNew();

        async Task AttackAsync(HttpClient client)
        {
            while (clock.Elapsed < duration)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(baseAddress, attack!()), HttpCompletionOption.ResponseContentRead);
                    attacks.Add(((int)response.StatusCode, response.Headers.Age is not null));
                }
                catch (HttpRequestException)
                {
                    attacks.Add((0, false));
                }
            }
        }

        async Task MeasureAsync()
        {
            // Measured while the attack runs, after a second to let it start.
            await Task.Delay(1000);
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var url = measured[i % measured.Length];
                var start = Stopwatch.GetTimestamp();
                using var response = await measuring.GetAsync(new Uri(baseAddress, url), HttpCompletionOption.ResponseContentRead);
                latencies[url].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures++;
                }

                // A client that reads pages, not a second attacker: ten requests a second.
                await Task.Delay(100);
            }
        }

        await Task.WhenAll([MeasureAsync(), .. attackers.Select(c => Task.Run(() => AttackAsync(c)))]);
        foreach (var attacker in attackers)
        {
            attacker.Dispose();
        }

        return new ScenarioResult([.. latencies.Select(l => (l.Key, l.Value))], failures, attacks);
    }

    /// <summary>A client that comes, through the loopback proxy the app believes, from <paramref name="address"/>.</summary>
    private static HttpClient Client(int connections, string address)
    {
        var client = LoadTest.Client(connections);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static string Latencies(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{values.Count:N0}: p50 {Percentile(values, 0.5):N1}  p95 {Percentile(values, 0.95):N1}  p99 {Percentile(values, 0.99):N1} ms");
}
