using MinistryNews.Core.Articles;

namespace MinistryNews.Web.Browsing;

/// <summary>An article as a list shows it: title, date, countries, and how many of each kind of event it tells.</summary>
/// <remarks>Its address is <see cref="ArticleLinks.Article"/> of <c>Key</c> and <c>Slug</c>; <c>Id</c> is the store's own number.</remarks>
public sealed record ArticleRow(int Id, string Key, string Slug, string Title, PartialDate? Published, IReadOnlyList<Link> Countries, int Meetings, int Delegations, int Agreements);

/// <summary>A name with the page it links to.</summary>
public sealed record Link(string Slug, string Name);

public static class ArticleRows
{
    /// <summary>
    /// Newest first (or oldest first), undated articles last either way. On SQLite, newest first reads the
    /// (PublishedOn, Id) index backwards, where the undated (null) come last of their own accord; PostgreSQL puts nulls
    /// first in a descending order, so there they are sent last explicitly.
    /// </summary>
    public static IQueryable<Article> Sorted(this IQueryable<Article> articles, ArchiveDbContext db, bool oldestFirst = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        return oldestFirst
            ? articles.OrderBy(a => a.PublishedOn == null).ThenBy(a => a.PublishedOn).ThenBy(a => a.Id)
            : db.Database.IsSqlite()
                ? articles.OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id)
                : articles.OrderBy(a => a.PublishedOn == null).ThenByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id);
    }

    /// <summary>
    /// The rows of a page of articles, in two steps: the ids of the page first (the sort and the offset read only an
    /// index, however deep the page), then the rows of those ids, their countries in a query of their own.
    /// </summary>
    public static async Task<List<ArticleRow>> ToRowsAsync(this IQueryable<Article> articles, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await RowsAsync(db, await articles.Select(a => a.Id).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The rows of these articles, in the order of <paramref name="ids"/>, their countries in a query of their own.</summary>
    public static async Task<List<ArticleRow>> RowsAsync(ArchiveDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var list = ids.ToList();

        // One parameter for the ids (a JSON array on SQLite, an array on PostgreSQL) rather than one each, so that a long
        // list (every article of a person) is one SQL text that EF Core and SQLite prepare once.
        var rows = await db.Articles.AsNoTracking()
            .Where(a => EF.Parameter(list).Contains(a.Id))
            .Select(a => new ArticleRow(
                a.Id,
                a.Key,
                a.Slug,
                a.Title,
                a.Published,
                a.Countries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                a.Meetings.Count,
                a.Delegations.Count,
                a.Agreements.Count))
            .AsSplitQuery()
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        // An article withdrawn since its id was read is left out.
        return [.. list.Where(rows.ContainsKey).Select(id => rows[id])];
    }
}
