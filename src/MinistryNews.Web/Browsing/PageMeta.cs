namespace MinistryNews.Web.Browsing;

/// <summary>
/// What the layout tells search engines and link previews about a page (<c>meta name="description"</c>, the canonical
/// link, Open Graph and Twitter card tags). A page sets <c>ViewData["Description"]</c> (any text: the layout shortens
/// it), <c>ViewData["Canonical"]</c> (an absolute address, or a path the layout resolves against the site's public
/// origin) and <c>ViewData["OgType"]</c> (for example "article"; "website" when unset).
/// </summary>
public static class PageMeta
{
    /// <summary>The longest description written, ellipsis included.</summary>
    public const int MaxDescriptionLength = 160;

    /// <summary>The description of a page that gives none.</summary>
    public const string SiteDescription =
        "The press releases of Viet Nam's Ministry of Information and Communications on international cooperation, with their meetings, delegations and agreements.";

    /// <summary>
    /// <paramref name="text"/> on one line, at most <paramref name="maxLength"/> characters: when longer, cut at the
    /// last word boundary that fits and ended with an ellipsis ("…"). Null when there is no text.
    /// </summary>
    public static string? Description(string? text, int maxLength = MaxDescriptionLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= maxLength)
        {
            return line;
        }

        // Room for the ellipsis; a word cut in two only when the first word alone is too long.
        var room = maxLength - 1;
        var cut = line.LastIndexOf(' ', room);
        var kept = cut > 0 ? line[..cut] : WholeCharacters(line, room);
        return kept.TrimEnd(' ', ',', ';', ':', '-', '–', '—', '(', '[') + "…";
    }

    /// <summary>
    /// The canonical address a page gave (<c>ViewData["Canonical"]</c>: a string or a <see cref="Uri"/>) as an absolute
    /// http or https address; a path is resolved against <paramref name="origin"/>. Null when there is none.
    /// </summary>
    public static Uri? Canonical(object? value, string origin)
    {
        var text = value switch
        {
            Uri uri => uri.OriginalString,
            string s => s,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A path first: on Unix, Uri reads "/articles/1" as an absolute file: address.
        Uri? absolute;
        if (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var root) || !Uri.TryCreate(root, text, out absolute))
            {
                return null;
            }
        }
        else if (!Uri.TryCreate(text, UriKind.Absolute, out absolute))
        {
            return null;
        }

        return absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp ? absolute : null;
    }

    /// <summary>
    /// The canonical address of a page that names none: its path in lower case (the routes match any case, so
    /// <c>/Articles</c> is <c>/articles</c>) with the query string as normalised (the keys the page reads, nothing else).
    /// None for an error (a page kept from search engines has none either: the layout asks only for the others); the pages of one thing (an article, a person, a country)
    /// name their own, from the slug.
    /// </summary>
    public static string? DefaultCanonical(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            return null;
        }

        var path = context.Request.Path.Value is { Length: > 1 } p ? p.TrimEnd('/').ToLowerInvariant() : "/";
        return path + context.Request.QueryString.Value;
    }

    /// <summary>The longest start of <paramref name="text"/> of at most <paramref name="length"/> characters that splits no character.</summary>
    private static string WholeCharacters(string text, int length)
    {
        var kept = new StringBuilder(length);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && kept.Length + elements.GetTextElement().Length <= length)
        {
            kept.Append(elements.GetTextElement());
        }

        return kept.ToString();
    }
}
