using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// A list as a download, with the page's filters applied and every row, not one page: CSV (RFC 4180, through
/// CsvHelper) or JSON, written row by row to the response as the rows come, so a large export is never whole in memory.
/// </summary>
/// <remarks>
/// Titles and names come from press releases, so a CSV cell may begin with what a spreadsheet takes for a formula
/// (<c>=HYPERLINK(…)</c>). Every cell that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return is written quoted, behind a single quote, so that spreadsheets read it as text (OWASP's rule for CSV
/// injection; CsvHelper's <see cref="InjectionOptions.Escape"/>, whose characters are those six). No number or date
/// of the exports begins with one of them. The JSON downloads are data for programs and keep the text as it is.
/// <para>
/// The CSV begins with a byte order mark, so that spreadsheet programs read it as UTF-8 (the accents of names) rather
/// than in their own code page. A list of <see cref="Link"/>s (countries, people) is an array of objects with a slug and a
/// name in the JSON, and their names joined by "; " in the CSV.
/// </para>
/// </remarks>
public static class Export
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    /// <summary>The format asked for with <c>?format=</c>: "csv", "json", or none (the HTML page).</summary>
    public static string? Format(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[QueryKey.Format].FirstOrDefault()?.ToLowerInvariant() switch
        {
            "csv" => "csv",
            "json" => "json",
            _ => null,
        };
    }

    /// <summary>
    /// The refusal of what <c>?format=</c> asks, or null to go on (the page, a download, a feed): an unknown format, or
    /// a download of a query with values the list cannot use (<paramref name="problems"/>), is answered 400 with
    /// problem details that name them, as the API answers. A page says what it left out above its rows; a download
    /// has no place to say it, and would give the whole list as if it were the one asked for.
    /// </summary>
    /// <param name="feed">Whether the list has a feed, <c>?format=atom</c>.</param>
    public static IActionResult? Refusal(HttpRequest request, IReadOnlyList<string> problems, bool feed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var asked = request.Query[QueryKey.Format].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        switch (asked?.ToLowerInvariant())
        {
            case null:
            case "atom" when feed:
                return null;
            case "csv" or "json":
                return problems.Count == 0 ? null : Problem(problems);
            default:
                return Problem([$"“{(asked.Length > 30 ? asked[..30] : asked)}” is not a format of this list: {(feed ? "csv, json or atom" : "csv or json")}."]);
        }
    }

    private static ObjectResult Problem(IReadOnlyList<string> problems) =>
        new(QueryProblems.Details(problems)) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };

    public static async Task<IActionResult> WriteAsync<T>(HttpResponse response, string format, string name, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format}\"";
        if (format == "csv")
        {
            response.ContentType = "text/csv; charset=utf-8";
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
            await using var csv = new CsvWriter(writer, Csv, leaveOpen: true);
            csv.Context.TypeConverterCache.AddConverter<IReadOnlyList<Link>>(new LinkNames());
            csv.WriteHeader<T>();
            await csv.NextRecordAsync();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                csv.WriteRecord(row);
                await csv.NextRecordAsync();
            }
        }
        else
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, rows, Json, cancellationToken);
        }

        return new EmptyResult();
    }

    /// <summary>Rows already in memory, as an asynchronous sequence.</summary>
    public static async IAsyncEnumerable<T> Of<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }

    public static string Join(IEnumerable<Link> links) => string.Join("; ", links.Select(l => l.Name));

    /// <summary>A list of links as a CSV cell: their names joined by "; ".</summary>
    private sealed class LinkNames : CsvHelper.TypeConversion.DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is IEnumerable<Link> links ? Join(links) : null;
    }

    public static string? Date(MinistryNews.Core.PartialDate? date) => date?.ToString();
}
