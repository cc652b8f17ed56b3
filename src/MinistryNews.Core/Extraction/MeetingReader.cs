using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Reads the meetings of an article: talks, receptions, courtesy calls and working sessions told by the triggers of
/// <see cref="EventLexicon"/> (by the role each gives its arguments: who met, who received whom), conferences attended
/// or held, and the meeting a signing between two sides implies. A sentence that comes back to a meeting already told
/// merges into it.
/// </summary>
public sealed partial class MeetingReader(ArticleContext context, EventLexicon lexicon)
{
    [GeneratedRegex(@"\b(?:delegation|Ambassador|Minister|Secretary|President|Director|Chairman|leaders?|officials?)\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SomeoneReceived();

    [GeneratedRegex(@"^\s*(?:with\s+)?(?:the\s+|a\s+)?(?:newly|heads?|leaders?|representatives?|delegation|ambassadors?|officials?|[\p{Lu}])", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MeetingObject();

    [GeneratedRegex(@"^(?:[^,;.]{0,40}\s)?(?:in|at)\s+(?:the\s+)?$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex HeldIn();

    [GeneratedRegex(@"\b(?:the|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|annual)\b\s*", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OrdinalWords();

    [GeneratedRegex(@"\b(?<n>two|three|four|five|2|3|4|5)\s+(?:previous\s+|separate\s+|bilateral\s+|earlier\s+|other\s+)*(?:talks|meetings|working sessions|sessions)\s+with\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex CountedMeetings();

    [GeneratedRegex(@"\bbilateral\s+(?:meetings|talks)\s+with\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ListedMeetings();

    [GeneratedRegex(@"(?<event>(?:\b[\p{Lu}\d][\p{L}\d'’&-]{0,40}\s+){1,8}(?:[Mm]eeting|Conference|Forum|Summit|Congress|Assembly|Symposium|Dialogue|Session)(?:\s+of\s+the\s+[\p{Lu}][\p{L}'’&-]{0,40}(?:\s+[\p{Lu}][\p{L}'’&-]{0,40}){0,11}(?:\s*\([\p{Lu}]{1,20}\))?)?)\s+(?:took place|was held|were held|is being held|opened|kicked off|closed|convened)\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MultilateralHeld();

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:(?:Embassy|Consulate(?:\s+General)?|Mission|Permanent Mission)\s+of\s+(?:Vietnam|Viet Nam)|(?:Vietnamese|Vietnam's|Vietnam’s)\s+(?:Embassy|Consulate|community|students|businesses|enterprises|diplomatic))", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OwnMission();

    [GeneratedRegex(@"(?:\b[\p{Lu}][\p{L}&'’-]{0,40}\s+){0,6}(?:University|Ministry|Agency|Council|Association|Department|Authority|Government|Institute|Centre|Center|Foundation|Embassy|Company|Corporation|Group|Commission|Committee|Bureau|Board|Office|Academy|Organisation|Organization)\b(?:\s+(?:of|for)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}&'’-]{0,40}(?:,?\s+(?:and\s+)?|\s*$)){1,12})?|\b\p{Ll}{1,40}\p{Lu}{2,20}\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Organisation();

    [GeneratedRegex(@"\b(?:national|provincial|nationwide)\s+(?:conference|forum|meeting|seminar|workshop)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex NationalConference();

    [GeneratedRegex(@"^\s*(?:on the sidelines|during|at the|after|following|on the occasion|also|within the framework|in the framework|on the same day|the same day)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex GoesBack();

    public void Read(Sentence sentence)
    {
        context.NationalConference |= NationalConference().IsMatch(sentence.Text);
        ReadConferences(sentence);
        ReadMeetings(sentence);
    }

    /// <summary>Two officials of two countries who sign a document have met, though the text may not say so.</summary>
    public void Complete()
    {
        // Two officials of two countries who sign a document have met, though the text may not say so.
        foreach (var agreement in context.Agreements.ToList())
        {
            var foreign = agreement.Signatories.Where(p => !context.People[p].IsHome(context.HomeCountry)).ToList();
            if (foreign.Count == 0 || agreement.Signatories.Count < 2 || context.Meetings.Any(m => m.Participants.Intersect(foreign).Any()))
            {
                continue;
            }

            var meeting = new MeetingDraft(MeetingKind.Bilateral, agreement.Evidence, "signing implies a meeting") { Date = agreement.SignedOn };
            meeting.Countries.UnionWith(foreign.Select(p => context.People[p].CountryCode).OfType<string>());
            meeting.Participants.AddRange(agreement.Signatories);
            meeting.Location = agreement.Evidence.Places.FirstOrDefault(p => p.Kind == PlaceKind.City)?.Text;
            context.Meetings.Add(meeting);
        }
    }

    private void ReadMeetings(Sentence sentence)
    {
        var text = sentence.Text;
        var counted = CountedMeetings().Match(text);
        var listed = ListedMeetings().Match(text);
        var triggers = lexicon.MeetingTrigger.All(text);
        triggers.RemoveAll(m => ArticleContext.IsFuture(text, m.Index));
        if (counted.Success && !ArticleContext.IsFuture(text, counted.Index))
        {
            var n = ArticleContext.Number(counted.Groups["n"].Value);
            var window = ArticleContext.Window(text, counted.Index + counted.Length, triggers.Where(t => t.Index > counted.Index + counted.Length).Select(t => t.Index));
            var countries = context.ForeignCountries(sentence, window.Start, window.End, cities: true);
            var parties = Organisations(text[window.Start..window.End]).ToList();
            for (var i = 0; i < n; i++)
            {
                var meeting = NewMeeting(sentence, countries, "counted talks");
                meeting.Distinct = true;
                if (i < parties.Count)
                {
                    meeting.Parties.Add(parties[i]);
                }

                context.Meetings.Add(meeting);
            }

            return;
        }

        if (listed.Success && !ArticleContext.IsFuture(text, listed.Index))
        {
            var listedCountries = context.ForeignCountries(sentence, listed.Index + listed.Length, text.Length, cities: false);
            if (listedCountries.Count > 1)
            {
                foreach (var code in listedCountries)
                {
                    AddMeeting(NewMeeting(sentence, new SortedSet<string>(StringComparer.Ordinal) { code }, "bilateral meetings with a list of countries"), sameSentence: false);
                }

                return;
            }
        }

        foreach (var (trigger, index) in triggers.Select((t, i) => (t, i)))
        {
            var windowStart = trigger.Index + trigger.Length;
            var windowEnd = index + 1 < triggers.Count ? triggers[index + 1].Index : text.Length;
            var window = text[windowStart..windowEnd];
            if (OwnMission().IsMatch(window))
            {
                continue;
            }

            var peopleInWindow = ArticleContext.PeopleBetween(sentence, windowStart, windowEnd);
            var role = EventLexicon.RoleOf(trigger);
            var hosting = role == MeetingRole.Host;
            var weak = role == MeetingRole.Weak;
            // "received", "welcomed", "hosted" make a meeting only when someone is received, not "received support".
            if (hosting && peopleInWindow.Count == 0 && !SomeoneReceived().IsMatch(window[..Math.Min(window.Length, 80)]))
            {
                continue;
            }

            var countries = context.ForeignCountries(sentence, windowStart, windowEnd, cities: true);
            foreach (var person in peopleInWindow.Where(p => !context.People[p].IsHome(context.HomeCountry)))
            {
                if (context.People[person].CountryCode is { } code)
                {
                    countries.Add(code);
                }
            }

            if (countries.Count == 0)
            {
                countries = context.ForeignCountries(sentence, 0, text.Length, cities: true);
                foreach (var person in sentence.People.Select(p => p.Person).Where(p => !context.People[p].IsHome(context.HomeCountry)))
                {
                    if (context.People[person].CountryCode is { } code)
                    {
                        countries.Add(code);
                    }
                }
            }

            // A meeting with an official of an international body (the ITU's Secretary-General) has no country on the
            // other side, wherever it took place: it is a meeting with the body, among its members.
            var withBody = countries.Count == 0 && peopleInWindow.Any(p => context.People[p].OfBody)
                && peopleInWindow.All(p => context.People[p].OfBody || context.People[p].IsHome(context.HomeCountry));
            var inVietnam = sentence.Places.Any(p => p.Code == context.HomeCountry && p.Kind == PlaceKind.City);
            if (countries.Count == 0 && context.TripDestination is not null && !inVietnam && !withBody)
            {
                countries.Add(context.TripDestination);
            }

            if (weak && countries.Count == 0)
            {
                continue;
            }

            var meeting = NewMeeting(sentence, countries, role switch
            {
                MeetingRole.Meet => "met",
                MeetingRole.Host => "received",
                MeetingRole.Weak => "worked with",
                _ => "talks or meeting with",
            });
            if (withBody)
            {
                meeting.Kind = MeetingKind.Multilateral;
            }
            if (triggers.Count > 1)
            {
                // Several meetings in one sentence: each has the subject and the people of its own part.
                meeting.Participants.RemoveAll(p => sentence.People.Where(m => m.Person == p).All(m => m.Start >= triggers[0].Index && (m.Start < windowStart || m.Start >= windowEnd)));
            }

            // Who was met: the foreign people after the verb, or the first person right after it ("met Prime Minister X
            // and held talks with Minister Y" are two meetings).
            var met = peopleInWindow.Where(p => !context.People[p].IsHome(context.HomeCountry)).ToList();
            if (met.Count == 0 && sentence.People.FirstOrDefault(p => p.Start >= windowStart && p.Start < windowStart + 60) is { } first)
            {
                met.Add(first.Person);
            }

            foreach (var person in met)
            {
                meeting.Parties.Add(MeetingParty.OfPerson(person));
            }

            foreach (var organisation in Organisations(window))
            {
                meeting.Parties.Add(organisation);
            }

            if (countries.Count == 0 && meeting.Parties.Count == 0 && sentence.People.Count < 2 && !MeetingObject().IsMatch(window))
            {
                continue;
            }

            // "met with the Japanese minister X and the Indian minister Y": a bilateral meeting has one foreign side,
            // so officials of several countries met at once are as many meetings.
            var sides = met.Where(p => !context.People[p].IsHome(context.HomeCountry) && context.People[p].CountryCode is not null)
                .GroupBy(p => context.People[p].CountryCode!)
                .ToList();
            if (countries.Count > 1 && sides.Count == countries.Count && sides.All(g => countries.Contains(g.Key)))
            {
                foreach (var side in sides)
                {
                    var one = NewMeeting(sentence, new SortedSet<string>(StringComparer.Ordinal) { side.Key }, meeting.Rule + ", one meeting per country");
                    one.Participants.RemoveAll(p => !context.People[p].IsHome(context.HomeCountry) && !side.Contains(p));
                    one.Parties.UnionWith(side.Select(MeetingParty.OfPerson));
                    AddMeeting(one, sameSentence: true);
                }

                continue;
            }

            AddMeeting(meeting, sameSentence: true);
        }
    }

    private MeetingDraft NewMeeting(Sentence sentence, SortedSet<string> countries, string rule)
    {
        var meeting = new MeetingDraft(countries.Count > 0 ? MeetingKind.Bilateral : MeetingKind.Domestic, sentence, rule);
        meeting.Countries.UnionWith(countries);
        meeting.Participants.AddRange(context.Participants(sentence));
        meeting.Date = ArticleContext.AfterTheMeeting().IsMatch(sentence.Text) ? null : context.EventDate(sentence) ?? (GoesBack().IsMatch(sentence.Text) ? context.LastDay : null);
        context.Remember(meeting.Date);
        meeting.Location = sentence.Places.FirstOrDefault(p => p.Kind == PlaceKind.City)?.Text;
        return meeting;
    }

    private void AddMeeting(MeetingDraft meeting, bool sameSentence)
    {
        var match = context.Meetings.LastOrDefault(m =>
            m.Kind == meeting.Kind && !m.Distinct && m.Countries.SetEquals(meeting.Countries)
            && (m.Parties.Count == 0 || meeting.Parties.Count == 0 || m.Parties.Overlaps(meeting.Parties))
            && !(m.Date is { Precision: DatePrecision.Day } a && meeting.Date is { Precision: DatePrecision.Day } b && a != b));
        if (match is null)
        {
            context.Meetings.Add(meeting);
            context.LastMeeting = meeting;
            return;
        }

        Merge(match, meeting);
        context.LastMeeting = match;
    }

    private static void Merge(MeetingDraft into, MeetingDraft from)
    {
        into.Participants.AddRange(from.Participants.Except(into.Participants));
        into.Parties.UnionWith(from.Parties);
        into.Date ??= from.Date;
        into.Location ??= from.Location;
        into.EventName ??= from.EventName;
    }

    private void ReadConferences(Sentence sentence)
    {
        var text = sentence.Text;
        foreach (var trigger in lexicon.ConferenceTrigger.All(text).Concat(MultilateralHeld().All(text)))
        {
            if (ArticleContext.IsFuture(text, trigger.Index))
            {
                continue;
            }

            var eventText = trigger.Groups["event"].Value;
            var named = char.IsUpper(eventText[0]) || char.IsDigit(eventText[0]);
            var name = named ? EventKeyOrNull(eventText) : null;
            var after = trigger.Index + trigger.Length;
            var host = sentence.Places
                .Where(p => p.Index >= after && p.Kind != PlaceKind.Demonym)
                .FirstOrDefault(p => HeldIn().IsMatch(text[after..p.Index]));
            // "the conference" of an article about a national conference is a meeting at home, not among countries.
            var national = name is null && !context.Meetings.Any(m => m.Kind == MeetingKind.Multilateral) && context.NationalConference;
            var meeting = new MeetingDraft(national ? MeetingKind.Domestic : MeetingKind.Multilateral, sentence, national ? "attended a national conference" : "attended a conference");
            if (host is not null && host.Code != context.HomeCountry)
            {
                meeting.Countries.Add(host.Code);
            }

            meeting.EventName = name;
            meeting.Location = host?.Kind == PlaceKind.City ? host.Text : null;
            meeting.Participants.AddRange(context.Participants(sentence).Where(p => context.People[p].IsHome(context.HomeCountry)));
            meeting.Date = context.EventDate(sentence);
            context.Remember(meeting.Date);

            var existing = context.Meetings.LastOrDefault(m => m.Kind == meeting.Kind && (m.Kind == MeetingKind.Domestic || SameEvent(m.EventName, name)));
            if (existing is null)
            {
                context.Meetings.Add(meeting);
            }
            else
            {
                Merge(existing, meeting);
                if (existing.Countries.Count == 0)
                {
                    existing.Countries.UnionWith(meeting.Countries);
                }
            }

            if (host is not null && host.Code != context.HomeCountry)
            {
                context.TripDestination = host.Code;
            }
        }
    }

    private static IEnumerable<MeetingParty> Organisations(string window)
    {
        for (var m = Organisation().Match(window); m.Success; m = m.NextMatch())
        {
            var value = m.Value.Trim().TrimEnd(',');
            if (value.Contains("Vietnam", StringComparison.Ordinal) || value.Contains("Information and Communication", StringComparison.Ordinal))
            {
                continue;
            }

            yield return MeetingParty.OfOrganisation(value);
        }
    }

    /// <summary>Two names of one conference: either is a bare "the Conference", or one holds the other's words.</summary>

    private static bool SameEvent(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        var x = a.Split(' ');
        var y = b.Split(' ');
        return x.All(y.Contains) || y.All(x.Contains);
    }

    private static string? EventKeyOrNull(string name)
    {
        var key = EventKey(name);
        return key.Contains(' ', StringComparison.Ordinal) ? key : null;
    }

    private static string EventKey(string name)
    {
        var folded = TextFolding.Fold(name);
        return OrdinalWords().Replace(folded, string.Empty).Trim();
    }
}
