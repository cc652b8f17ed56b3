using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;

namespace MinistryNews.Web.Pages.Countries;

/// <summary>The countries the archive deals with, most articles first.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(string Slug, string Name, string Code, int Articles, int Meetings, int VisitsMade, int VisitsHosted, int Agreements);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await db.Countries.AsNoTracking()
            .Where(c => c.Articles.Any())
            .Select(c => new Row(
                c.Slug,
                c.Name,
                c.Code,
                c.Articles.Count,
                db.Meetings.Count(m => m.CounterpartCountries.Any(x => x.Id == c.Id)),
                db.Delegations.Count(d => d.Destinations.Any(x => x.Id == c.Id)),
                db.Delegations.Count(d => d.FromCountryId == c.Id),
                db.Agreements.Count(a => a.CounterpartCountries.Any(x => x.Id == c.Id))))
            .OrderByDescending(r => r.Articles).ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);
    }
}
