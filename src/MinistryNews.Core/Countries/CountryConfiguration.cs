using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.Countries;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(2);
    }
}

internal sealed class CountryYearConfiguration : IEntityTypeConfiguration<CountryYear>
{
    public void Configure(EntityTypeBuilder<CountryYear> builder)
    {
        builder.ToTable("CountryYears");
        builder.HasKey(y => new { y.CountryId, y.Year, y.Kinds });
        builder.HasOne(y => y.Country).WithMany().OnDelete(DeleteBehavior.Cascade);

        // Every country's rows of one year: the country facet of a list filtered by year.
        builder.HasIndex(y => y.Year);
    }
}
