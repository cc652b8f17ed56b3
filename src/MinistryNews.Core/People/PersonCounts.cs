using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.People;

/// <summary>
/// Keeps what the lists read of each person: <see cref="Person.ArticleCount"/>, the number of articles that name them
/// now (a withdrawn article's mentions are gone with it), and <see cref="Person.LatestTitledArticleId"/>, where their
/// latest title is; found by the database after each batch for the people it touched. A title changes only with its
/// article, so the people of the changed articles are all whose latest title can have moved.
/// </summary>
public static class PersonCounts
{
    /// <summary>People counted in one statement, within what a statement may take as parameters on either database.</summary>
    private const int Chunk = 1000;

    /// <summary>Counts again the articles of <paramref name="only"/> these people, and finds their latest title, or everyone's when null.</summary>
    public static async Task RefreshAsync(ArchiveDbContext db, IReadOnlyCollection<int>? only, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (only is null)
        {
            await Refresh(db.People, cancellationToken);
            return;
        }

        foreach (var chunk in only.Chunk(Chunk))
        {
            await Refresh(db.People.Where(p => chunk.Contains(p.Id)), cancellationToken);
        }
    }

    private static Task<int> Refresh(IQueryable<Person> people, CancellationToken cancellationToken) =>
        people.ExecuteUpdateAsync(
            set => set
                .SetProperty(p => p.ArticleCount, p => p.Mentions.Count)
                .SetProperty(p => p.LatestTitledArticleId, p => p.Mentions
                    .Where(m => m.Title != null)
                    .OrderByDescending(m => m.Article.PublishedOn).ThenByDescending(m => m.ArticleId)
                    .Select(m => (int?)m.ArticleId)
                    .FirstOrDefault()),
            cancellationToken);
}
