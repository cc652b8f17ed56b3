using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Cli;

/// <summary>
/// <c>eval &lt;gold folder&gt; &lt;paths&gt;...</c>: extracts the press releases and scores them against hand annotations,
/// printing precision, recall and F1 per field and the macro F1, as the project's reference scorer does.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("gold") { Description = "A folder of gold annotations, one JSON file per article, or a JSON Lines file of them." };
        var paths = new Argument<string[]>("paths") { Description = "The press releases (files or folders).", Arity = ArgumentArity.OneOrMore };
        var verbose = new Option<bool>("--verbose") { Description = "Also list, article by article, what differs from the gold." };
        var minimum = new Option<double?>("--min-macro-f1") { Description = "Exit with 1 when the macro F1 falls below this figure." };
        var command = new Command("eval", "Score the extraction against gold annotations.") { gold, paths, verbose, minimum };
        command.SetAction(result => Run(result.GetRequiredValue(gold), result.GetRequiredValue(paths), result.GetValue(verbose), result.GetValue(minimum), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string goldFolder, IReadOnlyList<string> paths, bool verbose, double? minimum, TextWriter output, TextWriter errors)
    {
        if (!Directory.Exists(goldFolder) && !File.Exists(goldFolder))
        {
            errors.WriteLine($"{goldFolder}: no such folder or file");
            return 2;
        }

        var extractor = ArticleExtractor.Default;
        var predictions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var path in SourceFiles.Expand(paths, errors))
        {
            var file = SourceReader.Read(path);
            if (file.Document is null)
            {
                errors.WriteLine($"{path}: {file.Error}");
                continue;
            }

            var json = ContractJson.Serialize(extractor.Extract(file.Document), extractor.Gazetteer);
            predictions[file.FileName] = JsonNode.Parse(json)!.AsObject();
        }

        var gold = File.Exists(goldFolder)
            ? File.ReadLines(goldFolder).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()
            : Directory.EnumerateFiles(goldFolder, "*.json").Order(StringComparer.Ordinal).Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToList();
        var score = ExtractionScorer.Score(gold, predictions);
        if (verbose)
        {
            foreach (var (file, notes) in score.Differences)
            {
                output.WriteLine($"# {file}");
                foreach (var note in notes)
                {
                    output.WriteLine($"#   {note}");
                }
            }
        }

        foreach (var field in score.Fields)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{field.Field}: precision={field.Precision:F3} recall={field.Recall:F3} f1={field.F1:F3}"));
        }

        output.WriteLine($"title_accuracy={score.TitlesRight}/{score.Titles}");
        output.WriteLine($"published_accuracy={score.PublishedRight}/{score.Published}");
        output.WriteLine($"event_date_accuracy={score.EventDatesRight}/{score.EventDates}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"macro_f1={score.MacroF1:F3}"));
        return minimum is { } min && score.MacroF1 < min ? 1 : 0;
    }
}
