using System.Diagnostics;
using System.Text;
using MinistryNews.Core.Extraction;
using Xunit.Abstractions;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>
/// The extraction reads any text in time that grows with its length: hostile texts (runs of capitals, a sentence of
/// 100 KB, a file of one word, long lists) each within a fixed bound, and thousands of generated sentences at lengths
/// from 125 to 8,000 characters in time proportional to their characters.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class HostileTextTests(ITestOutputHelper output)
{

    private static readonly string[] Countries = ["Japan", "Korea", "China", "Laos", "Cambodia", "India", "France", "Germany", "the United States", "Australia"];

    /// <summary>
    /// Far above what these texts take alone (at most a few seconds each here, where the test runs beside the others on
    /// two cores), far below what they took before (days for 40 capitals, minutes for a sentence of 100 KB).
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, Func<string>> Hostile = new(StringComparer.Ordinal)
    {
        ["40 capitals after a meeting's name"] = () => HostileTexts.Dateline + "The Digital Meeting of the " + new string('A', 40) + " was useful.\n",
        ["10,000 capitals after a meeting's name"] = () => HostileTexts.Dateline + "The Digital Meeting of the " + new string('A', 10_000) + " was held.\n",
        ["5,000 capitalised words before 'was held'"] = () => HostileTexts.Dateline + "The Meeting of the " + HostileTexts.Repeat("AAAA ", 25_000) + "was held.\n",
        ["hyphenated capitals"] = () => HostileTexts.Dateline + "A delegation of " + HostileTexts.Repeat("A-", 50_000) + " arrived.\n",
        ["a sentence of 100 KB"] = () => HostileTexts.Dateline + HostileTexts.Repeat("Minister Nguyen Manh Hung met the delegation of Japan and signed an agreement with Korea in Hanoi on May 5 led by Deputy Minister Phan Tam ", 100_000) + ".\n",
        ["one word of 1 MB"] = () => HostileTexts.Dateline + new string('a', 990_000) + "\n",
        ["a run of full stops"] = () => HostileTexts.Dateline + "Minister Hung met Mr" + new string('.', 200_000) + " Kono.\n",
        ["white space"] = () => HostileTexts.Dateline + "Minister" + new string('\u00A0', 200_000) + "(MIC) met Kono.\n",
        ["a list of 40,000 officials"] = () => HostileTexts.Dateline + "Minister Hung met " + string.Join(", ", Enumerable.Range(0, 40_000).Select(HostileTexts.Official)) + ".\n",
        ["15,000 sentences of meetings"] = () => HostileTexts.Dateline + string.Join(' ', Enumerable.Range(0, 15_000).Select(i => $"{HostileTexts.Official(i)} met {HostileTexts.Official(i + 1)} in Tokyo on May 3.")) + "\n",
        ["a list of 90,000 countries"] = () => HostileTexts.Dateline + "The delegation visited " + string.Join(", ", Enumerable.Range(0, 90_000).Select(i => Countries[i % Countries.Length])) + ".\n",
        ["months after months"] = () => HostileTexts.Dateline + HostileTexts.Repeat("in September ", 300_000) + "\n",
        ["nested brackets"] = () => HostileTexts.Dateline + new string('(', 100_000) + "Minister Hung met Kono" + new string(')', 100_000) + ".\n",
    };

    public static TheoryData<string> Texts() => [.. Hostile.Keys];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Hostile_text_is_read_or_refused_within_a_bound(string name)
    {
        var text = Hostile[name]();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            ArticleExtractor.Default.Extract(new SourceDocument("hostile.txt", text));
        }
        catch (ExtractionLimitException)
        {
            // Refusing a text past a bound ("more than 2,000 people") is an answer too, as long as it comes in time.
        }

        output.WriteLine($"{name}: {text.Length:N0} characters in {stopwatch.Elapsed.TotalMilliseconds:N0} ms");
        Assert.True(stopwatch.Elapsed < Bound, $"{name}: {text.Length:N0} characters took {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void An_article_naming_thousands_of_people_is_refused_with_the_reason()
    {
        var text = HostileTexts.Dateline + string.Join(' ', Enumerable.Range(0, 6_000).Select(i => $"{HostileTexts.Official(i)} met {HostileTexts.Official(i + 1)} in Tokyo.")) + "\n";

        var refused = Assert.Throws<ExtractionLimitException>(() => ArticleExtractor.Default.Extract(new SourceDocument("people.txt", text)));

        Assert.Equal("article names more than 2,000 people", refused.Message);
    }

    [Fact]
    public void A_cancelled_extraction_stops_between_sentences()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ArticleExtractor.Default.Extract(new SourceDocument("any.txt", HostileTexts.Dateline), cancelled.Token));
    }

    /// <summary>
    /// Sentences made of the words of press releases and of hostile runs, at six lengths, the same number of characters
    /// at each: a linear extraction takes about as long on each length, a quadratic one 64 times as long on the longest
    /// as on the shortest.
    /// </summary>
    [Fact]
    public void Time_grows_linearly_with_the_length_of_generated_sentences()
    {
        const int charactersPerLength = 160_000;
        int[] lengths = [125, 250, 500, 1_000, 2_000, 4_000, 8_000];
        var random = new Random(18);
        var texts = lengths.ToDictionary(length => length, length => Enumerable.Range(0, charactersPerLength / length).Select(_ => Sentence(random, length)).ToList());

        // Warm up (the first extraction compiles the readers), then five rounds, each timing every length once: the
        // other test assemblies load the machine unevenly, and taking the lengths in turn spreads that load over all of
        // them. The least of a length's five runs is its own cost.
        foreach (var text in texts[lengths[0]].Take(50))
        {
            ArticleExtractor.Default.Extract(new SourceDocument("warm.txt", text));
        }

        var times = lengths.ToDictionary(length => length, _ => TimeSpan.MaxValue);
        for (var round = 0; round < 5; round++)
        {
            foreach (var length in round % 2 == 0 ? lengths : Enumerable.Reverse(lengths))
            {
                var time = Time(texts[length]);
                times[length] = time < times[length] ? time : times[length];
            }
        }

        var sentences = texts.Values.Sum(t => t.Count);

        var fastest = times.Values.Min();
        var slowest = times.MaxBy(t => t.Value);
        var report = string.Join(", ", times.Select(t => $"{t.Key:N0}: {t.Value.TotalMilliseconds:N0} ms"));
        output.WriteLine($"{sentences:N0} sentences; {charactersPerLength:N0} characters at each length took {report}");
        Assert.True(sentences > 1_000, $"only {sentences} sentences");
        // Sixty-four times the length: a quadratic extraction takes 64 times as long on the longest, one that grows as
        // the length's square root 8 times; a linear one stays within a few times, which is what a loaded machine adds.
        Assert.True(slowest.Value < 6 * fastest, $"{charactersPerLength:N0} characters in sentences of each length took {report}");
    }

    private static TimeSpan Time(List<string> texts)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            try
            {
                ArticleExtractor.Default.Extract(new SourceDocument("generated.txt", text));
            }
            catch (ExtractionLimitException)
            {
            }
        }

        return stopwatch.Elapsed;
    }

    private static readonly string[] Words =
    [
        "Minister", "Nguyen Manh Hung", "met", "received", "Japanese", "Ambassador", "Takio Yamada", "the delegation of", "Korea", "led by",
        "Deputy Minister", "Phan Tam", "signed a memorandum of understanding with", "on May 5, 2024", "in Hanoi", "and", ",", "the",
        "Ministry of Information and Communications", "(MIC)", "attended the", "Digital Meeting of the", "ASEAN", "was held", "visited",
        "AAAA", "A-A-A-A", "AAAAAAAAAAAAAAAAAAAAAAAAA", "Mr.", "2021-2025", "in September", "talks with", "Conference", "(", ")",
        "\u00A0", "Tokyo", "France", "agreement on", "cooperation",
    ];

    private static string Sentence(Random random, int length)
    {
        var builder = new StringBuilder(length + 40);
        while (builder.Length < length)
        {
            builder.Append(Words[random.Next(Words.Length)]).Append(' ');
        }

        builder.Length = length - 1;
        return builder.Append('.').ToString();
    }

}
