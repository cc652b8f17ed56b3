namespace MinistryNews.Web.Tests.Pages;

/// <summary>How the pages write a count with its noun, and the summaries that use it, on the data folder.</summary>
public sealed class PluralTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Theory]
    [InlineData(1, "country", "1 country")]
    [InlineData(14, "country", "14 countries")]
    [InlineData(0, "agency", "0 agencies")]
    [InlineData(2, "delegation", "2 delegations")]
    [InlineData(1, "person", "1 person")]
    [InlineData(3, "person", "3 people")]
    [InlineData(2, "day", "2 days")]
    [InlineData(2, "address", "2 addresses")]
    [InlineData(4, "other article", "4 other articles")]
    public void Should_write_the_plural_of_the_nouns_the_pages_count(int count, string noun, string expected) =>
        Assert.Equal(expected, Display.Count(count, noun));

    [Fact]
    public async Task Should_count_countries_and_people_in_plain_english_in_the_summaries()
    {
        var countries = await archive.PageAsync("/countries");
        var people = await archive.PageAsync("/people");

        var rows = countries.QuerySelectorAll(".table-wrap:not(.map-figures) tbody tr").Length;
        Assert.EndsWith($": {Display.Count(rows, "country")}.", countries.QuerySelector(".summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(rows == 1 ? "1 country." : $"{rows} countries.", countries.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@": \d+ (people|person)\.$", people.QuerySelector(".summary")!.TextContent.Trim());
        Assert.DoesNotContain("countrys", countries.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("persons", people.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
    }
}
