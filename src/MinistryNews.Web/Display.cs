using System.Globalization;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;

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

    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    public static string Provenance(PublishedFrom from) => from switch
    {
        PublishedFrom.Dateline => "from the dateline",
        PublishedFrom.SourceUrl => "inferred from the source URL",
        PublishedFrom.PhotoFileName => "inferred from a photo's file name",
        PublishedFrom.Body => "inferred from the text",
        _ => "not given by the text",
    };
}
