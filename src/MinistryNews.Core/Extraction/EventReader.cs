using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Reads the meetings, delegations and agreements of an article, sentence by sentence in text order, from the
/// verbs and nouns that tell them ("met", "received", "talks with", "attended the … Conference", "a delegation of …
/// led by", "paid a working visit to", "signed a Memorandum of Understanding"). Sentences that come back to an event
/// already told merge into it; events announced for the future are left out. The rules are in docs/extraction.md.
/// </summary>
public sealed partial class EventReader(PeopleReader people, string homeCountry, PartialDate? published = null)
{
    [GeneratedRegex(@"\b(?:delegation|Ambassador|Minister|Secretary|President|Director|Chairman|leaders?|officials?)\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SomeoneReceived();

    [GeneratedRegex(@"^\s*(?:with\s+)?(?:the\s+|a\s+)?(?:newly|heads?|leaders?|representatives?|delegation|ambassadors?|officials?|[\p{Lu}])", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MeetingObject();

    [GeneratedRegex(@"^(?:[^,;.]{0,40}\s)?(?:in|at)\s+(?:the\s+)?$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex HeldIn();

    [GeneratedRegex(@"^(?:MIC|MOFA|Ministry)$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OwnMinistryAdjective();

    [GeneratedRegex(@"\b(?:led|headed|chaired)\s+by\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex LedBy();

    [GeneratedRegex(@"^\s*(?:(?:the|,|and|&)\s*)*$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ListGap();

    [GeneratedRegex(@"\bto\s+(?:the\s+)?$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ToThe();

    [GeneratedRegex(@"^[^.;]{0,40}\b(?:will|to) be signed\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ToBeSigned();

    [GeneratedRegex(@"\b(?:the|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|annual)\b\s*", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OrdinalWords();

    private readonly List<MeetingDraft> _meetings = [];
    private readonly List<DelegationDraft> _delegations = [];
    private readonly List<AgreementDraft> _agreements = [];
    private MeetingDraft? _lastMeeting;
    private string? _tripDestination;

    private bool _nationalConference;

    /// <summary>The day of the latest event told to the day: a sentence that goes back to it ("On the sidelines …") takes it.</summary>
    private PartialDate? _lastDay;

    public IReadOnlyList<MeetingDraft> Meetings => _meetings;

    public IReadOnlyList<DelegationDraft> Delegations => _delegations;

    public IReadOnlyList<AgreementDraft> Agreements => _agreements;

    // ---- Patterns -------------------------------------------------------------------------------------------

    [GeneratedRegex(@"\b(?:will|would|shall|going to|plans? to|planned to|planning to|expects? to|expected to|is to|are to|intends? to|aims? to|hopes? to|wish(?:es)? to|propos(?:e|es|ed|al)|agreed? (?:on|to)|consider(?:s|ing)?|prepar(?:e|es|ing) (?:to|for)|upcoming|next|later this|look(?:s|ing)? forward|towards?|invit(?:e|es|ed|ing|ation)\b.*\bto|to be)\b|\bto\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex FutureMarker();

    [GeneratedRegex(@"[,;:()]|\b(?:after|before|when|while|because|since|although|whereas|which|who|where)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"^[^.;]{0,60}?\b(?:the two|both)\s+(?:ministers|deputy ministers|officials|leaders)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex TwoOfficials();

    [GeneratedRegex(@"\bwitness(?:ed|es|ing)?\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Witnessed();

    [GeneratedRegex(@"^,?\s*who\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex WhoClause();

    [GeneratedRegex(@"\b(?:the|this|that)\s+(?:document|documents|memorandum|agreement|deal|MoU|MOU|letter|plan)\s+(?:was|were|had been|has been)\s+signed\s+by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AnaphoricSigning();

    [GeneratedRegex(@"^[^.;]{0,120}?\b(?:was|were)\s+signed\s+by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SignedBy();

    [GeneratedRegex(@"\b(?<n>two|three|four|five|2|3|4|5)\s+(?:previous\s+|separate\s+|bilateral\s+|earlier\s+|other\s+)*(?:talks|meetings|working sessions|sessions)\s+with\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex CountedMeetings();

    [GeneratedRegex(@"\bbilateral\s+(?:meetings|talks)\s+with\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ListedMeetings();

    [GeneratedRegex(@"\b(?:(?<verb>met|meets|meet)(?:\s+and\s+work(?:ed|s)?)?(?:\s+with)?|(?:meeting|meetings|talks|talk|working\s+session|working\s+sessions|discussions?|dialogue|phone\s+(?:call|conversation|talks)|video\s+(?:call|conference)|videoconference|online\s+meeting|courtesy\s+(?:call|visit)|bilateral\s+meeting)\s+with|(?:held|had|holds|has)\s+(?:bilateral\s+)?talks|talked\s+(?:with|to)|paid\s+a\s+courtesy\s+(?:call|visit)\s+(?:on|to)|(?<host>received|receives|receiving|welcomed|welcomes|hosted|hosts)|worked\s+bilaterally|co-chaired\s+(?:the\s+|a\s+)?(?:[\p{L}\d-]+\s+){0,3}?(?:meeting|session|dialogue)|(?<weak>(?:worked|works)\s+with))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MeetingTrigger();

    [GeneratedRegex(@"\b(?i:attend(?:ed|s|ing)?|participat(?:ed|es|ing)\s+in|participation\s+in|took\s+part\s+in|taking\s+part\s+in|(?:speaking|spoke|speaks)\s+at|addressed|chaired|co-chaired)\s+(?:the\s+|a\s+|an\s+)?(?<event>(?:[\p{L}\p{N}'’&-]+\s+){0,8}?(?:Conference|Meeting|Forum|Summit|Congress|Assembly|Symposium|Dialogue|Ministerial|Expo|Exhibition|conference|forum|summit|congress|symposium|ministerial\s+meeting))\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MultilateralTrigger();

    [GeneratedRegex(@"(?<event>(?:\b[\p{Lu}\d][\p{L}\d'’&-]{0,40}\s+){1,8}(?:[Mm]eeting|Conference|Forum|Summit|Congress|Assembly|Symposium|Dialogue|Session)(?:\s+of\s+the\s+[\p{Lu}][\p{L}'’&-]{0,40}(?:\s+[\p{Lu}][\p{L}'’&-]{0,40}){0,11}(?:\s*\([\p{Lu}]{1,20}\))?)?)\s+(?:took place|was held|were held|is being held|opened|kicked off|closed|convened)\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex MultilateralHeld();

    [GeneratedRegex(@"\b(?:(?<adj>[\p{Lu}][\p{L}'’-]{0,40}(?:\s+[\p{Lu}][\p{L}'’-]{0,40})?)\s+)?delegations?\b(?:\s+(?<prep>of|from)\b)?", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex DelegationNoun();

    [GeneratedRegex(@"\b(?:led|headed|chaired)\s+by\b|,|\bwhich\b|\bwho\b|\bthat\b|\bto\b|\b(?:is|are|was|were|has|have|had|will)\b|\b(?:attended|visited|visits|met|arrived|paid|paying|worked)\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex DelegationPhraseEnd();

    [GeneratedRegex(@"\b(?:(?:paid|pays|paying|made|makes|making|is on|was on|are on|were on|began|begins|concluded|concludes|wrapped up|during)\s+(?:a|an|his|her|their|the|its)?\s*(?:[\p{L}'’-]+\s+){0,3}?(?:visit|trip|tour|mission)\s+(?:to|in)|visit(?:ed|s)?\s+(?:and\s+work(?:ed|s)?\s+in\s+)?|arrived\s+in|arrives\s+in)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex TripTrigger();

    [GeneratedRegex(@"\b(?:the|a|an|his|her)\s+(?:(?:official|state|working|recent|first|historic)\s+)*visit\s+(?:to\s+(?<to>[\p{Lu}][\p{L}\s]+?)\s+)?(?:of|by)\s", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex VisitOf();

    [GeneratedRegex(@"\bsent\s+(?:a|an|its|their|his|her|the)?\s*(?:[\p{L}-]+\s+){0,4}?(?:delegations?|experts|specialists|officials|staff|engineers|teams?|missions?|officers)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SentTrigger();

    [GeneratedRegex(@"(?<mou>memorand(?:um|a|ums)\s+of\s+(?:understanding|cooperation|co-operation)|\bMoUs?\b|\bMOUs?\b)|(?<loi>letters?\s+of\s+intent|\bLoIs?\b)|(?<stmt>joint\s+(?:statements?|communiqu[eé]s?))|(?<decl>(?:joint\s+)?[Dd]eclarations?)|(?<plan>(?:cooperation|co-operation|action|work)\s+plans?|plans?\s+of\s+(?:action|cooperation))|(?<prog>(?:cooperation|co-operation)\s+programmes?|programmes?\s+of\s+cooperation)|(?<treaty>\btreat(?:y|ies)\b)|(?<agr>\bagreements?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AgreementNoun();

    // Every match of AgreementNoun holds one of these: a sentence without any (most of them) skips the expression, whose
    // first letters (a, c, d, j, l, m, p, t in both cases) would otherwise start an attempt at half its positions.
    private static readonly SearchValues<string> AgreementWords = SearchValues.Create(
        ["memorand", "mou", "letter", "loi", "joint", "declaration", "plan", "programme", "treat", "agreement"],
        StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?:signed|signing|signs|sign|inked|concluded|adopted|approved|reached|ratified|renewed|exchanged)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AgreementVerbBefore();

    [GeneratedRegex(@"^[^.;]{0,160}?\b(?:(?:was|were|had been|has been|have been)\s+)?(?:signed|inked|concluded|adopted|ratified|expires?|expired|made|took effect|came into force|entered into force)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AgreementVerbAfter();

    // "two MOU", "three new cooperation agreements": a number right before the document, with adjectives between at most
    // ("on July 5 signed a memorandum" is not five of them).
    [GeneratedRegex(@"(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)\b(?<n>two|three|four|five|2|3|4|5)\s+(?:(?:new|more|other|separate|bilateral|cooperation|co-operation|important|additional|specific)\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex CountBefore();

    [GeneratedRegex(@"\b(?:the two|both)\s+(?:ministers|sides|ministries|officials|leaders|parties|countries|governments|deputy ministers)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex BothSides();

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:(?:Embassy|Consulate(?:\s+General)?|Mission|Permanent Mission)\s+of\s+(?:Vietnam|Viet Nam)|(?:Vietnamese|Vietnam's|Vietnam’s)\s+(?:Embassy|Consulate|community|students|businesses|enterprises|diplomatic))", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OwnMission();

    [GeneratedRegex(@"(?:\b[\p{Lu}][\p{L}&'’-]{0,40}\s+){0,6}(?:University|Ministry|Agency|Council|Association|Department|Authority|Government|Institute|Centre|Center|Foundation|Embassy|Company|Corporation|Group|Commission|Committee|Bureau|Board|Office|Academy|Organisation|Organization)\b(?:\s+(?:of|for)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}&'’-]{0,40}(?:,?\s+(?:and\s+)?|\s*$)){1,12})?|\b\p{Ll}{1,40}\p{Lu}{2,20}\b", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Organisation();

    [GeneratedRegex(@"(?:in the period |for the period |valid )?(?:from\s+)?(?<y1>(?:19|20)\d{2})\s*(?:-|–|to|until)\s*(?<y2>(?:19|20)\d{2})|\bfor\s+(?:the\s+)?(?<y>(?:19|20)\d{2})\b(?!\s*-)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ValidityPeriod();

    [GeneratedRegex(@"\b(?:expires?|expired|expiring|valid|in force)\s+(?:until|till|through|in|on)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ValidUntil();

    [GeneratedRegex(@"^\s*(?:at|after|during|following|on the sidelines of)\s+the\s+(?:meeting|talks|reception|working session)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AfterTheMeeting();

    [GeneratedRegex(@"\b(?:national|provincial|nationwide)\s+(?:conference|forum|meeting|seminar|workshop)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex NationalConference();

    [GeneratedRegex(@"^\s*(?:on the sidelines|during|at the|after|following|on the occasion|also|within the framework|in the framework|on the same day|the same day)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex GoesBack();

    // ---- Reading ----------------------------------------------------------------------------------------------

    public void Read(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (var sentence in sentences.Where(s => s.IsBody))
        {
            cancellationToken.ThrowIfCancellationRequested();
            _nationalConference |= NationalConference().IsMatch(sentence.Text);
            ReadDelegations(sentence);
            ReadMultilateral(sentence);
            ReadMeetings(sentence);
            ReadAgreements(sentence);
        }
    }

    /// <summary>Fills in what needs the whole article: counterparts left open, and the meeting a signing implies.</summary>
    public void Complete(string? mainCounterpart)
    {
        foreach (var agreement in _agreements.Where(a => a.NeedsCounterpart && a.Countries.Count == 0 && mainCounterpart is not null))
        {
            agreement.Countries.Add(mainCounterpart!);
        }

        // Two officials of two countries who sign a document have met, though the text may not say so.
        foreach (var agreement in _agreements.ToList())
        {
            var foreign = agreement.Signatories.Where(p => !people.People[p].IsHome(homeCountry)).ToList();
            if (foreign.Count == 0 || agreement.Signatories.Count < 2 || _meetings.Any(m => m.Participants.Intersect(foreign).Any()))
            {
                continue;
            }

            var meeting = new MeetingDraft(MeetingKind.Bilateral, agreement.Evidence, "signing implies a meeting") { Date = agreement.SignedOn };
            meeting.Countries.UnionWith(foreign.Select(p => people.People[p].CountryCode).OfType<string>());
            meeting.Participants.AddRange(agreement.Signatories);
            meeting.Location = agreement.Evidence.Places.FirstOrDefault(p => p.Kind == PlaceKind.City)?.Text;
            _meetings.Add(meeting);
        }
    }

    private void ReadMeetings(Sentence sentence)
    {
        var text = sentence.Text;
        var counted = CountedMeetings().Match(text);
        var listed = ListedMeetings().Match(text);
        var triggers = MeetingTrigger().All(text);
        triggers.RemoveAll(m => IsFuture(text, m.Index));
        if (counted.Success && !IsFuture(text, counted.Index))
        {
            var n = Number(counted.Groups["n"].Value);
            var window = Window(text, counted.Index + counted.Length, triggers.Where(t => t.Index > counted.Index + counted.Length).Select(t => t.Index));
            var countries = ForeignCountries(sentence, window.Start, window.End, cities: true);
            var parties = Organisations(text[window.Start..window.End]).ToList();
            for (var i = 0; i < n; i++)
            {
                var meeting = NewMeeting(sentence, countries, "counted talks");
                meeting.Distinct = true;
                if (i < parties.Count)
                {
                    meeting.Parties.Add(parties[i]);
                }

                _meetings.Add(meeting);
            }

            return;
        }

        if (listed.Success && !IsFuture(text, listed.Index))
        {
            var listedCountries = ForeignCountries(sentence, listed.Index + listed.Length, text.Length, cities: false);
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

            var peopleInWindow = PeopleBetween(sentence, windowStart, windowEnd);
            var hosting = trigger.Groups["host"].Success;
            var weak = trigger.Groups["weak"].Success;
            // "received", "welcomed", "hosted" make a meeting only when someone is received, not "received support".
            if (hosting && peopleInWindow.Count == 0 && !SomeoneReceived().IsMatch(window[..Math.Min(window.Length, 80)]))
            {
                continue;
            }

            var countries = ForeignCountries(sentence, windowStart, windowEnd, cities: true);
            foreach (var person in peopleInWindow.Where(p => !people.People[p].IsHome(homeCountry)))
            {
                if (people.People[person].CountryCode is { } code)
                {
                    countries.Add(code);
                }
            }

            if (countries.Count == 0)
            {
                countries = ForeignCountries(sentence, 0, text.Length, cities: true);
                foreach (var person in sentence.People.Select(p => p.Person).Where(p => !people.People[p].IsHome(homeCountry)))
                {
                    if (people.People[person].CountryCode is { } code)
                    {
                        countries.Add(code);
                    }
                }
            }

            // A meeting with an official of an international body (the ITU's Secretary-General) has no country on the
            // other side, wherever it took place: it is a meeting with the body, among its members.
            var withBody = countries.Count == 0 && peopleInWindow.Any(p => people.People[p].OfBody)
                && peopleInWindow.All(p => people.People[p].OfBody || people.People[p].IsHome(homeCountry));
            var inVietnam = sentence.Places.Any(p => p.Code == homeCountry && p.Kind == PlaceKind.City);
            if (countries.Count == 0 && _tripDestination is not null && !inVietnam && !withBody)
            {
                countries.Add(_tripDestination);
            }

            if (weak && countries.Count == 0)
            {
                continue;
            }

            var meeting = NewMeeting(sentence, countries, trigger.Groups["verb"].Success ? "met" : hosting ? "received" : weak ? "worked with" : "talks or meeting with");
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
            var met = peopleInWindow.Where(p => !people.People[p].IsHome(homeCountry)).ToList();
            if (met.Count == 0 && sentence.People.FirstOrDefault(p => p.Start >= windowStart && p.Start < windowStart + 60) is { } first)
            {
                met.Add(first.Person);
            }

            foreach (var person in met)
            {
                meeting.Parties.Add("person:" + person.ToString(CultureInfo.InvariantCulture));
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
            var sides = met.Where(p => !people.People[p].IsHome(homeCountry) && people.People[p].CountryCode is not null)
                .GroupBy(p => people.People[p].CountryCode!)
                .ToList();
            if (countries.Count > 1 && sides.Count == countries.Count && sides.All(g => countries.Contains(g.Key)))
            {
                foreach (var side in sides)
                {
                    var one = NewMeeting(sentence, new SortedSet<string>(StringComparer.Ordinal) { side.Key }, meeting.Rule + ", one meeting per country");
                    one.Participants.RemoveAll(p => !people.People[p].IsHome(homeCountry) && !side.Contains(p));
                    one.Parties.UnionWith(side.Select(p => "person:" + p.ToString(CultureInfo.InvariantCulture)));
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
        meeting.Participants.AddRange(Participants(sentence));
        meeting.Date = AfterTheMeeting().IsMatch(sentence.Text) ? null : EventDate(sentence) ?? (GoesBack().IsMatch(sentence.Text) ? _lastDay : null);
        Remember(meeting.Date);
        meeting.Location = sentence.Places.FirstOrDefault(p => p.Kind == PlaceKind.City)?.Text;
        return meeting;
    }

    private void AddMeeting(MeetingDraft meeting, bool sameSentence)
    {
        var match = _meetings.LastOrDefault(m =>
            m.Kind == meeting.Kind && !m.Distinct && m.Countries.SetEquals(meeting.Countries)
            && (m.Parties.Count == 0 || meeting.Parties.Count == 0 || m.Parties.Overlaps(meeting.Parties))
            && !(m.Date is { Precision: DatePrecision.Day } a && meeting.Date is { Precision: DatePrecision.Day } b && a != b));
        if (match is null)
        {
            _meetings.Add(meeting);
            _lastMeeting = meeting;
            return;
        }

        Merge(match, meeting);
        _lastMeeting = match;
    }

    private static void Merge(MeetingDraft into, MeetingDraft from)
    {
        into.Participants.AddRange(from.Participants.Except(into.Participants));
        into.Parties.UnionWith(from.Parties);
        into.Date ??= from.Date;
        into.Location ??= from.Location;
        into.EventName ??= from.EventName;
    }

    private void ReadMultilateral(Sentence sentence)
    {
        var text = sentence.Text;
        foreach (var trigger in MultilateralTrigger().All(text).Concat(MultilateralHeld().All(text)))
        {
            if (IsFuture(text, trigger.Index))
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
            var national = name is null && !_meetings.Any(m => m.Kind == MeetingKind.Multilateral) && _nationalConference;
            var meeting = new MeetingDraft(national ? MeetingKind.Domestic : MeetingKind.Multilateral, sentence, national ? "attended a national conference" : "attended a conference");
            if (host is not null && host.Code != homeCountry)
            {
                meeting.Countries.Add(host.Code);
            }

            meeting.EventName = name;
            meeting.Location = host?.Kind == PlaceKind.City ? host.Text : null;
            meeting.Participants.AddRange(Participants(sentence).Where(p => people.People[p].IsHome(homeCountry)));
            meeting.Date = EventDate(sentence);
            Remember(meeting.Date);

            var existing = _meetings.LastOrDefault(m => m.Kind == meeting.Kind && (m.Kind == MeetingKind.Domestic || SameEvent(m.EventName, name)));
            if (existing is null)
            {
                _meetings.Add(meeting);
            }
            else
            {
                Merge(existing, meeting);
                if (existing.Countries.Count == 0)
                {
                    existing.Countries.UnionWith(meeting.Countries);
                }
            }

            if (host is not null && host.Code != homeCountry)
            {
                _tripDestination = host.Code;
            }
        }
    }

    private void ReadDelegations(Sentence sentence)
    {
        var text = sentence.Text;
        var found = new List<DelegationDraft>();

        for (var noun = DelegationNoun().Match(text); noun.Success; noun = noun.NextMatch())
        {
            if (IsFuture(text, noun.Index))
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
                from = sentence.Places.FirstOrDefault(p => p.Index >= phraseStart && p.End <= phraseEnd && p.Kind != PlaceKind.City)?.Code ?? homeCountry;
            }

            if (noun.Groups["adj"].Success)
            {
                var adjective = sentence.Places.FirstOrDefault(p => p.Index >= noun.Index && p.End <= noun.Groups["adj"].Index + noun.Groups["adj"].Length && p.Kind != PlaceKind.City);
                from ??= adjective?.Code ?? (OwnMinistryAdjective().IsMatch(noun.Groups["adj"].Value) ? homeCountry : null);
            }

            if (from is null)
            {
                continue;
            }

            // Abroad (a trip or a conference the article follows), a foreign delegation met there is not a visit to Vietnam.
            if (from != homeCountry && _tripDestination is not null && !sentence.Places.Any(p => p.Code == homeCountry && p.Index > noun.Index))
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

            if (from == homeCountry)
            {
                var outside = sentence.Places
                    .Where(p => p.Code != homeCountry && (p.Kind != PlaceKind.Demonym || p.Index > noun.Index) && (p.Index < noun.Index || p.Index >= phraseEnd))
                    .Select(p => p.Code)
                    .Distinct();
                delegation.Destinations.AddRange(outside);
            }
            else
            {
                delegation.Destinations.Add(homeCountry);
            }

            found.Add(delegation);
        }

        for (var trip = TripTrigger().Match(text); trip.Success; trip = trip.NextMatch())
        {
            if (IsFuture(text, trip.Index))
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
            var before = sentence.People.Where(p => p.End <= trip.Index).ToList();
            var leader = before.Count > 0 && WhoClause().IsMatch(text[before[^1].End..trip.Index])
                ? before[^1].Person
                : before.Select(p => (int?)p.Person).FirstOrDefault();
            var from = leader is { } l ? people.People[l].CountryCode ?? homeCountry : homeCountry;
            destinations.RemoveAll(d => d == from);
            if (destinations.Count == 0)
            {
                continue;
            }

            var delegation = new DelegationDraft(from, sentence, "visit or trip to a country") { Leader = leader };
            delegation.Destinations.AddRange(destinations.Distinct());
            found.Add(delegation);
        }

        for (var visit = VisitOf().Match(text); visit.Success; visit = visit.NextMatch())
        {
            if (IsFuture(text, visit.Index))
            {
                continue;
            }

            var after = visit.Index + visit.Length;
            var visitor = sentence.People.FirstOrDefault(p => p.Start >= after && p.Start <= after + 80);
            if (visitor is null || people.People[visitor.Person].CountryCode is not { } from)
            {
                continue;
            }

            var to = visit.Groups["to"].Success ? sentence.Places.FirstOrDefault(p => p.Index == visit.Groups["to"].Index)?.Code : null;
            to ??= from == homeCountry ? null : homeCountry;
            if (to is null || to == from)
            {
                continue;
            }

            var delegation = new DelegationDraft(from, sentence, "the visit of an official") { Leader = visitor.Person };
            delegation.Destinations.Add(to);
            found.Add(delegation);
        }

        for (var sent = SentTrigger().Match(text); sent.Success; sent = sent.NextMatch())
        {
            if (IsFuture(text, sent.Index))
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

            var from = sentence.Places.LastOrDefault(p => p.End <= sent.Index && p.Kind == PlaceKind.Name)?.Code ?? homeCountry;
            if (from == to.Code)
            {
                continue;
            }

            var delegation = new DelegationDraft(from, sentence, "sent people to a country");
            delegation.Destinations.Add(to.Code);
            found.Add(delegation);
        }

        var (start, end) = TripDates(sentence);
        Remember(start);
        foreach (var delegation in found)
        {
            delegation.Start ??= start;
            delegation.End ??= end;
            AddDelegation(delegation);
        }
    }

    private void AddDelegation(DelegationDraft delegation)
    {
        var match = _delegations.LastOrDefault(d => d.FromCountry == delegation.FromCountry
            && (d.Destinations.Count == 0 || delegation.Destinations.Count == 0 || d.Destinations.Intersect(delegation.Destinations).Any()
                || d.Evidence == delegation.Evidence));
        if (match is null)
        {
            if (delegation.Destinations.Count == 0)
            {
                return;
            }

            _delegations.Add(delegation);
            match = delegation;
        }
        else
        {
            match.Destinations.AddRange(delegation.Destinations.Except(match.Destinations).ToList());
            match.Leader ??= delegation.Leader;
            match.Start ??= delegation.Start;
            match.End ??= delegation.End;
        }

        if (match.FromCountry == homeCountry && match.Destinations.Count > 0)
        {
            _tripDestination = delegation.Destinations.LastOrDefault() ?? match.Destinations[^1];
        }
    }

    private void ReadAgreements(Sentence sentence)
    {
        var text = sentence.Text;
        var nouns = text.AsSpan().ContainsAny(AgreementWords) ? AgreementNoun().All(text) : [];

        // "The document was signed by Minister X and Minister Y": the signatories of the document just told.
        if (AnaphoricSigning().Match(text) is { Success: true } back && _agreements.Count > 0)
        {
            var last = _agreements[^1];
            var at = back.Index + back.Length;
            last.Signatories.AddRange(sentence.People.Where(p => p.Start >= at).Select(p => p.Person).Distinct().Except(last.Signatories).ToList());
            nouns.RemoveAll(n => n.Index < at);
        }

        for (var i = 0; i < nouns.Count; i++)
        {
            var noun = nouns[i];
            // "Memorandum of Understanding (MoU)": the acronym repeats the name.
            if (i > 0 && IsAcronymRepeat(text, nouns[i - 1], noun))
            {
                continue;
            }

            var clauseStart = ClauseStart(text, noun.Index);
            var before = text[clauseStart..noun.Index];
            var after = text[(noun.Index + noun.Length)..];
            var next = i + 1;
            while (next < nouns.Count && IsAcronymRepeat(text, nouns[next - 1], nouns[next]))
            {
                next++;
            }

            var nextNoun = next < nouns.Count ? nouns[next].Index - (noun.Index + noun.Length) : after.Length;
            var afterToNext = after[..nextNoun];
            var verbBefore = AgreementVerbBefore().Last(before);
            var verbAfter = AgreementVerbAfter().Match(afterToNext);
            if (verbBefore is null && !verbAfter.Success)
            {
                continue;
            }

            // "expected to sign a new plan" is not a document yet; "the MoU signed in 2022" is one, whatever the clause plans for it.
            var future = verbAfter.Success
                ? ToBeSigned().IsMatch(afterToNext)
                : FutureMarker().IsMatch(before[..verbBefore!.Index]) || ToBeSigned().IsMatch(afterToNext);
            if (future)
            {
                continue;
            }

            var count = CountBefore().Match(before);
            var plural = Regex.IsMatch(noun.Value, @"(?:s|a|ies)$", RegexOptions.CultureInvariant) && !Regex.IsMatch(noun.Value, @"(?:ies|Ms|Us)$", RegexOptions.CultureInvariant) && !noun.Value.EndsWith("OUs", StringComparison.Ordinal)
                || Regex.IsMatch(noun.Value, @"(?:MoUs|MOUs|treaties|memoranda|memorandums)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (plural && !count.Success)
            {
                continue;
            }

            var kind = KindOf(noun);
            var agreement = new AgreementDraft(kind, sentence, verbBefore is not null ? $"{verbBefore.Value.ToLowerInvariant()} a document" : "a document signed or in force");
            var countries = ForeignCountries(sentence, 0, text.Length, cities: false);
            var adopted = verbBefore?.Value.Equals("adopted", StringComparison.OrdinalIgnoreCase) == true;
            if (countries.Count > 0)
            {
                agreement.Countries.UnionWith(countries);
            }
            else if (adopted && _meetings.Any(m => m.Kind == MeetingKind.Multilateral))
            {
                // Adopted by a conference: no one counterpart.
            }
            else if (_lastMeeting is { Kind: MeetingKind.Bilateral } last && (BothSides().IsMatch(text) || AfterTheMeeting().IsMatch(text)))
            {
                agreement.Countries.UnionWith(last.Countries);
            }
            else
            {
                agreement.NeedsCounterpart = true;
            }

            if (Regex.IsMatch(noun.Value, @"^[\p{Lu}]", RegexOptions.CultureInvariant) && kind is "Declaration")
            {
                var named = Regex.Match(text[..(noun.Index + noun.Length)], @"(?:[\p{Lu}][\p{L}-]*\s+)+Declaration$", RegexOptions.CultureInvariant);
                agreement.Name = named.Success ? named.Value : null;
            }

            // Signatories: the people before "signed", or both sides of the meeting the signing closed.
            // "The document was signed by Minister X and Minister Y": the signatories come after.
            if (SignedBy().Match(afterToNext) is { Success: true } by)
            {
                var at = noun.Index + noun.Length + by.Index + by.Length;
                agreement.Signatories.AddRange(sentence.People.Where(p => p.Start >= at).Select(p => p.Person).Distinct());
            }
            else if (verbBefore is not null && verbBefore.Value.StartsWith("sign", StringComparison.OrdinalIgnoreCase))
            {
                var verbAt = clauseStart + verbBefore.Index;
                agreement.Signatories.AddRange(sentence.People.Where(p => p.End <= verbAt).Select(p => p.Person).Distinct());
                // Those who witnessed a signing did not sign.
                if (Witnessed().IsMatch(text[..verbAt]))
                {
                    agreement.Signatories.Clear();
                }
                else if (agreement.Signatories.Count == 0 && BothSides().Match(text) is { Success: true } both && both.Index < verbAt && _lastMeeting is not null)
                {
                    agreement.Signatories.AddRange(_lastMeeting.Participants);
                }
            }

            ReadValidity(agreement, text, noun.Index + noun.Length, afterToNext);
            // A document a conference adopted dates from the conference (dates near it belong to other things adopted); others from their sentence.
            agreement.SignedOn = AfterTheMeeting().IsMatch(text) && (_lastMeeting?.Date ?? _lastDay) is { } meetingDate ? meetingDate
                : adopted ? _meetings.LastOrDefault(m => m.Kind == MeetingKind.Multilateral)?.Date
                : SigningDate(sentence, agreement, verbBefore is null ? -1 : clauseStart + verbBefore.Index, noun.Index + noun.Length);
            agreement.Distinct = count.Success;
            var copies = count.Success ? Number(count.Groups["n"].Value) : 1;
            for (var c = 0; c < copies; c++)
            {
                AddAgreement(c == 0 ? agreement : Copy(agreement, sentence));
            }
        }
    }

    private static bool IsAcronymRepeat(string text, Match previous, Match noun) =>
        noun.Index - (previous.Index + previous.Length) <= 2 && text[..noun.Index].TrimEnd().EndsWith('(');

    private static AgreementDraft Copy(AgreementDraft agreement, Sentence sentence)
    {
        var copy = new AgreementDraft(agreement.Kind, sentence, agreement.Rule)
        {
            Name = agreement.Name,
            NeedsCounterpart = agreement.NeedsCounterpart,
            SignedOn = agreement.SignedOn,
            Valid = agreement.Valid,
            Distinct = true,
        };
        copy.Countries.UnionWith(agreement.Countries);
        copy.Signatories.AddRange(agreement.Signatories);
        return copy;
    }

    private void AddAgreement(AgreementDraft agreement)
    {
        var match = agreement.Distinct ? null : _agreements.LastOrDefault(a => !a.Distinct && a.Kind == agreement.Kind
            && (a.Countries.SetEquals(agreement.Countries) || (a.NeedsCounterpart && agreement.Countries.Count > 0 && a.Countries.Count == 0) || (agreement.NeedsCounterpart && agreement.Countries.Count == 0))
            && !(a.SignedOn is { } x && agreement.SignedOn is { } y && x.Year != y.Year));
        if (match is null)
        {
            _agreements.Add(agreement);
            return;
        }

        if (match.NeedsCounterpart && match.Countries.Count == 0 && agreement.Countries.Count > 0)
        {
            match.Countries.UnionWith(agreement.Countries);
            match.NeedsCounterpart = false;
        }

        match.SignedOn ??= agreement.SignedOn;
        match.Valid ??= agreement.Valid;
        match.Name ??= agreement.Name;
        match.Signatories.AddRange(agreement.Signatories.Except(match.Signatories).ToList());
    }

    private static void ReadValidity(AgreementDraft agreement, string text, int nounEnd, string afterToNext)
    {
        var period = ValidityPeriod().Match(afterToNext);
        if (period.Success && period.Index < 200)
        {
            agreement.Valid = period.Groups["y"].Success
                ? new Validity(Year(period.Groups["y"].Value), Year(period.Groups["y"].Value))
                : new Validity(Year(period.Groups["y1"].Value), Year(period.Groups["y2"].Value));
            return;
        }

        var until = ValidUntil().Match(afterToNext);
        if (until.Success && until.Index < 60)
        {
            var date = DateReader.Find(text[(nounEnd + until.Index + until.Length)..], null).FirstOrDefault(d => d.Index == 0);
            if (date is not null)
            {
                agreement.Valid = new Validity(null, date.Start);
            }
        }
    }

    /// <summary>The signing date: a date of the sentence outside the validity, and not between the verb and the document, where dates belong to other things adopted.</summary>
    private static PartialDate? SigningDate(Sentence sentence, AgreementDraft agreement, int verbAt, int nounEnd)
    {
        foreach (var date in sentence.Dates.Where(d => verbAt < 0 || d.Index < verbAt || d.Index >= nounEnd))
        {
            var inValidity = agreement.Valid is { } v && (date.Start == v.From || date.Start == v.To || date.End == v.To);
            if (!inValidity)
            {
                return date.Start;
            }
        }

        return null;
    }

    // ---- Helpers ----------------------------------------------------------------------------------------------

    private static string KindOf(Match noun) =>
        noun.Groups["mou"].Success ? "Memorandum of Understanding"
        : noun.Groups["loi"].Success ? "Letter of Intent"
        : noun.Groups["stmt"].Success ? "Joint Statement"
        : noun.Groups["decl"].Success ? "Declaration"
        : noun.Groups["plan"].Success ? (noun.Value.Contains("action", StringComparison.OrdinalIgnoreCase) ? "Action plan" : "Cooperation plan")
        : noun.Groups["prog"].Success ? "Cooperation programme"
        : noun.Groups["treaty"].Success ? "Treaty"
        : "Agreement";

    private static bool IsFuture(string text, int index)
    {
        var start = ClauseStart(text, index);
        return FutureMarker().IsMatch(text[start..index]);
    }

    private static int ClauseStart(string text, int index)
    {
        var boundary = ClauseBoundary().Last(text[..index]);
        return boundary is null ? 0 : boundary.Index + boundary.Length;
    }

    private static (int Start, int End) Window(string text, int start, IEnumerable<int> next)
    {
        var end = next.DefaultIfEmpty(text.Length).First();
        return (start, Math.Max(start, end));
    }

    private SortedSet<string> ForeignCountries(Sentence sentence, int start, int end, bool cities)
    {
        var codes = sentence.Places
            .Where(p => p.Index >= start && p.End <= end && p.Code != homeCountry && (cities || p.Kind != PlaceKind.City))
            .Select(p => p.Code);
        var set = new SortedSet<string>(codes, StringComparer.Ordinal);
        if (cities && set.Count > 1)
        {
            // A city names where it happened; named countries say with whom.
            set.ExceptWith(sentence.Places.Where(p => p.Kind == PlaceKind.City && !sentence.Places.Any(q => q.Kind != PlaceKind.City && q.Code == p.Code)).Select(p => p.Code));
        }

        return set;
    }

    private static List<int> PeopleBetween(Sentence sentence, int start, int end) =>
        [.. sentence.People.Where(p => p.Start >= start && p.Start < end).Select(p => p.Person).Distinct()];

    private List<int> Participants(Sentence sentence)
    {
        var participants = sentence.People.Select(p => p.Person).Distinct().ToList();
        if (BothSides().IsMatch(sentence.Text) && participants.All(p => people.People[p].IsHome(homeCountry)))
        {
            // "the two ministers": those of the meeting just told, or those who signed the document just told.
            var sides = _lastMeeting?.Participants
                ?? (_agreements.Count > 0 && TwoOfficials().IsMatch(sentence.Text) ? _agreements[^1].Signatories : []);
            participants.AddRange(sides.Except(participants));
        }

        return participants;
    }

    private void Remember(PartialDate? date)
    {
        if (date is { Precision: DatePrecision.Day })
        {
            _lastDay = date;
        }
    }

    /// <summary>The date of an event told in a sentence: its first date to the month or day, else its first year; never one after publication (a deadline, a plan).</summary>
    private PartialDate? EventDate(Sentence sentence)
    {
        var past = sentence.Dates.Where(d => published is not { } p || d.Start.FirstDay <= p.LastDay).ToList();
        return past.FirstOrDefault(d => d.Start.Precision != DatePrecision.Year || d.Relative)?.Start
            ?? (past.Count > 0 ? past[0].Start : null);
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

    private static IEnumerable<string> Organisations(string window)
    {
        for (var m = Organisation().Match(window); m.Success; m = m.NextMatch())
        {
            var value = m.Value.Trim().TrimEnd(',');
            if (value.Contains("Vietnam", StringComparison.Ordinal) || value.Contains("Information and Communication", StringComparison.Ordinal))
            {
                continue;
            }

            yield return "org:" + TextFolding.Fold(value);
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

    private static int Number(string word) => word.ToLowerInvariant() switch
    {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        var digits => int.Parse(digits, CultureInfo.InvariantCulture),
    };

    private static PartialDate Year(string value) => new(int.Parse(value, CultureInfo.InvariantCulture));
}
