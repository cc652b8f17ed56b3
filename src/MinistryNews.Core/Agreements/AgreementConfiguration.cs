using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.Agreements;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasIndex(a => a.SignedOn);
        builder.HasIndex(a => a.Kind);
        builder.Property(a => a.DateSource).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(a => a.Record).WithMany(r => r.Mentions).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.RecordId);
        builder.HasOne(a => a.Article).WithMany(x => x.Agreements).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.CounterpartCountries).WithMany().UsingEntity("AgreementCountries");
        builder.HasMany(a => a.Signatories).WithMany().UsingEntity("AgreementSignatories");
    }
}

internal sealed class AgreementRecordConfiguration : IEntityTypeConfiguration<AgreementRecord>
{
    public void Configure(EntityTypeBuilder<AgreementRecord> builder)
    {
        builder.HasIndex(r => r.Key).IsUnique();
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.HasIndex(r => r.SignedOn);
        builder.HasIndex(r => r.Kind);
        builder.HasOne(r => r.Predecessor).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.CounterpartCountries).WithMany().UsingEntity("AgreementRecordCountries");
        builder.HasMany(r => r.Signatories).WithMany().UsingEntity("AgreementRecordSignatories");
    }
}
