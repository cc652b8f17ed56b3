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

    /// <summary>The articles that name the country. This and the other counts are kept by <see cref="CountryCounts"/>.</summary>
    public int ArticleCount { get; set; }

    /// <summary>The meetings with the country as a counterpart.</summary>
    public int MeetingCount { get; set; }

    /// <summary>The trips from or to the country.</summary>
    public int TripCount { get; set; }

    /// <summary>Of those, the trips made by the archive's own country (all its trips abroad, on its own row).</summary>
    public int VisitsMadeCount { get; set; }

    /// <summary>Of those, the trips to the archive's own country (all the visits it hosted, on its own row).</summary>
    public int VisitsHostedCount { get; set; }

    /// <summary>The agreements, as the articles mention them, with the country as a counterpart.</summary>
    public int AgreementMentionCount { get; set; }

    public static Country FromGazetteer(CountryEntry entry) => new()
    {
        Code = entry.Code,
        Name = entry.Name,
        Slug = Slugs.From(entry.Name),
        Aliases = [.. entry.Aliases.Concat(entry.Demonyms).Distinct(StringComparer.OrdinalIgnoreCase)],
    };
}
