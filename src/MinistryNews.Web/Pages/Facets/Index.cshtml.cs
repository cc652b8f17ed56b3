using MinistryNews.Core.Search;

namespace MinistryNews.Web.Pages.Facets;

/// <summary>
/// Every country (or person) of the article list or a search, with how many of its articles name each, for the list's
/// filters: the facet panel beside the list shows the first few and links here. Each value leads back to the list with
/// that filter added (or taken off when chosen).
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. ArticleFilter.Keys, QueryKey.Search, QueryKey.Sort, QueryKey.Page];

    public const int PageSize = 100;

    /// <summary>"country" or "person", as in the query string.</summary>
    public string Name { get; private set; } = string.Empty;

    public ArticleFilter Filter { get; private set; } = null!;

    /// <summary>The words searched for, when the list is a search's.</summary>
    public string? Query { get; private set; }

    /// <summary>Links to the list the facet counts (the articles, or the search), with its filters.</summary>
    public QueryLinks List { get; private set; } = null!;

    /// <summary>Links to the pages of this facet.</summary>
    public QueryLinks Links { get; private set; } = null!;

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<FacetValue> Values { get; private set; } = [];

    public List<string> Messages { get; } = [];

    public async Task<IActionResult> OnGetAsync(string facet, CancellationToken cancellationToken)
    {
        if (!FullFacet.Names.TryGetValue(facet, out var which))
        {
            return NotFound();
        }

        Name = facet;
        Filter = await ArticleFilter.ReadAsync(db, Request.Query, cancellationToken);
        Messages.AddRange(Filter.Messages);

        // A search's facet counts among its matches, as the search page's panel does.
        IQueryable<int>? within = null;
        var words = (Request.Query[QueryKey.Search].FirstOrDefault() ?? string.Empty).Trim();
        if (SearchQuery.Parse(SearchQuery.Clip(words)) is { IsEmpty: false } parsed)
        {
            Query = words;
            within = SearchIndex.Hits(db, parsed).Select(h => h.Id);
        }

        List = new QueryLinks(Query is null ? "/articles" : "/search", Request.Query);
        Links = new QueryLinks(FullFacet.Path(facet), Request.Query);

        var ranked = FullFacet.Ranked(db, within, Filter, which);
        var (paging, message) = Paging.Read(Request.Query[QueryKey.Page], PageSize, await ranked.CountAsync(cancellationToken));
        Paging = paging;
        if (message is not null)
        {
            Messages.Add(message);
        }

        var chosen = (which == Facet.Country ? Filter.Countries : Filter.People).Select(v => v.Id).ToHashSet();
        Values = [.. (await ranked.Skip(paging.Skip).Take(PageSize).ToListAsync(cancellationToken))
            .Select(v => new FacetValue(v.Slug, v.Name, v.Count, chosen.Contains(v.Id)))];
        return Page();
    }
}
