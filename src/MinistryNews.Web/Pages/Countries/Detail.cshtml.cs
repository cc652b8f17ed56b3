using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Web.Browsing;

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

    /// <summary>The first page of the agreements with the country, newest first, and their number.</summary>
    public EventPage<AgreementRow> Agreements { get; private set; } = null!;

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
                m.Date,
                m.DateSource,
                m.Kind,
                m.Name,
                m.CounterpartOrganisation,
                m.Location,
                Countries = m.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                Participants = m.Participants.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                m.Article.Key,
                m.Article.Slug,
                m.Article.Title,
                m.Evidence,
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        Delegations = await DelegationTable.RowsAsync(db, ids, [], cancellationToken);
        Agreements = await (await new AgreementQuery { Country = [country.Slug] }.ValidateAsync(db, today, Shown, cancellationToken))
            .PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);

        // The timeline's agreements are read apart from the agreements table's rows: each entry links to its sentence.
        var agreed = LinkTables.AgreementsWithCountries(db, ids);
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => agreed.Contains(a.Id))
            .Select(a => new
            {
                a.Kind,
                a.Name,
                a.SignedOn,
                a.DateSource,
                a.ValidFrom,
                a.ValidTo,
                Countries = a.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                a.Article.Key,
                a.Article.Slug,
                a.Article.Title,
                a.Evidence,
            })
            .AsSplitQuery().ToListAsync(cancellationToken);

        Timeline = [.. EventDates.ByDate(
            meetings.Select(m => new TimelineEntry(m.Date, m.DateSource, "meeting", MeetingWhat(m.Kind, m.Name, m.CounterpartOrganisation, m.Participants, m.Location), m.Key, m.Slug, m.Title, m.Evidence, EventFacts.Meeting(m.Date, m.Countries, m.CounterpartOrganisation, m.Name)))
                .Concat(Delegations.Select(d => new TimelineEntry(d.Start, d.DateSource, d.VisitHosted ? "visit hosted" : "visit made", $"{(d.Leader is null ? "delegation" : "delegation led by " + d.Leader.Name)} from {d.From?.Name ?? "?"} to {string.Join(", ", d.Destinations.Select(x => x.Name))}", d.ArticleKey, d.ArticleSlug, d.ArticleTitle, d.Evidence, d.Fact)))
                .Concat(agreements.Select(a => new TimelineEntry(a.SignedOn, a.DateSource, "agreement", $"{a.Kind}{(a.Name is null ? string.Empty : " (" + a.Name + ")")}, {AgreementRow.StatusLabel(AgreementRow.StatusOn(a.ValidFrom, a.ValidTo, today))}", a.Key, a.Slug, a.Title, a.Evidence, EventFacts.Agreement(a.Kind, a.SignedOn, a.Countries)))),
            e => e.Date,
            descending: true)];

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

    /// <summary>
    /// What a meeting was, as the timeline says it: "multilateral meeting: the G20 Digital Ministers Meeting, with
    /// the Ministry of …: Nguyen Manh Hung, in Hanoi"; its name and the organisation met only when the text gives them.
    /// </summary>
    public static string MeetingWhat(MeetingKind kind, string? name, string? organisation, IReadOnlyList<string> participants, string? location)
    {
        ArgumentNullException.ThrowIfNull(participants);
        return kind.ToString().ToLowerInvariant() + " meeting"
            + (name is null ? string.Empty : " (" + name + ")")
            + (organisation is null ? string.Empty : " with " + organisation)
            + (participants.Count > 0 ? ": " + string.Join(", ", participants) : string.Empty)
            + (location is null ? string.Empty : " in " + location);
    }
}
