using System.Text.Json.Nodes;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Generation;

namespace MinistryNews.Core.Tests.Generation;

public sealed class CorpusGeneratorTests
{
    [Fact]
    public void Should_write_the_same_corpus_for_the_same_seed_and_another_for_another()
    {
        var a = new CorpusGenerator(Gazetteer.Default, 42).Generate(20).Select(g => g.Text).ToList();
        var b = new CorpusGenerator(Gazetteer.Default, 42).Generate(20).Select(g => g.Text).ToList();
        var c = new CorpusGenerator(Gazetteer.Default, 43).Generate(20).Select(g => g.Text).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Should_write_articles_of_realistic_length_in_the_shapes_of_the_real_files()
    {
        var corpus = new CorpusGenerator(Gazetteer.Default, 7).Generate(200).ToList();

        Assert.All(corpus, g => Assert.InRange(g.Text.Length, 2000, 7000));
        Assert.Contains(corpus, g => g.Text.Contains("GMT+7", StringComparison.Ordinal));
        Assert.Contains(corpus, g => g.Text.Contains("Source: https://mic.gov.vn/", StringComparison.Ordinal));
        Assert.Contains(corpus, g => g.Text.Contains(".jpg\n", StringComparison.Ordinal) && g.Text.Contains("Photo:", StringComparison.Ordinal));
        Assert.Contains(corpus, g => g.Text.Contains("Comment (0)", StringComparison.Ordinal));
        Assert.Contains(corpus, g => g.GoldJson.Contains("\"multilateral\"", StringComparison.Ordinal));
        Assert.Contains(corpus, g => g.GoldJson.Contains("\"destinations\":[\"Vietnam\"]", StringComparison.Ordinal));
        Assert.Contains(corpus, g => g.GoldJson.Contains("Memorandum of Understanding", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_be_read_back_by_the_extraction_as_its_gold_says()
    {
        var corpus = new CorpusGenerator(Gazetteer.Default, 11).Generate(300).ToList();
        var gold = corpus.Select(g => JsonNode.Parse(g.GoldJson)!.AsObject()).ToList();
        var predictions = corpus.ToDictionary(
            g => g.FileName,
            g => JsonNode.Parse(ContractJson.Serialize(ArticleExtractor.Default.Extract(new SourceDocument(g.FileName, g.Text)), Gazetteer.Default))!.AsObject());

        var score = ExtractionScorer.Score(gold, predictions);

        Assert.True(score.MacroF1 >= 0.98, string.Join(" | ", score.Differences.Take(5).Select(d => $"{d.Key}: {string.Join("; ", d.Value)}")));
        Assert.Equal(score.Published, score.PublishedRight);
    }
}
