using System.Text.Json.Nodes;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Generation;

namespace MinistryNews.Benchmarks;

/// <summary>A generated corpus on disk (seed 7), made once per size and kept for the next runs.</summary>
internal static class Corpus
{
    public static string Ensure(BenchmarkOptions options)
    {
        var folder = options.Corpus;
        var gold = Path.Combine(folder, "gold.jsonl");
        if (File.Exists(gold) && Directory.EnumerateFiles(folder, "*.txt").Count() == options.Count)
        {
            return folder;
        }

        Console.WriteLine($"Generating {options.Count:N0} articles in {folder} ...");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(gold);
        foreach (var article in new CorpusGenerator(Gazetteer.Default, 7).Generate(options.Count))
        {
            File.WriteAllText(Path.Combine(folder, article.FileName), article.Text);
            writer.WriteLine(article.GoldJson);
        }

        return folder;
    }

    /// <summary>How many meetings, delegations and agreements the gold of the corpus holds.</summary>
    public static (long Meetings, long Delegations, long Agreements) GoldTotals(string folder)
    {
        long meetings = 0, delegations = 0, agreements = 0;
        foreach (var line in File.ReadLines(Path.Combine(folder, "gold.jsonl")))
        {
            var gold = JsonNode.Parse(line)!.AsObject();
            meetings += gold["meetings"]?.AsArray().Count ?? 0;
            delegations += gold["delegations"]?.AsArray().Count ?? 0;
            agreements += gold["agreements"]?.AsArray().Count ?? 0;
        }

        return (meetings, delegations, agreements);
    }
}
