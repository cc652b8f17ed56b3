using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Countries;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Pages.Agreements;
using MinistryNews.Web.Pages.Delegations;

namespace MinistryNews.Web.Pages.Countries;

/// <summary>Everything done with one country: meetings, delegations both ways, agreements, its people and articles, on one timeline.</summary>
public sealed class DetailModel(ArchiveDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The entries of the timeline the page shows, the latest; the rest are on the tables filtered by the country.</summary>
    public const int TimelineShown = 100;

    /// <summary>The rows of the agreements and of the people the page shows; the rest are on the lists filtered by the country.</summary>
    public const int Shown = 50;

    public Country Country { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<DelegationRow> Delegations { get; private set; } = [];

    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];

    public IReadOnlyList<(Link Person, string? Title, int Articles)> People { get; private set; } = [];

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public int ArticleCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (country is null)
        {
            return NotFound();
        }

        Country = country;
        var ids = new[] { country.Id };
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var with = LinkTables.MeetingsWithCountries(db, ids);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => with.Contains(m.Id))
            .Select(m => new
            {
                Date = m.Date ?? m.Article.Published,
                m.Kind,
                m.Location,
                Participants = m.Participants.Select(p => p.Name).ToList(),
                m.ArticleId,
                m.Article.Slug,
                m.Article.Title,
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        Delegations = await DelegationRow.QueryAsync(db, ids, [], cancellationToken);
        Agreements = await AgreementRow.QueryAsync(db, ids, [], today, cancellationToken);

        Timeline = [.. meetings.Select(m => new TimelineEntry(m.Date, "meeting", $"{m.Kind.ToString().ToLowerInvariant()} meeting{(m.Participants.Count > 0 ? ": " + string.Join(", ", m.Participants) : string.Empty)}{(m.Location is null ? string.Empty : " in " + m.Location)}", m.ArticleId, m.Slug, m.Title))
            .Concat(Delegations.Select(d => new TimelineEntry(d.Start, d.VisitHosted ? "visit hosted" : "visit made", $"{(d.Leader is null ? "delegation" : "delegation led by " + d.Leader.Name)} from {d.From?.Name ?? "?"} to {string.Join(", ", d.Destinations.Select(x => x.Name))}", d.ArticleId, d.ArticleSlug, d.ArticleTitle)))
            .Concat(Agreements.Select(a => new TimelineEntry(a.SignedOn, "agreement", $"{a.Kind}{(a.Name is null ? string.Empty : " (" + a.Name + ")")}, {AgreementRow.StatusLabel(a.Status)}", a.ArticleId, a.ArticleSlug, a.ArticleTitle)))
            .OrderByDescending(e => e.Date?.FirstDay ?? DateOnly.MinValue)];

        People = [.. (await db.People.AsNoTracking()
            .Where(p => p.CountryId == country.Id)
            .Select(p => new { p.Slug, p.Name, Title = p.Mentions.Where(m => m.Title != null).OrderByDescending(m => m.Article.PublishedOn).Select(m => m.Title).FirstOrDefault(), Articles = p.Mentions.Count })
            .OrderByDescending(p => p.Articles).ThenBy(p => p.Name)
            .ToListAsync(cancellationToken))
            .Select(p => (new Link(p.Slug, p.Name), p.Title, p.Articles))];

        var articles = db.Articles.Where(a => LinkTables.ArticlesOfCountries(db, ids).Contains(a.Id));
        ArticleCount = await articles.CountAsync(cancellationToken);
        Articles = await articles.Sorted(db).Take(20).ToRowsAsync(db, cancellationToken);
        return Page();
    }
}
