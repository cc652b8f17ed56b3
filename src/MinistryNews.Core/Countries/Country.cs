using MinistryNews.Core.Articles;

namespace MinistryNews.Core.Countries;

/// <summary>A country of the archive: one row per country, whatever spelling the texts used.</summary>
public sealed class Country
{
    public int Id { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public required string Code { get; set; }

    /// <summary>Common English short name ("Laos", "South Korea").</summary>
    public required string Name { get; set; }

    public required string Slug { get; set; }

    /// <summary>Other names and the demonyms that texts use for the country.</summary>
    public List<string> Aliases { get; set; } = [];

    public List<Article> Articles { get; set; } = [];

    public static Country FromGazetteer(CountryEntry entry) => new()
    {
        Code = entry.Code,
        Name = entry.Name,
        Slug = Slugs.From(entry.Name),
        Aliases = [.. entry.Aliases.Concat(entry.Demonyms).Distinct(StringComparer.OrdinalIgnoreCase)],
    };
}
