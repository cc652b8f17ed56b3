using MinistryNews.Core.Corrections;

namespace MinistryNews.Web.Editors;

/// <summary>A correction as the lists show it, with what it corrected: an article, or a person across the archive.</summary>
public sealed record CorrectionRow(Correction Correction, string? ArticleKey, string? ArticleSlug, string? ArticleTitle, int? PersonId, string? PersonSlug, string? PersonName)
{
    /// <summary>The article's title or the person's name (the name shown now, or as the correction recorded it).</summary>
    public string Subject => ArticleTitle ?? PersonName ?? "A person no longer in the archive";

    public string? PublicHref => ArticleKey is not null ? ArticleLinks.Article(ArticleKey, ArticleSlug ?? string.Empty)
        : PersonSlug is not null ? $"/people/{PersonSlug}"
        : null;

    /// <summary>Where an editor corrects it again or undoes it.</summary>
    public string EditorsHref => Correction.ArticleId is { } article ? $"/editors/articles/{article}#correction-{Correction.Id}"
        : PersonSlug is not null ? $"/editors/people/{PersonId}#correction-{Correction.Id}"
        : $"/corrections#correction-{Correction.Id}";

    public static Task<List<CorrectionRow>> ReadAsync(ArchiveDbContext db, IQueryable<Correction> corrections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return corrections
            .Select(c => new CorrectionRow(
                c,
                c.Article == null ? null : c.Article.Key,
                c.Article == null ? null : c.Article.Slug,
                c.Article == null ? null : c.Article.Title,
                c.PersonId,
                db.People.Where(p => p.Id == c.PersonId).Select(p => p.Slug).FirstOrDefault(),
                db.People.Where(p => p.Id == c.PersonId).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}
