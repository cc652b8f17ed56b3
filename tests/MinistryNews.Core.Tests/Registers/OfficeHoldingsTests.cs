using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.Tests.Registers;

/// <summary>
/// The holders the office pages read (<see cref="People.OfficeHolding"/>) and each office's count of mentions are those
/// the mentions give, and they are filled for the archives stored before them, when an archive of that version starts
/// on this one.
/// </summary>
public sealed class OfficeHoldingsTests
{
    [Fact]
    public async Task Should_fill_the_holders_of_an_archive_stored_before_them()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();
        await using var db = archive.Open();
        var expected = await HoldingsAsync(db);
        Assert.True(await db.OfficeHoldings.AnyAsync(h => h.Mentions > 1 && h.FirstArticleId != h.LastArticleId));

        // The archive as it was before the table and the counts: back to the migration before them, then up again as on a first start.
        await TempArchive.MigrateFromBeforeAsync(db, "OfficeHoldings");

        Assert.Equal(expected, await HoldingsAsync(db));
    }

    /// <summary>
    /// The holdings as the database holds them, checked against the mentions themselves: per office and person that the
    /// mentions name with the office's title, the first and last publication dates, the first stored article of the first
    /// day and the last stored of the last day (undated when every article is), and the count.
    /// </summary>
    private static async Task<List<string>> HoldingsAsync(ArchiveDbContext db)
    {
        var mentions = await db.ArticlePeople.AsNoTracking()
            .Where(m => m.OfficeId != null && m.NameAsWritten != m.Title)
            .Select(m => new { OfficeId = m.OfficeId!.Value, m.PersonId, m.ArticleId, m.Article.PublishedOn })
            .ToListAsync();
        var counted = mentions.GroupBy(m => (m.OfficeId, m.PersonId))
            .Select(g =>
            {
                var first = g.Min(m => m.PublishedOn);
                var last = g.Max(m => m.PublishedOn);
                return $"{g.Key.OfficeId}|{g.Key.PersonId}|{first}|{last}|{g.Where(m => m.PublishedOn == first).Min(m => m.ArticleId)}|{g.Where(m => m.PublishedOn == last).Max(m => m.ArticleId)}|{g.Count()}";
            })
            .Order(StringComparer.Ordinal)
            .ToList();
        var stored = (await db.OfficeHoldings.AsNoTracking().ToListAsync())
            .Select(h => $"{h.OfficeId}|{h.PersonId}|{h.First}|{h.Last}|{h.FirstArticleId}|{h.LastArticleId}|{h.Mentions}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(counted, stored);
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.MentionCount, Counted = o.Mentions.Count }).ToListAsync();
        Assert.All(offices, o => Assert.Equal(o.Counted, o.MentionCount));
        Assert.Contains(offices, o => o.MentionCount > 1);
        return [.. stored, .. offices.Select(o => $"{o.Id}:{o.MentionCount}")];
    }
}
