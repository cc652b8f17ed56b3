using MinistryNews.Core.Countries;

namespace MinistryNews.Core.Search;

/// <summary>
/// The names of the gazetteer's places as a search reads them: a country's name and aliases (its adjectives are
/// other words), a city's spellings. A query that names a place one way finds the other ways too ("Việt Nam",
/// "Viet Nam" and "Vietnam"; "Hà Nội", "Ha Noi" and "Hanoi"). A name with a word in capitals (US, UK, ROK, HCM City)
/// is that name only when typed in the same capitals, so "us" stays a word.
/// </summary>
public sealed class PlaceNames
{
    private static readonly Lazy<PlaceNames> LazyDefault = new(() => new PlaceNames(Gazetteer.Default));

    // Each name by its folded words; with its words as written (to check the capitals) and the folded names of its place.
    private readonly Dictionary<string, (string[] Written, string[][] Place)> _byKey = new(StringComparer.Ordinal);

    public PlaceNames(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var places = gazetteer.Countries.Select(c => c.Aliases.Prepend(c.Name))
            .Concat(gazetteer.Countries.SelectMany(c => c.CityEntries).Select(c => c.Spellings));
        foreach (var names in places)
        {
            var written = names.Select(n => SearchQuery.WordsOf(n).ToArray()).Where(w => w.Length > 0).ToList();
            var place = written.Select(w => w.Select(SearchText.Fold).ToArray()).DistinctBy(Key).ToArray();
            foreach (var words in written)
            {
                _byKey.TryAdd(Key(words.Select(SearchText.Fold)), (words, place));
            }
        }

        LongestName = _byKey.Values.Max(v => v.Written.Length);
    }

    public static PlaceNames Default => LazyDefault.Value;

    /// <summary>The most words a name has.</summary>
    public int LongestName { get; }

    /// <summary>
    /// The other names of the place these words name (folded, each a list of words), without those that only add words
    /// to a shorter name of the same place ("Socialist Republic of Viet Nam" beside "Viet Nam"); empty when the words
    /// name no place, or only the one way.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> OtherNames(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var folded = words.Select(SearchText.Fold).ToArray();
        if (!_byKey.TryGetValue(Key(folded), out var name) || !SameCapitals(name.Written, words))
        {
            return [];
        }

        return [.. name.Place.Where(other => !other.SequenceEqual(folded) && !name.Place.Prepend(folded).Any(shorter => shorter.Length < other.Length && Contains(other, shorter)))];
    }

    // An acronym is a word of two letters or more, all capitals ("U.S." is two letters and matches as "u.s." too).
    private static bool SameCapitals(string[] written, IReadOnlyList<string> typed) =>
        written.Zip(typed).All(w => w.First.Length < 2 || !w.First.All(char.IsUpper) || string.Equals(w.First, w.Second, StringComparison.Ordinal));

    private static bool Contains(string[] words, string[] part) =>
        Enumerable.Range(0, words.Length - part.Length + 1).Any(i => words.AsSpan(i, part.Length).SequenceEqual(part));

    private static string Key(IEnumerable<string> foldedWords) => string.Join(' ', foldedWords);
}
