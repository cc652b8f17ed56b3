namespace MinistryNews.Web.Browsing;

/// <summary>
/// Every value of one facet of an article list (the panel beside it shows the first <see cref="ArticleFacets.Size"/>),
/// counted as the panel counts it, among the articles that pass every filter but the facet's own, a page at a time.
/// </summary>
public static class FullFacet
{
    /// <summary>The facets that can be longer than the panel shows, by the name their page and the query string give them.</summary>
    public static readonly IReadOnlyDictionary<string, Facet> Names = new Dictionary<string, Facet>(StringComparer.Ordinal)
    {
        [QueryKey.Country] = Facet.Country,
        [QueryKey.Person] = Facet.Person,
    };

    /// <summary>The address of a facet's page; the list's filters follow it in the query string.</summary>
    public static string Path(string name) => "/facets/" + name;

    /// <param name="db">The archive.</param>
    /// <param name="within">The articles the list is drawn from (a search's matches), or null for the whole archive.</param>
    /// <param name="filter">The list's filters.</param>
    /// <param name="facet">The facet: <see cref="Facet.Country"/> or <see cref="Facet.Person"/>.</param>
    /// <returns>The facet's values, most articles first, grouped, counted and sorted in SQL: count it, and page it with Skip and Take.</returns>
    public static IQueryable<FacetCount> Ranked(ArchiveDbContext db, IQueryable<int>? within, ArticleFilter filter, Facet facet)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var filtered = filter.Ids(facet);
        var ids = within is null ? filtered ?? db.Articles.Select(a => a.Id) : filtered is null ? within : filtered.Where(id => within.Contains(id));

        var counted = facet switch
        {
            Facet.Country => db.Set<Dictionary<string, object>>("ArticleCountries")
                .Where(r => ids.Contains(EF.Property<int>(r, "ArticlesId")))
                .GroupBy(r => EF.Property<int>(r, "CountriesId"))
                .Select(g => new { Id = g.Key, Count = g.Count() })
                .Join(db.Countries, g => g.Id, c => c.Id, (g, c) => new { c.Id, c.Slug, c.Name, g.Count }),
            Facet.Person => db.ArticlePeople
                .Where(m => ids.Contains(m.ArticleId))
                .GroupBy(m => m.PersonId)
                .Select(g => new { Id = g.Key, Count = g.Count() })
                .Join(db.People, g => g.Id, p => p.Id, (g, p) => new { p.Id, p.Slug, p.Name, g.Count }),
            _ => throw new ArgumentOutOfRangeException(nameof(facet), facet, "Only the country and person facets are longer than the panel."),
        };

        return counted.OrderByDescending(v => v.Count).ThenBy(v => v.Name).ThenBy(v => v.Id).Select(v => new FacetCount(v.Id, v.Slug, v.Name, v.Count));
    }
}

/// <summary>A value of a facet with how many articles it counts.</summary>
public sealed record FacetCount(int Id, string Slug, string Name, int Count);
