using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// Reduces a saved press-release page to the plain-text shape of the archive's text files:
/// the headline, a dateline, the body's paragraphs and photo captions, and a "Source:" line.
/// Site chrome (navigation, headers, footers, scripts, forms, share bars, comments) is dropped.
/// </summary>
public static class HtmlText
{
    private static readonly string[] BodySelectors =
    [
        "[itemprop=articleBody]", "article .content", "article .detail-content", ".detail-content",
        ".article-content", ".article-body", ".post-content", ".entry-content", ".news-content", "article", "main",
    ];

    private static readonly string[] ChromeSelectors =
    [
        "script", "style", "noscript", "template", "iframe", "form", "nav", "header", "footer", "aside", "button",
        "[role=navigation]", "[role=banner]", "[role=contentinfo]", ".share", ".social", ".comments", ".comment",
        ".breadcrumb", ".related", ".tags", ".advertisement", ".ads",
    ];

    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Pages that nest their elements deeper than this are not parsed: the HTML tree builder's work grows with the square
    /// of the depth, and no press release needs a thousand levels.
    /// </summary>
    public const int MaxNesting = 1_000;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> SiblingElements = new(StringComparer.OrdinalIgnoreCase) { "p", "li", "dt", "dd", "option", "tr", "td", "th" };

    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title" };

    /// <summary>
    /// Whether the page's open elements ever stand more than <paramref name="limit"/> deep, by a linear scan of its tags
    /// (void elements, self-closed tags, comments and raw text skipped; an unclosed <c>p</c> or <c>li</c> followed by
    /// another is a sibling, and a block closes an open <c>p</c>, as the parser would make them).
    /// </summary>
    public static bool NestsDeeperThan(string html, int limit)
    {
        ArgumentNullException.ThrowIfNull(html);
        var open = new List<string>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var endOfComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (endOfComment < 0)
                {
                    break;
                }

                i = endOfComment + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                i++;
                continue;
            }

            var close = html.IndexOf('>', end);
            if (close < 0)
            {
                break;
            }

            var name = html[start..end];
            i = close + 1;
            if (closing)
            {
                var at = open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }

                continue;
            }

            if (html[close - 1] == '/' || VoidElements.Contains(name)
                || (SiblingElements.Contains(name) && open.Count > 0 && open[^1].Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (RawTextElements.Contains(name))
            {
                var endOfText = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = endOfText < 0 ? html.Length : endOfText;
                continue;
            }

            if (ClosesParagraph.Contains(name) && open.Count > 0 && open[^1].Equals("p", StringComparison.OrdinalIgnoreCase))
            {
                open.RemoveAt(open.Count - 1);
            }

            open.Add(name);
            if (open.Count > limit)
            {
                return true;
            }
        }

        return false;
    }

    public static string ToPlainText(string html)
    {
        using var document = Parser.ParseDocument(html);
        var headline = Clean(document.QuerySelector("h1")?.TextContent)
            ?? Clean(document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"))
            ?? Clean(document.Title);
        var published = FindPublished(document);
        var url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");

        var body = FindBody(document);
        foreach (var chrome in body.QuerySelectorAll(string.Join(',', ChromeSelectors)).ToList())
        {
            chrome.Remove();
        }

        // The headline is written once, at the top; drop it from the body.
        foreach (var h1 in body.QuerySelectorAll("h1").ToList())
        {
            h1.Remove();
        }

        var lines = new List<string>();
        if (headline is not null)
        {
            lines.Add(headline);
        }

        if (published is { } date)
        {
            lines.Add(date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture));
        }

        foreach (var block in Blocks(body))
        {
            if (!lines.Contains(block))
            {
                lines.Add(block);
            }
        }

        if (!string.IsNullOrWhiteSpace(url) && !lines.Any(l => l.Contains(url, StringComparison.Ordinal)))
        {
            lines.Add($"Source: {url.Trim()}");
        }

        // Without a body there is no article, whatever the headline.
        return lines.Count <= (headline is null ? 0 : 1) + (published is null ? 0 : 1) ? string.Empty : string.Join("\n\n", lines);
    }

    private static IElement FindBody(IHtmlDocument document)
    {
        foreach (var selector in BodySelectors)
        {
            if (document.QuerySelector(selector) is { } element && element.TextContent.Trim().Length > 0)
            {
                return element;
            }
        }

        // No marked body: the element that holds the most paragraph text.
        var best = document.QuerySelectorAll("p")
            .Select(p => p.ParentElement)
            .OfType<IElement>()
            .GroupBy(e => e)
            .Select(g => (Element: g.Key, Length: g.Key.Children.Where(c => c.LocalName == "p").Sum(c => c.TextContent.Length)))
            .OrderByDescending(x => x.Length)
            .Select(x => x.Element)
            .FirstOrDefault();
        return best ?? (IElement?)document.Body ?? document.DocumentElement;
    }

    private static IEnumerable<string> Blocks(IElement body)
    {
        var blockTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "p", "figcaption", "li", "h2", "h3", "h4", "blockquote", "td", "pre" };
        var blocks = body.QuerySelectorAll(string.Join(',', blockTags)).ToList();
        if (blocks.Count == 0)
        {
            if (Clean(body.TextContent) is { } all)
            {
                yield return all;
            }

            yield break;
        }

        foreach (var element in blocks)
        {
            // Nested blocks (a p inside a blockquote) are written by the innermost one.
            if (element.QuerySelectorAll(string.Join(',', blockTags)).Length > 0)
            {
                continue;
            }

            if (element.LocalName == "figcaption" || element.ParentElement?.LocalName == "figure")
            {
                var image = element.ParentElement?.QuerySelector("img")?.GetAttribute("src");
                if (!string.IsNullOrWhiteSpace(image))
                {
                    yield return System.IO.Path.GetFileName(image.Split('?')[0]);
                }
            }

            if (Clean(element.TextContent) is { } text)
            {
                yield return text;
            }
        }
    }

    private static DateTimeOffset? FindPublished(IHtmlDocument document)
    {
        var candidates = new[]
        {
            document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content"),
            document.QuerySelector("meta[itemprop=datePublished]")?.GetAttribute("content"),
            document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("datetime"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
            document.QuerySelector("meta[name=pubdate]")?.GetAttribute("content"),
        };
        foreach (var candidate in candidates)
        {
            if (DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date;
            }
        }

        // No metadata: a short element of its own that reads as a dateline ("February 20, 2024 | 09:30 am GMT+7").
        foreach (var element in document.QuerySelectorAll("time, [class*=date], [class*=time], [class*=publish], span, div, p"))
        {
            if (element.ChildElementCount == 0 && Clean(element.TextContent) is { Length: < 90 } text
                && Extraction.DateReader.TryReadDateline(text, out var dateline) && dateline.Precision == DatePrecision.Day)
            {
                return new DateTimeOffset(dateline.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
        }

        return null;
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
