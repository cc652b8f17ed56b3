using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.DateSource).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => m.Date);
        builder.HasIndex(m => m.Kind);
        builder.Property(m => m.FirstCountryName).HasMaxLength(100);
        builder.HasOne(m => m.Article).WithMany(a => a.Meetings).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Participants).WithMany().UsingEntity("MeetingParticipants");
        builder.HasMany(m => m.CounterpartCountries).WithMany().UsingEntity("MeetingCountries");
    }
}
