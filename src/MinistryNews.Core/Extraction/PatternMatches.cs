using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Matches of a pattern in a sentence without a <see cref="MatchCollection"/>: the readers try a score of patterns on
/// every sentence of every article, most of which match nothing, and a collection (with its list of matches) for each
/// was a tenth of what the extraction allocated.
/// </summary>
internal static class PatternMatches
{
    /// <summary>
    /// The match timeout of every pattern of the extraction: a second guard behind patterns written to run in linear time
    /// (no nested or overlapping quantifiers) and sentences of bounded length. A match takes microseconds; one that runs
    /// out of this time fails its file with a reason instead of holding the ingestion. The time is the wall clock's and
    /// a pattern's first match includes compiling it: at one second, a machine loaded to twenty runnable threads failed
    /// ordinary press releases while their patterns were first compiled. Five seconds still stops a pattern that
    /// backtracks without end, within the file's own budget (<c>Archive:Limits:MaxExtractionTime</c>).
    /// </summary>
    public const int TimeoutMilliseconds = 5_000;

    /// <summary>Every match, first to last, in a list the caller may change (a reader that walks them once loops on
    /// <see cref="Match.NextMatch"/> itself).</summary>
    public static List<Match> All(this Regex pattern, string text)
    {
        var found = new List<Match>();
        for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
        {
            found.Add(m);
        }

        return found;
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
