using System.Text.Json;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Corrections;

/// <summary>Where one correction stands after it was applied to a reading.</summary>
public sealed record CorrectionOutcome(int CorrectionId, CorrectionState State, string? Note);

/// <summary>
/// What the archive shows of an article: the extraction's reading with the corrections applied. <see cref="Marks"/>
/// gives, for each meeting, delegation and agreement a correction made or changed, that correction's id.
/// </summary>
public sealed record CorrectedArticle(
    ExtractedArticle Article,
    bool Withdrawn,
    IReadOnlyDictionary<object, int> Marks,
    IReadOnlyList<CorrectionOutcome> Outcomes)
{
    /// <summary>Whether any correction changed what the archive shows.</summary>
    public bool Corrected => Withdrawn || Outcomes.Any(o => o.State == CorrectionState.Applied);

    public int? MarkOf(object fact) => Marks.TryGetValue(fact, out var id) ? id : null;
}

/// <summary>
/// Applies an article's corrections, in the order they were made, to a reading of it. A correction finds the fact it
/// changes or removes by the fact's whole text (<see cref="FactJson"/>); when the reading no longer holds that fact (the
/// file or the extraction changed), the correction is not applied and comes back <see cref="CorrectionState.NeedsReview"/>,
/// unless the reading already says what the correction says. Nothing is dropped: the caller keeps every outcome.
/// </summary>
public static class CorrectionOverlay
{
    public static CorrectedArticle Apply(ExtractedArticle reading, IEnumerable<Correction> corrections)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(corrections);
        var state = new Reading(reading);
        var outcomes = new List<CorrectionOutcome>();
        var active = corrections.Where(c => c.State != CorrectionState.Undone).OrderBy(c => c.Id).ToList();

        // People merged across the archive first: the article's own corrections were made on what the editor saw, merged.
        // A merge that names nobody in this article has no outcome here.
        foreach (var merge in active.Where(c => c.Kind == CorrectionKind.PersonMerge))
        {
            if (state.Merge(FactJson.Read<PersonRef>(merge.Before!), FactJson.Read<PersonRef>(merge.After!)))
            {
                outcomes.Add(new CorrectionOutcome(merge.Id, CorrectionState.Applied, null));
            }
        }

        foreach (var correction in active.Where(c => !c.OfPerson))
        {
            var (fits, note) = Apply(state, correction);
            outcomes.Add(new CorrectionOutcome(correction.Id, fits ? CorrectionState.Applied : CorrectionState.NeedsReview, note));
        }

