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

/// <summary>The holders of offices, read from the mentions that name them with the office's title (not those that give a title alone).</summary>
public static class OfficeHolders
{
    /// <summary>The holdings of the mentions given (already narrowed to some offices or some people), earliest first, undated last.</summary>
    public static async Task<List<Holding>> QueryAsync(ArchiveDbContext db, IQueryable<ArticlePerson> mentions, CancellationToken cancellationToken) =>
        (await QueryAsync(db, mentions, int.MaxValue, cancellationToken)).Shown;

    /// <summary>
    /// The holdings of the mentions given, at most the <paramref name="latest"/> last in each office (those the archive
    /// shows last), earliest first, and how many holders each office has in all. An office of a great ministry can have
    /// had a thousand holders over an archive of decades: the sentences are read for the holders shown alone.
    /// </summary>
    public static async Task<(List<Holding> Shown, IReadOnlyDictionary<int, int> Totals)> QueryAsync(ArchiveDbContext db, IQueryable<ArticlePerson> mentions, int latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mentions);
        var named = mentions.Where(m => m.OfficeId != null && m.NameAsWritten != m.Title);
        var all = await named
            .GroupBy(m => new { OfficeId = m.OfficeId!.Value, m.PersonId })
            .Select(g => new { g.Key.OfficeId, g.Key.PersonId, First = g.Min(m => m.Article.PublishedOn), Last = g.Max(m => m.Article.PublishedOn), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var totals = all.GroupBy(s => s.OfficeId).ToDictionary(g => g.Key, g => g.Count());
        var spans = all.GroupBy(s => s.OfficeId)
            .SelectMany(g => g.OrderBy(s => s.Last is null).ThenByDescending(s => s.Last).ThenBy(s => s.PersonId).Take(latest))
            .ToList();
        if (spans.Count == 0)
        {
            return ([], totals);
        }

        // The sentences at the ends of each span: the mentions of those offices and people on those days.
        var officeIds = spans.Select(s => s.OfficeId).Distinct().ToList();
        var personIds = spans.Select(s => s.PersonId).Distinct().ToList();
        var days = spans.SelectMany(s => new[] { s.First, s.Last }).OfType<DateOnly>().Distinct().ToList();
        var undated = spans.Any(s => s.First is null);
        var ends = await named
            .Where(m => officeIds.Contains(m.OfficeId!.Value) && personIds.Contains(m.PersonId)
                && ((undated && m.Article.PublishedOn == null) || (m.Article.PublishedOn != null && days.Contains(m.Article.PublishedOn.Value))))
            .Select(m => new { OfficeId = m.OfficeId!.Value, m.PersonId, m.Article.PublishedOn, m.Article.Published, m.Article.Key, m.Article.Slug, m.Evidence, m.ArticleId })
            .ToListAsync(cancellationToken);
        var byHolder = ends.GroupBy(e => (e.OfficeId, e.PersonId)).ToDictionary(g => g.Key, g => g.OrderBy(e => e.ArticleId).ToList());
        var offices = await db.Offices.AsNoTracking().Where(o => officeIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Slug, o.Name }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Slug, p.Name }).ToDictionaryAsync(p => p.Id, p => new Link(p.Slug, p.Name), cancellationToken);

        List<Holding> shown = [.. spans
            .Select(s =>
            {
                var found = byHolder[(s.OfficeId, s.PersonId)];
                var first = found.First(e => e.PublishedOn == s.First);
                var last = found.Last(e => e.PublishedOn == s.Last);
                var office = offices[s.OfficeId];
                return new Holding(
                    s.OfficeId,
                    office.Slug,
                    office.Name,
                    people[s.PersonId],
                    new SpanEnd(first.Published, first.Key, first.Slug, first.Evidence),
                    new SpanEnd(last.Published, last.Key, last.Slug, last.Evidence),
                    s.Count);
            })
            .OrderBy(h => h.First.Date is null)
            .ThenBy(h => h.First.Date?.FirstDay)
            .ThenBy(h => h.Person.Name, StringComparer.Ordinal)];
        return (shown, totals);
    }
}
