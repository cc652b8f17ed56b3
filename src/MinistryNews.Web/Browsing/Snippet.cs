using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using MinistryNews.Core.Search;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The passage of an article around the first words a search matched, with each match marked. The text is
/// HTML-encoded; only the marks are markup.
/// </summary>
public static class Snippet
{
    /// <summary>
    /// A passage whose matched words the database marked (PostgreSQL's <c>ts_headline</c>, see
    /// <see cref="SearchIndex.HeadlinesAsync"/>): the text HTML-encoded, each marked word in a <c>mark</c>.
    /// </summary>
    public static IHtmlContent FromMarked(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var html = new StringBuilder(marked.Length + 64);
        var inside = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] is not (SearchIndex.MarkStart or SearchIndex.MarkEnd))
            {
                continue;
            }

            html.Append(HtmlEncoder.Default.Encode(marked[start..i]));
            if (i < marked.Length)
            {
                inside = marked[i] == SearchIndex.MarkStart;
                html.Append(inside ? "<mark>" : "</mark>");
            }

            start = i + 1;
        }

        if (inside)
        {
            html.Append("</mark>");
        }

        return new HtmlString(html.ToString());
    }

    public static IHtmlContent Make(string text, SearchQuery query, int before = 80, int after = 200)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var folded = FoldKeepingLength(text);
        var matches = Matches(folded, query);
        var first = matches.Count > 0 ? matches[0].Start : 0;
        var from = WordStart(text, Math.Max(0, first - before));
        var to = WordEnd(text, Math.Min(text.Length, first + after));
        var html = new StringBuilder();
        if (from > 0)
        {
            html.Append('…');
        }

        var cursor = from;
        foreach (var (start, end) in matches.Where(m => m.Start >= from && m.End <= to))
        {
            html.Append(HtmlEncoder.Default.Encode(text[cursor..start]));
            html.Append("<mark>").Append(HtmlEncoder.Default.Encode(text[start..end])).Append("</mark>");
            cursor = end;
        }

        html.Append(HtmlEncoder.Default.Encode(text[cursor..to]));
        if (to < text.Length)
        {
            html.Append('…');
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// The words of the folded text that the query found, in order: a word by its stem (as the stemmed index reads it, so
    /// "minister" marks "ministers"), with the other names of a place; a prefix by the words it begins.
    /// </summary>
    private static List<(int Start, int End)> Matches(string folded, SearchQuery query)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        foreach (var term in query.Terms)
        {
            var termWords = term.Words.Select(SearchText.Fold).ToList();
            if (term.Prefix)
            {
                words.UnionWith(termWords[..^1]);
                prefixes.Add(termWords[^1]);
            }
            else
            {
                stems.UnionWith(termWords.Concat(term.Alternatives.SelectMany(a => a)).Select(PorterStemmer.Stem));
            }
        }

        // A word and its stem share all the stem's letters but its last (y becomes i, e is added or dropped): only the
        // words that begin so are worth stemming.
        var starts = stems.Select(s => s[..Math.Max(1, s.Length - 1)]).ToList();
        var matches = new List<(int Start, int End)>();
        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            {
                i++;
            }

            var word = folded[start..i];
            if (words.Contains(word)
                || prefixes.Any(p => word.StartsWith(p, StringComparison.Ordinal))
                || (starts.Any(s => word.StartsWith(s, StringComparison.Ordinal)) && stems.Contains(PorterStemmer.Stem(word))))
            {
                matches.Add((start, i));
            }
        }

        return matches;
    }

    /// <summary>Folds each character on its own (no accents, đ as d, lower case), so positions in the result are positions in the text.</summary>
    private static string FoldKeepingLength(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c) || c < 128)
            {
                chars[i] = char.ToLowerInvariant(c);
                continue;
            }

            var folded = SearchText.Fold(c.ToString());
            chars[i] = folded.Length == 1 ? folded[0] : char.ToLowerInvariant(c);
        }

        return new string(chars);
    }

    // A passage widens to whole words, but no further than a stored word may be long (StoredText breaks longer ones at
    // ingestion; a row stored before that rule still gives a passage of bounded size).
    private static int WordStart(string text, int i)
    {
        var limit = Math.Max(0, i - StoredText.MaxWordCharacters);
        while (i > limit && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    private static int WordEnd(string text, int i)
    {
        var limit = Math.Min(text.Length, i + StoredText.MaxWordCharacters);
        while (i < limit && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
