using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MinistryNews.Core.Search;

namespace MinistryNews.Core.Tests.Search;

public sealed partial class PorterStemmerTests
{
    [Theory]
    [InlineData("ministers", "minist")]
    [InlineData("minister", "minist")]
    [InlineData("signing", "sign")]
    [InlineData("signed", "sign")]
    [InlineData("cooperation", "cooper")]
    [InlineData("cooperate", "cooper")]
    [InlineData("ministry", "ministri")]
    [InlineData("ministries", "ministri")]
    [InlineData("hanoi", "hanoi")]
    [InlineData("đà", "đà")]
    public void Should_stem_an_english_word(string word, string stem)
    {
        Assert.Equal(stem, PorterStemmer.Stem(word));
    }

    /// <summary>The stems must be SQLite's, whose index the passages mark: every word of the repository's texts is checked against FTS5's porter tokenizer.</summary>
    [Fact]
    public void Should_stem_every_word_of_the_archive_as_sqlite_does()
    {
        var words = Directory.EnumerateFiles(TempArchive.RepositoryData)
            .SelectMany(f => Letters().Matches(File.ReadAllText(f).ToLowerInvariant()).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE words USING fts5(word, tokenize = 'porter ascii');
            CREATE VIRTUAL TABLE stems USING fts5vocab(words, 'instance');
            """;
        command.ExecuteNonQuery();
        using (var transaction = connection.BeginTransaction())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO words (rowid, word) VALUES ($id, $word)";
            var id = command.Parameters.Add("$id", SqliteType.Integer);
            var word = command.Parameters.Add("$word", SqliteType.Text);
            foreach (var (text, i) in words.Select((w, i) => (w, i)))
            {
                id.Value = i;
                word.Value = text;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        command.Transaction = null;
        command.Parameters.Clear();
        command.CommandText = "SELECT doc, term FROM stems";
        var sqlite = new Dictionary<long, string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                sqlite[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        Assert.True(words.Count > 1000);
        var differ = words.Select((w, i) => (Word: w, Sqlite: sqlite[i], Ours: PorterStemmer.Stem(w))).Where(s => s.Sqlite != s.Ours).ToList();
        Assert.Empty(differ);
    }

    [GeneratedRegex("[a-z]{3,}")]
    private static partial Regex Letters();
}
