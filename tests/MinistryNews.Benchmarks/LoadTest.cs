using System.Diagnostics;

namespace MinistryNews.Benchmarks;

/// <summary>Latency percentiles and throughput of one address under a number of concurrent clients.</summary>
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

    public static async Task<LoadResult> RunAsync(HttpClient client, Uri url, int clients, TimeSpan duration)
    {
        // Warm up: the first answers compile queries and fill caches; they are not counted.
        long bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            bytes = (await client.GetByteArrayAsync(url)).LongLength;
        }

        var stopwatch = Stopwatch.StartNew();
        var until = duration;
        var errors = 0;
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>();
            while (stopwatch.Elapsed < until)
            {
                var start = Stopwatch.GetTimestamp();
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
        return new LoadResult(url.PathAndQuery, all.Length, errors, Percentile(0.50), Percentile(0.95), Percentile(0.99), all.Length / elapsed, bytes);
    }
}
