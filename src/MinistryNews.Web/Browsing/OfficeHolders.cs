using MinistryNews.Core.People;

namespace MinistryNews.Web.Browsing;

/// <summary>One end of a holder's span: the article's publication date and the sentence that names them with the title.</summary>
public sealed record SpanEnd(PartialDate? Date, string ArticleKey, string ArticleSlug, string Evidence)
{
    public string FactHref => ArticleLinks.Fact(ArticleKey, ArticleSlug, Evidence);
}

/// <summary>
/// A person in an office, from the first to the last date the archive shows them in it (the publication dates of the
/// articles that name them with its title; "date not given" when those articles are undated).
/// </summary>
public sealed record Holding(int OfficeId, string OfficeSlug, string OfficeName, Link Person, SpanEnd First, SpanEnd Last, int Mentions)
{
    /// <summary>The span in words, for a screen reader's fact link and the descriptions.</summary>
    public string Fact(SpanEnd end) => $"{Person.Name} as {OfficeName}, {Display.EventDate(end.Date)}";
}

/// <summary>
/// The holders of offices, read from the holdings the registers keep after each batch (<see cref="OfficeHolding"/>: the
/// mentions that name a person with the office's title, not those that give a title alone, grouped by office and person).
/// </summary>
public static class OfficeHolders
{
    /// <summary>The holdings given (already narrowed to some offices or some people), earliest first, undated last.</summary>
    public static async Task<List<Holding>> QueryAsync(ArchiveDbContext db, IQueryable<OfficeHolding> holdings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(holdings);
        return await ShowAsync(db, holdings, cancellationToken);
    }

    /// <summary>
    /// The holders of the <paramref name="offices"/>, at most the <paramref name="latest"/> last in each (those the archive
    /// shows last), earliest first, and how many holders each office has in all. An office of a great ministry can have had
    /// a thousand holders over an archive of decades: each office's few are read through its index of holders by their
    /// last date, in one statement for all the offices, and the sentences are read for them alone.
    /// </summary>
    public static async Task<(List<Holding> Shown, IReadOnlyDictionary<int, int> Totals)> QueryAsync(ArchiveDbContext db, IReadOnlyCollection<int> offices, int latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(offices);
        var holdings = db.OfficeHoldings.AsNoTracking();
        var totals = await holdings.Where(h => offices.Contains(h.OfficeId))
            .GroupBy(h => h.OfficeId)
            .Select(g => new { OfficeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OfficeId, g => g.Count, cancellationToken);
        IQueryable<OfficeHolding>? picked = null;
        foreach (var officeId in totals.Keys.Order())
        {
            var latestOfOffice = holdings.Where(h => h.OfficeId == officeId)
                .OrderBy(h => h.Last == null).ThenByDescending(h => h.Last).ThenBy(h => h.PersonId)
                .Take(latest);
            picked = picked is null ? latestOfOffice : picked.Concat(latestOfOffice);
        }

        return (picked is null ? [] : await ShowAsync(db, picked, cancellationToken), totals);
    }

    /// <summary>The holdings picked, with their office, person and the sentence at each end, earliest first, undated last.</summary>
    private static async Task<List<Holding>> ShowAsync(ArchiveDbContext db, IQueryable<OfficeHolding> picked, CancellationToken cancellationToken)
    {
        var spans = await picked
            .Select(h => new
            {
                h.OfficeId,
                h.PersonId,
                OfficeSlug = h.Office.Slug,
                OfficeName = h.Office.Name,
                Person = new Link(h.Person.Slug, h.Person.Name),
                h.FirstArticleId,
                h.LastArticleId,
                h.Mentions,
            })
            .ToListAsync(cancellationToken);
        if (spans.Count == 0)
        {
            return [];
        }

        // The sentences at the ends of each span: the mentions of those people in those articles, sought by article and
        // each checked for the people (+ 0 keeps SQLite from seeking every pair of an article and a person: 250 of each
        // made 62,500 seeks, 19 ms at 100,000 articles, against 3.5).
        var articleIds = spans.SelectMany(s => new[] { s.FirstArticleId, s.LastArticleId }).Distinct().ToList();
        var personIds = spans.Select(s => s.PersonId).Distinct().ToList();
        var ends = await db.ArticlePeople.AsNoTracking()
            .Where(m => articleIds.Contains(m.ArticleId) && personIds.Contains(m.PersonId + 0))
            .Select(m => new { m.ArticleId, m.PersonId, End = new SpanEnd(m.Article.Published, m.Article.Key, m.Article.Slug, m.Evidence) })
            .ToDictionaryAsync(m => (m.ArticleId, m.PersonId), m => m.End, cancellationToken);

        List<Holding> shown = [.. spans
            .Select(s => new Holding(s.OfficeId, s.OfficeSlug, s.OfficeName, s.Person, ends[(s.FirstArticleId, s.PersonId)], ends[(s.LastArticleId, s.PersonId)], s.Mentions))
            .OrderBy(h => h.First.Date is null)
            .ThenBy(h => h.First.Date?.FirstDay)
            .ThenBy(h => h.Person.Name, StringComparer.Ordinal)];
        return shown;
    }
}
