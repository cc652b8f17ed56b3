using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.Agreements;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasIndex(a => a.SignedOn);
        builder.HasIndex(a => a.Kind);
        builder.HasOne(a => a.Article).WithMany(x => x.Agreements).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.CounterpartCountries).WithMany().UsingEntity("AgreementCountries");
        builder.HasMany(a => a.Signatories).WithMany().UsingEntity("AgreementSignatories");
    }
}
