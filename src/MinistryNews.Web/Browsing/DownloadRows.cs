using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using CsvHelper.TypeConversion;

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
