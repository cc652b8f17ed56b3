using System.Text.RegularExpressions;
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
    private readonly Regex _pattern;
    private readonly Dictionary<string, (string Code, PlaceKind Kind)> _spellings = new(StringComparer.Ordinal);

    public CountryFinder(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
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

        // Longest first, so "South Korean" wins over "Korean" and "Republic of Korea" over "Korea".
        var alternatives = _spellings.Keys.OrderByDescending(s => s.Length).Select(Regex.Escape);
        _pattern = new Regex(
            @"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}]|\.\p{L})",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(2));
    }

    public IReadOnlyList<PlaceMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PlaceMention>();
        foreach (Match m in _pattern.Matches(text))
        {
            var (code, kind) = _spellings[m.Value];
            found.Add(new PlaceMention(code, m.Index, m.Length, kind, m.Value));
        }

        return found;
    }

    private void Add(string spelling, string code, PlaceKind kind)
    {
        var trimmed = spelling.StartsWith("the ", StringComparison.Ordinal) ? spelling[4..] : spelling;
        if (trimmed.Length < 2)
        {
            return;
        }

        _spellings.TryAdd(trimmed, (code, kind));
        // Texts write names in capitals in headlines and datelines ("LONDON", "VIET NAM"); acronyms stay as they are.
        var upper = trimmed.ToUpperInvariant();
        if (upper != trimmed && trimmed.Length > 3)
        {
            _spellings.TryAdd(upper, (code, kind));
        }
    }
}
