using MinistryNews.Core.Countries;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Agreements;

/// <summary>
/// One document of the agreements register, however many articles tell it: its kind, subject, parties, place and date of
/// signing, signatories and validity, the mentions that tell it, and the document it renews. Records are made from the
/// mentions by the register after each ingestion; <see cref="Key"/> (kind, counterparts and date) keeps a record's id
/// when the register is made again.
/// </summary>
public sealed class AgreementRecord
{
    public int Id { get; set; }

    /// <summary>What makes the record one document: its kind, counterparts and signing date (or its first mention when undated).</summary>
    public required string Key { get; set; }

    public required string Slug { get; set; }

    public required string Kind { get; set; }

    public string? Name { get; set; }

    public string? Subject { get; set; }

    public string? CounterpartOrganisation { get; set; }

    public string? Place { get; set; }

    public PartialDate? SignedOn { get; set; }

    public PartialDate? ValidFrom { get; set; }

    public PartialDate? ValidTo { get; set; }

    public List<Country> CounterpartCountries { get; set; } = [];

    public List<Person> Signatories { get; set; } = [];

    /// <summary>The earlier document this one renews or replaces, when the texts tell it and the register holds it.</summary>
    public int? PredecessorId { get; set; }

    public AgreementRecord? Predecessor { get; set; }

    /// <summary>Each article's telling of the document.</summary>
    public List<Agreement> Mentions { get; set; } = [];
}
