using System.Collections.Frozen;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Splits a paragraph into sentences: at a full stop, question or exclamation mark followed by a capital,
/// also when the space is missing ("training.Both sides"), but not after abbreviations ("Mr.", "U.S.", "Nov.").
/// A run on longer than <see cref="MaxCharacters"/> is cut into pieces of at most that length, so the readers' work on a
/// sentence is bounded and an article's extraction grows with its length, whatever the text.
/// </summary>
public static class Sentences
{
    /// <summary>
    /// The longest sentence the readers get. The longest real sentences are some 700 characters; a text with no full
    /// stop for pages (a list, a table flattened into text, or a hostile file) is read in pieces of this length.
    /// </summary>
    public const int MaxCharacters = 2_000;

    /// <summary>The longest abbreviation looked for before a full stop ("approx", "e.g", "u.s"), with room to spare.</summary>
    private const int MaxAbbreviation = 8;

    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "ms", "mrs", "dr", "prof", "assoc", "st", "no", "jr", "sr", "gen", "col", "lt", "capt", "maj", "mt", "vs", "co", "corp", "inc",
        "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "h.e", "approx", "dept", "govt",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Split(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var sentences = new List<string>();
        var start = 0;
        var runEnd = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            // Closing quotes and brackets stay with the sentence they end; a run of them ("....") is walked once.
            var end = Math.Max(i + 1, runEnd);
            while (end < paragraph.Length && paragraph[end] is '"' or '”' or '’' or '\'' or ')' or '/' or '.')
            {
                end++;
            }

            runEnd = end;

            var next = end;
            while (next < paragraph.Length && char.IsWhiteSpace(paragraph[next]))
            {
                next++;
            }

            if (next >= paragraph.Length)
            {
                break;
            }

            var opening = paragraph[next] is '"' or '“' or '‘' or '(' ? next + 1 : next;
            if (opening >= paragraph.Length || !(char.IsUpper(paragraph[opening]) || char.IsDigit(paragraph[opening])))
            {
                continue;
            }

            var spaced = next > end;
            if (c == '.' && IsAbbreviation(paragraph, i))
            {
                continue;
            }

            // Without a space, only a word of two or more lower-case letters ends a sentence ("training.Both"), not "U.S" or "3.5".
            if (!spaced && !(i >= 2 && char.IsLower(paragraph[i - 1]) && char.IsLower(paragraph[i - 2]) && char.IsLower(paragraph[opening + (opening + 1 < paragraph.Length ? 1 : 0)])))
            {
                continue;
            }

            Add(paragraph[start..end]);
            start = next;
            i = next - 1;
        }

        Add(paragraph[start..]);
        return sentences;

        void Add(string sentence)
        {
            var trimmed = sentence.Trim();
            if (trimmed.EndsWith("/.", StringComparison.Ordinal))
            {
                trimmed = trimmed[..^2].TrimEnd() + ".";
            }

            if (!trimmed.Any(char.IsLetter))
            {
                return;
            }

            while (trimmed.Length > MaxCharacters)
            {
                var cut = Cut(trimmed);
                sentences.Add(trimmed[..cut].TrimEnd());
                trimmed = trimmed[cut..].TrimStart();
            }

            if (trimmed.Length > 0)
            {
                sentences.Add(trimmed);
            }
        }
    }

    /// <summary>Where to cut an over-long sentence: after the last semicolon or comma of its first <see cref="MaxCharacters"/>
    /// characters' second half, else at its last space there, else at the limit.</summary>
    private static int Cut(string sentence)
    {
        var window = sentence.AsSpan(0, MaxCharacters);
        var half = MaxCharacters / 2;
        foreach (var mark in (ReadOnlySpan<char>)[';', ',', ' '])
        {
            var at = window.LastIndexOf(mark);
            if (at >= half)
            {
                return at + 1;
            }
        }

        return MaxCharacters;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && dot - wordStart <= MaxAbbreviation && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word);
    }
}
