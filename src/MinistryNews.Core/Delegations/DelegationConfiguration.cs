using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.Delegations;

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.HasIndex(d => d.Start);
        builder.Property(d => d.DateSource).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(d => d.Article).WithMany(a => a.Delegations).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Leader).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(d => d.FromCountry).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Members).WithMany().UsingEntity("DelegationMembers");
        builder.HasMany(d => d.Destinations).WithMany().UsingEntity("DelegationDestinations");
    }
}
