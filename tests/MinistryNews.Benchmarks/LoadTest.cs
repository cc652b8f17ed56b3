using System.Diagnostics;

namespace MinistryNews.Benchmarks;

/// <summary>Latency percentiles and throughput of one address (or addresses of one kind) under a number of concurrent clients.</summary>
internal sealed record LoadResult(string Url, int Requests, int Errors, double P50, double P95, double P99, double RequestsPerSecond, long Bytes);

/// <summary>A closed-loop load generator: each client sends its next request as soon as the last one is read whole.</summary>
internal static class LoadTest
{
    /// <summary>
    /// A client of <paramref name="clients"/> connections; <paramref name="compressed"/>, it asks for the encodings a browser
    /// asks for, and counts the bytes as sent (a browser's own decompression is not the server's time).
    /// </summary>
    public static HttpClient Client(int clients, bool compressed = true)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (compressed)
        {
            client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
        }

        return client;
    }

    public static Task<LoadResult> RunAsync(HttpClient client, Uri url, int clients, TimeSpan duration) =>
        RunAsync(client, [url], clients, duration);

    /// <summary>
    /// The load of addresses of one kind (article pages, person pages): the clients ask for them in turn, so that each
    /// answer reads rows that the last ones did not (most pages of an archive are too rarely visited to be in any cache).
    /// The first five answers are not counted: they compile the queries.
    /// </summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, IReadOnlyList<Uri> urls, int clients, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(urls);
        long bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            bytes = (await client.GetByteArrayAsync(urls[i % urls.Count])).LongLength;
        }

        var next = urls.Count > 5 ? 5 : 0;

        var stopwatch = Stopwatch.StartNew();
        var until = duration;
        var errors = 0;
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>();
            while (stopwatch.Elapsed < until)
            {
                var start = Stopwatch.GetTimestamp();
                var url = urls[(Interlocked.Increment(ref next) - 1) % urls.Count];
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            return latencies;
        }));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = perClient.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new LoadResult(urls[0].PathAndQuery, all.Length, errors, Percentile(0.50), Percentile(0.95), Percentile(0.99), all.Length / elapsed, bytes);
    }
}
