using System.Globalization;
using System.Text.RegularExpressions;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Organisations;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Turns the text of one press release into an <see cref="ExtractedArticle"/>: a pure function, no file system
/// and no database. The steps: the layout (headline, dateline, body), the publication date, the sentences with
/// their countries and dates, the people, then the meetings, delegations and agreements.
/// </summary>
public sealed partial class ArticleExtractor(Gazetteer gazetteer, Lexicon lexicon)
{
    [GeneratedRegex(@"^(?:[\p{Lu}][\p{L}\d .,'-]{2,40}?,?\s*)?\([^)]{1,120}\)\s*[–—-]?\s*(?=\p{Lu})", System.Text.RegularExpressions.RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex WireTag();

    /// <summary>The ministry's own country: the home side of every meeting and the default origin of its delegations.</summary>
    public const string HomeCountry = "VN";

    /// <summary>
    /// The version of the rules and word lists. Bump it with any change that alters what is read out of a text:
    /// stored articles read by another version are read again on the next ingestion, though their files did not change.
    /// </summary>
    public const string Version = "2026-12-06.21";

    private readonly CountryFinder _countries = new(gazetteer);

    private readonly HashSet<string> _bodies = [.. gazetteer.Bodies.Select(b => b.Acronym)];

    // Acronyms of the bodies and organisations the archive knows, which are never a name written in capitals.
    private readonly HashSet<string> _acronyms = [.. gazetteer.Bodies.Select(b => b.Acronym), .. OrganisationDirectory.Default.Acronyms];

    public ArticleExtractor(Gazetteer gazetteer)
        : this(gazetteer, Lexicon.Default)
    {
    }

    public static ArticleExtractor Default { get; } = new(Gazetteer.Default, Lexicon.Default);

    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>
    /// Reads one text. The work grows with the text's length (sentences are read in pieces of bounded length, every
    /// pattern in linear time); <paramref name="cancellationToken"/>, checked between sentences, bounds it in time too:
    /// the ingestion gives each file a budget and fails the file that runs over it.
    /// </summary>
    /// <exception cref="ExtractionLimitException">The text passes a bound of the extraction (too many people, a pattern out of its time).</exception>
    public ExtractedArticle Extract(SourceDocument source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return Read(source, cancellationToken);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new ExtractionLimitException($"a pattern ran over its time limit of {ex.MatchTimeout.TotalMilliseconds:N0} ms on this text", ex);
        }
    }

    private ExtractedArticle Read(SourceDocument source, CancellationToken cancellationToken)
    {
        var layout = LayoutReader.Read(source.Text, lexicon);
        var (published, publishedFrom) = PublicationDate(layout);
        var sentences = SplitSentences(layout, published, cancellationToken);

        var people = new PeopleReader(lexicon, HomeCountry, _bodies, _acronyms);
        people.Read(sentences, cancellationToken);
        var counterpart = MainCounterpart(sentences, people);
        people.ResolveCountries(counterpart);

        var organisations = new OrganisationReader(OrganisationDirectory.Default, lexicon, HomeCountry);
        organisations.Read(sentences, people.People, published, cancellationToken);

        var events = new EventReader(people, HomeCountry, published, counterpart);
        events.Read(sentences, cancellationToken);
        events.Complete(counterpart);

        // Names and titles are shown on their own, in lists and headings: no bidirectional control may turn them around.
        var personNames = people.People.Select(p => StoredText.Name(p.Name)).ToList();
        string NameOf(int person) => personNames[person];

        var meetings = events.Meetings.Select(m => new ExtractedMeeting(
            m.Kind,
            m.Date,
            StoredText.NameOrNull(m.Location),
            [.. m.Participants.Distinct().Select(NameOf)],
            [.. m.Countries],
            m.Evidence.Text) { Rule = m.Rule, Name = StoredText.NameOrNull(m.Name), CounterpartOrganisation = StoredText.NameOrNull(m.CounterpartOrganisation), DateSource = SourceOf(m.Date, m.Evidence, range: false) }).ToList();
        var delegations = events.Delegations.Select(d => new ExtractedDelegation(
            d.Leader is { } leader ? NameOf(leader) : null,
            [.. d.Members.Select(NameOf)],
            d.FromCountry,
            [.. d.Destinations.Distinct()],
            d.Start,
            d.End,
            d.Evidence.Text) { Rule = d.Rule, DateSource = SourceOf(d.Start, d.Evidence, range: true) }).ToList();
        var agreements = events.Agreements.Select(a => new ExtractedAgreement(
            a.Kind,
            StoredText.NameOrNull(a.Name),
            [.. a.Countries],
            a.SignedOn,
            [.. a.Signatories.Distinct().Select(NameOf)],
            a.Valid,
            a.Evidence.Text) {
                Rule = a.Rule,
                Subject = StoredText.NameOrNull(a.Subject),
                CounterpartOrganisation = StoredText.NameOrNull(a.CounterpartOrganisation),
                DateSource = SourceOf(a.SignedOn, a.Evidence, range: false),
                Place = StoredText.NameOrNull(a.Place),
                Renews = a.Renews,
            }).ToList();
        var extractedPeople = people.People.Select((p, i) => new ExtractedPerson(
            personNames[i],
            [.. p.Spellings.Where(s => !s.Equals(p.Name, StringComparison.OrdinalIgnoreCase)).Select(StoredText.Name)],
            StoredText.NameOrNull(p.Title),
            p.CountryCode,
            p.Evidence.Text) { Rule = p.Rule, Organisation = StoredText.NameOrNull(p.Organisation) }).ToList();

        var title = StoredText.Name(layout.Headline ?? DeriveTitle(layout));
        return new ExtractedArticle(
            source.FileName,
            title,
            TitleDerived: layout.Headline is null,
            published,
            publishedFrom,
            layout.SourceUrl,
            StoredText.NameOrNull(layout.Byline),
            layout.Body,
            ArticleCountries(meetings, delegations, agreements, extractedPeople, HeadlineCountries(layout.Headline)),
            extractedPeople,
            meetings,
            delegations,
            agreements)
        {
            Organisations = [.. organisations.Organisations.Select(o => o with { Name = StoredText.Name(o.Name) })],
            UnnamedOfficials = [.. people.Unnamed.Select(u => new ExtractedTitleMention(StoredText.Name(u.Title), u.CountryCode, u.Sentence.Text))],
        };
    }

    /// <summary>
    /// Where an event's date came from: a date its own sentence writes (to the day or as a period that holds it, for a
    /// trip) or, when that date is relative ("yesterday", "on Monday", a day without its year), the sentence resolved
    /// against the publication date; else what an earlier sentence told. The sentence's dates were read once already.
    /// </summary>
    private static DateSource SourceOf(PartialDate? date, Sentence evidence, bool range)
    {
        if (date is not { } d)
        {
            return DateSource.None;
        }

        var relative = false;
        foreach (var mention in evidence.Dates)
        {
            var matches = mention.Start == d
                || (range && mention.End is { } end && mention.Start.FirstDay <= d.FirstDay && d.LastDay <= end.LastDay);
            if (matches && !mention.Relative)
            {
                return DateSource.Sentence;
            }

            relative |= matches;
        }

        return relative ? DateSource.Relative : DateSource.Context;
    }

    /// <summary>
    /// The publication date, in order of trust: the dateline; the date a source URL encodes; a photo's file name;
    /// a full date in the first paragraphs of the body, else in a caption.
    /// </summary>
    private static (PartialDate? Date, PublishedFrom From) PublicationDate(ArticleLayout layout)
    {
        if (layout.DatelineDate is { } dateline)
        {
            return (dateline, PublishedFrom.Dateline);
        }

        if (layout.SourceUrl is { } url && DateReader.FromUrl(url) is { } fromUrl)
        {
            return (fromUrl, PublishedFrom.SourceUrl);
        }

        foreach (var photo in layout.PhotoFiles)
        {
            if (DateReader.FromFileName(photo) is { } fromPhoto)
            {
                return (fromPhoto, PublishedFrom.PhotoFileName);
            }
        }

        // A day the first paragraphs name, or else a caption: the day something happened ("on May 6, 2025") rather than
        // the first day of a period ("from May 5-7, 2025").
        foreach (var text in layout.Paragraphs.Take(2).Concat(layout.Body.Where(b => b.Kind == BlockKind.Caption).Select(b => b.Text)))
        {
            var days = DateReader.Find(text, null).Where(d => d.Start.Precision == DatePrecision.Day).ToList();
            if ((days.FirstOrDefault(d => d.End is null) ?? days.FirstOrDefault()) is { } inText)
            {
                return (inText.Start, PublishedFrom.Body);
            }
        }

        return (null, PublishedFrom.None);
    }

    private List<Sentence> SplitSentences(ArticleLayout layout, PartialDate? published, CancellationToken cancellationToken)
    {
        var sentences = new List<Sentence>();
        void Add(string text, SegmentKind kind, int paragraph)
        {
            foreach (var sentence in Sentences.Split(text))
            {
                cancellationToken.ThrowIfCancellationRequested();
                sentences.Add(new Sentence(sentences.Count, sentence, kind, paragraph, _countries.Find(sentence), DateReader.Find(sentence, published)));
            }
        }

        if (layout.Headline is { } headline)
        {
            Add(headline, SegmentKind.Headline, -1);
        }

        var index = 0;
        foreach (var block in layout.Body)
        {
            switch (block.Kind)
            {
                case BlockKind.Paragraph:
                    Add(WireLead(block.Text), SegmentKind.Paragraph, index++);
                    break;
                case BlockKind.Caption:
                    Add(block.Text, SegmentKind.Caption, index);
                    break;
            }
        }

        return sentences;
    }

    /// <summary>"LONDON, (UrduPoint / WAM - 02nd Nov, 2021) Vietnamese Minister…", "– Minister…": the wire's tag is not part of the sentence.</summary>
    private static string WireLead(string paragraph)
    {
        var text = paragraph.TrimStart('–', '—', '-', ' ');
        // The tag's parenthesis opens within its first 160 characters; most paragraphs have none there.
        if (!text.AsSpan(0, Math.Min(text.Length, 160)).Contains('('))
        {
            return text;
        }

        var match = WireTag().Match(text);
        return match.Success ? text[match.Length..] : text;
    }

    /// <summary>The foreign country the article is most about: stated countries of its people count twice, other mentions once.</summary>
    private static string? MainCounterpart(IReadOnlyList<Sentence> sentences, PeopleReader people)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        void Score(string code, int weight)
        {
            if (code == HomeCountry)
            {
                return;
            }

            if (!scores.TryAdd(code, weight))
            {
                scores[code] += weight;
            }
            else
            {
                order.Add(code);
            }
        }

        foreach (var place in sentences.SelectMany(s => s.Places).Where(p => p.Kind != PlaceKind.City))
        {
            Score(place.Code, 1);
        }

        foreach (var person in people.People.Where(p => p.CountryStated && p.CountryCode is not null))
        {
            Score(person.CountryCode!, 2);
        }

        return order.OrderByDescending(c => scores[c]).ThenBy(order.IndexOf).FirstOrDefault();
    }

