using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Agreements;

/// <summary>
/// A document signed or adopted (a memorandum, an agreement, a declaration, a plan) as one article tells it. The same
/// document told by several articles is one <see cref="AgreementRecord"/>.
/// </summary>
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

    /// <summary>Where <see cref="SignedOn"/> came from; <see cref="DateSource.None"/> when the text gives no date.</summary>
    public DateSource DateSource { get; set; }

    /// <summary>What the document is about, as the text words it ("on cooperation in information security").</summary>
    public string? Subject { get; set; }

    /// <summary>The foreign ministry or agency it was signed with, as written.</summary>
    public string? CounterpartOrganisation { get; set; }

    /// <summary>Where it was signed, when the text says.</summary>
    public string? Place { get; set; }

    /// <summary>The kind of the earlier document it renews or replaces, when the text tells a renewal.</summary>
    public string? RenewsKind { get; set; }

    /// <summary>When the earlier document it renews was signed, as far as the text says.</summary>
    public PartialDate? RenewsSignedOn { get; set; }

    /// <summary>The register's record of the document: every article that tells it points to the same one.</summary>
    public int? RecordId { get; set; }

    public AgreementRecord? Record { get; set; }

    public List<Person> Signatories { get; set; } = [];

    public PartialDate? ValidFrom { get; set; }

    public PartialDate? ValidTo { get; set; }

    /// <summary>The editor's correction that made or last changed this fact, when one did (<see cref="Corrections.Correction"/>).</summary>
    public int? CorrectionId { get; set; }

    public required string Evidence { get; set; }
}
