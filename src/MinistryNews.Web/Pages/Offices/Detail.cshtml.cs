namespace MinistryNews.Web.Pages.Offices;

/// <summary>One office: its holders over time and every mention of it, each linked to the sentence that states it.</summary>
public sealed class DetailModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [QueryKey.Page];

    public const int PageSize = 100;

    /// <summary>The holders the page shows, the latest.</summary>
    public const int HoldersShown = 100;

    public string Slug { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Rank { get; private set; } = string.Empty;

    public Link? Organisation { get; private set; }

    public Link? Country { get; private set; }

    public IReadOnlyList<Holding> Holders { get; private set; } = [];

    /// <summary>How many people the archive shows in the office.</summary>
    public int HolderCount { get; private set; }

    public IReadOnlyList<MentionRow> Mentions { get; private set; } = [];

    public List<string> Messages { get; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    /// <summary>An article that names someone in the office: the title as written, and the sentence.</summary>
    public sealed record MentionRow(PartialDate? Published, Link Person, string Title, bool NamedByTitleOnly, string ArticleKey, string ArticleSlug, string ArticleTitle, string Evidence);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var office = await db.Offices.AsNoTracking()
            .Where(o => o.Slug == slug)
            .Select(o => new
            {
                o.Id,
                o.Slug,
                o.Name,
                o.Rank,
                Organisation = o.Organisation == null ? null : new Link(o.Organisation.Slug, o.Organisation.Name),
                Country = o.Country == null ? null : new Link(o.Country.Slug, o.Country.Name),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (office is null)
        {
            return NotFound();
        }

        (Slug, Name, Rank, Organisation, Country) = (office.Slug, office.Name, office.Rank, office.Organisation, office.Country);
        Links = new QueryLinks($"/offices/{office.Slug}", Request.Query);
        var mentions = db.ArticlePeople.AsNoTracking().Where(m => m.OfficeId == office.Id);
        var (holders, totals) = await OfficeHolders.QueryAsync(db, [office.Id], HoldersShown, cancellationToken);
        (Holders, HolderCount) = (holders, totals.GetValueOrDefault(office.Id));
        var total = await mentions.CountAsync(cancellationToken);
        var (paging, message) = Paging.Read(Request.Query[QueryKey.Page], PageSize, total);
        Paging = paging;
        if (message is not null)
        {
            Messages.Add(message);
        }

        Mentions = await mentions
            .OrderBy(m => m.Article.PublishedOn == null ? 1 : 0)
            .ThenByDescending(m => m.Article.PublishedOn)
            .ThenByDescending(m => m.ArticleId)
            .Skip(paging.Skip).Take(PageSize)
            .Select(m => new MentionRow(m.Article.Published, new Link(m.Person.Slug, m.Person.Name), m.Title!, m.NameAsWritten == m.Title, m.Article.Key, m.Article.Slug, m.Article.Title, m.Evidence))
            .ToListAsync(cancellationToken);
        ViewData["Description"] = PageMeta.Description($"{office.Name}: {Display.Count(HolderCount, "holder")} in the archive"
            + (Holders.Count > 0 ? $", {string.Join(", ", Holders.Take(5).Select(h => h.Person.Name))}." : "."));
        ViewData["Canonical"] = $"/offices/{office.Slug}";
        return Page();
    }
}
