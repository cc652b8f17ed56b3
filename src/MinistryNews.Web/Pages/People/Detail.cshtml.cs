using MinistryNews.Core.Countries;
using MinistryNews.Core.People;

namespace MinistryNews.Web.Pages.People;

/// <summary>
/// One person: the offices they held with the dates the archive shows them in each (and the sentences that say so), counters, the trips they led
/// (like the State Department's travels of the Secretary), their meetings, the agreements they signed, their articles.
/// Each section reads its first rows and its total in SQL; the rest are on the list filtered by the person.
/// </summary>
public sealed class DetailModel(ArchiveDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The rows of each table the page shows, the latest; the rest are on the table filtered by the person.</summary>
    public const int Shown = 20;

    /// <summary>The articles the page lists, the latest; all of them are on the article list filtered by the person.</summary>
    public const int ArticlesShown = 20;

    public int ArticleCount { get; private set; }

    public Person Person { get; private set; } = null!;

    /// <summary>The latest correction of the person by the editors (their shown name, or another person merged with them).</summary>
    public int? Correction { get; private set; }

    public Link? Country { get; private set; }

    /// <summary>The offices held, earliest first, with the span the archive shows the person in each.</summary>
    public IReadOnlyList<Holding> Offices { get; private set; } = [];

    public Citation Citation { get; private set; } = null!;

    /// <summary>The person's trips (led or joined): by year on a timeline, on a map, the latest by year.</summary>
    public Travels Travels { get; private set; } = null!;

    /// <summary>The articles that name the person, year by year, and of them those that tell each kind of event.</summary>
    public ActivityChart Activity { get; private set; } = null!;

    /// <summary>The latest meetings taken part in, and their number.</summary>
    public EventPage<MeetingRow> Meetings { get; private set; } = null!;

    /// <summary>The first page of the agreements the person signed, newest first, and their number.</summary>
    public EventPage<AgreementRow> Agreements { get; private set; } = null!;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    /// <summary>The countries the person's trips from their own country (or from nowhere the text says) went to, by name.</summary>
    public IReadOnlyList<Link> CountriesVisited { get; private set; } = [];

    public int? DaysAbroad { get; private set; }

    /// <summary>Who met whom: the counterparts of the person's meetings (the Vietnamese officials, for a counterpart).</summary>
    public Counterparts Counterparts { get; private set; } = Counterparts.None;

    /// <param name="format">"bib" or "ris" for the page's reference as a download.</param>
    public async Task<IActionResult> OnGetAsync(string slug, string? format, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Country).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        Correction = await db.Corrections.AsNoTracking()
            .Where(c => c.PersonId == person.Id && c.State == Core.Corrections.CorrectionState.Applied)
            .OrderByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        Country = person.Country is null ? null : new Link(person.Country.Slug, person.Country.Name);
        var ids = new[] { person.Id };

        Offices = await OfficeHolders.QueryAsync(db, db.OfficeHoldings.AsNoTracking().Where(h => h.PersonId == person.Id), cancellationToken);

        // The sections are the first pages of the lists their "All N" links lead to, so that the counts agree.
        Travels = await Travels.ReadAsync(
            db, new DelegationQuery { Person = [person.Slug] }, "travels", $"/delegations?person={person.Slug}", "trips",
            ("Countries visited", TripEnd.Destination, c => $"/delegations?person={person.Slug}&country={c.Country.Slug}"), cancellationToken);
        Meetings = await (await new MeetingQuery { Person = [person.Slug] }.ValidateAsync(db, Shown, cancellationToken)).PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);
        Agreements = await (await new AgreementQuery { Person = [person.Slug] }.ValidateAsync(db, DateOnly.FromDateTime(time.GetLocalNow().Date), Shown, cancellationToken))
            .PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);

        var homeId = person.CountryId ?? await db.Countries.Where(c => c.Slug == DelegationRow.HomeSlug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        // The person's trips by their ids (those led, then those joined) before anything else: filtered on the country
        // first, the database would read every trip from it. COALESCE keeps the country's index out of the plan.
        var trips = db.Delegations.Where(d => d.LeaderId == person.Id).Select(d => d.Id).Union(LinkTables.DelegationsWithMembers(db, ids));
        CountriesVisited = await db.Delegations
            .Where(d => trips.Contains(d.Id) && (d.FromCountryId ?? homeId) == homeId)
            .SelectMany(d => d.Destinations)
            .Where(c => c.Id != homeId)
            .Select(c => new { c.Slug, c.Name })
            .Distinct()
            .OrderBy(c => c.Name)
            .Select(c => new Link(c.Slug, c.Name))
            .ToListAsync(cancellationToken);
        DaysAbroad = homeId is { } home ? await DaysAbroadAsync(person.Id, home, cancellationToken) : null;

        // The articles that name the person, counted by the registers after each batch (PersonCounts).
        var named = LinkTables.ArticlesOfPeople(db, ids);
        Activity = new ActivityChart("activity", $"Articles naming {person.Name}, year by year", await ActivityCounts.OfArticlesAsync(db, named, null, cancellationToken), null, EventKinds.None, ActivityChart.ListLinks(QueryKey.Person, person.Slug));
        var articles = db.Articles.Where(a => named.Contains(a.Id));
        ArticleCount = person.ArticleCount;
        Articles = await articles.Sorted(db).Take(ArticlesShown).ToRowsAsync(db, cancellationToken);

        Counterparts = await Counterparts.OfPersonAsync(db, person, cancellationToken);
        var path = $"/people/{person.Slug}";
        Citation = new Citation(CitationKind.PersonPage, $"{person.Name} — MinistryNews", "MinistryNews", null, null, new Uri(PublicAddress.Origin(HttpContext) + path), Citation.Today(time));
        var latest = Offices.OrderByDescending(o => o.Last.Date?.FirstDay ?? DateOnly.MinValue).FirstOrDefault();
        ViewData["Description"] = PageMeta.Description(
            $"{person.Name}{(latest is null ? string.Empty : $", {latest.OfficeName}")}{(Country is null ? string.Empty : $" ({Country.Name})")}: {Display.Count(ArticleCount, "article")}, {Display.Count(Meetings.Paging.Total, "meeting")} and {Display.Count(Travels.Total, "trip")} in the archive of press releases.");
        ViewData["Canonical"] = path;
        return (IActionResult?)CitationResults.File(Citation, format) ?? Page();
    }

    /// <summary>
    /// The days abroad of the trips the person led or joined from their own country whose start and end the text gives to
    /// the day (a date's text is then 10 characters long), summed by the database; null when no trip is dated so. The
    /// trips are found by the person first (the union of those led and joined), not by the country, which most share.
    /// </summary>
    private Task<int?> DaysAbroadAsync(int personId, int homeId, CancellationToken cancellationToken)
    {
        FormattableString sql = db.Database.IsNpgsql()
            ? (FormattableString)$"""
               SELECT CAST(SUM(CAST(d."End" AS date) - CAST(d."Start" AS date) + 1) AS integer) AS "Value" FROM "Delegations" AS d
               WHERE d."FromCountryId" = {homeId} AND length(d."Start") = 10 AND length(d."End") = 10
                 AND d."Id" IN (SELECT l."Id" FROM "Delegations" AS l WHERE l."LeaderId" = {personId} UNION SELECT m."DelegationId" FROM "DelegationMembers" AS m WHERE m."MembersId" = {personId})
               """
            : $"""
               SELECT CAST(SUM(julianday(d."End") - julianday(d."Start") + 1) AS INTEGER) AS "Value" FROM "Delegations" AS d
               WHERE d."FromCountryId" = {homeId} AND length(d."Start") = 10 AND length(d."End") = 10
                 AND d."Id" IN (SELECT l."Id" FROM "Delegations" AS l WHERE l."LeaderId" = {personId} UNION SELECT m."DelegationId" FROM "DelegationMembers" AS m WHERE m."MembersId" = {personId})
               """;
        return db.Database.SqlQuery<int?>(sql).SingleAsync(cancellationToken);
    }
}
