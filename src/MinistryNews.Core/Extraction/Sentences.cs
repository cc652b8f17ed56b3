using System.Collections.Frozen;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Splits a paragraph into sentences: at a full stop, question or exclamation mark followed by a capital,
/// also when the space is missing ("training.Both sides"), but not after abbreviations ("Mr.", "U.S.", "Nov.").
/// </summary>
public static class Sentences
{
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
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            // Closing quotes and brackets stay with the sentence they end.
            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '"' or '”' or '’' or '\'' or ')' or '/' or '.')
            {
                end++;
            }

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

            if (trimmed.Any(char.IsLetter))
            {
                sentences.Add(trimmed);
            }
        }
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word);
    }
}
