using MinistryNews.Core.Countries;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Turns the text of one press release into an <see cref="ExtractedArticle"/>: a pure function,
/// no file system and no database.
/// </summary>
public sealed class ArticleExtractor(Gazetteer gazetteer)
{
    public static ArticleExtractor Default { get; } = new(Gazetteer.Default);

    public Gazetteer Gazetteer { get; } = gazetteer;

    public ExtractedArticle Extract(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Placeholder until the extraction lands: title is the first line, the rest are paragraphs.
        var lines = source.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var title = lines.FirstOrDefault() ?? source.FileName;
        _ = Gazetteer;
        return new ExtractedArticle(
            source.FileName,
            title,
            TitleDerived: false,
            Published: null,
            PublishedFrom.None,
            SourceUrl: null,
            Byline: null,
            [.. lines.Skip(1).Select(l => new BodyBlock(BlockKind.Paragraph, l))],
            [],
            [],
            [],
            [],
            []);
    }
}
