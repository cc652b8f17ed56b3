using System.Text;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// The shape of a press release once the page around it is taken away: its headline and dateline when it has them,
/// its source URL and byline, and its body as paragraphs, photo file names and captions.
/// </summary>
public sealed record ArticleLayout(
    string? Headline,
    PartialDate? DatelineDate,
    string? SourceUrl,
    string? Byline,
    IReadOnlyList<BodyBlock> Body)
{
    public IEnumerable<string> Paragraphs => Body.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text);

    public IEnumerable<string> PhotoFiles => Body.Where(b => b.Kind == BlockKind.Photo).Select(b => b.Text);
}

/// <summary>Reads the <see cref="ArticleLayout"/> of a text: the rules are in docs/extraction.md, "Layout".</summary>
public static partial class LayoutReader
{
    [GeneratedRegex(@"^[\w\-.()%+~]+\.(?:jpe?g|png|gif|webp|bmp|tiff?|heic)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PhotoFile();

    [GeneratedRegex(@"^(?:Source|Nguồn|Theo|Read more at|Originally published at)\s*[:：]?\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"https?://[^\s<>""')]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Url();

    [GeneratedRegex(@"\(\s*Photo\s*:?[^)]*\)|\bPhoto\s*:\s*\S|\bPhoto by\b|\bFile photo\b|\(Illustrative (?:photo|image)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"^(?:By|Story|Text|Written by|Reported by|Author)\s*:?\s+\p{Lu}", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4}$", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex ShortName();

    [GeneratedRegex(@"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\u200B-\u200D\u2060\uFEFF\u00AD]", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex Invisible();

    /// <summary>Non-breaking and other odd spaces become plain spaces; zero-width characters go.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Invisible().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), string.Empty);
        var lines = text.Split('\n').Select(line => Spaces().Replace(line, " ").Trim());
        return string.Join('\n', lines).Normalize(NormalizationForm.FormC);
    }

    public static ArticleLayout Read(string text, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var lines = Normalize(text).Split('\n').Where(l => l.Length > 0).ToList();

        // Site chrome ("Top", "Comment (0)") and the "Source:" line are not part of the article.
        string? sourceUrl = null;
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (lexicon.IsChrome(line))
            {
                continue;
            }

            var url = Url().Match(line);
            if (SourceLine().Match(line) is { Success: true } source && (url.Success || source.Groups["value"].Value.Length < 80))
            {
                sourceUrl ??= url.Success ? url.Value.TrimEnd('.', ',') : null;
                continue;
            }

            if (url.Success && url.Value.Length >= line.Length - 2)
            {
                sourceUrl ??= url.Value.TrimEnd('.', ',');
                continue;
            }

            kept.Add(line);
        }

        string? headline = null;
        if (kept.Count > 1 && IsHeadline(kept[0]))
        {
            headline = kept[0];
            kept.RemoveAt(0);
        }

        // A dateline stands among the first lines, or among the last ("Published: 15/01/2024").
        PartialDate? dateline = null;
        foreach (var i in Enumerable.Range(0, Math.Min(3, kept.Count)).Concat(Enumerable.Range(Math.Max(3, kept.Count - 2), Math.Min(2, Math.Max(0, kept.Count - 3)))))
        {
            if (DateReader.TryReadDateline(kept[i], out var date))
            {
                dateline = date;
                kept.RemoveAt(i);
                break;
            }
        }

        string? byline = null;
        if (kept.Count > 1 && IsByline(kept[^1]))
        {
            byline = kept[^1];
            kept.RemoveAt(kept.Count - 1);
        }

        var body = new List<BodyBlock>(kept.Count);
        for (var i = 0; i < kept.Count; i++)
        {
            var line = kept[i];
            if (PhotoFile().IsMatch(line))
            {
                body.Add(new BodyBlock(BlockKind.Photo, line));
                // The line under a photo is its caption when it reads like one: credited, or one short sentence.
                if (i + 1 < kept.Count && !PhotoFile().IsMatch(kept[i + 1])
                    && (PhotoCredit().IsMatch(kept[i + 1]) || kept[i + 1].Length <= 160 && Sentences.Split(kept[i + 1]).Count == 1))
                {
                    body.Add(new BodyBlock(BlockKind.Caption, kept[++i]));
                }

                continue;
            }

            body.Add(new BodyBlock(IsCaption(line) ? BlockKind.Caption : BlockKind.Paragraph, line));
        }

        return new ArticleLayout(headline, dateline, sourceUrl, byline, body);
    }

    /// <summary>A headline is a first line that is not a sentence: no full stop at its end, no photo credit, not a date.</summary>
    private static bool IsHeadline(string line) =>
        line.Length is >= 8 and <= 300
        && !EndsLikeSentence(line)
        && !PhotoCredit().IsMatch(line)
        && !PhotoFile().IsMatch(line)
        && !DateReader.TryReadDateline(line, out _);

    /// <summary>A caption is credited to a photographer, or is a short line that does not end as a sentence does.</summary>
    private static bool IsCaption(string line) =>
        PhotoCredit().IsMatch(line) || line.Length < 250 && !EndsLikeSentence(line) && !line.EndsWith(':');

    private static bool IsByline(string line) =>
        line.Length <= 60 && !line.Any(char.IsDigit)
        && (BylinePrefix().IsMatch(line) || line.Length <= 40 && !EndsLikeSentence(line) && ShortName().IsMatch(line));

    private static bool EndsLikeSentence(string line)
    {
        var end = line.TrimEnd('"', '”', '’', '\'', ')', ' ');
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or ';';
    }
}
