namespace MinistryNews.Core.Extraction;

/// <summary>
/// Reads the meetings, delegations and agreements of an article, sentence by sentence in text order: three readers
/// (<see cref="DelegationReader"/>, <see cref="MeetingReader"/>, <see cref="AgreementReader"/>) over one
/// <see cref="ArticleContext"/> that holds what the article has established so far. The vocabulary is data
/// (<see cref="EventLexicon"/>); the rules are in docs/extraction.md.
/// </summary>
public sealed class EventReader
{
    private readonly ArticleContext _context;
    private readonly DelegationReader _delegations;
    private readonly MeetingReader _meetings;
    private readonly AgreementReader _agreements;

    public EventReader(PeopleReader people, string homeCountry, PartialDate? published = null, string? mainCounterpart = null, EventLexicon? lexicon = null)
    {
        lexicon ??= EventLexicon.Default;
        _context = new ArticleContext(people, homeCountry, published, mainCounterpart);
        _delegations = new DelegationReader(_context, lexicon);
        _meetings = new MeetingReader(_context, lexicon);
        _agreements = new AgreementReader(_context, lexicon);
    }

    public IReadOnlyList<MeetingDraft> Meetings => _context.Meetings;

    public IReadOnlyList<DelegationDraft> Delegations => _context.Delegations;

    public IReadOnlyList<AgreementDraft> Agreements => _context.Agreements;

    public void Read(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        foreach (var sentence in sentences.Where(s => s.IsBody))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Trips first: a meeting abroad takes the destination of the trip its sentence tells.
            _delegations.Read(sentence);
            _meetings.Read(sentence);
            _agreements.Read(sentence);
        }
    }

    /// <summary>Fills in what needs the whole article: counterparts left open, and the meeting a signing implies.</summary>
    public void Complete(string? mainCounterpart)
    {
        _agreements.Complete(mainCounterpart);
        _meetings.Complete();
        _delegations.Complete(mainCounterpart);
    }
}
