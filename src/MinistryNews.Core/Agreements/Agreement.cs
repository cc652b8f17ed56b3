using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Agreements;

/// <summary>A document signed or adopted: a memorandum, an agreement, a declaration, a plan.</summary>
public sealed class Agreement
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    /// <summary>"Memorandum of Understanding", "Letter of Intent", "Declaration", "Cooperation plan"...</summary>
    public required string Kind { get; set; }

    public string? Name { get; set; }

    public List<Country> CounterpartCountries { get; set; } = [];

    public PartialDate? SignedOn { get; set; }

    public List<Person> Signatories { get; set; } = [];

    public PartialDate? ValidFrom { get; set; }

    public PartialDate? ValidTo { get; set; }

    public required string Evidence { get; set; }
}
