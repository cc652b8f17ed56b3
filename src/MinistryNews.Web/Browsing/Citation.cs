namespace MinistryNews.Web.Browsing;

/// <summary>What the archive lets a reader cite.</summary>
public enum CitationKind
{
    /// <summary>A press release (RIS <c>ELEC</c>).</summary>
    Article,

    /// <summary>An agreement, as the archive records it from the press releases (RIS <c>GEN</c>).</summary>
    Agreement,

    /// <summary>A person's page of the archive (RIS <c>ELEC</c>).</summary>
    PersonPage,
}

/// <summary>
/// A page of the archive as a reference: a readable one (<see cref="PlainText"/>), and the two formats reference
/// managers import (<see cref="BibTeX"/>, <see cref="Ris"/>). The shared partial <c>_Cite</c> shows it; a page serves
/// the downloads through <see cref="CitationResults"/>.
/// </summary>
/// <remarks>
/// <para>
/// The author is the institution that published the text (for example "Ministry of Information and Communications (Viet
/// Nam)"), given by the caller. A date is written as far as it is known ("5 November 2019", "November 2019", "2019"),
/// and "n.d." when the text gives none. <see cref="Accessed"/> is the day the reader saw the page: the caller takes it
/// from its <see cref="TimeProvider"/> (<see cref="Today"/>), so that tests can fix it.
/// </para>
/// <para>
/// The downloads are the page itself with <c>?format=bib</c> or <c>?format=ris</c> (<see cref="BibTeXUrl"/>,
/// <see cref="RisUrl"/>): links relative to the host, from the permalink's path, so they follow the address the reader
/// is on.
/// </para>
/// </remarks>
/// <param name="Kind">What is cited.</param>
/// <param name="Title">The title of the press release or the name of the page; its white space is collapsed.</param>
/// <param name="Institution">The author: the ministry that published the text.</param>
/// <param name="Published">When the text was published, as far as it is known.</param>
/// <param name="OriginalUrl">The press release's own address, when known.</param>
/// <param name="Permalink">The absolute address of the archive's page.</param>
/// <param name="Accessed">The day the reader saw the page.</param>
public sealed record Citation(
    CitationKind Kind,
    string Title,
    string Institution,
    PartialDate? Published,
    string? OriginalUrl,
    Uri Permalink,
    DateOnly Accessed)
{
    /// <summary>The query value that asks a page for its BibTeX entry.</summary>
    public const string BibTeXFormat = "bib";

    /// <summary>The query value that asks a page for its RIS record.</summary>
    public const string RisFormat = "ris";

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The absolute address of the archive's page.</summary>
    public Uri Permalink { get; init => field = Absolute(value); } = Absolute(Permalink);

    /// <summary>The archive, as references name it.</summary>
    public string ArchiveName { get; init; } = "MinistryNews";

    /// <summary>The page's BibTeX entry (the permalink's path with <c>?format=bib</c>).</summary>
    public string BibTeXUrl => DownloadUrl(BibTeXFormat);

    /// <summary>The page's RIS record (the permalink's path with <c>?format=ris</c>).</summary>
    public string RisUrl => DownloadUrl(RisFormat);

    /// <summary>
    /// The BibTeX key: "ministrynews:" and the permalink's path in lower-case ASCII letters, digits and hyphens
    /// (<c>ministrynews:articles-12-the-title</c>), at most 64 characters. The same page always has the same key.
    /// </summary>
    public string Key => "ministrynews:" + Slug(Segments(Permalink), 64, "page");

    /// <summary>
    /// The name of a download, from the last two segments of the permalink's path (<c>12-the-title.bib</c>,
    /// <c>people-nguyen-manh-hung.ris</c>).
    /// </summary>
    public string FileName(string format) => Slug(Segments(Permalink).TakeLast(2), 80, "citation") + "." + format;

    /// <summary>Today for the reader, as the rest of the site reckons it (the server's local date).</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetLocalNow().Date);
    }

    /// <summary>
    /// A readable reference: <c>Institution. "Title." 5 November 2019. Original: https://… Archived at MinistryNews:
    /// https://… (accessed 6 December 2026).</c>
    /// </summary>
    public string PlainText()
    {
        var text = new StringBuilder();
        text.Append(Sentence(Clean(Institution))).Append(' ');
        var title = Clean(Title);
        text.Append('"').Append(EndsSentence(title) ? title : title + ".").Append("\" ");
        text.Append(Sentence(Published is { } published ? Display.Date(published) : "n.d."));
        if (Clean(OriginalUrl) is { Length: > 0 } original)
        {
            text.Append(" Original: ").Append(original);
        }

        text.Append(" Archived at ").Append(ArchiveName).Append(": ").Append(Permalink.AbsoluteUri);
        text.Append(" (accessed ").Append(Display.Date(PartialDate.FromDate(Accessed))).Append(").");
        return text.ToString();
    }

    /// <summary>
    /// A BibTeX <c>@misc</c> entry (which BibTeX's standard styles and biblatex both read), keyed by <see cref="Key"/>.
    /// </summary>
    /// <remarks>
    /// The author is one name in braces (an institution, not a surname and given names), the title in braces so that
    /// styles keep its capitals. In text fields LaTeX's special characters are escaped; braces become
    /// <c>\textbraceleft{}</c> and <c>\textbraceright{}</c> because BibTeX counts every brace, escaped or not, to find
    /// where a field ends. Addresses are kept as they are for <c>url</c> fields (read verbatim), except for the braces,
    /// backslashes and white space that would break the entry, which are percent-encoded.
    /// </remarks>
    public string BibTeX()
    {
        var fields = new List<(string Name, string Value)>
        {
            ("author", "{" + Escape(Clean(Institution)) + "}"),
            ("title", "{" + Escape(Clean(Title)) + "}"),
        };
        if (Published is { } published)
        {
            fields.Add(("year", published.Year.ToString(CultureInfo.InvariantCulture)));
            if (published.Month is { } month)
            {
                fields.Add(("month", Months[month - 1]));
            }

            if (published.Day is { } day)
            {
                fields.Add(("day", day.ToString(CultureInfo.InvariantCulture)));
            }
        }

        fields.Add(("howpublished", Escape("Archived at " + ArchiveName)));
        fields.Add(("url", UrlField(Permalink.AbsoluteUri)));
        fields.Add(("urldate", Accessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (Clean(OriginalUrl) is { Length: > 0 } original)
        {
            fields.Add(("note", Escape("Original: " + original)));
        }

        var entry = new StringBuilder();
        entry.Append("@misc{").Append(Key).Append(",\n");
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];

            // A month is BibTeX's macro (nov), not text in braces.
            var written = name == "month" ? value : "{" + value + "}";
            entry.Append("  ").Append(name).Append(" = ").Append(written).Append(i < fields.Count - 1 ? ",\n" : "\n");
        }

        entry.Append("}\n");
        return entry.ToString();
    }

    /// <summary>
    /// An RIS record: <c>TY</c> (<c>ELEC</c> for a web page, <c>GEN</c> for an agreement), <c>TI</c>, the institution as
    /// <c>AU</c>, <c>PY</c> and <c>DA</c> as far as the date is known (<c>2019/11/05/</c>, <c>2019/11//</c>,
    /// <c>2019///</c>), <c>DB</c> the archive, <c>UR</c> the permalink, <c>Y2</c> the day accessed, <c>N1</c> the
    /// original address, and <c>ER</c>. Lines end with CR LF, as the format asks.
    /// </summary>
    public string Ris()
    {
        var ris = new StringBuilder();
        Line("TY", Kind == CitationKind.Agreement ? "GEN" : "ELEC");
        Line("TI", Clean(Title));
        Line("AU", Clean(Institution));
        if (Published is { } published)
        {
            Line("PY", published.Year.ToString("D4", CultureInfo.InvariantCulture));
            Line("DA", RisDate(published));
        }

        Line("DB", ArchiveName);
        Line("UR", Permalink.AbsoluteUri);
        Line("Y2", RisDate(PartialDate.FromDate(Accessed)));
        if (Clean(OriginalUrl) is { Length: > 0 } original)
        {
            Line("N1", "Original: " + original);
        }

        Line("ER", string.Empty);
        return ris.ToString();

        void Line(string tag, string value) => ris.Append(tag).Append("  - ").Append(value).Append("\r\n");
    }

    private static Uri Absolute(Uri permalink) =>
        permalink is { IsAbsoluteUri: true } ? permalink : throw new ArgumentException("A permalink is an absolute address.", nameof(permalink));

    private string DownloadUrl(string format) => $"{Permalink.AbsolutePath}?{QueryKey.Format}={format}";

    private static IEnumerable<string> Segments(Uri permalink) =>
        permalink.AbsolutePath
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString);

    /// <summary>The words of <paramref name="parts"/> in lower-case ASCII letters and digits, joined by hyphens.</summary>
    private static string Slug(IEnumerable<string> parts, int maxLength, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var c in string.Join('-', parts))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().TrimEnd('-');
        if (text.Length > maxLength)
        {
            var cut = text.LastIndexOf('-', maxLength);
            text = cut > 0 ? text[..cut] : text[..maxLength];
        }

        return text.Length == 0 ? fallback : text;
    }

    private static string RisDate(PartialDate date) => string.Create(
        CultureInfo.InvariantCulture,
        $"{date.Year:D4}/{(date.Month is { } m ? m.ToString("D2", CultureInfo.InvariantCulture) : string.Empty)}/{(date.Day is { } d ? d.ToString("D2", CultureInfo.InvariantCulture) : string.Empty)}/");

    /// <summary>The text on one line, its runs of white space (line breaks included) made one space.</summary>
    private static string Clean(string? text) =>
        text is null ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '?' or '!';

    private static string Sentence(string text) => EndsSentence(text) ? text : text + ".";

    /// <summary>Text for a BibTeX field: LaTeX's special characters escaped, every brace written as a command.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '%' or '&' or '$' or '#' or '_' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>An address for a verbatim <c>url</c> field: what would end the field or the entry percent-encoded.</summary>
    private static string UrlField(string url)
    {
        var field = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is '{' or '}' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                field.Append(Uri.EscapeDataString(c.ToString()));
            }
            else
            {
                field.Append(c);
            }
        }

        return field.ToString();
    }
}
