using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Articles;

namespace MinistryNews.Web.Browsing;

/// <summary>A value of a facet: what the query string says, what the page shows, how many articles, whether chosen.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

/// <summary>
/// The facets of an article list: each counts, among the articles of <c>source</c>, those that pass every filter but its
/// own, so that its values combine with OR while the other filters narrow it.
/// </summary>
public sealed record ArticleFacets(IReadOnlyList<FacetValue> Countries, IReadOnlyList<FacetValue> People, IReadOnlyList<FacetValue> Kinds, IReadOnlyList<FacetValue> Years)
{
    public const int Size = 12;

    /// <param name="whole">The archive's counts when <paramref name="source"/> is the whole archive: a facet no other filter
    /// narrows takes its counts from them instead of counting again.</param>
    public static async Task<ArticleFacets> CountAsync(IQueryable<Article> source, ArticleFilter filter, ArchiveCounts? whole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var countryIds = filter.Countries.Select(c => c.Id).ToList();
        var countries = whole is not null && filter.IsEmptyExcept(Facet.Country)
            ? [.. whole.Countries.Select(c => new IdCount(c.Id, c.Country.Slug, c.Country.Name, c.Count))]
            : await filter.Apply(source, Facet.Country)
            .SelectMany(a => a.Countries)
            .GroupBy(c => new { c.Id, c.Slug, c.Name })
            .Select(g => new { g.Key.Id, g.Key.Slug, g.Key.Name, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name)
            .Select(g => new IdCount(g.Id, g.Slug, g.Name, g.Count))
            .ToListAsync(cancellationToken);

        var personIds = filter.People.Select(p => p.Id).ToList();
        var people = whole is not null && filter.IsEmptyExcept(Facet.Person)
            ? [.. whole.TopPeople.Select(p => new IdCount(p.Id, p.Person.Slug, p.Person.Name, p.Count)).Take(Size)
                .Concat(filter.People.Where(p => !whole.TopPeople.Take(Size).Any(t => t.Id == p.Id)).Select(p => new IdCount(p.Id, p.Slug, p.Name, whole.PeopleCounts.GetValueOrDefault(p.Id))))]
            : await filter.Apply(source, Facet.Person)
                .SelectMany(a => a.People)
                .GroupBy(m => new { m.Person.Id, m.Person.Slug, m.Person.Name })
                .Select(g => new { g.Key.Id, g.Key.Slug, g.Key.Name, Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Name)
                .Select(g => new IdCount(g.Id, g.Slug, g.Name, g.Count))
                .ToListAsync(cancellationToken);

        var forKinds = filter.Apply(source, Facet.Kind);
        var kindCounts = whole is not null && filter.IsEmptyExcept(Facet.Kind)
            ? whole.Kinds
            : (await forKinds.CountAsync(a => a.Meetings.Any(), cancellationToken),
                await forKinds.CountAsync(a => a.Delegations.Any(), cancellationToken),
                await forKinds.CountAsync(a => a.Agreements.Any(), cancellationToken));
        FacetValue[] kinds =
        [
            new("meeting", "Meetings", kindCounts.Item1, filter.KindValues.Contains("meeting")),
            new("delegation", "Delegations", kindCounts.Item2, filter.KindValues.Contains("delegation")),
            new("agreement", "Agreements", kindCounts.Item3, filter.KindValues.Contains("agreement")),
        ];

        var years = whole is not null && filter.IsEmptyExcept(Facet.Year)
            ? [.. whole.Months.GroupBy(m => m.Year).Select(g => new YearCount(g.Key, g.Sum(m => m.Count)))]
            : await filter.Apply(source, Facet.Year)
                .Where(a => a.PublishedOn != null)
                .GroupBy(a => a.PublishedOn!.Value.Year)
                .Select(g => new { Year = g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Year)
                .Select(g => new YearCount(g.Year, g.Count))
                .ToListAsync(cancellationToken);

        return new ArticleFacets(
            [.. countries.Where((c, i) => i < Size || countryIds.Contains(c.Id)).Select(c => new FacetValue(c.Slug, c.Name, c.Count, countryIds.Contains(c.Id)))],
            [.. people.Where((p, i) => i < Size || personIds.Contains(p.Id)).Select(p => new FacetValue(p.Slug, p.Name, p.Count, personIds.Contains(p.Id)))],
            kinds,
            [.. years.Select(y => new FacetValue(y.Year.ToString(CultureInfo.InvariantCulture), y.Year.ToString(CultureInfo.InvariantCulture), y.Count, filter.Year == y.Year))]);
    }
}

internal sealed record IdCount(int Id, string Slug, string Name, int Count);

internal sealed record YearCount(int Year, int Count);

/// <summary>What the facet panel beside a list shows: the facets, the filters chosen, and the search when there is one.</summary>
public sealed record FacetPanel(ArticleFacets Facets, QueryLinks Links, ArticleFilter Filter, string Sort, string? Query);
