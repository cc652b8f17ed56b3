using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>The archive by date without a year: the years it has, on the data folder.</summary>
public sealed class ArchiveYearsTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_list_the_years_of_the_archive_newest_first_with_their_counts_and_links()
    {
        var page = await archive.PageAsync("/archive");

        await using var db = archive.App.OpenDatabase();
        var expected = (await db.Articles.Where(a => a.PublishedOn != null).Select(a => a.PublishedOn!.Value).ToListAsync())
            .GroupBy(d => d.Year).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Assert.NotEmpty(expected);
        var years = page.QuerySelectorAll(".years li").ToList();
        Assert.Equal(expected.Select(y => y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)), years.Select(li => li.QuerySelector("a")!.TextContent.Trim()));
        Assert.Equal(expected.Select(y => $"/archive/{y.Key}"), years.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal(expected.Select(y => $"({Display.Count(y.Item2, "article")})"), years.Select(li => li.QuerySelector(".muted")!.TextContent.Trim()));
        Assert.Equal("Archive by year", page.QuerySelector("h1")!.TextContent.Trim());

        // Each year the page links to is a page of its own.
        await archive.PageAsync(years[0].QuerySelector("a")!.GetAttribute("href")!);
    }
}
