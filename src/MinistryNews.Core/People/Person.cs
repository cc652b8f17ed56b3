using MinistryNews.Core.Countries;

namespace MinistryNews.Core.People;

/// <summary>A person named in the archive: one row per real person, whatever the spelling.</summary>
public sealed class Person
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The name's identity key: its folded words in order of the alphabet, so word order and accents do not matter.</summary>
    public required string NameKey { get; set; }

    public required string Slug { get; set; }

    /// <summary>Other spellings of the name seen in the texts.</summary>
    public List<string> Aliases { get; set; } = [];

    public int? CountryId { get; set; }

    /// <summary>
    /// How many articles name the person, kept by the registers after each batch (<see cref="PersonNames"/>): the lists
    /// order people by it, and counting every person's mentions for a page would read the whole mention table.
    /// </summary>
    public int ArticleCount { get; set; }

    /// <summary>
    /// The article of the person's latest mention with a title (by its publication date, then the latest stored), kept
    /// with <see cref="ArticleCount"/>: the lists read the person's latest title and office from that one mention
    /// instead of sorting all of theirs.
    /// </summary>
    public int? LatestTitledArticleId { get; set; }

    public Country? Country { get; set; }

    /// <summary>The folded words of every spelling, indexed: the candidates a new spelling is compared with.</summary>
    public List<PersonNameWord> NameWords { get; set; } = [];

    /// <summary>Each article that names the person, with the title the person held in it: the titles over time.</summary>
    public List<ArticlePerson> Mentions { get; set; } = [];

    /// <summary>Every spelling the archive has seen: the name and its aliases.</summary>
    public IEnumerable<string> Spellings => Aliases.Prepend(Name);

    public static string KeyOf(string name) =>
        string.Join(' ', TextFolding.Fold(name).Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
}
