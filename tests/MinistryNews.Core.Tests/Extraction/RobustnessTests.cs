using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>Whatever text a file holds, the extraction reads it without failing: jumbled real words, stray punctuation, any characters.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Should_extract_from_any_text_without_throwing()
    {
        var random = new Random(5);
        var words = File.ReadAllText(Path.Combine(TempArchive.RepositoryData, "004_9ed1b855dc992e56.txt")).Split(' ', '\n')
            .Concat(["(", ")", "\"", "“", "–", ",", ".", "Mr.", "signed", "met", "delegation", "of", "Minister", "Vietnam", "2020", "1/1/2020", "May", "đ", "\u200B", "\u202E", "*", ";"])
            .ToArray();
        for (var i = 0; i < 500; i++)
        {
            var text = random.Next(5) == 0
                ? new string([.. Enumerable.Range(0, random.Next(1, 500)).Select(_ => (char)random.Next(1, 0x3000))])
                : string.Join(random.Next(3) == 0 ? "\n" : " ", Enumerable.Range(0, random.Next(0, 400)).Select(_ => words[random.Next(words.Length)]));

            var article = ArticleExtractor.Default.Extract(new SourceDocument("any.txt", text));

            Assert.NotNull(article.Title);
        }
    }
}
