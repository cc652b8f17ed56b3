using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MinistryNews.Core.Agreements;
using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Delegations;
using MinistryNews.Core.Meetings;
using MinistryNews.Core.Organisations;
using MinistryNews.Core.People;

namespace MinistryNews.Core;

public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Country> Countries => Set<Country>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<ArticlePerson> ArticlePeople => Set<ArticlePerson>();

    public DbSet<PersonNameWord> PersonNameWords => Set<PersonNameWord>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Delegation> Delegations => Set<Delegation>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AgreementRecord> AgreementRecords => Set<AgreementRecord>();

    public DbSet<ArticleSource> ArticleSources => Set<ArticleSource>();

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<OfficeHolding> OfficeHoldings => Set<OfficeHolding>();

    public DbSet<CountryYear> CountryYears => Set<CountryYear>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Partial dates are stored as text ("2011", "2009-10", "2020-01-09"), which sorts in date order.
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter>().HaveMaxLength(10);
    }

    private sealed class PartialDateConverter() : ValueConverter<PartialDate, string>(
        date => date.ToString(),
        text => PartialDate.Parse(text));
}
