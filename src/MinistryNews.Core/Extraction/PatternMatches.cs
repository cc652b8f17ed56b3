using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Matches of a pattern in a sentence without a <see cref="MatchCollection"/>: the readers try a score of patterns on
/// every sentence of every article, most of which match nothing, and a collection (with its list of matches) for each
/// was a tenth of what the extraction allocated.
/// </summary>
internal static class PatternMatches
{
    /// <summary>Every match, first to last; none allocates nothing.</summary>
    public static List<Match> All(this Regex pattern, string text)
    {
        List<Match>? found = null;
        for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
        {
            (found ??= []).Add(m);
        }

        return found ?? [];
    }

    /// <summary>The last match, or null.</summary>
    public static Match? Last(this Regex pattern, string text)
    {
        Match? last = null;
        for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
        {
            last = m;
        }

        return last;
    }
}
