using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// The word lists the extraction reads (honorifics, title words, the vocabulary of ministry names,
/// Vietnamese family names, site chrome), kept as data in <c>lexicon.json</c>.
/// </summary>
public sealed class Lexicon
{
    private static readonly Lazy<Lexicon> LazyDefault = new(LoadEmbedded);

    private Lexicon(LexiconFile file)
    {
        Honorifics = Set(file.Honorifics);
        TitleHeads = Set(file.TitleHeads);
        OrgWords = Set(file.OrgWords.Concat(file.TitleHeads));
        VietnameseSurnames = Set(file.VietnameseSurnames);
        NameParticles = file.NameParticles.ToFrozenSet(StringComparer.Ordinal);
        Ranks = (file.Ranks ?? [])
            .Select(phrase => Tokenizer.Split(phrase).Where(t => t.IsWord).Select(t => t.Folded).ToArray())
            .Where(words => words.Length > 0)
            .DistinctBy(words => string.Join(' ', words), StringComparer.Ordinal)
            .GroupBy(words => words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray(), StringComparer.Ordinal);
        HonorificStarts = Honorifics.Concat(Ranks.Keys).ToFrozenSet(StringComparer.Ordinal);
        foreach (var head in TitleHeads)
        {
            _titleHeadShapes[Shape(head)] = true;
        }
        ChromeLines = Set(file.ChromeLines);
        // One compiled expression for all of them: every line of every article is tested.
        _chrome = new Regex(
            string.Join('|', file.ChromePatterns.Select(p => $"(?:{p})")),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromMilliseconds(PatternMatches.TimeoutMilliseconds));
    }

    public static Lexicon Default => LazyDefault.Value;

    /// <summary>Mr., Ms., Dr., H.E. …: stripped from names.</summary>
    public FrozenSet<string> Honorifics { get; }

    /// <summary>Words that start an official's title (Minister, Deputy, Ambassador, Director …).</summary>
    public FrozenSet<string> TitleHeads { get; }

    /// <summary>
    /// Honorifics and ranks of one or more words ("Datuk Seri", "Tan Sri", "Sr Lt Gen", "Lieutenant General"), as folded
    /// words by their first word, longest first: dropped before a name, never part of it.
    /// </summary>
    public FrozenDictionary<string, string[][]> Ranks { get; }

    /// <summary>The words an honorific or a rank starts with: one look-up tells most words apart from them.</summary>
    public FrozenSet<string> HonorificStarts { get; }

    /// <summary>
    /// Whether a folded word may be a title word, told by its first and last letters and its length without a look-up:
    /// most words of running text are not, and every word in lower case is asked.
    /// </summary>
    public bool MayBeTitleHead(string folded) => folded.Length > 0 && _titleHeadShapes[Shape(folded)];

    // Title words by their first and last letters (a to z, or another character) and their length (up to 31, or longer).
    private readonly bool[] _titleHeadShapes = new bool[27 * 27 * 32];

    private static int Shape(string folded) =>
        ((Letter(folded[0]) * 27) + Letter(folded[^1])) * 32 + Math.Min(folded.Length, 31);

    private static int Letter(char c) => c is >= 'a' and <= 'z' ? c - 'a' : 26;

    /// <summary>Words of titles and organisation names: a capitalised word in this set is never part of a person's name.</summary>
    public FrozenSet<string> OrgWords { get; }

    /// <summary>Vietnamese family names, folded: a name that starts with one is a Vietnamese official's unless the text says otherwise.</summary>
    public FrozenSet<string> VietnameseSurnames { get; }

    /// <summary>Lower-case particles inside foreign names (van, de, bin).</summary>
    public FrozenSet<string> NameParticles { get; }

    public FrozenSet<string> ChromeLines { get; }

    private readonly Regex _chrome;

    public bool IsChrome(string line) =>
        ChromeLines.Contains(TextFolding.Fold(line)) || _chrome.IsMatch(line.Trim());

    private static FrozenSet<string> Set(IEnumerable<string> words) =>
        words.Select(w => TextFolding.Fold(w.TrimEnd('.'))).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);

    private static Lexicon LoadEmbedded()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("MinistryNews.Core.Extraction.lexicon.json")
            ?? throw new InvalidOperationException("The embedded lexicon.json is missing.");
        var file = JsonSerializer.Deserialize<LexiconFile>(stream, JsonOptions)
            ?? throw new InvalidDataException("lexicon.json is empty.");
        return new Lexicon(file);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record LexiconFile(
        IReadOnlyList<string> Honorifics,
        IReadOnlyList<string>? Ranks,
        IReadOnlyList<string> TitleHeads,
        IReadOnlyList<string> OrgWords,
        IReadOnlyList<string> VietnameseSurnames,
        IReadOnlyList<string> NameParticles,
        IReadOnlyList<string> ChromeLines,
        IReadOnlyList<string> ChromePatterns);
}
