using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Reads the documents of an article: a document noun of <see cref="EventLexicon"/> (memorandum, agreement, protocol,
/// exchange of notes …) with a signing verb before or after it in its clause, or words that take it as in force
/// already ("as part of the MoU"); its counterpart, signatories, signing date, period of validity, subject and the
/// foreign organisation it was signed with. Documents planned or only requested are left out; one told twice is one.
/// </summary>
public sealed partial class AgreementReader(ArticleContext context, EventLexicon lexicon)
{
    // "… to be signed", "the signing ceremony of the MoU will take place on …".
    [GeneratedRegex(@"^[^.;]{0,40}\b(?:(?:will|to) be signed|will take place|will be held|(?:is|are) (?:scheduled|set|slated) (?:to|for))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ToBeSigned();

    // "witnessed the signing", "welcomed the signing": those who watched or hailed a signing did not sign.
    [GeneratedRegex(@"\b(?:witness(?:ed|es|ing)?|welcom(?:ed|es|ing)|attend(?:ed|s|ing)|hail(?:ed|s)|applaud(?:ed|s)|congratulat(?:ed|es))\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Witnessed();

    [GeneratedRegex(@"\b(?:the|this|that)\s+(?:document|documents|memorandum|agreement|deal|MoU|MOU|letter|plan|protocol)\s+(?:was|were|had been|has been)\s+signed\s+by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AnaphoricSigning();

    // "was signed by", "was signed in the capital on 3 May by": a few words may come between the verb and "by".
    [GeneratedRegex(@"^[^.;]{0,120}?\b(?:was|were)\s+signed\s+(?:[^.;]{0,60}?\s)?by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SignedBy();

    // "Signed by X and Y, the Protocol …": a participle that opens the sentence signs the document of its first clause.
    [GeneratedRegex(@"^\s*(?:Signed|Inked|Concluded)\b[^.;]{0,200},\s*$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SigningOpener();

    [GeneratedRegex(@"^\s*(?:(?:the|this|a|an|its|their)\s+)?(?:[\p{L}\p{N}'’-]{1,40}\s+){0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex FewWords();

    [GeneratedRegex(@"(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)(?<!\b(?:over|more than|nearly|about|around|almost|some|up to|at least|than)\s)\b(?<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\s+(?:(?:new|more|other|separate|bilateral|cooperation|co-operation|important|additional|specific)\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex CountBefore();

    [GeneratedRegex(@"(?:in the period |for the period |valid )?(?:from\s+)?(?<y1>(?:19|20)\d{2})\s*(?:-|–|to|until)\s*(?<y2>(?:19|20)\d{2})|\bfor\s+(?:the\s+)?(?<y>(?:19|20)\d{2})\b(?!\s*-)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ValidityPeriod();

    [GeneratedRegex(@"\b(?:expires?|expired|expiring|valid|in force)\s+(?:until|till|through|in|on)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ValidUntil();

    [GeneratedRegex(@"\b(?:and|as well as|along with|plus)\b|,", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Coordinated();

    [GeneratedRegex(@"^(?:adopt|approv|endors)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AdoptingVerb();

    // "The meeting adopted", "ASEAN ministers endorsed": adopted among countries, not by a ministry at home.
    [GeneratedRegex(@"\b(?:meeting|conference|forum|summit|session|dialogue|ministers|delegates|participants|leaders|parties|members|countries|nations)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AdoptedByAMeeting();

    // "the conference", "member states": a document signed by a gathering of countries, not by one side.
    [GeneratedRegex(@"\b(?:conference|summit|forum|ministerial meeting|member states|member countries|participating countries)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SignedByAGathering();

    // "Phnom Penh, June 11, 2031: …" or "HANOI, May 5 (VNA) –": the date the report was filed, not of what it tells.
    [GeneratedRegex(@"^\s*[\p{Lu}][\p{L}.'’ -]{0,40},\s*$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex LeadPlace();

    [GeneratedRegex(@"^\s*[(:–—-]", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex LeadEnd();

    // "the 2015 agreement", "the 2021-2025 period": a year that names a thing, not when it was signed.

    [GeneratedRegex(@"^(?:sign|ink)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SigningVerb();

    // "the two ministers signed" names people; "the two countries signed" does not.
    [GeneratedRegex(@"\b(?:the two|both)\s+(?:ministers|deputy ministers|officials|leaders|sides|heads)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex BothOfficials();

    // "The MoU replaces the one signed in 2016": the verb signs an earlier document of the same kind.
    [GeneratedRegex(@"^[^.;]{0,80}?\b(?:the|an?)\s+(?:(?:previous|old|earlier|former|first|last|existing)\s+)?one\s+(?:(?:which|that)\s+(?:was|had been)\s+)?(?:signed|inked)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OneSigned();

    [GeneratedRegex(@"^(?:adopt|approv|endors|sign)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex StatementVerb();

    // "reached an agreement on", not "reached agreement" or "reached a broad agreement" (a consensus).
    [GeneratedRegex(@"^\s+(?:an?|the)\s+(?:(?!broad\b|common\b|high\b|general\b|initial\b)[\p{L}-]+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ReachedADocument();

    // "asked the institute to help … by signing a work plan": asked for, not signed.
    [GeneratedRegex(@"\b(?:request(?:ed|s)?|ask(?:ed|s)?|urg(?:ed|es)|suggest(?:ed|s)?|propos(?:ed|es)|recommend(?:ed|s)?|call(?:ed|s)?\s+for|encourag(?:ed|es))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Requested();

    [GeneratedRegex(@"\b(?:draft|new|future|next)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex NotYetInForce();

    // "This agreement, …" after a memorandum: the document just told, named again.
    [GeneratedRegex(@"\b(?:this|that|the said|the above|the above-mentioned|the aforementioned)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Demonstrative();

    [GeneratedRegex(@"\s(?:on|of|for)\s+co-?operation$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OnCooperation();

    [GeneratedRegex(@"^\s*\([^()]{1,20}\)", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AcronymInBrackets();

    [GeneratedRegex(@"^[\s(:–-]{0,3}\(?1\)", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex EnumerationStart();

    /// <summary>
    /// What a document is about, right after it or after the side it was signed with: "on cooperation in information
    /// security", "for cooperation in the field of health", "(took place) with the Minister of Transport on road safety".
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:[\p{L}-]{1,20}\s+){0,3}?(?:with|between)\s+[^,;:.()]{1,120}?\s+)?(?<s>(?:on|regarding|concerning|relating to|related to|for(?=\s+co-?operation\b)|in the (?:field|fields|area|areas|sphere|domain) of)\s+(?!(?:the\s+)?(?:sidelines?|occasion|basis|same|morning|afternoon|evening|night|day|behalf|part|eve|spot|way)\b|(?:this|that|their|his|her)\s+(?:occasion|day|visit|part|behalf)\b|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|\d)[^,;:.()]{1,140}?)(?=\s+(?:between|with|by|was|were|is|are|has|have|had|at|during|which|that|who|as|from|until|valid|for\s+the\s+period|for\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|on\s+\d|(?:and\s+)?(?:signed|inked|exchanged|adopted|agreed|discussed|witnessed|reviewed))\b|[,;:.()]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Subject();

    /// <summary>The name of a ministry or agency: capitalised words, a head word, "of"/"for" and more capitalised words; "and the Ministry …" is another.</summary>
    [GeneratedRegex(@"\b(?:[Tt]he\s+)?(?:[\p{Lu}][\p{L}&'’-]{0,40}\s+){0,5}?(?:Ministry|Department|Agency|Authority|Office|Council|Commission|Committee|Institute|Centre|Center|Association|Administration|Bureau|Foundation|Inspectorate|Academy|University|Corporation)\b(?:\s+(?:of|for)\s+(?:the\s+)?[\p{Lu}][\p{L}&'’-]{0,40}(?:,?\s+(?:(?:and|&)\s+(?!the\b|Ministry\b|Department\b|Agency\b)|(?:of|for)\s+(?:the\s+)?)?[\p{Lu}][\p{L}&'’-]{0,40}){0,10})?", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OrganisationName();

    [GeneratedRegex(@"^(?:cooperation|co-operation|field|fields|area|areas|sphere|domain|the|of|in|on|and|for|to|a|an|regarding|concerning|relating|related|between|two|bilateral|sides|countries|ministries)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SubjectStopWord();

    [GeneratedRegex(@"\s+(?:and|or|as well as)(?:\s+(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex TrailingConjunction();

    [GeneratedRegex(@"\b(?:various|several|many|a number of|different|other|multiple|numerous)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Vague();

    [GeneratedRegex(@"(?:s|memoranda)$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PluralWord();

    [GeneratedRegex(@"\s+(?:of|on|for)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex HeadEnd();

    [GeneratedRegex(@"^[\p{Lu}]", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Capitalised();

    [GeneratedRegex(@"(?:[\p{Lu}][\p{L}-]{0,40}\s+){1,6}Declaration$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex NamedDeclaration();

    /// <summary>
    /// Words that tell a document renews or replaces an earlier one, and that earlier one: "renewing the MoU",
    /// "to replace the 2014 agreement", "which replaces the one", "succeeding the previous one". The earlier document
    /// is the document noun right after (the match ends the words before it) or "one", of the same kind.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:which|that)\s+(?:replaces|replaced|renews|renewed|extends|extended|succeeds|succeeded|supersedes|superseded)|renewing|extending|replacing|succeeding|superseding|replaces|renews|extends|succeeds|supersedes|(?<!\b(?:agreed?|decided?|plans?|planned|aims?|aimed|expects?|expected|intends?|intended|hopes?|hoped|asked?|requested|proposed?|wish(?:es|ed)?|needs?|needed|wants?|wanted)\s)to\s+(?:renew|extend|replace|succeed|supersede))\s+(?:the|an?|its|their)\s+(?:(?:previous|earlier|old|former|existing|first|current|original|expiring|expired)\s+)?(?:(?<y>(?:19|20)\d{2})\s+)?(?:(?<one>one)\b|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex RenewalCue();

    private static readonly SearchValues<string> RenewalWords = SearchValues.Create(["renew", "replac", "extend", "succeed", "supersed"], StringComparison.OrdinalIgnoreCase);

    /// <summary>"the MoU signed in 2011", "the one which was signed on 5 May 2014": the words up to the date an earlier document was signed.</summary>
    [GeneratedRegex(@"^(?:\s*\([^()]{1,20}\))?[^.;,()]{0,100}?\b(?:signed|inked|concluded)\s+(?:in|on)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SignedInOrOn();

    /// <summary>"The MoU replaces …": the document that opens the sentence, named again.</summary>
    [GeneratedRegex(@"^\s*(?:the|this|that)\s+(?:new\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OpensTheSentence();

    /// <summary>"in Tokyo", "at Hanoi": the words right before a place where something happened.</summary>
    [GeneratedRegex(@"\b(?:in|at)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PlaceCue();

    /// <summary>"Tokyo's", "Hanoi-based": a place that qualifies a thing rather than says where.</summary>
    [GeneratedRegex(@"^(?:['’]s\b|-based\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PlaceAsQualifier();

    /// <summary>"In Tokyo on May 5, …", "On March 9, 2031, in Santiago, …": the phrases that open a sentence with when and where it happens.</summary>
    [GeneratedRegex(@"^(?:\s*(?:(?:[Oo]n|[Ii]n|[Aa]t|[Dd]uring)\b[^,;:()]{0,80}|(?:19|20)\d{2}),)+", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex OpeningWhere();

    /// <summary>The end of the words that go with a document after it: a clause or a bracket.</summary>
    [GeneratedRegex(@"[,;:()]|\b(?:which|who|where|while|when|after|before|during|following|as)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex DocumentPhraseEnd();

    public void Read(Sentence sentence)
    {
        var text = sentence.Text;
        var nouns = text.AsSpan().ContainsAny(lexicon.DocumentWords) ? lexicon.DocumentNoun.All(text) : [];

        // "The document was signed by Minister X and Minister Y": the signatories of the document just told.
        if (context.Agreements.Count > 0 && text.Contains("signed", StringComparison.OrdinalIgnoreCase) && AnaphoricSigning().Match(text) is { Success: true } back)
        {
            var last = context.Agreements[^1];
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

            var next = i + 1;
            while (next < nouns.Count && IsAcronymRepeat(text, nouns[next - 1], nouns[next]))
            {
                next++;
            }

            ReadDocument(sentence, noun, i > 0 ? nouns[i - 1].Index + nouns[i - 1].Length : -1, next < nouns.Count ? nouns[next] : null);
        }
    }

    /// <summary>A document whose text named no counterpart takes the article's.</summary>
    public void Complete(string? mainCounterpart)
    {
        foreach (var agreement in context.Agreements.Where(a => a.NeedsCounterpart && a.Countries.Count == 0 && mainCounterpart is not null))
        {
            agreement.Countries.Add(mainCounterpart!);
        }
    }

    private void ReadDocument(Sentence sentence, Match noun, int previousNounEnd, Match? nextNoun)
    {
        var text = sentence.Text;
        var nextNounAt = nextNoun?.Index ?? text.Length;
        var kind = lexicon.KindOf(noun);
        var nounEnd = noun.Index + noun.Length;
        var clauseStart = ArticleContext.ClauseStart(text, noun.Index);
        var before = text[clauseStart..noun.Index];
        var afterToNext = text[nounEnd..nextNounAt];
        var verbBefore = lexicon.SigningBefore.Last(before);
        // "signed a protocol amending the 2015 agreement": the verb signs the first document, and others joined to it by "and".
        if (verbBefore is not null && previousNounEnd > clauseStart + verbBefore.Index && !Coordinated().IsMatch(text[previousNounEnd..noun.Index]))
        {
            verbBefore = null;
        }

        var verbAfter = lexicon.SigningAfter.Match(afterToNext);
        var renews = Renewal(sentence, kind, nounEnd, afterToNext, nextNoun);
        // "The MoU replaces the one signed in 2016": the document told last, named again, renews the earlier one.
        var toldBefore = renews is not null && OpensTheSentence().IsMatch(text.AsSpan(0, noun.Index)) ? context.Agreements.LastOrDefault(a => a.Kind == kind) : null;
        if (OneSigned().Match(afterToNext) is { Success: true } one)
        {
            AddEarlierOne(sentence, kind, nounEnd + one.Index + one.Length);
            verbAfter = Match.Empty;
        }

        var opener = verbBefore is null && !verbAfter.Success && FewWords().IsMatch(before) ? SigningOpener().Match(text[..clauseStart]) : Match.Empty;
        // "an exchange of documents took place": the exchange is the act itself.
        var exchange = noun.Value.StartsWith("exchange", StringComparison.OrdinalIgnoreCase);
        var inForce = verbBefore is null && !verbAfter.Success && !opener.Success && !exchange ? lexicon.DocumentInForce.Match(before) : Match.Empty;
        if (verbBefore is null && !verbAfter.Success && !opener.Success && !exchange && !inForce.Success)
        {
            toldBefore?.Renews ??= renews;
            return;
        }

        // "expected to sign a new plan" is not a document yet; "the MoU signed in 2022" is one, whatever the clause plans for it.
        var future = verbAfter.Success ? ToBeSigned().IsMatch(afterToNext)
            : verbBefore is not null ? ArticleContext.FutureMarker().IsMatch(before[..verbBefore.Index]) || ToBeSigned().IsMatch(afterToNext) || (!verbBefore.Value.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && IsRequested(text[..(clauseStart + verbBefore.Index)]))
            : inForce.Success ? NotYetInForce().IsMatch(before) || ToBeSigned().IsMatch(afterToNext)
            : ArticleContext.FutureMarker().IsMatch(before) || ToBeSigned().IsMatch(afterToNext) || IsRequested(text[..noun.Index]);
        if (future || !Fits(kind, before, verbBefore, inForce.Success))
        {
            return;
        }

        var subject = WithoutPlace(SubjectOf(text, noun, kind, afterToNext), sentence);
        var count = CountBefore().Match(before);
        var items = count.Success ? [] : EnumeratedItems(afterToNext);
        var copies = count.Success ? Number(count.Groups["n"].Value) : Math.Max(1, items.Count);
        var exchanged = exchange || verbBefore?.Value.StartsWith("exchang", StringComparison.OrdinalIgnoreCase) == true;
        if (IsPlural(noun.Value, kind) && copies == 1 && !count.Success)
        {
            // "exchanged documents on cooperation in tourism" is one exchange; "signed agreements with several partners" is no count.
            if (!(exchanged && kind == "Cooperation document" && subject is not null && !Vague().IsMatch(subject)))
            {
                return;
            }
        }

        // "This agreement, …" after a memorandum: the same document, told again.
        if (context.Agreements.Count > 0 && Demonstrative().IsMatch(before) && kind is "Agreement" or "Cooperation document"
            && context.Agreements[^1].Evidence.Paragraph >= sentence.Paragraph - 1)
        {
            var told = context.Agreements[^1];
            told.Subject ??= subject;
            told.Renews ??= renews;
            ReadValidity(told, text, nounEnd, afterToNext);
            return;
        }

        var rule = verbBefore is not null ? $"{verbBefore.Value.ToLowerInvariant()} a document"
            : opener.Success ? "a document signed by the people of the opening clause"
            : inForce.Success ? "a document in force"
            : exchange ? "an exchange of documents"
            : "a document signed or in force";
        var agreement = new AgreementDraft(kind, sentence, rule) { Subject = subject, Renews = renews };
        var adopted = verbBefore is not null && AdoptingVerb().IsMatch(verbBefore.Value);
        if (!ReadCounterpart(agreement, sentence, adopted))
        {
            return;
        }

        if (Capitalised().IsMatch(noun.Value) && kind is "Declaration")
        {
            var named = NamedDeclaration().Match(text[..nounEnd]);
            agreement.Name = named.Success ? named.Value : null;
        }

        ReadValidity(agreement, text, nounEnd, afterToNext);

        // A document a conference adopted dates from the conference (dates near it belong to other things adopted); others from their sentence.
        agreement.SignedOn = ArticleContext.AfterTheMeeting().IsMatch(text) && (context.LastMeeting?.Date ?? context.LastDay) is { } meetingDate ? meetingDate
            : adopted && AdoptingConference(context.ForeignCountries(sentence, 0, text.Length, cities: false), ArticleContext.BothSides().IsMatch(text)) is { } conference ? conference.Date
            : SigningDate(sentence, agreement, verbBefore is null ? -1 : clauseStart + verbBefore.Index, noun.Index, nounEnd);
        ReadSignatories(agreement, sentence, noun, clauseStart, verbBefore, afterToNext, opener);
        agreement.CounterpartOrganisation = CounterpartOrganisation(sentence, agreement);
        // A document in force was signed before the event the sentence tells, wherever that took place.
        agreement.Place = inForce.Success ? null : SigningPlace(sentence, agreement, noun, clauseStart, afterToNext);
        agreement.Distinct = copies > 1;
        for (var c = 0; c < copies; c++)
        {
            var document = c == 0 ? agreement : Copy(agreement, sentence);
            document.Subject = items.Count > 0 ? items[c] : document.Subject;
            AddAgreement(document);
        }
    }

    /// <summary>"… replaces the one signed in 2016": an earlier document of the same kind, dated by what follows.</summary>
    private void AddEarlierOne(Sentence sentence, string kind, int verbEnd)
    {
        var earlier = new AgreementDraft(kind, sentence, "the one signed before it") { Distinct = true };
        if (ReadCounterpart(earlier, sentence, adopted: false))
        {
            earlier.SignedOn = sentence.Dates.FirstOrDefault(d => d.Index >= verbEnd)?.Start;
            context.Agreements.Add(earlier);
        }
    }

    /// <summary>
    /// The earlier document a document renews, extends or replaces, when the words after it say so: its kind (of the
    /// document noun that follows, or the same kind for "the one") and when it was signed, by a year before its noun
    /// ("the 2014 agreement") or a date after "signed in/on".
    /// </summary>
    private AgreementReference? Renewal(Sentence sentence, string kind, int nounEnd, string afterToNext, Match? nextNoun)
    {
        if (!afterToNext.AsSpan().ContainsAny(RenewalWords))
        {
            return null;
        }

        // The words of renewal follow the document closely: within its own clause, not the next sentence part.
        const int Reach = 240;
        var cut = afterToNext.Length > Reach;
        var cue = RenewalCue().Match(cut ? afterToNext[..Reach] : afterToNext);
        var toOne = cue.Groups["one"].Success;
        if (!cue.Success || cue.Index > 160 || afterToNext.AsSpan(0, cue.Index).IndexOfAny(';', ':') >= 0 || (!toOne && (cut || nextNoun is null)))
        {
            return null;
        }

        var earlierKind = toOne ? kind : lexicon.KindOf(nextNoun!);
        if (cue.Groups["y"].Success)
        {
            return new AgreementReference(earlierKind, ArticleContext.Year(cue.Groups["y"].Value));
        }

        var after = toOne ? nounEnd + cue.Index + cue.Length : nextNoun!.Index + nextNoun.Length;
        return new AgreementReference(earlierKind, SignedAt(sentence, after));
    }

    /// <summary>The date of "signed in 2011", "which was signed on 5 May 2014" right after <paramref name="at"/>.</summary>
    private static PartialDate? SignedAt(Sentence sentence, int at)
    {
        var text = sentence.Text;
        var signed = SignedInOrOn().Match(text, at, Math.Min(140, text.Length - at));
        if (!signed.Success)
        {
            return null;
        }

        var dateAt = signed.Index + signed.Length;
        return sentence.Dates.FirstOrDefault(d => d.Index == dateAt)?.Start;
    }

    /// <summary>
    /// Where a document was signed: a city the words of its signing place ("signed in Tokyo", "met in Hanoi and signed",
    /// "In Seoul on May 5, …", "an MoU … in Santiago"), else where the meeting of the same sentence, or the meeting the
    /// sentence goes back to ("At the talks, …"), took place, when its date does not tell another event. Several places
    /// are none.
    /// </summary>
    private string? SigningPlace(Sentence sentence, AgreementDraft agreement, Match noun, int clauseStart, string afterToNext)
    {
        var text = sentence.Text;
        var nounEnd = noun.Index + noun.Length;
        var afterStart = AcronymInBrackets().Match(afterToNext) is { Success: true } acronym ? acronym.Length : 0;
        var phraseEnd = DocumentPhraseEnd().Match(afterToNext, afterStart) is { Success: true } end ? end.Index : afterToNext.Length;
        var opening = clauseStart > 0 && OpeningWhere().Match(text) is { Success: true } where ? where.Length : 0;
        string? found = null;
        foreach (var place in sentence.Places)
        {
            var inClause = (place.Index >= clauseStart && place.End <= noun.Index)
                || (place.Index >= nounEnd + afterStart && place.End <= nounEnd + phraseEnd)
                || place.End <= opening;
            if (place.Kind != PlaceKind.City || !inClause
                || !PlaceCue().IsMatch(text.AsSpan(Math.Max(0, place.Index - 6), Math.Min(place.Index, 6)))
                || PlaceAsQualifier().IsMatch(text.AsSpan(place.End)))
            {
                continue;
            }

            if (found is not null && !SamePlace(found, place.Text))
            {
                return null;
            }

            found ??= place.Text;
        }

        if (found is not null)
        {
            return found;
        }

        var meetings = ArticleContext.AfterTheMeeting().IsMatch(text) && context.LastMeeting is { } last
            ? [last]
            : context.Meetings.Where(m => m.Evidence == sentence && m.Location is not null).ToList();
        var locations = meetings.Where(m => m.Location is not null && SameEvent(agreement.SignedOn, m.Date)).Select(m => m.Location!).ToList();
        return locations.Count > 0 && locations.All(l => SamePlace(l, locations[0])) && meetings.All(m => m.Location is null || SamePlace(m.Location, locations[0]))
            ? locations[0]
            : null;

        static bool SameEvent(PartialDate? signed, PartialDate? met) =>
            signed is not { } s || (met is { } m && s.FirstDay <= m.LastDay && m.FirstDay <= s.LastDay);

        static bool SamePlace(string a, string b) =>
            TextFolding.Fold(a).Replace(" ", string.Empty, StringComparison.Ordinal) == TextFolding.Fold(b).Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Whether the words before a signing not told as done ("by signing", "sign"), back to the last semicolon, ask for it.</summary>
    private static bool IsRequested(string before) => Requested().IsMatch(before[(before.LastIndexOf(';') + 1)..]);

    /// <summary>Whether the words around a document make it one of its kind: a statement only when adopted or signed, a joint statement or declaration issued, an agreement reached only with an article.</summary>
    private static bool Fits(string kind, string before, Match? verbBefore, bool inForce)
    {
        if (kind == "Statement")
        {
            // "said in a statement" is no document; "adopted the Vision statement" is.
            return verbBefore is not null && StatementVerb().IsMatch(verbBefore.Value);
        }

        if (verbBefore is not null && verbBefore.Value.Equals("issued", StringComparison.OrdinalIgnoreCase))
        {
            // "issued a joint statement"; "issued an action plan" is a ministry's own.
            return kind is "Joint Statement" or "Joint Vision" or "Declaration";
        }

        if (kind == "Agreement" && verbBefore is not null && verbBefore.Value.Equals("reached", StringComparison.OrdinalIgnoreCase))
        {
            return ReachedADocument().IsMatch(before[(verbBefore.Index + verbBefore.Length)..]);
        }

        // "as part of the MoU" is the ministries' own document in force; "in line with the agreement of the two leaders"
        // is a consensus, "the implementation of the Paris Agreement" a treaty of many.
        return !inForce || kind is not ("Agreement" or "Treaty" or "Declaration" or "Statement" or "Joint Statement" or "Joint Vision");
    }

    /// <summary>The counterpart: the host of the conference that adopted it, the foreign countries of the sentence, the meeting the two sides just held, else the article's; false for a plan adopted at home.</summary>
    private bool ReadCounterpart(AgreementDraft agreement, Sentence sentence, bool adopted)
    {
        var countries = context.ForeignCountries(sentence, 0, sentence.Text.Length, cities: false);
        var bothSides = ArticleContext.BothSides().IsMatch(sentence.Text) || ArticleContext.AfterTheMeeting().IsMatch(sentence.Text);
        if (adopted && AdoptingConference(countries, bothSides) is { } conference)
        {
            // Adopted by a conference: its host, when the text says where it was held abroad, else none.
            agreement.Countries.UnionWith(conference.Countries);
        }
        else if (countries.Count == 0 && context.Meetings.Count > 0 && context.Meetings[^1] is { Kind: MeetingKind.Multilateral } gathering && SignedByAGathering().IsMatch(sentence.Text))
        {
            // "At the summit, the member states signed …": the gathering's host too.
            agreement.Countries.UnionWith(gathering.Countries);
        }
        else if (adopted && countries.Count == 0 && !bothSides && !AdoptedByAMeeting().IsMatch(sentence.Text))
        {
            // "The ministry approved an action plan": a document of its own, no agreement.
            return false;
        }
        else if (countries.Count > 0)
        {
            agreement.Countries.UnionWith(countries);
        }
        else if (context.LastMeeting is { Kind: MeetingKind.Bilateral } last && bothSides)
        {
            agreement.Countries.UnionWith(last.Countries);
        }
        else
        {
            agreement.NeedsCounterpart = true;
        }

        return true;
    }

    /// <summary>The conference that adopted a document: the meeting just told when it is one, else the last one told, unless the sentence names the sides.</summary>
    private MeetingDraft? AdoptingConference(SortedSet<string> countries, bool bothSides)
    {
        var conference = context.Meetings.LastOrDefault(m => m.Kind == MeetingKind.Multilateral);
        return conference is not null && (context.Meetings[^1] == conference || (countries.Count == 0 && !bothSides)) ? conference : null;
    }

    /// <summary>Signatories: the people after "was signed by" or of a sentence that opens with "Signed by"; the people before "signed"; or both sides of the meeting the signing closed.</summary>
    private void ReadSignatories(AgreementDraft agreement, Sentence sentence, Match noun, int clauseStart, Match? verbBefore, string afterToNext, Match opener)
    {
        var text = sentence.Text;
        if (SignedBy().Match(afterToNext) is { Success: true } by)
        {
            var at = noun.Index + noun.Length + by.Index + by.Length;
            agreement.Signatories.AddRange(sentence.People.Where(p => p.Start >= at).Select(p => p.Person).Distinct());
        }
        else if (opener.Success)
        {
            var at = text.IndexOf(" by ", StringComparison.OrdinalIgnoreCase);
            agreement.Signatories.AddRange(sentence.People.Where(p => p.Start > at && at >= 0 && p.End <= clauseStart).Select(p => p.Person).Distinct());
        }
        else if (verbBefore is not null && SigningVerb().IsMatch(verbBefore.Value))
        {
            var verbAt = clauseStart + verbBefore.Index;
            agreement.Signatories.AddRange(sentence.People.Where(p => p.End <= verbAt).Select(p => p.Person).Distinct());
            // Those who witnessed or welcomed a signing did not sign.
            if (Witnessed().IsMatch(text[..verbAt]))
            {
                agreement.Signatories.Clear();
            }
            else if (agreement.Signatories.Count == 0 && BothOfficials().Match(text) is { Success: true } both && both.Index < verbAt && context.LastMeeting is { } meeting
                && !(agreement.SignedOn is { } signed && meeting.Date is { } met && signed.Year != met.Year))
            {
                // "The two ministers signed": those of the meeting just told, not of a document recalled from another year.
                agreement.Signatories.AddRange(context.LastMeeting.Participants);
            }
        }
    }

    /// <summary>"on cooperation in digital transformation in Santiago": where it was signed is not what it is about.</summary>
    private static string? WithoutPlace(string? subject, Sentence sentence)
    {
        if (subject is null)
        {
            return null;
        }

        foreach (var place in sentence.Places)
        {
            if (subject.EndsWith(" in " + place.Text, StringComparison.Ordinal) || subject.EndsWith(" at " + place.Text, StringComparison.Ordinal))
            {
                return subject[..^(place.Text.Length + 4)];
            }
        }

        return subject;
    }

    /// <summary>What the document is about, from the words after it in its clause: "on cooperation in information security".</summary>
    private static string? SubjectOf(string text, Match noun, string kind, string afterToNext)
    {
        // "documents on cooperation in tourism": the subject starts at "on".
        var onCooperation = kind == "Cooperation document" ? OnCooperation().Match(noun.Value) : Match.Empty;
        var window = onCooperation.Success ? text[(noun.Index + onCooperation.Index)..(noun.Index + noun.Length)] + afterToNext : afterToNext;
        if (AcronymInBrackets().Match(window) is { Success: true } acronym)
        {
            window = window[acronym.Length..];
        }

        var subject = Subject().Match(window);
        // "a letter of intent on joint research and 2 cooperation documents": the next document is not the subject.
        return subject.Success ? TrailingConjunction().Replace(subject.Groups["s"].Value.Trim(), string.Empty) : null;
    }

    private Sentence? _namesOf;
    private List<Match> _names = [];

    /// <summary>The ministries and agencies a sentence names, read once for all its documents.</summary>
    private List<Match> OrganisationNames(Sentence sentence)
    {
        if (!ReferenceEquals(_namesOf, sentence))
        {
            _namesOf = sentence;
            _names = OrganisationName().All(sentence.Text);
        }

        return _names;
    }

    /// <summary>The foreign ministry or agency the document was signed with: one the text places abroad, else a foreign signatory's.</summary>
    private string? CounterpartOrganisation(Sentence sentence, AgreementDraft agreement)
    {
        var text = sentence.Text;
        foreach (var m in OrganisationNames(sentence))
        {
            var start = m.Index;
            var end = m.Index + m.Length;
            // A name ends where a person's starts ("the Minister of Health of Chile" and a name after it).
            if (sentence.People.FirstOrDefault(p => p.Start > start && p.Start < end) is { } person)
            {
                end = person.Start;
            }

            var name = text[start..end].Trim().TrimEnd(',');
            name = name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
            // A joint body of both countries (a "Vietnam-Chile Joint Committee") is no one side.
            if (sentence.Places.Any(p => p.Code == context.HomeCountry && p.Index >= start && p.End <= end))
            {
                continue;
            }

            var country = sentence.Places
                .Where(p => p.Kind != PlaceKind.City && ((p.Index >= start && p.End <= end) || (p.End <= start && start - p.End <= 3 && text[p.End..start].Contains('\'', StringComparison.Ordinal)) || (p.End <= start && start - p.End <= 3 && p.Text.EndsWith("'s", StringComparison.Ordinal))))
                .Select(p => p.Code)
                .FirstOrDefault(c => c != context.HomeCountry && (agreement.Countries.Count == 0 || agreement.Countries.Contains(c)));
            if (country is not null && name.Contains(' ', StringComparison.Ordinal))
            {
                return name.TrimEnd(',', ' ');
            }
        }

        return agreement.Signatories
            .Select(p => context.People[p])
            .FirstOrDefault(p => !p.IsHome(context.HomeCountry) && p.Organisation is not null && (agreement.Countries.Count == 0 || p.CountryCode is null || agreement.Countries.Contains(p.CountryCode)))
            ?.Organisation;
    }

    /// <summary>Whether the document noun is a plural: by its head word ("exchanges of documents", "MoUs"), minutes being one document.</summary>
    private static bool IsPlural(string value, string kind)
    {
        if (kind == "Minutes")
        {
            return false;
        }

        var of = HeadEnd().Match(value);
        var head = of.Success ? value[..of.Index] : value;
        var lastSpace = head.LastIndexOf(' ');
        return PluralWord().IsMatch(lastSpace >= 0 ? head[(lastSpace + 1)..] : head);
    }

    /// <summary>"an Exchange of Notes ((1) a loan for …, and (2) a loan for …)": a document for each item the list numbers, the item its subject; none when there is no such list.</summary>
    private static List<string> EnumeratedItems(string afterToNext)
    {
        var first = EnumerationStart().Match(afterToNext);
        if (!first.Success)
        {
            return [];
        }

        var items = new List<string>();
        var start = first.Index + first.Length;
        while (items.Count < 10)
        {
            var marker = afterToNext.IndexOf($"({items.Count + 2})", start, StringComparison.Ordinal);
            var end = marker >= 0 ? marker : afterToNext.IndexOfAny([')', ';'], start) is var close and >= 0 ? close : afterToNext.Length;
            items.Add(ListItem(afterToNext[start..end]));
            if (marker < 0)
            {
                break;
            }

            start = marker + $"({items.Count + 1})".Length;
        }

        return items.Count > 1 ? items : [];
    }

    private static string ListItem(string item)
    {
        var trimmed = item.Trim().TrimEnd(',', ';', ' ');
        return trimmed.EndsWith(" and", StringComparison.Ordinal) ? trimmed[..^4].TrimEnd(',', ' ') : trimmed;
    }

    private static int Number(string word) => word.ToLowerInvariant() switch
    {
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        var other => ArticleContext.Number(other),
    };

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
            Subject = agreement.Subject,
            CounterpartOrganisation = agreement.CounterpartOrganisation,
            Place = agreement.Place,
            Distinct = true,
        };
        copy.Countries.UnionWith(agreement.Countries);
        copy.Signatories.AddRange(agreement.Signatories);
        return copy;
    }

    private void AddAgreement(AgreementDraft agreement)
    {
        var match = agreement.Distinct ? null : context.Agreements.LastOrDefault(a => !a.Distinct && a.Kind == agreement.Kind
            && (a.Countries.SetEquals(agreement.Countries) || (a.NeedsCounterpart && agreement.Countries.Count > 0 && a.Countries.Count == 0) || (agreement.NeedsCounterpart && agreement.Countries.Count == 0))
            && !DifferentYears(a, agreement)
            && !DifferentSubjects(a.Subject, agreement.Subject));
        if (match is null)
        {
            context.Agreements.Add(agreement);
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
        match.Subject ??= agreement.Subject;
        match.CounterpartOrganisation ??= agreement.CounterpartOrganisation;
        match.Place ??= agreement.Place;
        match.Renews ??= agreement.Renews;
        match.Signatories.AddRange(agreement.Signatories.Except(match.Signatories).ToList());
    }

    /// <summary>
    /// Two documents signed in different years are two, unless the year of one is the period of the other: "a work plan
    /// for 2031" and, later, "the work plan signed in 2031" are one plan.
    /// </summary>
    private static bool DifferentYears(AgreementDraft a, AgreementDraft b)
    {
        if (a.SignedOn is not { } x || b.SignedOn is not { } y || x.Year == y.Year)
        {
            return false;
        }

        return !InPeriod(y.Year, a.Valid) && !InPeriod(x.Year, b.Valid);

        static bool InPeriod(int year, Validity? valid) =>
            valid is { From: { } from, To: { } to } && year >= from.Year && year <= to.Year;
    }

    /// <summary>Two subjects that share no word of substance ("on tourism", "on road safety") are two documents.</summary>
    private static bool DifferentSubjects(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        var first = SubjectWords(a);
        var second = SubjectWords(b);
        return first.Count > 0 && second.Count > 0 && !first.Overlaps(second);
    }

    private static HashSet<string> SubjectWords(string subject) =>
        [.. subject.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !SubjectStopWord().IsMatch(w))
            .Select(w => w.ToLower(CultureInfo.InvariantCulture))
            .Select(w => w.Length > 5 ? w[..5] : w)];

    private static void ReadValidity(AgreementDraft agreement, string text, int nounEnd, string afterToNext)
    {
        if (agreement.Valid is not null)
        {
            return;
        }

        var period = ValidityPeriod().Match(afterToNext);
        if (period.Success && period.Index < 200)
        {
            agreement.Valid = period.Groups["y"].Success
                ? new Validity(ArticleContext.Year(period.Groups["y"].Value), ArticleContext.Year(period.Groups["y"].Value))
                : new Validity(ArticleContext.Year(period.Groups["y1"].Value), ArticleContext.Year(period.Groups["y2"].Value));
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

    /// <summary>
    /// The signing date: of the dates of the sentence outside the validity, not between the verb and the document (where
    /// dates belong to other things adopted), not after publication, not a year that names a thing ("the 2015
    /// agreement") and not the date of a report's lead ("Vientiane, May 5: …"), the one nearest the signing.
    /// </summary>
    private PartialDate? SigningDate(Sentence sentence, AgreementDraft agreement, int verbAt, int nounStart, int nounEnd)
    {
        var spanStart = verbAt >= 0 ? Math.Min(verbAt, nounStart) : nounStart;
        return sentence.Dates
            .Where(d => verbAt < 0 || d.Index < verbAt || d.Index >= nounEnd)
            .Where(d => agreement.Valid is not { } v || !(d.Start == v.From || d.Start == v.To || d.End == v.To))
            .Where(d => context.Published is not { } published || d.Start.FirstDay <= published.LastDay)
            // Each test reads a few words beside the date, not the whole sentence: a long sentence of many dates and
            // documents stays linear.
            .Where(d => !ArticleContext.NamesAThing(sentence.Text, d))
            .Where(d => !(d.Index <= 64 && LeadPlace().IsMatch(sentence.Text.AsSpan(0, d.Index)) && LeadEnd().IsMatch(sentence.Text.AsSpan(d.Index + d.Length))))
            .OrderBy(d => d.Index + d.Length <= spanStart ? spanStart - (d.Index + d.Length) : d.Index - nounEnd)
            .FirstOrDefault()?.Start;
    }
}
