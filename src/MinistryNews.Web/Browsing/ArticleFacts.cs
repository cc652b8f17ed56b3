using MinistryNews.Core.Articles;

namespace MinistryNews.Web.Browsing;

/// <summary>An article loaded with what both its page and the API show of it.</summary>
public static class ArticleFacts
{
    /// <summary>The articles with their countries, their people, and the meetings, trips and agreements read out of them with their links.</summary>
    public static IQueryable<Article> WithFacts(this IQueryable<Article> articles) => articles
        .AsSplitQuery()
        .Include(a => a.Countries)
        .Include(a => a.People).ThenInclude(m => m.Person)
        .Include(a => a.People).ThenInclude(m => m.Country)
        .Include(a => a.Meetings).ThenInclude(m => m.Participants)
        .Include(a => a.Meetings).ThenInclude(m => m.CounterpartCountries)
        .Include(a => a.Delegations).ThenInclude(d => d.Leader)
        .Include(a => a.Delegations).ThenInclude(d => d.FromCountry)
        .Include(a => a.Delegations).ThenInclude(d => d.Destinations)
        .Include(a => a.Agreements).ThenInclude(a => a.CounterpartCountries)
        .Include(a => a.Agreements).ThenInclude(a => a.Signatories);
}
