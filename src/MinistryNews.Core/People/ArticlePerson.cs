using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Organisations;

namespace MinistryNews.Core.People;

/// <summary>A person as one article names them: the spelling, title and country the text gives, and the sentence.</summary>
public sealed class ArticlePerson
{
    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public required string NameAsWritten { get; set; }

    public string? Title { get; set; }

    public int? CountryId { get; set; }

    public Country? Country { get; set; }

    /// <summary>The ministry or agency behind the person in this article.</summary>
    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public required string Evidence { get; set; }

    /// <summary>The office the title names, whatever its wording (set by the register of offices after ingestion).</summary>
    public int? OfficeId { get; set; }

    public Office? Office { get; set; }
}
