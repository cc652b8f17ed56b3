using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>
/// No pattern of the extraction may backtrack without bound: each is run over hostile texts (runs of capitals, of one
/// word, of separators) of a length and of four times that length, and its time may grow about fourfold, not with the
/// square or worse. A pattern that backtracks exponentially hits its match timeout and fails here by name.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class LinearTimeTests
{
    private const int Short = 1_000;
    private const int Long = 4 * Short;

    /// <summary>Every expression of the extraction, by its declaring type and name.</summary>
    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        foreach (var name in DeclaredPatterns().Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Pattern_time_grows_linearly_with_the_text(string name)
    {
        var pattern = DeclaredPatterns()[name];

        // Every hostile text once at a short length: a pattern that backtracks exponentially runs out of its match
        // timeout here. The slowest few are then timed at two lengths.
        var slowest = Families()
            .Select(family => (Family: family, Time: Screen(name, pattern, family)))
            .OrderByDescending(t => t.Time)
            .Take(6)
            .Select(t => t.Family)
            .ToList();

        // A linear pattern takes four times as long on four times the text, a quadratic one sixteen. Below five
        // milliseconds on the long text the ratio is mostly noise; the machine is shared, so a family is timed five
        // times and its best ratio counts (a quadratic pattern is slow every time).
        foreach (var family in slowest)
        {
            var timings = Enumerable.Range(0, 5).Select(_ => (Short: Time(pattern, family(Short)), Long: Time(pattern, family(Long)))).ToList();
            var (shortest, longest) = timings.MinBy(t => t.Long.TotalMilliseconds / Math.Max(t.Short.TotalMilliseconds, 0.01));
            var ratio = longest.TotalMilliseconds / Math.Max(shortest.TotalMilliseconds, 0.01);
            Assert.True(
                longest.TotalMilliseconds < 5 || ratio < 10,
                $"{name} took {shortest.TotalMilliseconds:F2} ms on {Short:N0} characters and {longest.TotalMilliseconds:F2} ms on {Long:N0} of '{Preview(family(60))}…'");
        }
    }

    [Fact]
    public void Every_pattern_has_a_match_timeout()
    {
        var unguarded = DeclaredPatterns().Where(p => p.Value.MatchTimeout == Regex.InfiniteMatchTimeout).Select(p => p.Key).ToList();
        Assert.Empty(unguarded);
    }

    /// <summary>Every expression the core library declares with [GeneratedRegex], and those it builds from the event lexicon.</summary>
    private static Dictionary<string, Regex> DeclaredPatterns() =>
        typeof(ArticleExtractor).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .Select(method => KeyValuePair.Create($"{method.DeclaringType!.Name}.{method.Name}", (Regex)method.Invoke(null, null)!))
            .Concat(EventLexicon.Default.Patterns.Select(p => KeyValuePair.Create($"{nameof(EventLexicon)}.{p.Key}", p.Value)))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>Hostile texts of a given length: what makes nested or overlapping quantifiers try every way to split a run.</summary>
    private static IEnumerable<Func<int, string>> Families()
    {
        string[] units =
        [
            "A", "a", "1", " ", "A ", "Aa ", "AB-", "A-", "A'", "A, ", "A and ", "the ", "of the ", "Ministry of ", "Minister ",
            "Deputy ", ", ", ". ", "(", "((A) ", "met ", "delegation of ", "Mr. ", "May 5 ", "2024 ", "/", "-", "in the ",
            "Vietnam ", "signed ", "memorandum ", "Conference of the ", "AAAA ", "Ab Cd ", "\u00A0", "’s ",
        ];
        string[] prefixes = ["", "The Digital Meeting of the ", "the Ministry of ", "Minister ", "a delegation of ", "signed a memorandum of "];
        string[] endings = ["", "!", " was held", " met", ".", " x"];
        foreach (var prefix in prefixes)
        {
            foreach (var unit in units)
            {
                foreach (var ending in endings)
                {
                    yield return length => prefix + HostileTexts.Repeat(unit, length - prefix.Length) + ending;
                }
            }
        }
    }

    private static TimeSpan Screen(string name, Regex pattern, Func<int, string> family)
    {
        try
        {
            return Time(pattern, family(Short), runs: 1);
        }
        catch (RegexMatchTimeoutException)
        {
            Assert.Fail($"{name} ran out of its match timeout ({pattern.MatchTimeout.TotalMilliseconds:N0} ms) on {Short:N0} characters of '{Preview(family(60))}…'");
            throw;
        }
    }

    /// <summary>The least of some runs over every match of the text: the machine is shared, the least is the pattern's own cost.</summary>
    private static TimeSpan Time(Regex pattern, string text, int runs = 5)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
            }

            stopwatch.Stop();
            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        return best;
    }

    private static string Preview(string text) => text.Replace("\u00A0", "\\u00A0", StringComparison.Ordinal);
}
