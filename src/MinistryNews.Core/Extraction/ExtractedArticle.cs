namespace MinistryNews.Core.Extraction;

/// <summary>A press release as read from a file: its name and its text (HTML already reduced to text).</summary>
public sealed record SourceDocument(string FileName, string Text);

/// <summary>Where the publication date was read from, in the order of trust the extraction follows.</summary>
public enum PublishedFrom
{
    None,
    Dateline,
    SourceUrl,
    PhotoFileName,
    Body,
}

public enum BlockKind
{
    Paragraph,
    Caption,
    Photo,
}

/// <summary>One block of the cleaned body: a paragraph, a photo caption, or a photo's file name.</summary>
public sealed record BodyBlock(BlockKind Kind, string Text);

/// <summary>Where an event's date came from: the sentence that tells the event, or something around it.</summary>
public enum DateSource
{
    /// <summary>The text gives no date for the event.</summary>
    None,

    /// <summary>Written in the sentence that tells the event ("on 5 November 2019").</summary>
    Sentence,

    /// <summary>A relative date in the sentence ("yesterday", "on Monday"), resolved against the article's dateline or publication date.</summary>
    Relative,

    /// <summary>Not in the sentence itself: the day or the trip an earlier sentence of the article told.</summary>
    Context,

    /// <summary>Set by the archive's editors (a correction), whatever the text says.</summary>
    Editors,
}

public enum MeetingKind
{
    Bilateral,
    Multilateral,
    Domestic,
}

/// <summary>
/// Everything read out of one press release. Countries are ISO 3166 alpha-2 codes of the gazetteer;
/// people in meetings, delegations and agreements are named by the <see cref="ExtractedPerson.Name"/>
/// of an entry in <see cref="People"/>. Every fact carries the sentence it was read from.
/// </summary>
public sealed record ExtractedArticle(
    string FileName,
    string Title,
    bool TitleDerived,
    PartialDate? Published,
    PublishedFrom PublishedFrom,
    string? SourceUrl,
    string? Byline,
    IReadOnlyList<BodyBlock> Body,
    IReadOnlyList<string> Countries,
    IReadOnlyList<ExtractedPerson> People,
    IReadOnlyList<ExtractedMeeting> Meetings,
    IReadOnlyList<ExtractedDelegation> Delegations,
    IReadOnlyList<ExtractedAgreement> Agreements)
{
    /// <summary>The ministries and agencies the article names.</summary>
    public IReadOnlyList<ExtractedOrganisation> Organisations { get; init; } = [];

    /// <summary>Officials the article names by their title alone: the store finds who held the title on the article's date.</summary>
    public IReadOnlyList<ExtractedTitleMention> UnnamedOfficials { get; init; } = [];
}

/// <param name="Title">The title as written, without the country ("Minister of Information and Communications").</param>
/// <param name="CountryCode">The country the text gives the title, when it does.</param>
/// <param name="Evidence">The sentence: facts read from it take the official as a participant.</param>
public sealed record ExtractedTitleMention(string Title, string? CountryCode, string Evidence);

/// <param name="Name">The fullest spelling, without honorific.</param>
/// <param name="Aliases">Other spellings of the same person in the article.</param>
/// <param name="Title">The title as the text gives it, without the country.</param>
/// <param name="CountryCode">The person's own country.</param>
public sealed record ExtractedPerson(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Title,
    string? CountryCode,
    string Evidence)
{
    /// <summary>The rule that read the fact, for <c>extract --explain</c>.</summary>
    /// <summary>The ministry or agency behind the person, by the name in <see cref="ExtractedArticle.Organisations"/>.</summary>
    public string? Organisation { get; init; }

    public string? Rule { get; init; }
}

public sealed record ExtractedMeeting(
    MeetingKind Kind,
    PartialDate? Date,
    string? Location,
    IReadOnlyList<string> Participants,
    IReadOnlyList<string> CounterpartCountries,
    string Evidence)
{
    /// <summary>The rule that read the fact, for <c>extract --explain</c>.</summary>
    public string? Rule { get; init; }

    /// <summary>The meeting's name as written, when it has one ("the 23rd ASEAN Digital Ministers' Meeting").</summary>
    public string? Name { get; init; }

    /// <summary>The foreign organisation met, as written ("the Ministry of Internal Affairs and Communications").</summary>
    public string? CounterpartOrganisation { get; init; }

    /// <summary>Where <see cref="Date"/> came from.</summary>
    public DateSource DateSource { get; init; }
}

public sealed record ExtractedDelegation(
    string? Leader,
    IReadOnlyList<string> Members,
    string? FromCountry,
    IReadOnlyList<string> Destinations,
    PartialDate? Start,
    PartialDate? End,
    string Evidence)
{
    /// <summary>The rule that read the fact, for <c>extract --explain</c>.</summary>
    public string? Rule { get; init; }

    /// <summary>Where <see cref="Start"/> came from.</summary>
    public DateSource DateSource { get; init; }
}

public sealed record ExtractedAgreement(
    string Kind,
    string? Name,
    IReadOnlyList<string> CounterpartCountries,
    PartialDate? SignedOn,
    IReadOnlyList<string> Signatories,
    Validity? Valid,
    string Evidence)
{
    /// <summary>The rule that read the fact, for <c>extract --explain</c>.</summary>
    public string? Rule { get; init; }

    /// <summary>What the document is about, as the text words it ("on cooperation in information security").</summary>
    public string? Subject { get; init; }

    /// <summary>The foreign ministry or agency it was signed with, as written ("Ministry of Health of Chile").</summary>
    public string? CounterpartOrganisation { get; init; }

    /// <summary>Where <see cref="SignedOn"/> came from.</summary>
    public DateSource DateSource { get; init; }

    /// <summary>Where it was signed, as the text names the place ("Tokyo", "Ha Noi"), when it does.</summary>
    public string? Place { get; init; }

    /// <summary>The earlier document it renews or replaces, when the text says so ("renewing the MoU signed in 2011").</summary>
    public AgreementReference? Renews { get; init; }
}

/// <summary>A document an agreement refers back to, as far as the text describes it: its kind and when it was signed.</summary>
public sealed record AgreementReference(string Kind, PartialDate? SignedOn);

/// <summary>A period of validity: "2020-2023", "2025" (one year), "until 2019-09" (no start given).</summary>
public sealed record Validity(PartialDate? From, PartialDate? To)
{
    public override string ToString() => (From, To) switch
    {
        ({ } from, { } to) when from == to => from.ToString(),
        ({ } from, { } to) => $"{from}-{to}",
        ({ } from, null) => $"from {from}",
        (null, { } to) => $"until {to}",
        _ => string.Empty,
    };
}
