using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasIndex(o => new { o.NameKey, o.CountryId });
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.HasIndex(o => o.KnownKey);
        builder.HasOne(o => o.Country).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(o => o.Successor).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(o => o.Articles)
            .WithMany(a => a.Organisations)
            .UsingEntity("ArticleOrganisations");
    }
}
