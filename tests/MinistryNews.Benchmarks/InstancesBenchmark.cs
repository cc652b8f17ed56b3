using System.Diagnostics;

namespace MinistryNews.Benchmarks;

/// <summary>
/// Scale-out on PostgreSQL: requests/s of one and of two web instances sharing one database, over loopback, with the
/// output cache off (every answer reads the database). The corpus is ingested first by the first instance; the load
/// generator sends each client's requests to the instances in turn, over a mix of lists, searches and articles.
/// </summary>
internal static class InstancesBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options, string postgres)
    {
        Report.Header($"Instances on PostgreSQL: {options.Count:N0} articles, {options.Clients} clients, {options.Seconds:N0} s a run");
        var corpus = Corpus.Ensure(options);
        var failures = 0;
        using (var first = await WebApp.StartAsync(options.Database, corpus, outputCache: false, settle: true, postgres))
        {
            Console.WriteLine("   (the first instance ingested the corpus)");
        }

        string[] urls = ["/", "/articles", "/articles?country=japan", "/search?q=memorandum", "/articles?page=20", "/countries", "/api/articles?kind=agreement"];
        foreach (var count in new[] { 1, 2 })
        {
            var apps = new List<WebApp>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    apps.Add(await WebApp.StartAsync(options.Database, corpus, outputCache: false, settle: true, postgres));
                }

                using var client = LoadTest.Client(options.Clients * count);
                var stopwatch = Stopwatch.StartNew();
                var latencies = new List<double>();
                var errors = 0;
                await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async c =>
                {
                    var mine = new List<double>();
                    for (var i = c; stopwatch.Elapsed.TotalSeconds < options.Seconds; i++)
                    {
                        var app = apps[i % apps.Count];
                        var start = Stopwatch.GetTimestamp();
                        using var response = await client.GetAsync(new Uri(app.BaseAddress, urls[i % urls.Length]), HttpCompletionOption.ResponseContentRead);
                        mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }

                    lock (latencies)
                    {
                        latencies.AddRange(mine);
                    }
                }));
                var sorted = latencies.Order().ToArray();
                double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
                failures += errors;
                Report.Row(
                    $"{count} instance{(count > 1 ? "s" : string.Empty)}, one database",
                    $"{sorted.Length / stopwatch.Elapsed.TotalSeconds:N0}/s  p50 {Percentile(0.5):N1}  p95 {Percentile(0.95):N1} ms{(errors > 0 ? $" {errors} errors" : string.Empty)}",
                    null,
                    null);
            }
            finally
            {
                foreach (var app in apps)
                {
                    app.Dispose();
                }
            }
        }

        return failures == 0 ? 0 : 1;
    }
}
