using MinistryNews.Core.Countries;
using MinistryNews.Core.Organisations;

namespace MinistryNews.Core.People;

/// <summary>
/// A post, whatever the wording of its title: "Minister" and "Minister of Information and Communications" of the same
/// ministry (or of a ministry of its lineage) are one office. Its holders over time are the people whose mentions hold it.
/// </summary>
public sealed class Office
{
    public int Id { get; set; }

    /// <summary>What makes the office one: its rank and its organisation's lineage (or its country when no organisation is known).</summary>
    public required string Key { get; set; }

    public required string Slug { get; set; }

    /// <summary>The office's name as the fullest title words it ("Minister of Information and Communications").</summary>
    public required string Name { get; set; }

    /// <summary>The rank of the post ("Minister", "Deputy Minister", "Ambassador").</summary>
    public required string Rank { get; set; }

    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public int? CountryId { get; set; }

    public Country? Country { get; set; }

    /// <summary>
    /// How many mentions hold the office, kept with its holders by the registers after each batch (<see cref="OfficeHoldings"/>):
    /// the list of offices orders and labels every office by it, and counting them all for a page read the whole mention table.
    /// </summary>
    public int MentionCount { get; set; }

    public List<ArticlePerson> Mentions { get; set; } = [];
}
