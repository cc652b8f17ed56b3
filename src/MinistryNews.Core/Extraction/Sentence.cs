namespace MinistryNews.Core.Extraction;

public enum SegmentKind
{
    Headline,
    Paragraph,
    Caption,
}

/// <summary>One sentence of an article with what the readers need of it: its words, the countries and dates it names.</summary>
public sealed class Sentence(int id, string text, SegmentKind segment, int paragraph, IReadOnlyList<PlaceMention> places, IReadOnlyList<DateMention> dates)
{
    public int Id { get; } = id;

    public string Text { get; } = text;

    public SegmentKind Segment { get; } = segment;

    /// <summary>The paragraph the sentence belongs to, counted from the start of the body.</summary>
    public int Paragraph { get; } = paragraph;

    public IReadOnlyList<Token> Tokens { get; } = Tokenizer.Split(text);

    public IReadOnlyList<PlaceMention> Places { get; } = places;

    public IReadOnlyList<DateMention> Dates { get; } = dates;

    /// <summary>The people named in the sentence, filled in by the <see cref="PeopleReader"/>.</summary>
    public List<PersonMention> People { get; } = [];

    public bool IsBody => Segment == SegmentKind.Paragraph;

    public override string ToString() => Text;
}

/// <summary>A person named in a sentence: which person of the article, and where.</summary>
public sealed record PersonMention(int Person, int Start, int End);
