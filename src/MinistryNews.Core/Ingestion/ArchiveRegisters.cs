using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Agreements;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// What the archive decides across articles once a batch is stored: each person's shown name (the spelling most of the
/// current sources use), the offices their titles name, and the agreements register (one record per document, however
/// many articles tell it). Run after every ingestion that changed something, in one transaction.
/// </summary>
public static class ArchiveRegisters
{
    public static async Task RefreshAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await PersonNames.RefreshAsync(db, cancellationToken);
            await OfficeRegister.RefreshAsync(db, cancellationToken);
            await AgreementRegister.RefreshAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