        var article = reading with
        {
            Title = state.Title,
            Published = state.Published,
            Countries = state.Countries,
            People = state.People,
            Meetings = state.Meetings,
            Delegations = state.Delegations,
            Agreements = state.Agreements,
        };
        return new CorrectedArticle(article, state.Withdrawn, state.Marks, outcomes);
    }

    /// <summary>Whether the correction could be applied to a reading as it is, and why not.</summary>
    public static string? WhyNot(ExtractedArticle reading, Correction correction)
    {
        var (fits, note) = Apply(new Reading(reading), correction);
        return fits ? null : note;
    }

    private static (bool Fits, string? Note) Apply(Reading reading, Correction correction)
    {
        try
        {
            return correction.Kind switch
            {
                CorrectionKind.Meeting => Fact(reading.Meetings, correction, reading.Marks, "meeting"),
                CorrectionKind.Delegation => Fact(reading.Delegations, correction, reading.Marks, "delegation"),
                CorrectionKind.Agreement => Fact(reading.Agreements, correction, reading.Marks, "agreement"),
                CorrectionKind.Country => Country(reading, correction),
                CorrectionKind.Person => Person(reading, correction),
                CorrectionKind.Title => Value(ref reading.Title, correction, "title"),
                CorrectionKind.Published => Value(ref reading.Published, correction, "publication date"),
                CorrectionKind.Withdrawal => reading.Withdraw(),
                _ => (false, $"this archive does not know corrections of kind {correction.Kind}"),
            };
        }
        catch (JsonException ex)
        {
            return (false, $"the correction's record cannot be read: {ex.Message}");
        }
    }

    private static (bool, string?) Fact<T>(List<T> facts, Correction correction, Dictionary<object, int> marks, string name)
        where T : notnull
    {
        var index = correction.Before is { } before ? facts.FindIndex(f => FactJson.Of(f) == before) : -1;
        var after = correction.After is { } json ? FactJson.Read<T>(json) : default;
        var already = correction.After is { } text && facts.Any(f => FactJson.Of(f) == text);
        switch (correction.Action)
        {
            case CorrectionAction.Add when already:
                return (true, $"the extraction now reads this {name} itself");
            case CorrectionAction.Add:
                facts.Add(after!);
                marks[after!] = correction.Id;
                return (true, null);
            case CorrectionAction.Change when index >= 0:
                facts[index] = after!;
                marks[after!] = correction.Id;
                return (true, null);
            case CorrectionAction.Change when already:
                return (true, $"the extraction now reads this {name} as corrected");
            case CorrectionAction.Change:
                return (false, $"the {name} it changes is no longer read as it was");
            case CorrectionAction.Remove when index >= 0:
                facts.RemoveAt(index);
                return (true, null);
            default:
                return (false, $"the {name} it removes is no longer read");
        }
    }

    private static (bool, string?) Value<T>(ref T current, Correction correction, string name)
    {
        var before = correction.Before is null ? default : FactJson.Read<T>(correction.Before);
        var after = correction.After is null ? default : FactJson.Read<T>(correction.After);
        if (EqualityComparer<T>.Default.Equals(current, before))
        {
            current = after!;
            return (true, null);
        }

        return EqualityComparer<T>.Default.Equals(current, after)
            ? (true, $"the extraction now reads this {name} itself")
            : (false, $"the {name} is no longer read as it was");
    }

    private static (bool, string?) Country(Reading reading, Correction correction)
    {
        if (correction.After is { } added)
        {
            var code = FactJson.Read<string>(added);
            if (!reading.Countries.Contains(code))
            {
                reading.Countries.Add(code);
            }

            return (true, null);
        }

        var removed = FactJson.Read<string>(correction.Before!);
        return reading.Countries.Remove(removed) ? (true, null) : (false, "the country it unlinks is no longer read");
    }

    private static (bool, string?) Person(Reading reading, Correction correction)
    {
        if (correction.After is { } added)
        {
            var person = FactJson.Read<ExtractedPerson>(added);
            if (reading.People.Any(p => p.Name == person.Name))
            {
                return (true, "the extraction now reads this person itself");
            }

            reading.People.Add(person);
            return (true, null);
        }

        var name = FactJson.Read<ExtractedPerson>(correction.Before!).Name;
        return reading.Unlink(name) ? (true, null) : (false, "the person it unlinks is no longer read");
    }

    /// <summary>A reading being corrected: the extraction's lists, copied so that corrections can change them.</summary>
    private sealed class Reading(ExtractedArticle article)
    {
        public string Title = article.Title;
        public PartialDate? Published = article.Published;

        public List<string> Countries { get; } = [.. article.Countries];

        public List<ExtractedPerson> People { get; } = [.. article.People];

        public List<ExtractedMeeting> Meetings { get; } = [.. article.Meetings];

        public List<ExtractedDelegation> Delegations { get; } = [.. article.Delegations];

        public List<ExtractedAgreement> Agreements { get; } = [.. article.Agreements];

        public Dictionary<object, int> Marks { get; } = new(ReferenceEqualityComparer.Instance);

        public bool Withdrawn { get; private set; }

        public (bool, string?) Withdraw()
        {
            Withdrawn = true;
            return (true, null);
        }

        /// <summary>
        /// Reads the person <paramref name="from"/> spells as the person <paramref name="into"/> names, in the article's
        /// people and in every fact that names them; whether the article names them.
        /// </summary>
        public bool Merge(PersonRef from, PersonRef into)
        {
            var person = People.Find(p => p.Aliases.Prepend(p.Name).Any(from.Spells));
            if (person is null || into.Spells(person.Name))
            {
                return false;
            }

            var spellings = person.Aliases.Prepend(person.Name).ToHashSet(StringComparer.Ordinal);
            var at = People.IndexOf(person);
            People.RemoveAt(at);
            if (!People.Any(p => into.Spells(p.Name)))
            {
                People.Insert(at, person with { Name = into.Name, Aliases = [] });
            }

            List<string> Renamed(IReadOnlyList<string> names) => [.. names.Select(n => spellings.Contains(n) ? into.Name : n).Distinct(StringComparer.Ordinal)];
            Replace(Meetings, m => m.Participants.Any(spellings.Contains), m => m with { Participants = Renamed(m.Participants) });
            Replace(Delegations, d => (d.Leader is { } leader && spellings.Contains(leader)) || d.Members.Any(spellings.Contains), d => d with
            {
                Leader = d.Leader is { } leader && spellings.Contains(leader) ? into.Name : d.Leader,
                Members = Renamed(d.Members),
            });
            Replace(Agreements, a => a.Signatories.Any(spellings.Contains), a => a with { Signatories = Renamed(a.Signatories) });
            return true;
        }

        /// <summary>Takes a person out of the article and out of every fact that names them.</summary>
        public bool Unlink(string name)
        {
            var person = People.Find(p => p.Name == name);
            if (person is null)
            {
                return false;
            }

            People.Remove(person);
            var spellings = person.Aliases.Prepend(person.Name).ToHashSet(StringComparer.Ordinal);
            List<string> Without(IReadOnlyList<string> names) => [.. names.Where(n => !spellings.Contains(n))];
            Replace(Meetings, m => m.Participants.Any(spellings.Contains), m => m with { Participants = Without(m.Participants) });
            Replace(Delegations, d => (d.Leader is { } leader && spellings.Contains(leader)) || d.Members.Any(spellings.Contains), d => d with
            {
                Leader = d.Leader is { } leader && spellings.Contains(leader) ? null : d.Leader,
                Members = Without(d.Members),
            });
            Replace(Agreements, a => a.Signatories.Any(spellings.Contains), a => a with { Signatories = Without(a.Signatories) });
            return true;
        }

        private void Replace<T>(List<T> facts, Func<T, bool> names, Func<T, T> without)
            where T : notnull
        {
            for (var i = 0; i < facts.Count; i++)
            {
                if (names(facts[i]))
                {
                    var changed = without(facts[i]);
                    if (Marks.Remove(facts[i], out var mark))
                    {
                        Marks[changed] = mark;
                    }

                    facts[i] = changed;
                }
            }
        }
    }
}
