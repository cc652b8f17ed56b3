using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.People;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Pages.People;

/// <summary>
/// One person: the offices they held with the dates the archive shows them in each (and the sentences that say so), counters, the trips they led
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

    /// <summary>The offices held, earliest first, with the span the archive shows the person in each.</summary>
    public IReadOnlyList<Holding> Offices { get; private set; } = [];

    public Citation Citation { get; private set; } = null!;

    public IReadOnlyList<DelegationRow> Trips { get; private set; } = [];

    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];

    /// <summary>The first page of the agreements the person signed, newest first, and their number.</summary>
    public EventPage<AgreementRow> Agreements { get; private set; } = null!;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public IReadOnlyList<Link> CountriesVisited { get; private set; } = [];

    public int? DaysAbroad { get; private set; }

    public bool IsHome => Country?.Slug == DelegationRow.HomeSlug;

    /// <summary>A meeting: its own date as the text gives it (never the publication date), and the sentence that states it.</summary>
    public sealed record MeetingRow(PartialDate? Date, MinistryNews.Core.Extraction.DateSource DateSource, MinistryNews.Core.Extraction.MeetingKind Kind, IReadOnlyList<Link> Countries, IReadOnlyList<Link> Others, string? Location, string ArticleKey, string ArticleSlug, string ArticleTitle, string Evidence)
    {
        public string FactHref => ArticleLinks.Fact(ArticleKey, ArticleSlug, Evidence);

        public string Fact => $"the {Kind.ToString().ToLowerInvariant()} of {Display.EventDate(Date)}" + (Countries.Count > 0 ? $" with {string.Join(", ", Countries.Select(c => c.Name))}" : string.Empty);
    }

    /// <param name="format">"bib" or "ris" for the page's reference as a download.</param>
    public async Task<IActionResult> OnGetAsync(string slug, string? format, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Country).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        Country = person.Country is null ? null : new Link(person.Country.Slug, person.Country.Name);
        var ids = new[] { person.Id };

        Offices = await OfficeHolders.QueryAsync(db, db.ArticlePeople.AsNoTracking().Where(m => m.PersonId == person.Id), cancellationToken);

        Trips = [.. (await DelegationTable.RowsAsync(db, [], ids, cancellationToken)).OrderByDescending(t => t.Start?.FirstDay ?? DateOnly.MinValue)];
        var home = Country?.Slug ?? DelegationRow.HomeSlug;
        CountriesVisited = [.. Trips.Where(t => t.From?.Slug == home || t.From is null).SelectMany(t => t.Destinations).Where(d => d.Slug != home).DistinctBy(d => d.Slug).OrderBy(d => d.Name)];
        var days = Trips.Where(t => t.From?.Slug == home).Select(t => t.Days).ToList();
        DaysAbroad = days.Any(d => d is not null) ? days.Sum(d => d ?? 0) : null;

        var met = LinkTables.MeetingsOfPeople(db, ids);
        Meetings = [.. (await db.Meetings.AsNoTracking()
            .Where(m => met.Contains(m.Id))
            .Select(m => new MeetingRow(
                m.Date,
                m.DateSource,
                m.Kind,
                m.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                m.Participants.Where(p => p.Id != person.Id).OrderBy(p => p.Name).Select(p => new Link(p.Slug, p.Name)).ToList(),
                m.Location,
                m.Article.Key,
                m.Article.Slug,
                m.Article.Title,
                m.Evidence))
            .AsSplitQuery().ToListAsync(cancellationToken)).OrderBy(m => m.Date is null).ThenByDescending(m => m.Date?.FirstDay)];

        Agreements = await (await new AgreementQuery { Person = [person.Slug] }.ValidateAsync(db, DateOnly.FromDateTime(time.GetLocalNow().Date), Shown, cancellationToken))
            .PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);
        var named = LinkTables.ArticlesOfPeople(db, ids);
        var articles = db.Articles.Where(a => named.Contains(a.Id));
        ArticleCount = await articles.CountAsync(cancellationToken);
        Articles = await articles.Sorted(db).Take(ArticlesShown).ToRowsAsync(db, cancellationToken);

        var path = $"/people/{person.Slug}";
        Citation = new Citation(CitationKind.PersonPage, $"{person.Name} — MinistryNews", "MinistryNews", null, null, new Uri(PublicAddress.Origin(HttpContext) + path), Citation.Today(time));
        var latest = Offices.OrderByDescending(o => o.Last.Date?.FirstDay ?? DateOnly.MinValue).FirstOrDefault();
        ViewData["Description"] = PageMeta.Description(
            $"{person.Name}{(latest is null ? string.Empty : $", {latest.OfficeName}")}{(Country is null ? string.Empty : $" ({Country.Name})")}: {Display.Count(ArticleCount, "article")}, {Display.Count(Meetings.Count, "meeting")} and {Display.Count(Trips.Count, "trip")} in the archive of press releases.");
        ViewData["Canonical"] = path;
        return (IActionResult?)CitationResults.File(Citation, format) ?? Page();
    }
}
