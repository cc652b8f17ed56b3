using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>A word or punctuation mark of a sentence, with where it is and its folded form for matching.</summary>
public sealed record Token(string Text, int Start, int End, string Folded, bool IsWord, bool Possessive)
{
    public bool IsCapitalized => IsWord && char.IsUpper(Text[0]);

    /// <summary>Two or more letters, all capitals: an acronym (MIC, ASEAN, ICT), not a name.</summary>
    public bool IsAcronym => IsWord && Text.Length >= 2 && Text.All(c => !char.IsLetter(c) || char.IsUpper(c)) && Text.Any(char.IsLetter);

    /// <summary>The word without its possessive ending ("Vietnam" for "Vietnam's").</summary>
    public string Bare => Possessive ? Text[..^2] : Text;
}

public static partial class Tokenizer
{
    [GeneratedRegex(@"[\p{L}\p{M}][\p{L}\p{M}\p{N}\-]*(?:['’]\p{L}+)?|\p{N}+(?:[.,:]\p{N}+)*|[^\s\p{L}\p{M}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static IReadOnlyList<Token> Split(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(sentence))
        {
            var text = m.Value;
            var isWord = char.IsLetter(text[0]);
            var possessive = isWord && (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("’s", StringComparison.Ordinal));
            var bare = possessive ? text[..^2] : text;
            tokens.Add(new Token(text, m.Index, m.Index + m.Length, TextFolding.Fold(bare), isWord, possessive));
        }

        return tokens;
    }
}
