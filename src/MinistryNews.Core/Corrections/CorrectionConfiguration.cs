using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.Corrections;

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.EditorName).HasMaxLength(256);
        builder.Property(c => c.UndoneByName).HasMaxLength(256);
        builder.Property(c => c.StateNote).HasMaxLength(1000);

        // The corrections stay when an article is withdrawn (its row stays); they go only with the article's row.
        builder.HasOne(c => c.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ArticleId, c.Id });
        builder.HasIndex(c => c.State);
        builder.Ignore(c => c.Action);
        builder.Ignore(c => c.OfPerson);
        builder.HasIndex(c => new { c.Kind, c.State });
    }
}

internal sealed class MistakeReportConfiguration : IEntityTypeConfiguration<MistakeReport>
{
    public void Configure(EntityTypeBuilder<MistakeReport> builder)
    {
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Fact).HasMaxLength(100);
        builder.Property(r => r.Text).HasMaxLength(MistakeReport.MaxTextLength);
        builder.Property(r => r.ClosedReason).HasMaxLength(1000);
        builder.Property(r => r.ClosedByName).HasMaxLength(256);
        builder.HasOne(r => r.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Correction).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.State, r.FiledAtUtc });
    }
}
