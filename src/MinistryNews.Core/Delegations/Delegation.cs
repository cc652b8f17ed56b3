using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Delegations;

/// <summary>A trip made by a delegation, abroad or to Vietnam.</summary>
public sealed class Delegation
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public int? LeaderId { get; set; }

    public Person? Leader { get; set; }

    public List<Person> Members { get; set; } = [];

    public int? FromCountryId { get; set; }

    public Country? FromCountry { get; set; }

    public List<Country> Destinations { get; set; } = [];

    public PartialDate? Start { get; set; }

    /// <summary>Where <see cref="Start"/> came from; <see cref="DateSource.None"/> when the text gives no date.</summary>
    public DateSource DateSource { get; set; }

    public PartialDate? End { get; set; }

    /// <summary>The editor's correction that made or last changed this fact, when one did (<see cref="Corrections.Correction"/>).</summary>
    public int? CorrectionId { get; set; }

    public required string Evidence { get; set; }
}
