using Xunit.Abstractions;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>
/// The extraction scored against the hand annotations kept in Fixtures/gold, with the thresholds the project holds
/// itself to: the five seeds and the forty articles from other outlets, ministries and the foreign side.
/// </summary>
public sealed class ScoreTests(ITestOutputHelper output)
{
    /// <summary>No field may buy its recall with wrong facts: each of the five is held to this precision.</summary>
    private const double Precision = 0.90;

    [Theory]
    [InlineData("seeds", 0.97)]
    [InlineData("dev", 0.92)]
    public void Should_reach_the_macro_f1_and_the_precision_the_project_holds_itself_to(string set, double threshold)
    {
        var score = Fixtures.Score(set);
        foreach (var field in score.Fields)
        {
            output.WriteLine($"{field.Field}: P={field.Precision:F3} R={field.Recall:F3} F1={field.F1:F3}");
        }

        foreach (var (file, notes) in score.Differences)
        {
            output.WriteLine($"{file}: {string.Join("; ", notes)}");
        }

        Assert.True(score.MacroF1 >= threshold, $"macro F1 {score.MacroF1:F3} on {set} is below {threshold}: {string.Join(" | ", score.Differences.Select(d => $"{d.Key}: {string.Join("; ", d.Value)}"))}");
        Assert.All(score.Fields, f => Assert.True(f.Precision >= Precision, $"{f.Field} precision {f.Precision:F3} on {set} is below {Precision}"));
    }

    /// <summary>The seeds are dated and titled to the article; of the dev articles, nine in ten at least.</summary>
    [Theory]
    [InlineData("seeds", 1.0)]
    [InlineData("dev", 0.9)]
    public void Should_date_and_title_the_articles_whose_text_carries_a_date_and_a_headline(string set, double share)
    {
        var score = Fixtures.Score(set);

        Assert.True(score.PublishedRight >= share * score.Published, $"{score.PublishedRight} of {score.Published} publication dates right on {set}");
        Assert.True(score.TitlesRight >= share * score.Titles, $"{score.TitlesRight} of {score.Titles} headlines right on {set}");
    }

    [Fact]
    public void Should_score_an_empty_extraction_at_zero_for_every_field_the_gold_fills()
    {
        var gold = Fixtures.Gold("seeds");

        var score = ExtractionScorer.Score(gold, new Dictionary<string, System.Text.Json.Nodes.JsonObject>());

        Assert.All(score.Fields.Where(f => f.Field != "delegations" && f.Field != "agreements"), f => Assert.Equal(0, f.F1));
        Assert.Equal(0, score.PublishedRight);
    }
}
