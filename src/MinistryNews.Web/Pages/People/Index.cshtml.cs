using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Pages.People;

/// <summary>The officials the archive names, most articles first, with a filter by country.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [QueryKey.Page, QueryKey.Format];

    public const int PageSize = 50;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Link? Country { get; private set; }

    public List<string> Messages { get; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    /// <summary>A person, with the name of the latest office the archive shows them in (the latest title when none is an office).</summary>
    public sealed record Row(string Slug, string Name, Link? Country, string? Office, int Articles);

    /// <summary>A person as the downloads give them.</summary>
    public sealed record ExportRow(string Name, string? Country, string? Office, int Articles, string Url);

    public async Task<IActionResult> OnGetAsync(string? country, CancellationToken cancellationToken)
    {
        Links = new QueryLinks("/people", Request.Query);
        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(country))
        {
            // By slug, or by name as the form's picker submits it ("Japan", "south korea").
            var slug = Slugs.From(country);
            var found = await db.Countries.AsNoTracking().Where(c => c.Slug == country || c.Slug == slug).Select(c => new { c.Id, c.Slug, c.Name }).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                Messages.Add($"No country “{(country.Length > 60 ? country[..60] : country)}” in the archive; showing everyone.");
            }
            else
            {
                Country = new Link(found.Slug, found.Name);
                people = people.Where(p => p.CountryId == found.Id);
            }
        }

        if (Export.Format(Request) is { } format)
        {
            var all = await Rowed(people.OrderByDescending(p => p.Mentions.Count).ThenBy(p => p.Name)).ToListAsync(cancellationToken);
            return await Export.WriteAsync(Response, format, "people", Export.Of(all.Select(r => new ExportRow(r.Name, r.Country?.Name, r.Office, r.Articles, $"/people/{r.Slug}"))), cancellationToken);
        }

        var total = await people.CountAsync(cancellationToken);
        var (paging, message) = Paging.Read(Request.Query[QueryKey.Page], PageSize, total);
        Paging = paging;
        if (message is not null)
        {
            Messages.Add(message);
        }

        Rows = await Rowed(people.OrderByDescending(p => p.Mentions.Count).ThenBy(p => p.Name).Skip(paging.Skip).Take(PageSize)).ToListAsync(cancellationToken);
        return Page();
    }

    private static IQueryable<Row> Rowed(IQueryable<MinistryNews.Core.People.Person> people) =>
        people.Select(p => new Row(
            p.Slug,
            p.Name,
            p.Country == null ? null : new Link(p.Country.Slug, p.Country.Name),
            p.Mentions.Where(m => m.Office != null).OrderByDescending(m => m.Article.PublishedOn).ThenByDescending(m => m.ArticleId).Select(m => m.Office!.Name).FirstOrDefault()
                ?? p.Mentions.Where(m => m.Title != null).OrderByDescending(m => m.Article.PublishedOn).Select(m => m.Title).FirstOrDefault(),
            p.Mentions.Count));
}
