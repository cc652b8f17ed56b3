using System.Globalization;
using MinistryNews.Benchmarks;

// The benchmarks of docs/performance.md. Timed end-to-end runs print their figures beside their baselines and targets;
// the micro benchmarks run under BenchmarkDotNet.
//
//   ingest  [--count N] [--work DIR]                 ingest N generated articles, re-ingest, raw SQLite baseline
//   pages   [--count N] [--work DIR] [--seconds S] [--clients C]   page latency and requests/s under load, static baseline
//   pages-uncached [--count N] [--seconds S] [--match TEXT]   only the one-client, output-cache-off pass of pages
//   soak    [--count N] [--work DIR] [--seconds S] [--clients C]   the app ingests N articles while C clients read for S s
//   instances --postgres CS [--count N] [--seconds S] [--clients C]   1 and 2 web instances on one PostgreSQL database
//   hostile [--count N] [--work DIR] [--seconds S] [--clients C]  C clients attack uncached lists; /healthz and /articles measured
//   micro   [BenchmarkDotNet arguments]              extraction and folding micro benchmarks
//   ingest-run FOLDER DATABASE                       (internal) one ingestion in a process of its own, as JSON
var command = args.FirstOrDefault() ?? "help";
var options = BenchmarkOptions.Parse(args.Skip(1).ToArray());
return command switch
{
    "ingest" => await IngestBenchmark.RunAsync(options),
    "pages" => await PagesBenchmark.RunAsync(options),
    "pages-uncached" => await PagesBenchmark.RunUncachedAsync(options, args.SkipWhile(a => a != "--match").Skip(1).FirstOrDefault()),
    "soak" => await SoakTest.RunAsync(options),
    "hostile" => await HostileTest.RunAsync(options),
    "instances" => await InstancesBenchmark.RunAsync(options, args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault()
        ?? throw new ArgumentException("instances needs --postgres CONNECTION_STRING (a database it may fill)")),
    "micro" => MicroBenchmarks.Run(args.Skip(1).ToArray()),
    "ingest-run" => await IngestRun.RunAsync(args[1], args[2]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ingest|pages|soak|hostile [--count N] [--work DIR] [--seconds S] [--clients C] | micro [BenchmarkDotNet arguments]");
    return 2;
}

namespace MinistryNews.Benchmarks
{
    /// <summary>The options of the timed runs.</summary>
    internal sealed record BenchmarkOptions(int Count, string Work, double Seconds, int Clients)
    {
        public static BenchmarkOptions Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            return new BenchmarkOptions(
                int.Parse(Value("--count") ?? "100000", CultureInfo.InvariantCulture),
                Value("--work") ?? Path.Combine(Path.GetTempPath(), "ministrynews-bench"),
                double.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture),
                int.Parse(Value("--clients") ?? "8", CultureInfo.InvariantCulture));
        }

        public string Corpus => Path.Combine(Work, $"corpus-{Count}");

        public string Database => Path.Combine(Work, $"archive-{Count}.db");
    }
}
