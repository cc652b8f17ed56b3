using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.People;

/// <summary>
/// Keeps each person's <see cref="Person.ArticleCount"/>: the number of articles that name them now (a withdrawn
/// article's mentions are gone with it), counted by the database after each batch for the people it touched.
/// </summary>
public static class PersonCounts
{
    /// <summary>People counted in one statement, within what a statement may take as parameters on either database.</summary>
    private const int Chunk = 1000;

    /// <summary>Counts again the articles of <paramref name="only"/> these people, or of everyone when null.</summary>
    public static async Task RefreshAsync(ArchiveDbContext db, IReadOnlyCollection<int>? only, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (only is null)
        {
            await Stale(db.People).ExecuteUpdateAsync(set => set.SetProperty(p => p.ArticleCount, p => p.Mentions.Count), cancellationToken);
            return;
        }

        foreach (var chunk in only.Chunk(Chunk))
        {
            await Stale(db.People.Where(p => chunk.Contains(p.Id))).ExecuteUpdateAsync(set => set.SetProperty(p => p.ArticleCount, p => p.Mentions.Count), cancellationToken);
        }
    }

    /// <summary>The people whose stored count is not their count: the others are not written again.</summary>
    private static IQueryable<Person> Stale(IQueryable<Person> people) => people.Where(p => p.ArticleCount != p.Mentions.Count);
}
