namespace MinistryNews.Core.Countries;

/// <summary>The kinds of event an article tells, as bits: an article that tells a meeting and signs an agreement is 5.</summary>
[Flags]
public enum EventKinds
{
    None = 0,
    Meeting = 1,
    Delegation = 2,
    Agreement = 4,
}

/// <summary>
/// How many of the articles that name a country were published in a year and tell exactly these kinds of event: a
/// register kept by <see cref="CountryCounts"/>, from which a list filtered by one country, a year and kinds counts
/// its articles and its facets by summing a few rows instead of reading every article.
/// </summary>
public sealed class CountryYear
{
    public int CountryId { get; set; }

    public Country Country { get; set; } = null!;

    /// <summary>The year of publication, or 0 for the articles whose date is not known.</summary>
    public int Year { get; set; }

    public EventKinds Kinds { get; set; }

    public int Articles { get; set; }
}
