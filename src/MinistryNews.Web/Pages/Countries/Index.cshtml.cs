using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MinistryNews.Web.Browsing;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;

namespace MinistryNews.Web.Pages.Countries;

/// <summary>The countries the archive deals with, most articles first.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [QueryKey.Format];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    private static async Task<Dictionary<int, int>> Counts(IQueryable<int> countryIds, CancellationToken cancellationToken) =>
        await countryIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public sealed record Row(string Slug, string Name, string Code, int Articles, int Meetings, int VisitsMade, int VisitsHosted, int Agreements);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Each count is one grouped query over its own table, not a subquery per country.
        var meetings = await Counts(db.Meetings.SelectMany(m => m.CounterpartCountries).Select(c => c.Id), cancellationToken);
        var visitsMade = await Counts(db.Delegations.SelectMany(d => d.Destinations).Select(c => c.Id), cancellationToken);
        var visitsHosted = await Counts(db.Delegations.Where(d => d.FromCountryId != null).Select(d => d.FromCountryId!.Value), cancellationToken);
        var agreements = await Counts(db.Agreements.SelectMany(a => a.CounterpartCountries).Select(c => c.Id), cancellationToken);
        var countries = await db.Countries.AsNoTracking()
            .Select(c => new { c.Id, c.Slug, c.Name, c.Code, Articles = c.Articles.Count })
            .Where(c => c.Articles > 0)
            .ToListAsync(cancellationToken);
        Rows = [.. countries
            .Select(c => new Row(c.Slug, c.Name, c.Code, c.Articles, meetings.GetValueOrDefault(c.Id), visitsMade.GetValueOrDefault(c.Id), visitsHosted.GetValueOrDefault(c.Id), agreements.GetValueOrDefault(c.Id)))
            .OrderByDescending(r => r.Articles).ThenBy(r => r.Name)];
        return Export.Format(Request) is { } format
            ? await Export.WriteAsync(Response, format, "countries", Export.Of(Rows), cancellationToken)
            : Page();
    }
}
