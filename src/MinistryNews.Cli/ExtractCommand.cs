using System.CommandLine;
using System.Text;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Cli;

/// <summary>
/// <c>extract &lt;file or folder&gt;...</c>: one JSON object per file on standard output (JSON Lines,
/// the shape of the extraction contract); files that cannot be read are named on standard error.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Press-release files (.txt, .html, .htm) or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var evidence = new Option<bool>("--evidence")
        {
            Description = "Add to each fact the sentence it was read from.",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Instead of JSON, print each fact with the sentence and the rule that produced it.",
        };
        var command = new Command("extract", "Print what each press release says, as JSON Lines.") { paths, evidence, explain };
        command.SetAction(result => Run(result.GetRequiredValue(paths), result.GetValue(evidence), Console.Out, Console.Error, result.GetValue(explain)));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, bool includeEvidence, TextWriter output, TextWriter errors, bool explain = false)
    {
        var failed = 0;
        var extractor = ArticleExtractor.Default;
        foreach (var path in SourceFiles.Expand(paths, errors))
        {
            var file = SourceReader.Read(path);
            if (file.Document is null)
            {
                errors.WriteLine($"{path}: {file.Error}");
                failed++;
                continue;
            }

            ExtractedArticle article;
            try
            {
                article = extractor.Extract(file.Document);
            }
            catch (ExtractionLimitException ex)
            {
                errors.WriteLine($"{path}: extraction stopped: {ex.Message}");
                failed++;
                continue;
            }

            if (explain)
            {
                Explanation.Write(output, article, extractor.Gazetteer);
            }
            else
            {
                output.WriteLine(ContractJson.Serialize(article, extractor.Gazetteer, includeEvidence));
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
