using Microsoft.EntityFrameworkCore.Design;
using MinistryNews.Core;

namespace MinistryNews.Migrations.PostgreSQL;

/// <summary>
/// Lets <c>dotnet ef migrations add &lt;Name&gt; --project src/MinistryNews.Migrations.PostgreSQL</c> build the model for
/// PostgreSQL without a server (adding a migration does not connect).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args) =>
        new(ArchiveDatabase.Options(ArchiveStorage.PostgreSql("Host=localhost;Database=ministrynews_design")));
}
