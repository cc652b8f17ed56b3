using System.CommandLine;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Generation;

namespace MinistryNews.Cli;

/// <summary>
/// <c>generate --count N --out DIR [--seed S]</c>: writes N realistic press releases into DIR and, beside them,
/// <c>gold.jsonl</c> with what each one says, for benchmarks at archive scale that also check the extraction.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many articles to write.", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write them to (made when missing).", Required = true };
        var seed = new Option<int>("--seed") { Description = "The same seed writes the same corpus.", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write a corpus of realistic press releases with their gold.") { count, output, seed };
        command.SetAction(result => Run(result.GetValue(count), result.GetRequiredValue(output), result.GetValue(seed), Console.Out, Console.Error));
        return command;
    }

    public static int Run(int count, string folder, int seed, TextWriter output, TextWriter errors)
    {
        if (count < 0)
        {
            errors.WriteLine("--count must be 0 or more");
            return 2;
        }

        Directory.CreateDirectory(folder);
        using var gold = new StreamWriter(Path.Combine(folder, "gold.jsonl"));
        var bytes = 0L;
        foreach (var article in new CorpusGenerator(Gazetteer.Default, seed).Generate(count))
        {
            File.WriteAllText(Path.Combine(folder, article.FileName), article.Text);
            gold.WriteLine(article.GoldJson);
            bytes += article.Text.Length;
        }

        output.WriteLine($"{count} articles written to {folder} ({bytes / Math.Max(1, count):N0} characters each on average), gold in gold.jsonl");
        return 0;
    }
}
