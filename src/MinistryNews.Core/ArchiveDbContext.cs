using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MinistryNews.Core.Agreements;
using MinistryNews.Core.Articles;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Delegations;
using MinistryNews.Core.Editors;
using MinistryNews.Core.Meetings;
using MinistryNews.Core.Organisations;
using MinistryNews.Core.People;

namespace MinistryNews.Core;

/// <summary>
/// The archive: what the extraction read, the registers decided across articles, and the editors' accounts (ASP.NET Core
/// Identity's user tables, named <c>Editors</c>, <c>EditorClaims</c>, <c>EditorLogins</c> and <c>EditorTokens</c>), with
/// the data protection keys that sign their session cookies and forms (shared by every instance, kept across restarts).
/// </summary>
public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : IdentityUserContext<Editor>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

    public DbSet<Correction> Corrections => Set<Correction>();

    public DbSet<MistakeReport> MistakeReports => Set<MistakeReport>();

    /// <summary>
    /// The year of a partial date, as its stored text's first four characters ("2019" of "2019-11-05"), for a query
    /// that counts by year in the database (<c>substr</c>, which SQLite and PostgreSQL both have); null for no date.
    /// Only a query can call it.
    /// </summary>
    public static string? YearOf(PartialDate? date) => throw new InvalidOperationException($"{nameof(YearOf)} runs in the database only.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Editor>().ToTable("Editors");
        builder.Entity<IdentityUserClaim<string>>().ToTable("EditorClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("EditorLogins");
        builder.Entity<IdentityUserToken<string>>().ToTable("EditorTokens");
        builder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
        builder.HasDbFunction(typeof(ArchiveDbContext).GetMethod(nameof(YearOf))!)
            .HasTranslation(arguments => new SqlFunctionExpression(
                "substr",
                [arguments[0], new SqlConstantExpression(1, typeof(int), IntTypeMapping.Default), new SqlConstantExpression(4, typeof(int), IntTypeMapping.Default)],
                nullable: true,
                argumentsPropagateNullability: [true, false, false],
                typeof(string),
                StringTypeMapping.Default));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Partial dates are stored as text ("2011", "2009-10", "2020-01-09"), which sorts in date order.
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter>().HaveMaxLength(10);

        // The same where a date is no column's (the argument of YearOf).
        configurationBuilder.DefaultTypeMapping<PartialDate>().HasConversion<PartialDateConverter>();
    }

    private sealed class PartialDateConverter() : ValueConverter<PartialDate, string>(
        date => date.ToString(),
        text => PartialDate.Parse(text));
}
