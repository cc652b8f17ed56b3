namespace MinistryNews.Core.Extraction;

/// <summary>A meeting as the <see cref="EventReader"/> builds it up: later sentences about the same encounter merge into it.</summary>
public sealed class MeetingDraft(MeetingKind kind, Sentence evidence, string rule)
{
    public MeetingKind Kind { get; set; } = kind;

    public SortedSet<string> Countries { get; } = new(StringComparer.Ordinal);

    public List<int> Participants { get; } = [];

    /// <summary>Who the meeting was with (foreign people, organisations), folded: two meetings with different parties are two meetings.</summary>
    public HashSet<MeetingParty> Parties { get; } = [];

    public PartialDate? Date { get; set; }

    public string? Location { get; set; }

    /// <summary>The name of a conference or forum ("g20 digital ministers meeting"), folded: two names are two meetings.</summary>
    public string? EventName { get; set; }

    /// <summary>The meeting's name as written, when it has one ("the 6th Meeting of the Japan-Viet Nam Cooperation Committee").</summary>
    public string? Name { get; set; }

    /// <summary>The foreign organisation met, as written ("the Japanese People's Friendship Exchange Council").</summary>
    public string? CounterpartOrganisation { get; set; }

    /// <summary>Counted in the text ("the two previous talks with …"): never merged with another meeting.</summary>
    public bool Distinct { get; set; }

    public Sentence Evidence { get; } = evidence;

    public string Rule { get; } = rule;
}

public sealed class DelegationDraft(string fromCountry, Sentence evidence, string rule)
{
    public string FromCountry { get; set; } = fromCountry;

    /// <summary>The text did not say where the delegation came from: the article's counterpart is taken.</summary>
    public bool NeedsOrigin { get; set; }

    /// <summary>People sent on a task (told apart from the visit the article follows): never merged with another trip.</summary>
    public bool Distinct { get; set; }

    public List<string> Destinations { get; } = [];

    public int? Leader { get; set; }

    public List<int> Members { get; } = [];

    public PartialDate? Start { get; set; }

    public PartialDate? End { get; set; }

    public Sentence Evidence { get; } = evidence;

    public string Rule { get; } = rule;
}

public sealed class AgreementDraft(string kind, Sentence evidence, string rule)
{
    public string Kind { get; } = kind;

    public string? Name { get; set; }

    public SortedSet<string> Countries { get; } = new(StringComparer.Ordinal);

    /// <summary>The text named no counterpart: the article's counterpart is taken once it is known.</summary>
    public bool NeedsCounterpart { get; set; }

    public PartialDate? SignedOn { get; set; }

    public List<int> Signatories { get; } = [];

    public Validity? Valid { get; set; }

    /// <summary>What the document is about, as the text words it: "on cooperation in information security".</summary>
    public string? Subject { get; set; }

    /// <summary>The foreign ministry or agency it was signed with, as the text names it: "Ministry of Health of Chile".</summary>
    public string? CounterpartOrganisation { get; set; }

    /// <summary>Where it was signed, as the text names the place: "Tokyo".</summary>
    public string? Place { get; set; }

    /// <summary>The earlier document it renews or replaces, when the text says so.</summary>
    public AgreementReference? Renews { get; set; }

    /// <summary>Counted in the text ("two MOU", "(1) … (2) …"): never merged with another document.</summary>
    public bool Distinct { get; set; }

    public Sentence Evidence { get; } = evidence;

    public string Rule { get; } = rule;
}

/// <summary>One side a meeting was with: a person of the article (by index), or an organisation by its folded name.</summary>
public readonly record struct MeetingParty(int? Person, string? Organisation)
{
    public static MeetingParty OfPerson(int person) => new(person, null);

    public static MeetingParty OfOrganisation(string name) => new(null, TextFolding.Fold(name));
}
