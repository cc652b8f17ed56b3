using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Pages.Articles;

/// <summary>
/// All the articles, 20 a page, with filters that combine and facets whose counts follow the filters chosen:
/// each facet counts the articles that pass every other filter, so its values combine with OR.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int PageSize = 20;

    private const int FacetSize = 12;

    public ArticleFilter Filter { get; private set; } = null!;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    public bool OldestFirst { get; private set; }

    public List<string> Messages { get; } = [];

    public IReadOnlyList<FacetValue> CountryFacet { get; private set; } = [];

    public IReadOnlyList<FacetValue> PersonFacet { get; private set; } = [];

    public IReadOnlyList<FacetValue> KindFacet { get; private set; } = [];

    public IReadOnlyList<FacetValue> YearFacet { get; private set; } = [];

    /// <summary>A value of a facet: what the query string says, what the page shows, how many articles, whether chosen.</summary>
    public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = await ArticleFilter.ReadAsync(db, Request.Query, cancellationToken);
        Messages.AddRange(Filter.Messages);
        Links = new QueryLinks("/articles", Request.Query);
        var sort = Request.Query["sort"].FirstOrDefault();
        OldestFirst = sort == "oldest";
        if (sort is not (null or "" or "newest" or "oldest"))
        {
            Messages.Add("Sort by “newest” or “oldest”; showing the newest first.");
        }

        var articles = db.Articles.AsNoTracking();
        var filtered = Filter.Apply(articles);
        var total = await filtered.CountAsync(cancellationToken);
        var (paging, pageMessage) = Paging.Read(Request.Query["page"], PageSize, total);
        Paging = paging;
        if (pageMessage is not null)
        {
            Messages.Add(pageMessage);
        }

        Articles = await filtered.Sorted(OldestFirst).Skip(paging.Skip).Take(PageSize).ToRowsAsync(cancellationToken);

        var countryIds = Filter.Countries.Select(c => c.Id).ToList();
        var countries = await Filter.Apply(articles, Facet.Country)
            .SelectMany(a => a.Countries)
            .GroupBy(c => new { c.Id, c.Slug, c.Name })
            .Select(g => new { g.Key.Id, g.Key.Slug, g.Key.Name, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name)
            .ToListAsync(cancellationToken);
        CountryFacet = [.. countries.Where((c, i) => i < FacetSize || countryIds.Contains(c.Id)).Select(c => new FacetValue(c.Slug, c.Name, c.Count, countryIds.Contains(c.Id)))];

        var personIds = Filter.People.Select(p => p.Id).ToList();
        var people = await Filter.Apply(articles, Facet.Person)
            .SelectMany(a => a.People)
            .GroupBy(m => new { m.Person.Id, m.Person.Slug, m.Person.Name })
            .Select(g => new { g.Key.Id, g.Key.Slug, g.Key.Name, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name)
            .ToListAsync(cancellationToken);
        PersonFacet = [.. people.Where((p, i) => i < FacetSize || personIds.Contains(p.Id)).Select(p => new FacetValue(p.Slug, p.Name, p.Count, personIds.Contains(p.Id)))];

        var forKinds = Filter.Apply(articles, Facet.Kind);
        KindFacet =
        [
            new("meeting", "Meetings", await forKinds.CountAsync(a => a.Meetings.Any(), cancellationToken), Filter.KindValues.Contains("meeting")),
            new("delegation", "Delegations", await forKinds.CountAsync(a => a.Delegations.Any(), cancellationToken), Filter.KindValues.Contains("delegation")),
            new("agreement", "Agreements", await forKinds.CountAsync(a => a.Agreements.Any(), cancellationToken), Filter.KindValues.Contains("agreement")),
        ];

        var years = await Filter.Apply(articles, Facet.Year)
            .Where(a => a.PublishedOn != null)
            .GroupBy(a => a.PublishedOn!.Value.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Year)
            .ToListAsync(cancellationToken);
        YearFacet = [.. years.Select(y => new FacetValue(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Count, Filter.Year == y.Year))];
    }
}
