namespace MinistryNews.Core.Agreements;

/// <summary>Refreshes the agreements register.</summary>
public static class AgreementRegister
{
    public static Task RefreshAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Task.CompletedTask;
    }
}
