using System.Text.Json.Nodes;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>The real press releases of data/ and their hand annotations, as copied beside the test assembly.</summary>
internal static class Fixtures
{
    public static string GoldFolder(string set) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gold", set);

    public static ExtractedArticle Extract(string fileName)
    {
        var file = SourceReader.Read(Path.Combine(TempArchive.RepositoryData, fileName));
        Assert.True(file.IsValid, file.Error);
        return ArticleExtractor.Default.Extract(file.Document!);
    }

    public static IReadOnlyList<JsonObject> Gold(string set) =>
        [.. Directory.EnumerateFiles(GoldFolder(set), "*.json").Order(StringComparer.Ordinal).Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())];

    /// <summary>Extracts every article a gold set annotates and scores the extraction against it.</summary>
    public static ExtractionScore Score(string set)
    {
        var gold = Gold(set);
        var predictions = gold
            .Select(g => g["file"]!.GetValue<string>())
            .ToDictionary(f => f, f => JsonNode.Parse(ContractJson.Serialize(Extract(f), ArticleExtractor.Default.Gazetteer))!.AsObject());
        return ExtractionScorer.Score(gold, predictions);
    }

    public static string Country(string code) => ArticleExtractor.Default.Gazetteer.GetByCode(code).Name;
}
