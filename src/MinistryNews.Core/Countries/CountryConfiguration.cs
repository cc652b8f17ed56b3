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
