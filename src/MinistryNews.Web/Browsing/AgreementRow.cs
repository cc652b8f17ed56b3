using MinistryNews.Core;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Web.Browsing;

/// <summary>Whether a document is in force on a given day, as far as its validity says.</summary>
public enum AgreementStatus
{
    InForce,
    Expired,
    Unknown,
}

/// <summary>
/// A record of the agreements register as the tables show it: the document, its counterparts, its signing date and where
/// the date came from, its status on a given day, how many articles tell it, and the first of them with the sentence.
/// </summary>
public sealed record AgreementRow(
    int Id,
    string Slug,
    string Kind,
    string? Name,
    string? Subject,
    IReadOnlyList<Link> Countries,
    string? Organisation,
    string? Place,
    PartialDate? SignedOn,
    DateSource DateSource,
    IReadOnlyList<Link> Signatories,
    PartialDate? ValidFrom,
    PartialDate? ValidTo,
    AgreementStatus Status,
    int Articles,
    int? PredecessorId,
    IReadOnlyList<int> SuccessorIds,
    int ArticleId,
    string ArticleKey,
    string ArticleSlug,
    string ArticleTitle,
    string Evidence)
{
    /// <summary>The statuses as the query string and the API write them, and as the pages name them.</summary>
    public static readonly IReadOnlyList<(AgreementStatus Status, string Value, string Label)> Statuses =
    [
        (AgreementStatus.InForce, "in-force", "in force"),
        (AgreementStatus.Expired, "expired", "expired"),
        (AgreementStatus.Unknown, "unknown", "unknown"),
    ];

    /// <summary>The record's page.</summary>
    public string Url => Address(Id, Slug);

    /// <summary>The address of a record's page: <c>/agreements/{id}/{slug}</c>.</summary>
    public static string Address(int id, string slug) => $"/agreements/{id}/{slug}";

    /// <summary>The first mention's link to its sentence.</summary>
    public string FactUrl => ArticleLinks.Fact(ArticleKey, ArticleSlug, Evidence);

    /// <summary>The words a screen reader hears for the fact link: "the Memorandum of Understanding with Japan of 5 November 2019".</summary>
    public string FactLabel => Label(Kind, Countries.Select(c => c.Name), SignedOn);

    public static string Label(string kind, IEnumerable<string> countries, PartialDate? signedOn)
    {
        var with = string.Join(", ", countries);
        return $"the {kind}{(with.Length == 0 ? string.Empty : " with " + with)}{(signedOn is null ? string.Empty : " of " + Display.Date(signedOn))}";
    }

    public string Validity => ValidityText(ValidFrom, ValidTo);

    public static string ValidityText(PartialDate? from, PartialDate? to) => (from, to) switch
    {
        ({ } f, { } t) when f == t => Display.Date(f),
        ({ } f, { } t) => $"{Display.Date(f)} – {Display.Date(t)}",
        (null, { } t) => $"until {Display.Date(t)}",
        ({ } f, null) => $"from {Display.Date(f)}",
        _ => "not given",
    };

    /// <summary>"in-force", "expired" or "unknown", as the query string and the API write a status.</summary>
    public static string StatusValue(AgreementStatus status) => Statuses.Single(s => s.Status == status).Value;

    /// <summary>"in force", "expired" or "unknown", as the pages and the downloads write a status.</summary>
    public static string StatusLabel(AgreementStatus status) => Statuses.Single(s => s.Status == status).Label;

    /// <summary>Where a date came from, as the API and the downloads write it: "sentence", "relative", "context" or "not given".</summary>
    public static string DateSourceValue(DateSource source) => Display.DateSourceValue(source) ?? "not given";

    /// <summary>
    /// In force from the start of its validity to the last day it can mean; expired after; unknown when the text gives no
    /// end. The register's query computes the same in SQL (<see cref="AgreementFilter"/>).
    /// </summary>
    public static AgreementStatus StatusOn(PartialDate? from, PartialDate? to, DateOnly today) =>
        to is not { } end ? AgreementStatus.Unknown
        : end.LastDay < today ? AgreementStatus.Expired
        : from is { } start && start.FirstDay > today ? AgreementStatus.Unknown
        : AgreementStatus.InForce;

    /// <summary>Where a record's date came from: the surest source among the mentions that give the record's date.</summary>
    public static DateSource SourceOf(PartialDate? signedOn, IEnumerable<(PartialDate? SignedOn, DateSource Source)> mentions) =>
        signedOn is null ? DateSource.None
        : mentions.Where(m => m.SignedOn == signedOn && m.Source != DateSource.None).Select(m => m.Source).OrderBy(Rank).FirstOrDefault();

    private static int Rank(DateSource source) => source switch
    {
        DateSource.Sentence => 0,
        DateSource.Relative => 1,
        _ => 2,
    };
}
