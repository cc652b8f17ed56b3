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

    // "— Reuters pic", "— VNA/VNS Photo Tran Hai", "(Xinhua/Li Ming)": an agency's credit at the end of a caption.
    [GeneratedRegex(@"[—–-]\s[\p{L}/. ]{0,30}\b(?:pic|photo)\b[\p{L}\p{M} .]{0,40}$|\(\p{Lu}[\p{L}.]{0,30}/\p{Lu}[^()/]{0,40}\)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex AgencyCredit();

    // "(R)", "(left)", "(fourth, right)", "(second from left)": where someone stands in a photo.
    [GeneratedRegex(@"\((?:R|L|C|left|right|cent(?:re|er)|(?:first|second|third|fourth|fifth|sixth|seventh|\d{1,2}(?:st|nd|rd|th))(?:,\s?|\s)(?:from\s)?(?:left|right|L|R))\)", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex PositionInPhoto();

    // "Vientiane (VNA) –", "HANOI, March 21 —": the place and the agency (or the day) a wire story starts with.
    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}.'’-]{0,30}(?:\s\p{Lu}[\p{L}\p{M}.'’-]{0,30}){0,3}(?:\s?\([^()]{1,40}\)|,\s\p{L}{3,9}\.?\s\d{1,2}(?:,\s\d{4})?(?:\s\([^()]{1,40}\))?)\s?[–—-]{1,2}(?:\s|$)", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex WireDateline();

    // "Vietnam and Japan sign MoU | 14/06/2016", "14/06/2016 - Vietnam and Japan sign MoU": a headline and its date on one line.
    [GeneratedRegex(@"\s(?:\||-|–|—)\s", RegexOptions.CultureInvariant, PatternMatches.TimeoutMilliseconds)]
    private static partial Regex HeadlineSeparator();

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

        // A wire story's place and agency on a line of their own ("Vientiane (VNA) –") are neither headline nor text.
        PartialDate? dateline = null;
        for (var i = Math.Min(3, kept.Count) - 1; i >= 0; i--)
        {
            if (WireDateline().Match(kept[i]) is { Success: true } wire && wire.Length == kept[i].Length)
            {
                dateline ??= DateReader.Find(kept[i], null).FirstOrDefault(d => d.Start.Precision == DatePrecision.Day)?.Start;
                kept.RemoveAt(i);
            }
        }

        var headline = ReadHeadline(kept, ref dateline);

        // A dateline stands among the first lines (below a speaker's name, title and place, too), or among the last
        // ("Published: 15/01/2024").
        var first = 3;
        while (first < Math.Min(6, kept.Count) && IsShortLine(kept[first - 1]))
        {
            first++;
        }

        foreach (var i in Enumerable.Range(0, Math.Min(first, kept.Count)).Concat(Enumerable.Range(Math.Max(first, kept.Count - 2), Math.Min(2, Math.Max(0, kept.Count - first)))))
        {
            if (DateReader.TryReadDateline(kept[i], out var date))
            {
                dateline ??= date;
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
                    && (IsCredited(kept[i + 1]) || kept[i + 1].Length <= 160 && Sentences.Split(kept[i + 1]).Count == 1))
                {
                    body.Add(new BodyBlock(BlockKind.Caption, kept[++i]));
                }

                continue;
            }

            // A speaker's name over their title ("Jane Doe" / "Secretary of State") is one line of the two: "Jane Doe, Secretary of State".
            if (i + 1 < kept.Count && IsSpeakerName(line) && IsTitleLine(kept[i + 1], lexicon))
            {
                body.Add(new BodyBlock(BlockKind.Caption, $"{line}, {kept[++i]}"));
                continue;
            }

            body.Add(new BodyBlock(IsCaption(line) ? BlockKind.Caption : BlockKind.Paragraph, line));
        }

        return new ArticleLayout(headline, dateline, sourceUrl, byline, body);
    }

    /// <summary>
    /// The headline: the first line when it reads as one; the line under a date line, when a paragraph or a photo follows
    /// it (several short lines under a date are captions); or the headline part of a line that carries its date too
    /// ("Vietnam and Japan sign MoU | 14/06/2016").
    /// </summary>
    private static string? ReadHeadline(List<string> kept, ref PartialDate? dateline)
    {
        if (kept.Count < 2)
        {
            return null;
        }

        if (SplitDatedHeadline(kept[0]) is { } dated)
        {
            dateline ??= dated.Date;
            kept[0] = dated.Headline;
        }

        if (IsHeadline(kept[0]))
        {
            var headline = kept[0];
            kept.RemoveAt(0);
            return headline;
        }

        if (kept.Count > 2 && DateReader.TryReadDateline(kept[0], out var above) && IsHeadline(kept[1]) && !IsShortLine(kept[2]))
        {
            dateline ??= above;
            var headline = kept[1];
            kept.RemoveRange(0, 2);
            return headline;
        }

        return null;
    }

    /// <summary>A line of a headline and its date, split at a separator or where the date ends: the headline and the date, or null.</summary>
    private static (string Headline, PartialDate Date)? SplitDatedHeadline(string line)
    {
        // A date that dates an article holds its year; most headlines hold none and are not read for dates.
        if (line.Length > 300 || !HoldsYear(line))
        {
            return null;
        }

        var separators = HeadlineSeparator().All(line);
        if (separators.Count > 0)
        {
            var firstCut = separators[0];
            var lastCut = separators[^1];
            if (DateReader.TryReadDateline(line[..firstCut.Index], out var before) && IsHeadline(line[(firstCut.Index + firstCut.Length)..]))
            {
                return (line[(firstCut.Index + firstCut.Length)..].Trim(), before);
            }

            if (DateReader.TryReadDateline(line[(lastCut.Index + lastCut.Length)..], out var after) && IsHeadline(line[..lastCut.Index]))
            {
                return (line[..lastCut.Index].Trim(), after);
            }
        }

        // "14/06/2016 Vietnam and Japan sign MoU", "Vietnam and Japan sign MoU (14/06/2016)"
        var dates = DateReader.Find(line, null).Where(d => d.Start.Precision == DatePrecision.Day).ToList();
        if (dates.Count == 0)
        {
            return null;
        }

        var head = dates[0].Index + dates[0].Length;
        if (DateReader.TryReadDateline(line[..head], out var leading) && line[head..].TrimStart() is { Length: > 0 } rest && char.IsUpper(rest[0]) && IsHeadline(rest))
        {
            return (rest, leading);
        }

        var last = dates[^1];
        var tail = line[last.Index..].TrimEnd(')', ' ');
        if (last.Index > 1 && line[last.Index - 1] == '(' && DateReader.TryReadDateline(tail, out var trailing) && IsHeadline(line[..(last.Index - 1)].TrimEnd()))
        {
            return (line[..(last.Index - 1)].TrimEnd(), trailing);
        }

        return null;
    }

    private static bool HoldsYear(string line)
    {
        for (var i = 0; i + 3 < line.Length; i++)
        {
            if (line[i] is '1' or '2' && line[i + 1] is '9' or '0' && char.IsAsciiDigit(line[i + 2]) && char.IsAsciiDigit(line[i + 3]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short line that is no sentence: a caption, a speaker's name or place, a date line.</summary>
    private static bool IsShortLine(string line) => line.Length <= 120 && !EndsLikeSentence(line) && !PhotoFile().IsMatch(line);

    private static bool IsSpeakerName(string line) => line.Length <= 40 && ShortName().IsMatch(line) && line.Contains(' ', StringComparison.Ordinal);

    private static bool IsTitleLine(string line, Lexicon lexicon) =>
        line.Length <= 100 && !EndsLikeSentence(line) && lexicon.TitleHeads.Contains(TextFolding.Fold(line.Split(' ', 2)[0]));

    /// <summary>A headline is a line that is not a sentence: no full stop at its end, no photo credit, no place in a photo, not a wire story's lead, not a date.</summary>
    private static bool IsHeadline(string line) =>
        line.Length is >= 8 and <= 300
        && !EndsLikeSentence(line)
        && !IsCredited(line)
        && !PositionInPhoto().IsMatch(line)
        && !WireDateline().IsMatch(line)
        && !PhotoFile().IsMatch(line)
        && !DateReader.TryReadDateline(line, out _);

    /// <summary>The longest agency's credit looked for at the end of a line: the expression reads no more of it.</summary>
    private const int MaxAgencyCredit = 80;

    private static bool IsCredited(string line) =>
        PhotoCredit().IsMatch(line) || AgencyCredit().IsMatch(line.AsSpan(Math.Max(0, line.Length - MaxAgencyCredit)));

    /// <summary>A caption is credited to a photographer, or is a short line that does not end as a sentence does.</summary>
    private static bool IsCaption(string line) =>
        line.Length < 250 && !EndsLikeSentence(line) && !line.EndsWith(':') || IsCredited(line);

    private static bool IsByline(string line) =>
        line.Length <= 60 && !line.Any(char.IsDigit)
        && (BylinePrefix().IsMatch(line) || line.Length <= 40 && !EndsLikeSentence(line) && ShortName().IsMatch(line));

    private static bool EndsLikeSentence(string line)
    {
        var end = line.TrimEnd('"', '”', '’', '\'', ')', ' ');
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or ';';
    }
}
