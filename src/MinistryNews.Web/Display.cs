namespace MinistryNews.Web;

/// <summary>How the pages write dates and provenance.</summary>
public static class Display
{
    public static string Date(PartialDate? date) => date switch
    {
        null => "date unknown",
        { Precision: DatePrecision.Day } d => d.FirstDay.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        { Precision: DatePrecision.Month } d => d.FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        { } d => d.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>What every page, export and API answer says of an event the text gives no date for.</summary>
    public const string DateNotGiven = "date not given";

    /// <summary>An event's date as a page writes it: "5 November 2019", "November 2019", "2019", or "date not given".</summary>
    public static string EventDate(PartialDate? date) => date is null ? DateNotGiven : Date(date);

    /// <summary>How precise the date is: "day", "month", "year" (the API's and the exports' <c>date_precision</c>).</summary>
    public static string? Precision(PartialDate? date) => date?.Precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Month => "month",
        DatePrecision.Year => "year",
        _ => null,
    };

    /// <summary>Where an event's date came from, as a phrase ("in the sentence", "resolved against the dateline").</summary>
    public static string? DateSourceText(DateSource source) => source switch
    {
        DateSource.Sentence => "given in the sentence",
        DateSource.Relative => "a relative date in the sentence, resolved against the dateline",
        DateSource.Context => "from an earlier sentence of the article",
        DateSource.Editors => "set by the archive's editors",
        _ => null,
    };

    /// <summary>The machine-readable form of <see cref="DateSource"/>: "sentence", "relative", "context", "editors", or null when there is no date.</summary>
    public static string? DateSourceValue(DateSource source) => source == DateSource.None ? null : source.ToString().ToLowerInvariant();

    /// <summary>A count with its noun, singular for one and plural otherwise: "1 country", "14 countries", "3 people".</summary>
    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : Plural(noun));

    /// <summary>
    /// The plural of an English noun the pages count (the last word of a phrase such as "other article"): "person"
    /// becomes "people", a consonant and "y" become "ies" ("country", "agency"), a sibilant takes "es" ("address"), the
    /// rest take "s" ("day", "delegation").
    /// </summary>
    public static string Plural(string noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        if (noun.EndsWith("person", StringComparison.Ordinal))
        {
            return noun[..^"person".Length] + "people";
        }

        if (noun.Length >= 2 && noun[^1] == 'y' && !"aeiou".Contains(noun[^2], StringComparison.Ordinal))
        {
            return noun[..^1] + "ies";
        }

        return noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith('z') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal)
            ? noun + "es"
            : noun + "s";
    }

    public static string Provenance(PublishedFrom from) => from switch
    {
        PublishedFrom.Dateline => "from the dateline",
        PublishedFrom.SourceUrl => "inferred from the source URL",
        PublishedFrom.PhotoFileName => "inferred from a photo's file name",
        PublishedFrom.Body => "inferred from the text",
        _ => "not given by the text",
    };
}
