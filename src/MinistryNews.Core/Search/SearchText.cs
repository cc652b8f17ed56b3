using System.Buffers;
using System.Globalization;
using System.Text;

namespace MinistryNews.Core.Search;

/// <summary>
/// Folds text for the search index and for queries alike: lower case, no accents, and đ as d, which FTS5's
/// remove_diacritics does not fold ("Da Nang" finds "Đà Nẵng").
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The words of a text written with accents (or đ), in order, for the index that keeps them: the words without any
    /// read the same in both indexes, so only these need the second one. Empty for a text in plain ASCII.
    /// </summary>
    public static string AccentedWords(string? text)
    {
        if (string.IsNullOrEmpty(text) || Ascii.IsValid(text))
        {
            return string.Empty;
        }

        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (IsAccented(word))
            {
                words.Add(word);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>Whether a word has accents or đ: its folded form is not just its lower case.</summary>
    public static bool IsAccented(string word) =>
        word.AsSpan().ContainsAnyExcept(AsciiChars) && !string.Equals(Fold(word), word.ToLowerInvariant(), StringComparison.Ordinal);

    private static readonly SearchValues<char> AsciiChars = SearchValues.Create(Enumerable.Range(0, 128).Select(c => (char)c).ToArray());

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
