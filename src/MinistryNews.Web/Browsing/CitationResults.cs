namespace MinistryNews.Web.Browsing;

/// <summary>
/// A <see cref="Citation"/> as a download: <c>?format=bib</c> gives its BibTeX entry (<c>application/x-bibtex</c>),
/// <c>?format=ris</c> its RIS record (<c>application/x-research-info-systems</c>), both UTF-8 and as an attachment
/// named from the permalink (<see cref="Citation.FileName"/>).
/// </summary>
/// <remarks>
/// A page that shows the <c>_Cite</c> partial takes the format as a parameter of its handler, so that the query's
/// normalisation keeps it (<c>Hosting/QueryNormalisation</c>), and answers with the download when there is one:
/// <code>
/// public IActionResult OnGet(int id, string? slug, string? format)
/// {
///     …
///     Citation = new Citation(CitationKind.Article, …, Citation.Today(time));
///     return CitationResults.File(Citation, format) ?? Page();
/// }
/// </code>
/// An endpoint of the minimal API uses <see cref="Result"/> the same way.
/// </remarks>
public static class CitationResults
{
    public const string BibTeXContentType = "application/x-bibtex; charset=utf-8";

    public const string RisContentType = "application/x-research-info-systems; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether <paramref name="format"/> asks for a download ("bib" or "ris", in any case).</summary>
    public static bool IsDownload(string? format) => Normalise(format) is not null;

    /// <summary>The download for a page's handler (an <see cref="IActionResult"/>), or null when the format asks for none.</summary>
    public static FileContentResult? File(Citation citation, string? format)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Download(citation, format) is var (bytes, contentType, fileName)
            ? new FileContentResult(bytes, contentType) { FileDownloadName = fileName }
            : null;
    }

    /// <summary>The download for an endpoint of the minimal API, or null when the format asks for none.</summary>
    public static IResult? Result(Citation citation, string? format)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Download(citation, format) is var (bytes, contentType, fileName)
            ? Results.File(bytes, contentType, fileName)
            : null;
    }

    private static (byte[] Bytes, string ContentType, string FileName)? Download(Citation citation, string? format) => Normalise(format) switch
    {
        Citation.BibTeXFormat => (Utf8.GetBytes(citation.BibTeX()), BibTeXContentType, citation.FileName(Citation.BibTeXFormat)),
        Citation.RisFormat => (Utf8.GetBytes(citation.Ris()), RisContentType, citation.FileName(Citation.RisFormat)),
        _ => null,
    };

    private static string? Normalise(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        Citation.BibTeXFormat => Citation.BibTeXFormat,
        Citation.RisFormat => Citation.RisFormat,
        _ => null,
    };
}
