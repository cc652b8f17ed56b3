using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MinistryNews.Benchmarks;

/// <summary>
/// Scale-out on PostgreSQL: requests/s, p50 and p95 of one and of two web instances sharing one database, over loopback,
/// with the output cache off (every answer reads the database) and on (as deployed). The corpus is ingested first by the
/// first instance; the load generator sends each client's requests to the instances in turn, over a mix of lists,
/// searches and articles. Beside each run, where the machine's CPU went in the measured window (read from Linux's /proc):
/// the instances, PostgreSQL and this load generator, as shares of the machine and as milliseconds per request; from
/// those, what the app's or PostgreSQL's work alone could reach on the machine's cores (derived, not measured).
/// </summary>
internal static class InstancesBenchmark
{
    /// <summary>USER_HZ, the unit of the times in /proc/PID/stat and /proc/stat (sysconf(_SC_CLK_TCK), 100 on Linux).</summary>
    private const double ClockTicksPerSecond = 100;

    private static readonly string[] Urls = ["/", "/articles", "/articles?country=japan", "/search?q=memorandum", "/articles?page=20", "/countries", "/api/articles?kind=agreement"];

    public static async Task<int> RunAsync(BenchmarkOptions options, string postgres)
    {
        Report.Header($"Instances on PostgreSQL: {options.Count:N0} articles, {options.Clients} clients, {options.Seconds:N0} s a run");
        var corpus = Corpus.Ensure(options);
        using (var first = await WebApp.StartAsync(options.Database, corpus, outputCache: false, settle: true, postgres))
        {
            Console.WriteLine("   (the first instance ingested the corpus)");
        }

        // Autovacuum would otherwise analyse the new tables during the first window, and its CPU count as PostgreSQL's
        // work for those requests.
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
            Console.WriteLine("   (then VACUUM (ANALYZE), as autovacuum would soon after)");
        }

        var postmaster = Postmaster(postgres);
        var failures = 0;
        foreach (var cached in new[] { false, true })
        {
            Console.WriteLine();
            Console.WriteLine(cached
                ? "   Output cache on (as deployed; each address asked once of each instance first):"
                : "   Output cache off (every answer reads the database; each address asked once of each instance first):");
            var runs = new List<Run>();
            foreach (var count in new[] { 1, 2 })
            {
                var run = await MeasureAsync(options, corpus, postgres, postmaster, count, cached);
                Print(run, count);
                failures += run.Errors;
                runs.Add(run);
            }

            PrintDerived(runs);
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// One run: <paramref name="count"/> instances started afresh, each address asked once of each (the queries compiled,
    /// the output cache filled when on), then the clients' window, with the CPU times and load average read on each side
    /// of it. Any answer that is not 2xx, in the warm-up or the window, is an error.
    /// </summary>
    private static async Task<Run> MeasureAsync(BenchmarkOptions options, string corpus, string postgres, int postmaster, int count, bool cached)
    {
        var apps = new List<WebApp>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                apps.Add(await WebApp.StartAsync(options.Database, corpus, cached, settle: true, postgres));
            }

            using var client = LoadTest.Client(options.Clients * count);
            var errors = 0;
            foreach (var app in apps)
            {
                foreach (var url in Urls)
                {
                    using var response = await client.GetAsync(new Uri(app.BaseAddress, url), HttpCompletionOption.ResponseContentRead);
                    errors += response.IsSuccessStatusCode ? 0 : 1;
                }
            }

            var loadBefore = LoadAverage();
            var before = CpuTimes.Read(apps, postmaster);
            var stopwatch = Stopwatch.StartNew();
            var latencies = new List<double>();
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async c =>
            {
                var mine = new List<double>();
                for (var i = c; stopwatch.Elapsed.TotalSeconds < options.Seconds; i++)
                {
                    var app = apps[i % apps.Count];
                    var start = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(new Uri(app.BaseAddress, Urls[i % Urls.Length]), HttpCompletionOption.ResponseContentRead);
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
            var used = CpuTimes.Read(apps, postmaster) - before;
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var sorted = latencies.Order().ToArray();
            double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            return new Run(sorted.Length, errors, seconds, Percentile(0.5), Percentile(0.95), used, loadBefore, LoadAverage());
        }
        finally
        {
            foreach (var app in apps)
            {
                app.Dispose();
            }
        }
    }

    private static void Print(Run run, int count)
    {
        var cores = Environment.ProcessorCount;
        double Share(double cpuSeconds) => cpuSeconds / (run.Seconds * cores);
        Report.Row(
            $"{count} instance{(count > 1 ? "s" : string.Empty)}, one database",
            $"{run.Requests / run.Seconds:N0}/s  p50 {run.P50:N1}  p95 {run.P95:N1} ms{(run.Errors > 0 ? $" {run.Errors} errors" : string.Empty)}",
            null,
            null);
        Report.Row(
            $"  CPU used, share of the machine's {cores} cores",
            $"instances {Share(run.Used.Instances):P0}, PostgreSQL {Share(run.Used.Postgres):P0}, load generator {Share(run.Used.Client):P0}; other processes and the kernel {run.Used.MachineBusy - Share(run.Used.Instances + run.Used.Postgres + run.Used.Client):P0}, idle {1 - run.Used.MachineBusy:P0}",
            null,
            null);
        Report.Row(
            "  CPU per request",
            $"instances {run.MsPerRequest(run.Used.Instances):N3}, PostgreSQL {run.MsPerRequest(run.Used.Postgres):N3}, load generator {run.MsPerRequest(run.Used.Client):N3} ms",
            null,
            null);
        Report.Row("  load average (1, 5, 15 min) before → after", $"{run.LoadBefore} → {run.LoadAfter}", null, null);
    }

    /// <summary>
    /// What the CPU per request of one mode's runs (both taken together) implies: the requests/s that the instances' work
    /// alone, PostgreSQL's alone, or both together would reach if they had every core of the machine, and what each
    /// further core adds. Arithmetic on the measured CPU times, not a measured throughput: it leaves out the waits.
    /// </summary>
    private static void PrintDerived(List<Run> runs)
    {
        var cores = Environment.ProcessorCount;
        var requests = runs.Sum(r => r.Requests);
        double Ms(Func<CpuTimes, double> of) => runs.Sum(r => of(r.Used)) * 1000 / requests;
        var (app, postgres, client) = (Ms(u => u.Instances), Ms(u => u.Postgres), Ms(u => u.Client));
        Console.WriteLine($"   derived from the CPU per request measured in these two runs (not measured): app {app:N2}, PostgreSQL {postgres:N2}, load generator {client:N2} ms/req");
        Console.WriteLine($"     on {cores} cores: the app's work alone {Ceiling(cores, app)}, PostgreSQL's alone {Ceiling(cores, postgres)}, both on one machine {Ceiling(cores, app + postgres)}");
        Console.WriteLine($"     each extra core {Ceiling(1, app)} if the bottleneck is the app, {Ceiling(1, app + postgres)} if the app and PostgreSQL share the machine");
    }

    /// <summary>The requests/s that <paramref name="cores"/> cores allow at a CPU cost per request, unless the cost is too small to tell (a few clock ticks in a run).</summary>
    private static string Ceiling(int cores, double msPerRequest) =>
        msPerRequest < 0.01 ? "no limit (under 0.01 ms/req)" : $"≈ {cores * 1000 / msPerRequest:N0} req/s";

    /// <summary>The pid of PostgreSQL's postmaster: the parent of a backend, which must run on this machine (its CPU is read from /proc).</summary>
    private static int Postmaster(string postgres)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)command.ExecuteScalar()!;
        var postmaster = Stat(backend) is { } stat ? (int)Field(stat, 4) : 0;
        if (postmaster == 0 || File.ReadAllText($"/proc/{postmaster}/comm").Trim() != "postgres")
        {
            throw new InvalidOperationException("The instances benchmark reads PostgreSQL's CPU time from /proc: run it on the database's machine.");
        }

