using System.Buffers;
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

    /// <summary>
    /// A session of a standing body of two countries: "the 41st Session of the Intergovernmental Commission for …",
    /// "the second meeting of the Vietnam – Egypt Sub-Committee on Trade".
    /// </summary>
    [GeneratedRegex(@"\b(?<ord>\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]{3,12}teenth|twentieth|thirtieth|fortieth|annual)\s+(?:plenary\s+)?(?:meeting|session)\s+of\s+(?:the\s+)?(?<name>(?:[\p{L}\p{N}'’&–—-]{1,40}\s+){0,10}?(?:Committee|Commission|Sub-?[Cc]ommittee|Council|Mechanism|Working\s+Group))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MechanismSession();

    /// <summary>A meeting named by its two countries: "the Japan-Viet Nam Foreign Ministers' Meeting", "the Vietnam – Czech Business Forum".</summary>
    [GeneratedRegex(@"(?<name>\b[\p{Lu}][\p{L}'’]{1,30}(?:\s+[\p{Lu}][\p{L}'’]{1,30})?\s*[-–—]\s*[\p{Lu}][\p{L}'’]{1,30}(?:\s+[\p{Lu}][\p{L}'’]{1,30})?\s+(?:[\p{Lu}][\p{L}'’-]{0,30}\s+){0,5}(?:Meeting|Summit|Dialogue|Consultations?|Talks|Forum|Conference|Seminar|Workshop))\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex TwoCountryMeeting();

    /// <summary>A gathering named by its number: "the 40th meeting of the ASEAN Ministers on Agriculture", "the 18th AMAF Plus Three meet-up", "the 12th ASEAN Ministers on Energy".</summary>
    [GeneratedRegex(@"\b\d{1,3}(?:st|nd|rd|th)\s+(?<event>(?:meeting|session|summit|conference|forum)\s+of\s+the\s+[\p{Lu}][\p{L}\p{N}+&'’-]{0,30}(?:\s+(?:[\p{Lu}][\p{L}\p{N}+&'’-]{0,30}|of|on|and|for)){0,8}|(?:[\p{Lu}(][\p{L}\p{N}+&'’()-]{0,30}\s+){1,8}?(?:Meeting|Summit|Conference|Forum|Session|Congress|Assembly|Ministers|meet-up|meeting|summit))\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex NumberedGathering();

    /// <summary>A meeting recalled by its number and date: "since the first meeting in April 2018".</summary>
    [GeneratedRegex(@"\b(?:since|at|during|after|following)\s+the\s+(?:first|previous|last|\d{1,3}(?:st|nd|rd|th))\s+(?:meeting|session|round)\s+(?:held\s+)?(?:in|on)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex RecalledMeeting();

    /// <summary>"a luncheon hosted by the minister": the host of a meal or a ceremony received no one in particular.</summary>
    [GeneratedRegex(@"^\s*by\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PassiveBy();

    /// <summary>An event two sides organised together: "a forum co-organised by the ministry and the Japanese ministry".</summary>
    [GeneratedRegex(@"\b(?<event>forum|seminar|workshop|conference|dialogue|event|exhibition|festival)\b[^.;]{0,120}?\b(?:co-?organi[sz]ed|co-?hosted|jointly\s+(?:organi[sz]ed|held|hosted))\s+by\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex CoOrganised();

    // Every gathering, session or counted meeting the patterns above read holds one of these words: most sentences hold
    // none, and skip those patterns.
    private static readonly SearchValues<string> GatheringWords = SearchValues.Create(
        ["meeting", "meet-up", "session", "summit", "conference", "forum", "congress", "assembly", "symposium", "dialogue", "ministerial",
         "expo", "exhibition", "consultation", "talks", "seminar", "workshop", "event", "festival", "round", "committee", "commission", "council",
         "ministers"],
        StringComparison.OrdinalIgnoreCase);

    public void Read(Sentence sentence)
    {
        var gathering = sentence.Text.AsSpan().ContainsAny(GatheringWords);
        if (gathering)
        {
            context.NationalConference |= NationalConference().IsMatch(sentence.Text);
            ReadConferences(sentence);
            ReadNamedMeetings(sentence);
        }

        ReadMeetings(sentence, gathering);
    }

    /// <summary>
    /// Meetings named rather than told by a verb: the session of a joint committee of two countries, a meeting or forum
    /// named by two countries, an event two sides organised together. Each is a bilateral meeting of its own.
    /// </summary>
    private void ReadNamedMeetings(Sentence sentence)
    {
        var text = sentence.Text;
        foreach (var session in MechanismSession().All(text))
        {
            if (ArticleContext.IsFuture(text, session.Index))
            {
                continue;
            }

            var name = session.Groups["name"];
            var countries = Foreign(sentence, name.Index, name.Index + name.Length);
            if (countries.Count > 1)
            {
                continue;
            }

            if (countries.Count == 0)
            {
                countries = context.ForeignCountries(sentence, 0, text.Length, cities: false);
            }

            var meeting = NewMeeting(sentence, countries.Count == 1 ? countries : context.Counterpart(), "a session of a joint committee");
            meeting.EventName = EventKey(session.Value);
            meeting.Name = session.Value;
            meeting.CounterpartOrganisation = name.Value;
            meeting.Parties.Add(MeetingParty.OfOrganisation(name.Value));
            AddMeeting(meeting, sameSentence: true);
        }

        foreach (var named in TwoCountryMeeting().All(text))
        {
            if (ArticleContext.IsFuture(text, named.Index))
            {
                continue;
            }

            var codes = sentence.Places.Where(p => p.Index >= named.Index && p.End <= named.Index + named.Length).Select(p => p.Code).Distinct().ToList();
            if (codes.Count != 2 || !codes.Contains(context.HomeCountry))
            {
                continue;
            }

            var meeting = NewMeeting(sentence, new SortedSet<string>(codes.Where(c => c != context.HomeCountry), StringComparer.Ordinal), "a meeting named by its two countries");
            meeting.EventName = EventKey(named.Value);
            meeting.Name = named.Value;
            meeting.Parties.Add(MeetingParty.OfOrganisation(meeting.EventName));
            AddMeeting(meeting, sameSentence: true);
        }

        if (context.LastMeeting is { Kind: MeetingKind.Bilateral, Countries.Count: > 0 } current
            && sentence.Dates.FirstOrDefault(d => RecalledMeeting().IsMatch(text[Math.Max(0, d.Index - 80)..d.Index])) is { } recalled)
        {
            var earlier = NewMeeting(sentence, new SortedSet<string>(current.Countries, StringComparer.Ordinal), "a meeting recalled by its date");
            earlier.Participants.Clear();
            earlier.Date = recalled.Start;
            earlier.Distinct = true;
            context.Meetings.Add(earlier);
        }

        if (CoOrganised().Match(text) is { Success: true } together && !ArticleContext.IsFuture(text, together.Index)
            && context.ForeignCountries(sentence, together.Index + together.Length, text.Length, cities: false) is { Count: 1 } partner)
        {
            var meeting = NewMeeting(sentence, partner, "an event organised with a foreign side");
            meeting.Parties.Add(MeetingParty.OfOrganisation(together.Groups["event"].Value + " " + partner.Min));
            AddMeeting(meeting, sameSentence: true);
        }
    }

    private SortedSet<string> Foreign(Sentence sentence, int start, int end) =>
        new(sentence.Places.Where(p => p.Index >= start && p.End <= end && p.Code != context.HomeCountry).Select(p => p.Code), StringComparer.Ordinal);

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

            // "concluded the 41st Session …, inking a Protocol": the signing was part of the meeting its sentence tells.
            if (context.Meetings.FirstOrDefault(m => m.Evidence == agreement.Evidence && m.Kind == MeetingKind.Bilateral && m.Countries.Overlaps(agreement.Countries)) is { } told)
            {
                told.Participants.AddRange(agreement.Signatories.Except(told.Participants).ToList());
                continue;
            }

            var meeting = new MeetingDraft(MeetingKind.Bilateral, agreement.Evidence, "signing implies a meeting") { Date = agreement.SignedOn };
            meeting.Countries.UnionWith(foreign.Select(p => context.People[p].CountryCode).OfType<string>());
            meeting.Participants.AddRange(agreement.Signatories);
            meeting.Location = agreement.Evidence.Places.FirstOrDefault(p => p.Kind == PlaceKind.City)?.Text;
            context.Meetings.Add(meeting);
        }
    }

    private void ReadMeetings(Sentence sentence, bool gathering)
    {
        var text = sentence.Text;
        var counted = gathering ? CountedMeetings().Match(text) : Match.Empty;
        var listed = gathering ? ListedMeetings().Match(text) : Match.Empty;
        var triggers = text.AsSpan().ContainsAny(lexicon.MeetingWords) ? lexicon.MeetingTrigger.All(text) : [];
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
                    meeting.Parties.Add(MeetingParty.OfOrganisation(parties[i]));
                    meeting.CounterpartOrganisation = parties[i];
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
            if (hosting && (PassiveBy().IsMatch(window) || peopleInWindow.Count == 0 && !SomeoneReceived().IsMatch(window[..Math.Min(window.Length, 80)])))
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

            // "The Secretary welcomed Deputy Prime Minister X": whoever received a Vietnamese official was the foreign side.
            var receivedHome = hosting && countries.Count == 0 && peopleInWindow.Count > 0 && peopleInWindow.All(context.IsHome) && !inVietnam;
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
            else if (receivedHome && context.Counterpart() is { Count: 1 } host)
            {
                meeting.Kind = MeetingKind.Bilateral;
                meeting.Countries.UnionWith(host);
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
                meeting.Parties.Add(MeetingParty.OfOrganisation(organisation));
                // "the Government" alone names no one in particular.
                meeting.CounterpartOrganisation ??= organisation.Contains(' ', StringComparison.Ordinal) ? organisation : null;
            }

            meeting.CounterpartOrganisation ??= met.Select(p => context.People[p]).FirstOrDefault(p => !p.IsHome(context.HomeCountry) && p.Organisation is not null)?.Organisation;

            if (meeting.Countries.Count == 0 && meeting.Parties.Count == 0 && sentence.People.Count < 2 && !MeetingObject().IsMatch(window))
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
        // "the two leaders", "their delegations": two sides met, the other being the article's counterpart.
        if (countries.Count == 0 && ArticleContext.BothSides().IsMatch(sentence.Text))
        {
            countries = context.Counterpart();
        }

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
        // "At the meeting, the minister welcomed X": a sentence that goes back to the meeting just told adds to it.
        var backTo = ArticleContext.AfterTheMeeting().IsMatch(meeting.Evidence.Text) && context.LastMeeting is { Distinct: false } last
            && last.Kind == meeting.Kind && (meeting.Countries.Count == 0 || meeting.Countries.IsSubsetOf(last.Countries))
            ? last
            : null;
        var match = backTo ?? context.Meetings.LastOrDefault(m =>
            m.Kind == meeting.Kind && !m.Distinct && m.Countries.SetEquals(meeting.Countries)
            && (m.Parties.Count == 0 || meeting.Parties.Count == 0 || m.Parties.Overlaps(meeting.Parties))
            && (m.EventName is null || meeting.EventName is null || m.EventName == meeting.EventName)
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
        into.Name ??= from.Name;
        into.CounterpartOrganisation ??= from.CounterpartOrganisation;
    }

    private void ReadConferences(Sentence sentence)
    {
        var text = sentence.Text;
        var sessions = MechanismSession().All(text);
        foreach (var trigger in lexicon.ConferenceTrigger.All(text).Concat(MultilateralHeld().All(text)).Concat(NumberedGathering().All(text)))
        {
            var span = trigger.Groups["event"];
            if (ArticleContext.IsFuture(text, trigger.Index) || sessions.Any(s => s.Index <= span.Index && span.Index < s.Index + s.Length))
            {
                continue;
            }

            var eventText = span.Value;
            var inName = Foreign(sentence, span.Index, span.Index + span.Length);
            if (inName.Count == 1 && eventText.Contains("Viet", StringComparison.OrdinalIgnoreCase))
            {
                // "the Vietnam-Czech Business Forum": a gathering of two countries is a bilateral meeting.
                var bilateral = NewMeeting(sentence, inName, "a meeting named by its two countries");
                bilateral.EventName = EventKey(eventText);
                bilateral.Name = eventText;
                bilateral.Parties.Add(MeetingParty.OfOrganisation(EventKey(eventText)));
                AddMeeting(bilateral, sameSentence: true);
                continue;
            }

            var named = eventText.Any(char.IsUpper) || char.IsDigit(eventText[0]);
            // A numbered gathering keeps its number in its key: the 11th and the 4th meetings of one body are two.
            var numbered = span.Index > trigger.Index && char.IsDigit(trigger.Value[0]);
            var name = !named ? null : numbered ? TextFolding.Fold(trigger.Value) : EventKeyOrNull(eventText);
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
            // "the 40th meeting of the ASEAN Ministers …" keeps its number; "attended the G20 Digital Ministers Meeting" is named by what it attended.
            meeting.Name = named ? (numbered ? trigger.Value : eventText) : null;
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

    /// <summary>The foreign organisations a part of a sentence names, as written ("the Japan Broadcasting Council").</summary>
    private static IEnumerable<string> Organisations(string window)
    {
        for (var m = Organisation().Match(window); m.Success; m = m.NextMatch())
        {
            var value = m.Value.Trim().TrimEnd(',');
            if (value.Contains("Vietnam", StringComparison.Ordinal) || value.Contains("Information and Communication", StringComparison.Ordinal))
            {
                continue;
            }

            yield return value;
        }
    }

    /// <summary>Two names of one conference: either is a bare "the Conference", or one holds the other's words.</summary>

    private static bool SameEvent(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        // "the 11th …" and "the 4th …" are two gatherings; a number on one side only says nothing.
        var x = a.Split(' ');
        var y = b.Split(' ');
        var xNumber = x.Where(IsOrdinal).ToList();
        var yNumber = y.Where(IsOrdinal).ToList();
        if (xNumber.Count > 0 && yNumber.Count > 0 && !xNumber.SequenceEqual(yNumber))
        {
            return false;
        }

        x = [.. x.Where(w => !IsOrdinal(w))];
        y = [.. y.Where(w => !IsOrdinal(w))];
        return x.All(y.Contains) || y.All(x.Contains);
    }

    private static bool IsOrdinal(string word) =>
        word.Length > 2 && char.IsDigit(word[0]) && word.EndsWith("st", StringComparison.Ordinal) | word.EndsWith("nd", StringComparison.Ordinal)
            | word.EndsWith("rd", StringComparison.Ordinal) | word.EndsWith("th", StringComparison.Ordinal);

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
