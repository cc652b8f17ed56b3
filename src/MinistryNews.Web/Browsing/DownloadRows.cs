using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using CsvHelper.TypeConversion;
using System.Text.Json.Serialization;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// An article as the downloads of <c>/articles</c> and <c>/search</c> give it: its countries a list (an array in JSON,
/// names joined with "; " in CSV), its address absolute.
/// </summary>
public sealed record ArticleDownloadRow(
    int Id,
    string Key,
    string Title,
    string? Published,
    [property: TypeConverter(typeof(JoinedNames))] IReadOnlyList<string> Countries,
    int Meetings,
    int Delegations,
    int Agreements,
    string Url)
{
    public static ArticleDownloadRow Of(ArticleRow row, string origin)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Key, row.Title, row.Published?.ToString(), [.. row.Countries.Select(c => c.Name)], row.Meetings, row.Delegations, row.Agreements, origin + ArticleLinks.Article(row.Key, row.Slug));
    }
}

/// <summary>A list of names in one CSV cell, joined with "; " (JSON keeps it an array).</summary>
public sealed class JoinedNames : DefaultTypeConverter
{
    public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
        value is IEnumerable<string> names ? string.Join("; ", names) : base.ConvertToString(value, row, memberMapData);
}

/// <summary>
/// An event as the downloads give it (<see cref="MeetingExportRow"/>, <see cref="DelegationExportRow"/>): the event's
/// own columns, then, last, the article that tells it and the sentence that states it, the addresses absolute.
/// </summary>
public abstract record EventExportRow
{
    [JsonPropertyOrder(1)]
    public int ArticleId { get; private init; }

    [JsonPropertyOrder(1)]
    public string ArticleKey { get; private init; } = string.Empty;

    [JsonPropertyOrder(1)]
    public string ArticleTitle { get; private init; } = string.Empty;

    [JsonPropertyOrder(1)]
    public string ArticleUrl { get; private init; } = string.Empty;

    [JsonPropertyOrder(1)]
    public string EvidenceUrl { get; private init; } = string.Empty;

    [JsonPropertyOrder(1)]
    public string Evidence { get; private init; } = string.Empty;

    /// <summary>Whether an editor's correction made or changed the event.</summary>
    [JsonPropertyOrder(1)]
    public bool Corrected { get; private init; }

    /// <summary>
    /// An event's row for the downloads: <paramref name="columns"/> makes its own columns, given its date as the downloads
    /// write it (the date or "date not given", its precision, where it came from); the columns of the article that tells
    /// it close the row, their addresses starting with <paramref name="origin"/> (<c>Hosting.PublicAddress.Origin</c>).
    /// </summary>
    private protected static T Of<T>(IEventRow row, string origin, Func<string, string?, string?, T> columns)
        where T : EventExportRow
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(columns);
        var article = row.Article;
        return (T)(columns(EventDates.Text(row.EventDate), Display.Precision(row.EventDate), EventDates.Source(row.EventDate, row.DateSource)) with
        {
            ArticleId = article.Id,
            ArticleKey = article.Key,
            ArticleTitle = article.Title,
            ArticleUrl = origin + article.Href,
            EvidenceUrl = origin + article.FactHref,
            Evidence = article.Evidence,
            Corrected = article.Corrected,
        });
    }
}
