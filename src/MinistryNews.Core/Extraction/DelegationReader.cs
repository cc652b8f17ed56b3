using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Reads the trips of an article: a delegation of a country (and who led it), a visit or trip told by the triggers of
/// <see cref="EventLexicon"/> with the places that follow it, the visit of an official, and people sent to a country.
/// The trip in progress is kept in the <see cref="ArticleContext"/>: meetings abroad take its destination.
/// </summary>
public sealed partial class DelegationReader(ArticleContext context, EventLexicon lexicon)
{
    [GeneratedRegex(@"\b(?:(?<adj>[\p{Lu}][\p{L}'’-]{0,40}(?:\s+[\p{Lu}][\p{L}'’-]{0,40})?)\s+)?[Dd]elegations?\b(?:\s+(?<prep>of|from)\b)?", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex DelegationNoun();

    [GeneratedRegex(@"\b(?:led|headed|chaired)\s+by\b|,|\bwhich\b|\bwho\b|\bthat\b|\bto\b|\b(?:is|are|was|were|has|have|had|will)\b|\b(?:attended|visited|visits|met|arrived|paid|paying|worked)\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex DelegationPhraseEnd();

    [GeneratedRegex(@"^(?:MIC|MOFA|Ministry)$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OwnMinistryAdjective();

    [GeneratedRegex(@"\b(?:led|headed|chaired)\s+by\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex LedBy();

    [GeneratedRegex(@"^\s*(?:(?:the|,|and|&)\s*)*$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ListGap();

    [GeneratedRegex(@"\bto\s+(?:the\s+)?$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ToThe();

    [GeneratedRegex(@"\b(?:the|a|an|his|her)\s+(?:(?:official|state|working|recent|first|historic)\s+)*visit\s+(?:to\s+(?<to>[\p{Lu}][\p{L}\s]+?)\s+)?(?:of|by)\s", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex VisitOf();

    [GeneratedRegex(@"\bsent\s+(?:a|an|its|their|his|her|the)?\s*(?:[\p{L}-]+\s+){0,4}?(?:delegations?|experts|specialists|officials|staff|engineers|teams?|missions?|officers)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SentTrigger();

    [GeneratedRegex(@"^,?\s*who\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex WhoClause();

    /// <summary>A visit told by whose it was: "my own visit to Vietnam in 2000", "during his official visit to Japan".</summary>
    [GeneratedRegex(@"\b(?<whose>my|his|her|their|our)\s+(?:own\s+)?(?:(?:official|state|working|recent|first|last|previous|historic|friendship|two-day|three-day|four-day|five-day)\s+){0,3}(?:visit|trip)\s+to\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OwnVisit();

    [GeneratedRegex(@"\bvisit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex VisitWord();

    [GeneratedRegex(@"\b(?:invited\s+by|invitation\s+(?:of|from)|hosted\s+by)\b[^,;]{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex InvitedBy();

    // What each kind of trip needs in its sentence: most sentences tell none, and skip its patterns.
    private static readonly SearchValues<string> DelegationWords = SearchValues.Create(["elegation"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> TripWords = SearchValues.Create(["visit", "trip", "tour", "mission", "arriv"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> SentWords = SearchValues.Create(["sent"], StringComparison.OrdinalIgnoreCase);

    public void Read(Sentence sentence)
    {
        var text = sentence.Text;
        var found = new List<DelegationDraft>();
        var span = text.AsSpan();
        var delegationWord = span.ContainsAny(DelegationWords);
        var tripWord = span.ContainsAny(TripWords);
        var sentWord = span.ContainsAny(SentWords);

        for (var noun = delegationWord ? DelegationNoun().Match(text) : Match.Empty; noun.Success; noun = noun.NextMatch())
        {
            if (ArticleContext.IsFuture(text, noun.Index))
            {
                continue;
            }

            string? from = null;
            var phraseStart = noun.Index + noun.Length;
            var phraseEnd = phraseStart;
            if (noun.Groups["prep"].Success)
            {
                var phraseStop = DelegationPhraseEnd().Match(text, phraseStart);
                phraseEnd = phraseStop.Success ? phraseStop.Index : text.Length;
                from = sentence.Places.FirstOrDefault(p => p.Index >= phraseStart && p.End <= phraseEnd && p.Kind != PlaceKind.City)?.Code ?? context.HomeCountry;
            }

            if (noun.Groups["adj"].Success)
            {
                var adjective = sentence.Places.FirstOrDefault(p => p.Index >= noun.Index && p.End <= noun.Groups["adj"].Index + noun.Groups["adj"].Length && p.Kind != PlaceKind.City);
                from ??= adjective?.Code ?? (OwnMinistryAdjective().IsMatch(noun.Groups["adj"].Value) ? context.HomeCountry : null);
            }

            // "The delegation visited the ministry", said of the side just received at home: that side's delegation.
            if (from is null && !noun.Groups["adj"].Success && !noun.Groups["prep"].Success && context.TripDestination is null
                && context.LastMeeting is { Kind: MeetingKind.Bilateral, Countries.Count: 1 } received && VisitWord().IsMatch(text)
                && !context.Delegations.Any(d => d.FromCountry == context.HomeCountry))
            {
                var guest = new DelegationDraft(received.Countries.Min!, sentence, "the delegation of the side received");
                guest.Destinations.Add(context.HomeCountry);
                found.Add(guest);
                continue;
            }

            if (from is null)
            {
                continue;
            }

            // Abroad (a trip or a conference the article follows), a foreign delegation met there is not a visit to Vietnam.
            if (from != context.HomeCountry && context.TripDestination is not null && !sentence.Places.Any(p => p.Code == context.HomeCountry && p.Index > noun.Index))
            {
                continue;
            }

            var delegation = new DelegationDraft(from, sentence, "delegation of a country");
            var leaderBy = LedBy().Match(text[phraseStart..]);
            if (leaderBy.Success)
            {
                var at = phraseStart + leaderBy.Index + leaderBy.Length;
                delegation.Leader = sentence.People.FirstOrDefault(p => p.Start >= at && p.Start <= at + 120)?.Person;
            }

            if (from == context.HomeCountry)
            {
                var outside = sentence.Places
                    .Where(p => p.Code != context.HomeCountry && (p.Kind != PlaceKind.Demonym || p.Index > noun.Index) && (p.Index < noun.Index || p.Index >= phraseEnd))
                    .Select(p => p.Code)
                    .Distinct();
                delegation.Destinations.AddRange(outside);
            }
            else
            {
                delegation.Destinations.Add(context.HomeCountry);
            }

            found.Add(delegation);
        }

        for (var trip = tripWord ? lexicon.TripTrigger.Match(text) : Match.Empty; trip.Success; trip = trip.NextMatch())
        {
            if (ArticleContext.IsFuture(text, trip.Index))
            {
                continue;
            }

            var after = trip.Index + trip.Length;
            var destinations = new List<string>();
            var cursor = after;
            foreach (var place in sentence.Places.Where(p => p.Index >= after && p.Kind != PlaceKind.Demonym).OrderBy(p => p.Index))
            {
                var gap = text[cursor..place.Index];
                if (!ListGap().IsMatch(gap))
                {
                    break;
                }

                destinations.Add(place.Code);
                cursor = place.End;
            }

            if (destinations.Count == 0)
            {
                continue;
            }

            // The subject of the sentence leads the trip, or the person a "who" clause describes ("received X, who is on
            // an official visit to Vietnam").
            // "Invited by Yang, Minh is paying a visit": the host who invited does not travel.
            var before = sentence.People.Where(p => p.End <= trip.Index && !InvitedBy().IsMatch(text[Math.Max(0, p.Start - 60)..p.Start])).ToList();
            var leader = before.Count > 0 && WhoClause().IsMatch(text[before[^1].End..trip.Index])
                ? before[^1].Person
                : before.Select(p => (int?)p.Person).FirstOrDefault();
            var from = leader is { } l ? context.People[l].CountryCode ?? context.HomeCountry : context.HomeCountry;
            destinations.RemoveAll(d => d == from);
            if (destinations.Count == 0)
            {
                continue;
            }

            var delegation = new DelegationDraft(from, sentence, "visit or trip to a country") { Leader = leader };
            delegation.Destinations.AddRange(destinations.Distinct());
            found.Add(delegation);
        }

        for (var visit = tripWord ? VisitOf().Match(text) : Match.Empty; visit.Success; visit = visit.NextMatch())
        {
            if (ArticleContext.IsFuture(text, visit.Index))
            {
                continue;
            }

            var after = visit.Index + visit.Length;
            var visitor = sentence.People.FirstOrDefault(p => p.Start >= after && p.Start <= after + 80);
            if (visitor is null || context.People[visitor.Person].CountryCode is not { } from)
            {
                continue;
            }

            var to = visit.Groups["to"].Success ? sentence.Places.FirstOrDefault(p => p.Index == visit.Groups["to"].Index)?.Code : null;
            to ??= from == context.HomeCountry ? null : context.HomeCountry;
            if (to is null || to == from)
            {
                continue;
            }

            var delegation = new DelegationDraft(from, sentence, "the visit of an official") { Leader = visitor.Person };
            delegation.Destinations.Add(to);
            found.Add(delegation);
        }

        for (var sent = sentWord ? SentTrigger().Match(text) : Match.Empty; sent.Success; sent = sent.NextMatch())
        {
            if (ArticleContext.IsFuture(text, sent.Index))
            {
                continue;
            }

            var after = sent.Index + sent.Length;
            var to = sentence.Places.FirstOrDefault(p => p.Index > after && p.Kind != PlaceKind.Demonym
                && ToThe().IsMatch(text[after..p.Index]));
            if (to is null)
            {
                continue;
            }

            var from = sentence.Places.LastOrDefault(p => p.End <= sent.Index && p.Kind == PlaceKind.Name)?.Code ?? context.HomeCountry;
            if (from == to.Code)
            {
                continue;
            }

            // People sent on a task are a trip of their own, apart from the minister's visit the article tells.
            var delegation = new DelegationDraft(from, sentence, "sent people to a country") { Distinct = true };
            delegation.Destinations.Add(to.Code);
            found.Add(delegation);
        }

        foreach (var place in tripWord ? sentence.Places.Where(p => p.Kind != PlaceKind.Demonym) : [])
        {
            var from80 = Math.Max(0, place.Index - 80);
            var own = OwnVisit().Match(text[from80..place.Index]);
            if (!own.Success || ArticleContext.IsFuture(text, from80 + own.Index))
            {
                continue;
            }

            var leader = sentence.People.FirstOrDefault(p => p.End <= place.Index)?.Person;
            var from = leader is { } l ? context.People[l].CountryCode : null;
            if (from is null && place.Code == context.HomeCountry)
            {
                from = "";
            }

            if (from == place.Code)
            {
                continue;
            }

            var visit = new DelegationDraft(from ?? context.HomeCountry, sentence, "a visit told by whose it was") { Leader = leader, NeedsOrigin = from == "" };
            visit.Destinations.Add(place.Code);
            found.Add(visit);
        }

        var (start, end) = TripDates(sentence);
        context.Remember(start);
        // "received the delegation from X on November 7": the day of the reception, not when the delegation's trip began.
        var atReception = found.Count > 0 && !sentence.Dates.Any(d => d.End is not null) && lexicon.MeetingTrigger.IsMatch(text);
        foreach (var delegation in found)
        {
            if (atReception && delegation.Rule == "delegation of a country" && delegation.FromCountry != context.HomeCountry)
            {
                AddDelegation(delegation);
                continue;
            }

            delegation.Start ??= start;
            delegation.End ??= end;
            AddDelegation(delegation);
        }
    }

    private void AddDelegation(DelegationDraft delegation)
    {
        // People sent on a task merge only with what their own sentence tells ("sent a delegation of experts to …").
        var match = context.Delegations.LastOrDefault(d => d.FromCountry == delegation.FromCountry
            && (d.Distinct || delegation.Distinct
                ? d.Evidence == delegation.Evidence
                : d.Destinations.Count == 0 || delegation.Destinations.Count == 0 || d.Destinations.Intersect(delegation.Destinations).Any() || d.Evidence == delegation.Evidence));
        if (match is null)
        {
            if (delegation.Destinations.Count == 0)
            {
                return;
            }

            context.Delegations.Add(delegation);
            match = delegation;
        }
        else
        {
            match.Distinct |= delegation.Distinct;
            match.Destinations.AddRange(delegation.Destinations.Except(match.Destinations).ToList());
            match.Leader ??= delegation.Leader;
            match.Start ??= delegation.Start;
            match.End ??= delegation.End;
        }

        if (match.FromCountry == context.HomeCountry && match.Destinations.Count > 0)
        {
            context.TripDestination = delegation.Destinations.LastOrDefault() ?? match.Destinations[^1];
        }
    }

    /// <summary>A visit to Vietnam by someone the text does not place ("my own visit"): from the article's counterpart.</summary>
    public void Complete(string? mainCounterpart)
    {
        foreach (var delegation in context.Delegations.Where(d => d.NeedsOrigin))
        {
            delegation.FromCountry = mainCounterpart ?? string.Empty;
        }

        context.Delegations.RemoveAll(d => d.FromCountry.Length == 0);
    }

    private static (PartialDate? Start, PartialDate? End) TripDates(Sentence sentence)
    {
        var range = sentence.Dates.FirstOrDefault(d => d.End is not null && d.Start.Precision == DatePrecision.Day);
        if (range is not null)
        {
            return (range.Start, range.End);
        }

        var first = sentence.Dates.Count > 0 ? sentence.Dates[0] : null;
        return (first?.Start, first?.End);
    }
}
