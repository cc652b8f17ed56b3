using MinistryNews.Core.Agreements;

namespace MinistryNews.Web.Pages.Agreements;

/// <summary>
/// One document of the agreements register: every field the articles give, its status today, the document it renews and
/// those that renew it, every article that tells it with the sentence, and how to cite it.
/// </summary>
public sealed class DetailModel(ArchiveDbContext db, TimeProvider time) : PageModel
{
    /// <summary>Who the register's documents are cited to: the ministry whose press releases tell them.</summary>
    public const string Institution = "Ministry of Information and Communications (Viet Nam)";

    public AgreementRecord Record { get; private set; } = null!;

    public DateSource DateSource { get; private set; }

    public AgreementStatus Status { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Link> Countries { get; private set; } = [];

    public IReadOnlyList<Link> Signatories { get; private set; } = [];

    public (int Id, string Slug, string Title)? Predecessor { get; private set; }

    public IReadOnlyList<(int Id, string Slug, string Title)> Successors { get; private set; } = [];

    public IReadOnlyList<MentionRow> Mentions { get; private set; } = [];

    public Citation Citation { get; private set; } = null!;

    public string Title { get; private set; } = string.Empty;

    /// <summary>An article's telling of the document: the article, its date, what it gives as the signing date, and the sentence.</summary>
    public sealed record MentionRow(string ArticleKey, string ArticleSlug, string ArticleTitle, PartialDate? Published, PartialDate? SignedOn, DateSource DateSource, string Evidence)
    {
        public string ArticleUrl => ArticleLinks.Article(ArticleKey, ArticleSlug);

        public string FactUrl => ArticleLinks.Fact(ArticleKey, ArticleSlug, Evidence);
    }

    public async Task<IActionResult> OnGetAsync(int id, string? slug, string? format, CancellationToken cancellationToken)
    {
        var record = await db.AgreementRecords.AsNoTracking().AsSplitQuery()
            .Include(r => r.CounterpartCountries)
            .Include(r => r.Signatories)
            .Include(r => r.Predecessor)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            // An address whose number no record holds (the numbers of a database built before records took their ids
            // from their keys): the one record with its slug, if there is one.
            var named = slug is null ? [] : await db.AgreementRecords.AsNoTracking().Where(r => r.Slug == slug).Select(r => r.Id).Take(2).ToListAsync(cancellationToken);
            return named.Count == 1
                ? RedirectToPagePermanent("/Agreements/Detail", new { id = named[0], slug, format = CitationResults.IsDownload(format) ? format : null })
                : NotFound();
        }

        if (slug != record.Slug)
        {
            return RedirectToPagePermanent("/Agreements/Detail", new { id, slug = record.Slug, format = CitationResults.IsDownload(format) ? format : null });
        }

        Record = record;
        Today = Citation.Today(time);
        Status = AgreementRow.StatusOn(record.ValidFrom, record.ValidTo, Today);
        Countries = [.. record.CounterpartCountries.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new Link(c.Slug, c.Name))];
        Signatories = [.. record.Signatories.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new Link(p.Slug, p.Name))];
        Mentions = [.. (await db.Agreements.AsNoTracking()
                .Where(a => a.RecordId == id)
                .Select(a => new { a.Id, a.Article.Key, a.Article.Slug, a.Article.Title, a.Article.Published, a.Article.PublishedOn, a.SignedOn, a.DateSource, a.Evidence })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.PublishedOn is null).ThenBy(m => m.PublishedOn).ThenBy(m => m.Id)
            .Select(m => new MentionRow(m.Key, m.Slug, m.Title, m.Published, m.SignedOn, m.DateSource, m.Evidence))];
        DateSource = AgreementRow.SourceOf(record.SignedOn, Mentions.Select(m => (m.SignedOn, m.DateSource)));
        Predecessor = record.Predecessor is { } p ? (p.Id, p.Slug, TitleOf(p, [])) : null;
        Successors = [.. (await db.AgreementRecords.AsNoTracking().Where(r => r.PredecessorId == id).OrderBy(r => r.SignedOn).ThenBy(r => r.Id).ToListAsync(cancellationToken))
            .Select(r => (r.Id, r.Slug, TitleOf(r, [])))];

        Title = TitleOf(record, Countries.Select(c => c.Name));
        var permalink = new Uri(PublicAddress.Origin(HttpContext) + AgreementRow.Address(record.Id, record.Slug));
        Citation = new Citation(CitationKind.Agreement, Title, Institution, record.SignedOn, null, permalink, Today);
        ViewData["Title"] = Title;
        ViewData["Canonical"] = permalink.AbsoluteUri;
        // What a preview needs first, the status and how many articles tell it; then the title, which a long one cuts.
        ViewData["Description"] = PageMeta.Description(
            $"Status on {Display.Date(PartialDate.FromDate(Today))}: {AgreementRow.StatusLabel(Status)}. Told by {Display.Count(Mentions.Count, "article")} of the archive. {Title}.");
        return (IActionResult?)CitationResults.File(Citation, format) ?? Page();
    }

    /// <summary>The words a screen reader hears for a mention's link to its sentence.</summary>
    public string FactLabel(MentionRow mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return $"the {Record.Kind} in the article “{mention.ArticleTitle}”";
    }

    /// <summary>
    /// A document as references name it: "Memorandum of Understanding between Viet Nam and Japan on cooperation in
    /// information security (signed 5 November 2019)".
    /// </summary>
    public static string TitleOf(AgreementRecord record, IEnumerable<string> countries)
    {
        ArgumentNullException.ThrowIfNull(record);
        var with = countries.ToList();
        var parties = with.Count == 0 ? string.Empty : " between Viet Nam and " + (with.Count == 1 ? with[0] : string.Join(", ", with[..^1]) + " and " + with[^1]);
        var subject = record.Subject is { } s ? " " + s : record.Name is { } n ? " (" + n + ")" : string.Empty;
        var signed = record.SignedOn is { } date ? $" (signed {Display.Date(date)})" : string.Empty;
        return record.Kind + parties + subject + signed;
    }
}
