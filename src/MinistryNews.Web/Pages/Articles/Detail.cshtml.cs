using MinistryNews.Core.Articles;

namespace MinistryNews.Web.Pages.Articles;

/// <summary>One article in full, with the facts read out of it beside the text and their sentences marked in it.</summary>
public sealed class DetailModel(ArchiveDbContext db, TimeProvider time) : PageModel
{
    /// <summary>Who a citation names when the article names no Vietnamese ministry.</summary>
    public const string DefaultInstitution = "Ministry of Information and Communications (Viet Nam)";

    public Article Article { get; private set; } = null!;

    /// <summary>The sentences facts were read from; the text marks each with its anchor (<see cref="ArticleLinks.FactAnchor"/>).</summary>
    public IReadOnlySet<string> Evidence { get; private set; } = new HashSet<string>();

    public Citation Citation { get; private set; } = null!;

    /// <summary>
    /// The article at its key. A key of another file of the article (a copy, or the file it was first read from) and the
    /// number that was its address before addresses came from files lead to it with a permanent redirect; so does a
    /// wrong slug. A withdrawn article is shown, marked.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(string key, string? slug, string? format, CancellationToken cancellationToken)
    {
        var article = await db.Articles
            .IgnoreQueryFilters()
            .AsNoTracking()
            .WithFacts()
            .Include(a => a.Sources)
            .Include(a => a.Agreements).ThenInclude(a => a.Record)
            .Include(a => a.People).ThenInclude(m => m.Organisation)
            .Include(a => a.Organisations).ThenInclude(o => o.Country)
            .FirstOrDefaultAsync(a => a.Key == key, cancellationToken);
        if (article is null)
        {
            var elsewhere = await db.ArticleSources.IgnoreQueryFilters().AsNoTracking().Where(s => s.Key == key)
                .Select(s => new { s.Article.Key, s.Article.Slug }).FirstOrDefaultAsync(cancellationToken);
            if (elsewhere is null && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                elsewhere = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == id)
                    .Select(a => new { a.Key, a.Slug }).FirstOrDefaultAsync(cancellationToken);
            }

            return elsewhere is null ? NotFound() : RedirectPermanent(ArticleLinks.Article(elsewhere.Key, elsewhere.Slug) + QueryOf(format));
        }

        if (slug != article.Slug)
        {
            return RedirectPermanent(ArticleLinks.Article(article.Key, article.Slug) + QueryOf(format));
        }

        Article = article;
        Citation = new Citation(
            CitationKind.Article,
            article.Title,
            Institution(article),
            article.Published,
            article.SourceUrl,
            new Uri(PublicAddress.Origin(HttpContext) + ArticleLinks.Article(article.Key, article.Slug)),
            Citation.Today(time));
        if (CitationResults.File(Citation, format) is { } download)
        {
            return download;
        }

        if (article.WithdrawnAtUtc is null)
        {
            (Previous, Next) = await AdjacentAsync(article, cancellationToken);
        }

        Evidence = article.Meetings.Select(m => m.Evidence)
            .Concat(article.Delegations.Select(d => d.Evidence))
            .Concat(article.Agreements.Select(a => a.Evidence))
            .Concat(article.People.Select(p => p.Evidence))
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .ToHashSet(StringComparer.Ordinal);
        return Page();
    }

    /// <summary>The ministry a citation names: the first Vietnamese ministry or agency the article names, else the Ministry of Information and Communications.</summary>
    private static string Institution(Article article) =>
        article.Organisations.FirstOrDefault(o => o.Country?.Code == "VN" && o.KnownKey is not null) is { } ministry
            ? $"{ministry.Name} (Viet Nam)"
            : DefaultInstitution;

    private static string QueryOf(string? format) => CitationResults.IsDownload(format) ? $"?format={Uri.EscapeDataString(format!)}" : string.Empty;

    /// <summary>The article just before this one in date order (newest-first order of the list), and the one just after.</summary>
    public AdjacentArticle? Previous { get; private set; }

    public AdjacentArticle? Next { get; private set; }

    public sealed record AdjacentArticle(int Id, string Key, string Slug, string Title);

    /// <summary>
    /// The articles before and after in date order (undated ones among themselves, in the order they were stored). Each
    /// is one seek in the (PublishedOn, Id) index: the same day first, then the nearest other day.
    /// </summary>
    private async Task<(AdjacentArticle? Previous, AdjacentArticle? Next)> AdjacentAsync(Article article, CancellationToken cancellationToken)
    {
        var articles = db.Articles.AsNoTracking();
        var on = article.PublishedOn;
        var sameDay = articles.Where(a => a.PublishedOn == on);
        var previous = await First(sameDay.Where(a => a.Id < article.Id).OrderByDescending(a => a.Id))
            ?? (on is null ? null : await First(articles.Where(a => a.PublishedOn < on).OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id)));
        var next = await First(sameDay.Where(a => a.Id > article.Id).OrderBy(a => a.Id))
            ?? (on is null ? null : await First(articles.Where(a => a.PublishedOn > on).OrderBy(a => a.PublishedOn).ThenBy(a => a.Id)));
        return (previous, next);

        Task<AdjacentArticle?> First(IQueryable<Article> query) =>
            query.Select(a => new AdjacentArticle(a.Id, a.Key, a.Slug, a.Title)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The link from a corrected fact's mark to its correction on the article's history page; null for a fact as read.</summary>
    public string? CorrectedHref(int? correctionId) => correctionId is { } id ? $"/corrections/{Article.Key}#correction-{id}" : null;

    /// <summary>How the page and a reader's report name a fact: its kind and its place in the article's list ("Meeting 2").</summary>
    public string FactLabel(object fact) => fact switch
    {
        Core.Meetings.Meeting meeting => $"Meeting {Article.Meetings.IndexOf(meeting) + 1}",
        Core.Delegations.Delegation delegation => $"Delegation {Article.Delegations.IndexOf(delegation) + 1}",
        Core.Agreements.Agreement agreement => $"Agreement {Article.Agreements.IndexOf(agreement) + 1}",
        _ => "The article",
    };

    /// <summary>The form a reader reports a mistake in the fact with (in the article as a whole when null).</summary>
    public string ReportHref(object? fact) =>
        $"/report?article={Uri.EscapeDataString(Article.Key)}" + (fact is null ? string.Empty : $"&fact={Uri.EscapeDataString(FactLabel(fact))}");

    /// <summary>The link from a fact to its sentence in the text.</summary>
    public string FactHref(string evidence) => "#" + ArticleLinks.FactAnchor(evidence);

    /// <summary>A block of the body cut into plain runs and runs that are the sentence of a fact (with the sentence's anchor).</summary>
    public IEnumerable<(string Text, string? Anchor)> Segments(BodyBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var text = block.Text;
        var marks = new List<(int Start, int Length, string Anchor)>();
        foreach (var evidence in Evidence)
        {
            var start = text.IndexOf(evidence, StringComparison.Ordinal);
            if (start >= 0 && !marks.Any(m => start < m.Start + m.Length && m.Start < start + evidence.Length))
            {
                marks.Add((start, evidence.Length, ArticleLinks.FactAnchor(evidence)));
            }
        }

        var position = 0;
        foreach (var (start, length, anchor) in marks.OrderBy(m => m.Start))
        {
            if (start > position)
            {
                yield return (text[position..start], null);
            }

            yield return (text.Substring(start, length), anchor);
            position = start + length;
        }

        if (position < text.Length)
        {
            yield return (text[position..], null);
        }
    }
}
