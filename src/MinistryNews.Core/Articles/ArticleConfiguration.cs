using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Articles;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    /// <summary>The body column's JSON (the ingestion's writer writes it without EF Core, the same way).</summary>
    public static string SerializeBody(List<BodyBlock> blocks) => JsonSerializer.Serialize(blocks, BodyJson);

    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasIndex(a => a.SourceFile).IsUnique();
        builder.HasIndex(a => a.Key).IsUnique();
        builder.HasIndex(a => a.TextHash);
        builder.Property(a => a.Key).HasMaxLength(ArticleKeys.MaxLength);
        builder.Property(a => a.TextHash).HasMaxLength(64);

        // A withdrawn article leaves every list, count, facet and feed; only its own page reads it (IgnoreQueryFilters).
        builder.HasQueryFilter(a => a.WithdrawnAtUtc == null);
        builder.HasIndex(a => a.Published);
        // Lists read the articles in date order through this index alone: it holds the live articles only (every query of
        // articles carries the withdrawn filter below, which lets SQLite and PostgreSQL use it), and the filter's column
        // too, so that it covers the query.
        builder.HasIndex(a => new { a.PublishedOn, a.Id, a.WithdrawnAtUtc }).HasFilter("\"WithdrawnAtUtc\" IS NULL").HasDatabaseName("IX_Articles_PublishedOn_Id");
        builder.Property(a => a.PublishedFrom).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.ExtractorVersion).HasMaxLength(40);

        // The body is always read whole with its article: one JSON column, not a table of rows.
        builder.Property(a => a.Body)
            .HasConversion(
                blocks => SerializeBody(blocks),
                json => JsonSerializer.Deserialize<List<BodyBlock>>(json, BodyJson) ?? new List<BodyBlock>(),
                new ValueComparer<List<BodyBlock>>(
                    (a, b) => a!.SequenceEqual(b!),
                    blocks => blocks.Aggregate(0, (hash, block) => HashCode.Combine(hash, block)),
                    blocks => blocks.ToList()));

        builder.HasMany(a => a.Countries)
            .WithMany(c => c.Articles)
            .UsingEntity("ArticleCountries");
    }
}

internal sealed class ArticleSourceConfiguration : IEntityTypeConfiguration<ArticleSource>
{
    public void Configure(EntityTypeBuilder<ArticleSource> builder)
    {
        builder.ToTable("ArticleSources");
        builder.HasKey(s => s.Path);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.HasIndex(s => s.ArticleId);
        builder.Property(s => s.Key).HasMaxLength(ArticleKeys.MaxLength);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.HasOne(s => s.Article).WithMany(a => a.Sources).OnDelete(DeleteBehavior.Cascade);
    }
}
