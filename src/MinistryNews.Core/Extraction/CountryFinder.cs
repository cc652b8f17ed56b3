using MinistryNews.Core.Countries;

namespace MinistryNews.Core.Extraction;

public enum PlaceKind
{
    Name,
    Demonym,
    City,
}

/// <summary>A country named in a text: by its name or an alias, by an adjective ("Lao", "Korean"), or through one of its cities.</summary>
public sealed record PlaceMention(string Code, int Index, int Length, PlaceKind Kind, string Text)
{
    public int End => Index + Length;
}

/// <summary>
/// Finds the countries of the gazetteer in a text. Names match with their capitals as written, acronyms
/// (ROK, UK, US) only in capitals, so "us" and "lao" in running text are not countries.
/// </summary>
public sealed class CountryFinder
{
    // Spellings by the letters they start with, longest first, so "South Korean" wins over "South Korea" and
    // "Republic of Korea" over "Republic"; a scan of the text's word starts looks each up. (A regex alternation of
    // some 1,500 spellings cost milliseconds per article; this costs microseconds.)
    private readonly Dictionary<string, (string Spelling, string Code, PlaceKind Kind)[]> _byFirstWord;
    private readonly Dictionary<string, (string Spelling, string Code, PlaceKind Kind)[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWordSpan;

    public CountryFinder(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var spellings = new Dictionary<string, (string Code, PlaceKind Kind)>(StringComparer.Ordinal);
        void Add(string spelling, string code, PlaceKind kind)
        {
            var trimmed = spelling.StartsWith("the ", StringComparison.Ordinal) ? spelling[4..] : spelling;
            if (trimmed.Length < 2)
            {
                return;
            }

            spellings.TryAdd(trimmed, (code, kind));
            // Texts write names in capitals in headlines and datelines ("LONDON", "VIET NAM"); acronyms stay as they are.
            var upper = trimmed.ToUpperInvariant();
            if (upper != trimmed && trimmed.Length > 3)
            {
                spellings.TryAdd(upper, (code, kind));
            }
        }

        foreach (var country in gazetteer.Countries)
        {
            foreach (var name in country.Aliases.Prepend(country.Name))
            {
                Add(name, country.Code, PlaceKind.Name);
            }

            foreach (var demonym in country.Demonyms)
            {
                Add(demonym, country.Code, PlaceKind.Demonym);
            }

            foreach (var city in country.Cities)
            {
                Add(city, country.Code, PlaceKind.City);
            }
        }

        _byFirstWord = spellings
            .GroupBy(s => LeadingLetters(s.Key, 0).ToString(), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(s => s.Key.Length).Select(s => (s.Key, s.Value.Code, s.Value.Kind)).ToArray(),
                StringComparer.Ordinal);
        _byFirstWordSpan = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<PlaceMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PlaceMention>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var match = Match(text, i);
            if (match is { } m)
            {
                found.Add(new PlaceMention(m.Code, i, m.Spelling.Length, m.Kind, m.Spelling));
                i += m.Spelling.Length;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private (string Spelling, string Code, PlaceKind Kind)? Match(string text, int start)
    {
        if (!_byFirstWordSpan.TryGetValue(LeadingLetters(text, start), out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            var end = start + candidate.Spelling.Length;
            if (end <= text.Length
                && string.CompareOrdinal(text, start, candidate.Spelling, 0, candidate.Spelling.Length) == 0
                && (end == text.Length || !char.IsLetterOrDigit(text[end]) && !(text[end] == '.' && end + 1 < text.Length && char.IsLetter(text[end + 1]))))
            {
                return candidate;
            }
        }

        return null;
    }

    private static ReadOnlySpan<char> LeadingLetters(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return text.AsSpan(start, end - start);
    }
}
