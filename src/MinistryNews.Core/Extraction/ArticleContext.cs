using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// What the readers of one article have established so far, in text order: the meetings, trips and documents told, the
/// last meeting, the trip in progress and the last day named. The meeting, delegation and agreement readers share it,
/// so that a sentence is read against what came before it ("the two ministers", "during the visit", "on the same day").
/// </summary>
public sealed partial class ArticleContext(PeopleReader people, string homeCountry, PartialDate? published, string? mainCounterpart)
{
    [GeneratedRegex(@"\b(?:will|would|shall|going to|plans? to|planned to|planning to|expects? to|expected to|is to|are to|intends? to|aims? to|hopes? to|wish(?:es)? to|propos(?:e|es|ed|al)|agreed? (?:on|to)|consider(?:s|ing)?|prepar(?:e|es|ing) (?:to|for)|upcoming|next|later this|look(?:s|ing)? forward|towards?|invit(?:e|es|ed|ing|ation)\b.*\bto|to be)\b|\bto\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    internal static partial Regex FutureMarker();

    [GeneratedRegex(@"[,;:()]|\b(?:after|before|when|while|because|since|although|whereas|which|who|where)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    internal static partial Regex ClauseBoundary();

    [GeneratedRegex(@"\b(?:the two|both)\s+(?:ministers|sides|ministries|officials|leaders|parties|countries|governments|deputy ministers|prime ministers|foreign ministers|presidents|delegations)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    internal static partial Regex BothSides();

    [GeneratedRegex(@"^[^.;]{0,60}?\b(?:the two|both)\s+(?:ministers|deputy ministers|officials|leaders)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    internal static partial Regex TwoOfficials();

    [GeneratedRegex(@"^\s*(?:at|after|during|following|on the sidelines of)\s+the\s+(?:meeting|talks|reception|working session)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    internal static partial Regex AfterTheMeeting();

    public string HomeCountry { get; } = homeCountry;

    /// <summary>The article's publication date: no event is dated after it.</summary>
    public PartialDate? Published { get; } = published;

    /// <summary>The people of the article, by their index in the sentences.</summary>
    public IReadOnlyList<PersonDraft> People => people.People;

    /// <summary>The person is an official of the home country.</summary>
    public bool IsHome(int person) => people.People[person].IsHome(HomeCountry);

    /// <summary>
    /// The foreign country the article is mostly about, as a set of one (or none): the other side of a meeting the text
    /// tells by "the two sides" or by an unnamed joint commission.
    /// </summary>
    public SortedSet<string> Counterpart() =>
        mainCounterpart is { } code && code != HomeCountry ? new(StringComparer.Ordinal) { code } : new(StringComparer.Ordinal);

    public List<MeetingDraft> Meetings { get; } = [];

    public List<DelegationDraft> Delegations { get; } = [];

    public List<AgreementDraft> Agreements { get; } = [];

    /// <summary>The meeting told last: "the two ministers" of a later sentence are its participants.</summary>
    public MeetingDraft? LastMeeting { get; set; }

    /// <summary>Where the trip in progress went: a meeting abroad with no country of its own took place there.</summary>
    public string? TripDestination { get; set; }

    /// <summary>The day of the latest event told to the day: a sentence that goes back to it ("On the sidelines …") takes it.</summary>
    public PartialDate? LastDay { get; private set; }

    /// <summary>The article is about a national conference: "the conference" is a meeting at home.</summary>
    public bool NationalConference { get; set; }

    /// <summary>"It was a pleasure to welcome …": the infinitive tells what happened, not a plan.</summary>
    [GeneratedRegex(@"\b(?:was|is|it's|it’s|has been)\s+(?:a|an|my|our)\s+(?:great\s+|real\s+)?(?:pleasure|honou?r|privilege)\s+to\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PleasureTo();

    public static bool IsFuture(string text, int index)
    {
        var start = ClauseStart(text, index);
        return FutureMarker().IsMatch(text[start..index]) && !PleasureTo().IsMatch(text[start..index]);
    }

    /// <summary>
    /// Where the clause of a word starts: after the last comma, bracket or subordinating word before it, looking back at
    /// most <see cref="ClauseLookBack"/> characters, so that asking for every word of a long sentence stays linear.
    /// </summary>
    public static int ClauseStart(string text, int index)
    {
        var from = Math.Max(0, index - ClauseLookBack);
        var boundary = ClauseBoundary().Last(text[from..index]);
        return boundary is null ? from : from + boundary.Index + boundary.Length;
    }

    private const int ClauseLookBack = 400;

    public static (int Start, int End) Window(string text, int start, IEnumerable<int> next)
    {
        var end = next.DefaultIfEmpty(text.Length).First();
        return (start, Math.Max(start, end));
    }

    public SortedSet<string> ForeignCountries(Sentence sentence, int start, int end, bool cities)
    {
        var codes = sentence.Places
            .Where(p => p.Index >= start && p.End <= end && p.Code != HomeCountry && (cities || p.Kind != PlaceKind.City))
            .Select(p => p.Code);
        var set = new SortedSet<string>(codes, StringComparer.Ordinal);
        if (cities && set.Count > 1)
        {
            // A city names where it happened; named countries say with whom.
            set.ExceptWith(sentence.Places.Where(p => p.Kind == PlaceKind.City && !sentence.Places.Any(q => q.Kind != PlaceKind.City && q.Code == p.Code)).Select(p => p.Code));
        }

        return set;
    }

    public static List<int> PeopleBetween(Sentence sentence, int start, int end) =>
        [.. sentence.People.Where(p => p.Start >= start && p.Start < end).Select(p => p.Person).Distinct()];

    public List<int> Participants(Sentence sentence)
    {
        var participants = sentence.People.Select(p => p.Person).Distinct().ToList();
        if (BothSides().IsMatch(sentence.Text) && participants.All(p => People[p].IsHome(HomeCountry)))
        {
            // "the two ministers": those of the meeting just told, or those who signed the document just told.
            var sides = LastMeeting?.Participants
                ?? (Agreements.Count > 0 && TwoOfficials().IsMatch(sentence.Text) ? Agreements[^1].Signatories : []);
            participants.AddRange(sides.Except(participants));
        }

        return participants;
    }

    public void Remember(PartialDate? date)
    {
        if (date is { Precision: DatePrecision.Day })
        {
            LastDay = date;
        }
    }

    /// <summary>The date of an event told in a sentence: its first date to the month or day, else its first year; never one after publication (a deadline, a plan).</summary>

    public PartialDate? EventDate(Sentence sentence)
    {
        var past = sentence.Dates.Where(d => (Published is not { } p || d.Start.FirstDay <= p.LastDay) && !NamesAThing(sentence.Text, d)).ToList();
        return past.FirstOrDefault(d => d.Start.Precision != DatePrecision.Year || d.Relative)?.Start
            ?? (past.Count > 0 ? past[0].Start : null);
    }

    /// <summary>"the 2022 general elections", "its 2025 budget", "the 2015 agreement": a year that names a thing, not when an event was.</summary>
    public static bool NamesAThing(string text, DateMention date) =>
        date.Start.Precision == DatePrecision.Year && date.End is null && !date.Relative
        && YearAsAdjective().IsMatch(text.AsSpan(Math.Max(0, date.Index - 24), Math.Min(date.Index, 24)));

    [GeneratedRegex(@"\b(?:the|a|an|its|their|his|her|this|that)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex YearAsAdjective();

    public static int Number(string word) => word.ToLowerInvariant() switch
    {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        var digits => int.Parse(digits, CultureInfo.InvariantCulture),
    };

    public static PartialDate Year(string value) => new(int.Parse(value, CultureInfo.InvariantCulture));
}