    /// <summary>The countries the ministry dealt with: the foreign sides of its meetings, trips and agreements, and the countries of the officials it met.</summary>
    /// <summary>
    /// The countries a headline names ("Strengthening legal cooperation with Kazakhstan, Azerbaijan and Belarus"): the
    /// partners the article is about, also those the text ends before telling. A headline in capitals is read as words.
    /// </summary>
    private IEnumerable<string> HeadlineCountries(string? headline)
    {
        if (headline is null)
        {
            return [];
        }

        var shouting = headline.Count(char.IsUpper) > headline.Count(char.IsLower);
        var text = shouting ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(headline.ToLowerInvariant()) : headline;
        return _countries.Find(text).Where(p => p.Kind != PlaceKind.City).Select(p => p.Code);
    }

    private static List<string> ArticleCountries(
        IEnumerable<ExtractedMeeting> meetings,
        IEnumerable<ExtractedDelegation> delegations,
        IEnumerable<ExtractedAgreement> agreements,
        IEnumerable<ExtractedPerson> people,
        IEnumerable<string> headline)
    {
        var codes = meetings.SelectMany(m => m.CounterpartCountries)
            .Concat(headline)
            .Concat(delegations.SelectMany(d => d.Destinations.Append(d.FromCountry ?? HomeCountry)))
            .Concat(agreements.SelectMany(a => a.CounterpartCountries))
            .Concat(people.Select(p => p.CountryCode).OfType<string>());
        return [.. codes.Where(c => c != HomeCountry).Distinct()];
    }

    private static string DeriveTitle(ArticleLayout layout)
    {
        var first = layout.Paragraphs.Select(p => Sentences.Split(p)).FirstOrDefault(s => s.Count > 0)?[0]
            ?? (layout.Body.Count > 0 ? layout.Body[0].Text : "Untitled");
        first = WireLead(first).TrimEnd('.');
        if (first.Length <= 140)
        {
            return first;
        }

        var cut = first.LastIndexOf(' ', 137);
        return string.Concat(first.AsSpan(0, cut > 60 ? cut : 137), "…");
    }
}
