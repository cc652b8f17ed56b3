using MinistryNews.Core.Articles;

namespace MinistryNews.Core.Corrections;

/// <summary>What an editor corrected: a fact of an article, one of its links, its title or date, or the article itself.</summary>
public enum CorrectionKind
{
    Meeting,
    Delegation,
    Agreement,

    /// <summary>A country's link to the article (its list of countries).</summary>
    Country,

    /// <summary>A person's link to the article (the people it names).</summary>
    Person,

    Title,

    /// <summary>The publication date.</summary>
    Published,

    /// <summary>The article is taken out of the archive by the editors (its page stays, saying so).</summary>
    Withdrawal,

    /// <summary>A person's shown name, across the archive (<see cref="PersonRef"/> before and after).</summary>
    PersonName,

    /// <summary>Two people who are one: the person before is read as the person after in every article; undone, they part again.</summary>
    PersonMerge,
}

/// <summary>Where a correction stands after the article was last read.</summary>
public enum CorrectionState
{
    /// <summary>It fitted what the extraction read, and the archive shows it.</summary>
    Applied,

    /// <summary>
    /// The fact it changes or removes is no longer read as it was (the file or the extraction changed): it is kept, not
    /// applied, and listed for the editors to look at. When the fact is read as it was again, it applies again.
    /// </summary>
    NeedsReview,

    /// <summary>An editor took it back: it stays on the record and is applied no more.</summary>
    Undone,
}

/// <summary>A person as a person's correction names them: the name shown then, and every spelling the archive had for them.</summary>
public sealed record PersonRef(string Name, IReadOnlyList<string> Spellings)
{
    /// <summary>Whether a spelling is one of this person's (word order and accents aside, as the archive matches names).</summary>
    public bool Spells(string name) => Spellings.Prepend(Name).Any(s => People.Person.KeyOf(s) == People.Person.KeyOf(name));
}

/// <summary>
/// One editor's correction of one article (or of one person across the archive), kept for good: who made it and when, the fact as it was (<see cref="Before"/>)
/// and as it is to be (<see cref="After"/>), and why. Corrections are applied, in the order they were made, to what the
/// extraction reads each time the article is read (<see cref="CorrectionOverlay"/>): a re-reading keeps them. A fact is
/// written as <see cref="FactJson"/> gives it; an addition has no <see cref="Before"/>, a removal no <see cref="After"/>.
/// </summary>
public sealed class Correction
{
    public int Id { get; set; }

    /// <summary>The article corrected; null for a correction of a person across the archive.</summary>
    public int? ArticleId { get; set; }

    public Article? Article { get; set; }

    /// <summary>The person a person's correction was made on (for links; the correction finds them by their spellings).</summary>
    public int? PersonId { get; set; }

    public CorrectionKind Kind { get; set; }

    /// <summary>Whether the correction is of a person across the archive rather than of one article.</summary>
    public bool OfPerson => Kind is CorrectionKind.PersonName or CorrectionKind.PersonMerge;

    /// <summary>The fact as the archive showed it when the correction was made (JSON); null for an addition.</summary>
    public string? Before { get; set; }

    /// <summary>The fact as the editor set it (JSON); null for a removal.</summary>
    public string? After { get; set; }

    public required string Reason { get; set; }

    /// <summary>The editor's account, while it exists; the name below stays when the account is removed.</summary>
    public string? EditorId { get; set; }

    public required string EditorName { get; set; }

    public DateTime MadeAtUtc { get; set; }

    public CorrectionState State { get; set; }

    /// <summary>Why the correction stands where it does: what no longer fits, or why it was undone.</summary>
    public string? StateNote { get; set; }

    /// <summary>When <see cref="State"/> last changed.</summary>
    public DateTime? StateChangedAtUtc { get; set; }

    /// <summary>Who undid it, when it was undone.</summary>
    public string? UndoneByName { get; set; }

    /// <summary>The addition, the change or the removal the correction makes.</summary>
    public CorrectionAction Action => (Before, After) switch
    {
        (null, _) => CorrectionAction.Add,
        (_, null) => CorrectionAction.Remove,
        _ => CorrectionAction.Change,
    };
}

public enum CorrectionAction
{
    Add,
    Change,
    Remove,
}
