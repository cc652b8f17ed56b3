using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.Tests.Registers;

/// <summary>
/// The keys the lists sort by (a person's count of articles, a meeting's first country by name) are filled for the
/// articles stored before they existed, when an archive of that version starts on this one.
/// </summary>
public sealed class ListOrderKeysTests
{
    [Fact]
    public async Task Should_fill_the_sort_keys_of_an_archive_stored_before_them()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();
        await using var db = archive.Open();
        var expected = await KeysAsync(db);
        Assert.Contains(expected.People, p => p.Count > 1 && p.LatestTitled is not null);
        Assert.Contains(expected.Meetings, m => m.FirstCountry is not null);

        // The archive as it was before the keys: back to the migration before them, then up again as on a first start.
        await TempArchive.MigrateFromBeforeAsync(db, "ListOrderKeys");

        var filled = await KeysAsync(db);
        Assert.Equal(expected.People, filled.People);
        Assert.Equal(expected.Meetings, filled.Meetings);
    }

    /// <summary>The keys as the database holds them, each beside what it should be, counted from the rows themselves.</summary>
    private static async Task<(List<(int Id, int Count, int? LatestTitled)> People, List<(int Id, string? FirstCountry)> Meetings)> KeysAsync(ArchiveDbContext db)
    {
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.ArticleCount,
                p.LatestTitledArticleId,
                Counted = p.Mentions.Count,
                Latest = p.Mentions.Where(m => m.Title != null).OrderByDescending(m => m.Article.PublishedOn).ThenByDescending(m => m.ArticleId).Select(m => (int?)m.ArticleId).FirstOrDefault(),
            })
            .ToListAsync();
        Assert.All(people, p => Assert.Equal(p.Counted, p.ArticleCount));
        Assert.All(people, p => Assert.Equal(p.Latest, p.LatestTitledArticleId));
        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.FirstCountryName, Names = m.CounterpartCountries.Select(c => c.Name).ToList() }).ToListAsync();
        Assert.All(meetings, m => Assert.Equal(m.Names.Order(StringComparer.Ordinal).FirstOrDefault(), m.FirstCountryName));
        return ([.. people.Select(p => (p.Id, p.ArticleCount, p.LatestTitledArticleId))], [.. meetings.Select(m => (m.Id, m.FirstCountryName))]);
    }
}
