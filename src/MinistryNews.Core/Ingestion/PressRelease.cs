using System.Globalization;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// Whether a file's text reads as a press release: some prose, not a few words or a list. Prose is the words of the
/// body's sentences of <see cref="SentenceWords"/> words or more; a press release has at least one such sentence (a
/// brief of one sentence is still news), and its prose makes at least half of its body (a list of names or a table of
/// contents has short lines, not sentences).
/// </summary>
public static class PressRelease
{
    public const int SentenceWords = 8;

    public const int MinimumProse = SentenceWords;

    /// <summary>Why the text is not a press release, or null when it is one.</summary>
    public static string? WhyNot(ExtractedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var words = 0;
        var prose = 0;
        foreach (var block in article.Body.Where(b => b.Kind == BlockKind.Paragraph))
        {
            foreach (var sentence in Sentences.Split(block.Text))
            {
                var count = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
                words += count;
                prose += count >= SentenceWords ? count : 0;
            }
        }

        if (prose < MinimumProse)
        {
            return words < MinimumProse
                ? string.Create(CultureInfo.InvariantCulture, $"not a press release: {words} words of text and no sentence of {SentenceWords} words or more")
                : string.Create(CultureInfo.InvariantCulture, $"not a press release: {words} words but no prose (a list or a table: {prose} words in sentences of {SentenceWords} words or more)");
        }

        return prose * 2 < words
            ? string.Create(CultureInfo.InvariantCulture, $"not a press release: mostly a list ({prose} of {words} words in sentences of {SentenceWords} words or more)")
            : null;
    }
}