        return postmaster;
    }

    /// <summary>The fields of /proc/PID/stat after the command (which may hold spaces), or null when the process is gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Field <paramref name="number"/> of /proc/PID/stat, counted from 1 as proc(5) does (4 the parent, 14 and 15 utime and stime).</summary>
    private static long Field(string[] stat, int number) => long.Parse(stat[number - 3], CultureInfo.InvariantCulture);

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>The figures of one run: requests and errors in the window, its length, the latencies and the CPU used in it.</summary>
    private sealed record Run(int Requests, int Errors, double Seconds, double P50, double P95, CpuTimes Used, string LoadBefore, string LoadAfter)
    {
        public double MsPerRequest(double cpuSeconds) => cpuSeconds * 1000 / Requests;
    }

    /// <summary>CPU seconds used so far by the instances, PostgreSQL and this process; the machine's busy and total clock ticks.</summary>
    private readonly record struct CpuTimes(double Instances, double Postgres, double Client, double MachineBusyTicks, double MachineTicks)
    {
        /// <summary>
        /// The share of the machine's CPU that was busy, whoever used it: beyond the three above, the rest is other work on
        /// the machine (a sign of a disturbed run) and kernel work no process is charged with (loopback networking).
        /// </summary>
        public double MachineBusy => MachineBusyTicks / MachineTicks;

        public static CpuTimes operator -(CpuTimes after, CpuTimes before) => new(
            after.Instances - before.Instances,
            after.Postgres - before.Postgres,
            after.Client - before.Client,
            after.MachineBusyTicks - before.MachineBusyTicks,
            after.MachineTicks - before.MachineTicks);

        public static CpuTimes Read(List<WebApp> apps, int postmaster)
        {
            var instances = apps.Sum(app =>
            {
                app.Process.Refresh();
                return app.Process.TotalProcessorTime.TotalSeconds;
            });
            using var self = Process.GetCurrentProcess();
            var (busy, total) = Machine();
            return new CpuTimes(instances, PostgresSeconds(postmaster), self.TotalProcessorTime.TotalSeconds, busy, total);
        }

        /// <summary>
        /// PostgreSQL's CPU seconds so far: the postmaster's own, those of the children it has reaped (cutime and cstime:
        /// backends that exited) and those of its live children (backends, checkpointer, writers, autovacuum). A backend
        /// that exits between two readings moves from the last to the second, so their difference still holds it.
        /// </summary>
        private static double PostgresSeconds(int postmaster)
        {
            var own = Stat(postmaster) ?? throw new InvalidOperationException("PostgreSQL's postmaster is gone.");
            var ticks = Field(own, 14) + Field(own, 15) + Field(own, 16) + Field(own, 17);
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat && Field(stat, 4) == postmaster)
                {
                    ticks += Field(stat, 14) + Field(stat, 15);
                }
            }

            return ticks / ClockTicksPerSecond;
        }

        /// <summary>The machine's busy and total clock ticks over all cores, from the first line of /proc/stat (idle and iowait are not busy).</summary>
        private static (double Busy, double Total) Machine()
        {
            var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            var total = ticks.Sum();
            return (total - ticks[3] - ticks[4], total);
        }
    }
}
