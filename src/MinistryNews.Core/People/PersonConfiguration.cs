using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MinistryNews.Core.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasIndex(p => p.NameKey);
        builder.HasIndex(p => p.Slug).IsUnique();

        // The order of the people lists: most named first, then by name.
        builder.HasIndex(p => new { p.ArticleCount, p.Name, p.Id }).IsDescending(true, false, false);
        builder.HasOne(p => p.Country).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PersonNameWordConfiguration : IEntityTypeConfiguration<PersonNameWord>
{
    public void Configure(EntityTypeBuilder<PersonNameWord> builder)
    {
        builder.ToTable("PersonNameWords");
        builder.HasKey(w => new { w.PersonId, w.Word });
        builder.HasIndex(w => w.Word);
        builder.Property(w => w.Word).HasMaxLength(64);
        builder.HasOne(w => w.Person).WithMany(p => p.NameWords).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticlePersonConfiguration : IEntityTypeConfiguration<ArticlePerson>
{
    public void Configure(EntityTypeBuilder<ArticlePerson> builder)
    {
        builder.HasKey(m => new { m.ArticleId, m.PersonId });
        builder.HasIndex(m => m.PersonId);
        builder.HasOne(m => m.Article).WithMany(a => a.People).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany(p => p.Mentions).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Country).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.Organisation).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.OrganisationId);
        builder.HasOne(m => m.Office).WithMany(o => o.Mentions).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.OfficeId);
    }
}

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.HasIndex(o => o.Key).IsUnique();
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Key).HasMaxLength(200);
        builder.HasOne(o => o.Organisation).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(o => o.Country).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OfficeHoldingConfiguration : IEntityTypeConfiguration<OfficeHolding>
{
    public void Configure(EntityTypeBuilder<OfficeHolding> builder)
    {
        builder.HasKey(h => new { h.OfficeId, h.PersonId });
        builder.HasOne(h => h.Office).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.Person).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => h.PersonId);

        // An office's latest holders, read in this order a few at a time, and its count of holders, from the index alone.
        builder.HasIndex(h => new { h.OfficeId, h.Last, h.PersonId }).IsDescending(false, true, false);
    }
}
