using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.People;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Pages.Agreements;
using MinistryNews.Web.Pages.Delegations;

namespace MinistryNews.Web.Pages.People;

/// <summary>
/// One person: the titles they held with the dates the archive shows them in office, counters, the trips they led
/// (like the State Department's travels of the Secretary), their meetings, the agreements they signed, their articles.
/// </summary>
public sealed class DetailModel(ArchiveDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The rows of each table the page shows, the latest; the rest are on the table filtered by the person.</summary>
    public const int Shown = 50;

    /// <summary>The articles the page lists, the latest; all of them are on the article list filtered by the person.</summary>
    public const int ArticlesShown = 20;

    public int ArticleCount { get; private set; }

    public Person Person { get; private set; } = null!;

    public Link? Country { get; private set; }

    public IReadOnlyList<TitleHeld> Titles { get; private set; } = [];

    public IReadOnlyList<DelegationRow> Trips { get; private set; } = [];

    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];

    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public IReadOnlyList<Link> CountriesVisited { get; private set; } = [];

    public int? DaysAbroad { get; private set; }

    public bool IsHome => Country?.Slug == DelegationRow.HomeSlug;

    /// <summary>A title and the first and last dates of the articles that give it.</summary>
    public sealed record TitleHeld(string Title, PartialDate? First, PartialDate? Last, int Articles);

    public sealed record MeetingRow(PartialDate? Date, MinistryNews.Core.Extraction.MeetingKind Kind, IReadOnlyList<Link> Countries, IReadOnlyList<Link> Others, string? Location, int ArticleId, string ArticleSlug, string ArticleTitle);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Country).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        Country = person.Country is null ? null : new Link(person.Country.Slug, person.Country.Name);
        var ids = new[] { person.Id };

        var mentions = await db.ArticlePeople.AsNoTracking()
            .Where(m => m.PersonId == person.Id && m.Title != null)
            .Select(m => new { m.Title, m.Article.Published, m.Article.PublishedOn })
            .ToListAsync(cancellationToken);
        Titles = [.. mentions
            .GroupBy(m => m.Title!)
            .Select(g => new TitleHeld(
                g.Key,
                g.Where(m => m.Published is not null).OrderBy(m => m.PublishedOn).Select(m => m.Published).FirstOrDefault(),
                g.Where(m => m.Published is not null).OrderByDescending(m => m.PublishedOn).Select(m => m.Published).FirstOrDefault(),
                g.Count()))
            .OrderBy(t => t.First?.FirstDay ?? DateOnly.MaxValue)];

        Trips = [.. (await DelegationRow.QueryAsync(db, [], ids, cancellationToken)).OrderByDescending(t => t.Start?.FirstDay ?? DateOnly.MinValue)];
        var home = Country?.Slug ?? DelegationRow.HomeSlug;
        CountriesVisited = [.. Trips.Where(t => t.From?.Slug == home || t.From is null).SelectMany(t => t.Destinations).Where(d => d.Slug != home).DistinctBy(d => d.Slug).OrderBy(d => d.Name)];
        var days = Trips.Where(t => t.From?.Slug == home).Select(t => t.Days).ToList();
        DaysAbroad = days.Any(d => d is not null) ? days.Sum(d => d ?? 0) : null;

        var met = LinkTables.MeetingsOfPeople(db, ids);
        Meetings = [.. (await db.Meetings.AsNoTracking()
            .Where(m => met.Contains(m.Id))
            .Select(m => new MeetingRow(
                m.Date ?? m.Article.Published,
                m.Kind,
                m.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                m.Participants.Where(p => p.Id != person.Id).OrderBy(p => p.Name).Select(p => new Link(p.Slug, p.Name)).ToList(),
                m.Location,
                m.ArticleId,
                m.Article.Slug,
                m.Article.Title))
            .AsSplitQuery().ToListAsync(cancellationToken)).OrderByDescending(m => m.Date?.FirstDay ?? DateOnly.MinValue)];

        Agreements = await AgreementRow.QueryAsync(db, [], ids, DateOnly.FromDateTime(time.GetLocalNow().Date), cancellationToken);
        var named = LinkTables.ArticlesOfPeople(db, ids);
        var articles = db.Articles.Where(a => named.Contains(a.Id));
        ArticleCount = await articles.CountAsync(cancellationToken);
        Articles = await articles.Sorted(db).Take(ArticlesShown).ToRowsAsync(db, cancellationToken);
        return Page();
    }
}
