using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Agreements;
using MinistryNews.Core.Countries;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// What the archive decides across articles once a batch is stored: each person's shown name (the spelling most of the
/// current sources use) and the number of articles that name them, the offices their titles name and who held each, the agreements register (one record per document, however
/// many articles tell it), and what each country's page counts. Run after every ingestion that changed something, in one transaction.
/// </summary>
public static class ArchiveRegisters
{
    public static Task RefreshAsync(ArchiveDbContext db, CancellationToken cancellationToken = default) =>
        RefreshAsync(db, null, cancellationToken);

    /// <summary>
    /// Refreshes what <paramref name="changes"/> touched (the people, the offices and the agreements' counterpart sets of
    /// the articles written or withdrawn), or everything when they are null or too many; either way the registers come out
    /// as a full refresh makes them.
    /// </summary>
    public static async Task RefreshAsync(ArchiveDbContext db, ArchiveChanges? changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scoped = changes is { Everything: false } ? changes : null;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await PersonNames.RefreshAsync(db, scoped?.People, cancellationToken);
            await PersonCounts.RefreshAsync(db, scoped?.People, cancellationToken);
            var moved = await OfficeRegister.RefreshAsync(db, scoped is { Organisations: false } ? scoped.Titles : null, scoped?.Offices ?? [], cancellationToken);
            await OfficeHoldings.RefreshAsync(db, scoped is null ? null : [.. scoped.Offices.Union(moved)], cancellationToken);
            await AgreementRegister.RefreshAsync(db, scoped?.AgreementCountries, cancellationToken);
            await CountryCounts.RefreshAsync(db, scoped?.Countries, cancellationToken);
            await ArchiveGeneration.AdvanceAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
