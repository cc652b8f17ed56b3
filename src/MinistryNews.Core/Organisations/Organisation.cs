using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;

namespace MinistryNews.Core.Organisations;

/// <summary>
/// A ministry or agency of the archive (the Ministry of Internal Affairs and Communications of Japan, the ITU): one row
/// per organisation and country, so the archive can filter by counterpart ministry.
/// </summary>
public sealed class Organisation
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Acronym { get; set; }

    /// <summary>The folded name: with the country, the organisation's identity.</summary>
    public required string NameKey { get; set; }

    public required string Slug { get; set; }

    /// <summary>The key in <c>organisations.json</c> when the organisation is a known one.</summary>
    public string? KnownKey { get; set; }

    /// <summary>Other names the texts used.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>The country; none for an international body.</summary>
    public int? CountryId { get; set; }

    public Country? Country { get; set; }

    /// <summary>The organisation it became when renamed or merged (the lineage of <c>organisations.json</c>).</summary>
    public int? SuccessorId { get; set; }

    public Organisation? Successor { get; set; }

    public List<Article> Articles { get; set; } = [];
}
