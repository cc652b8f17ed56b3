using MinistryNews.Core.Agreements;
using MinistryNews.Core.Countries;

namespace MinistryNews.Web.Pages.Countries;

/// <summary>
/// Everything done with one country: meetings, delegations both ways, agreements, its people and articles, on one timeline.
/// Each section reads its first rows and its total in SQL; the rest are on the lists filtered by the country. The
/// archive's own country (<see cref="DelegationRow.HomeSlug"/>) is no counterpart of its own ministries: its page shows
/// its officials and the visits made abroad and hosted.
/// </summary>
public sealed class DetailModel(ArchiveDbContext db, TimeProvider time, ArchiveSummary summary) : PageModel
{
    /// <summary>
    /// The entries of the timeline the page shows, the latest, as many as a person's page shows of each section; the rest
    /// are on the tables filtered by the country.
    /// </summary>
    public const int TimelineShown = 50;

    /// <summary>The rows of the agreements and of the people the page shows; the rest are on the lists filtered by the country.</summary>
    public const int Shown = 50;

    /// <summary>The articles the page lists, the latest; all of them are on the article list filtered by the country.</summary>
    public const int ArticlesShown = 20;

    public Country Country { get; private set; } = null!;

    /// <summary>Whether this is the archive's own country, whose ministries' press releases the archive holds.</summary>
    public bool IsHome => Country.Slug == DelegationRow.HomeSlug;

    /// <summary>The latest meetings, visits and agreements, merged by date, the undated last.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The meetings, visits and agreement mentions the timeline has in all.</summary>
    public int TimelineTotal { get; private set; }

    public int MeetingCount { get; private set; }

    /// <summary>The visits made by the archive's country's delegations (to this country).</summary>
    public int VisitsMadeCount { get; private set; }

    /// <summary>The visits the archive's country hosted (from this country).</summary>
    public int VisitsHostedCount { get; private set; }

    /// <summary>On the archive's own country's page, the visits it made abroad, with a map of where they went.</summary>
    public Travels? VisitsMade { get; private set; }

    /// <summary>The first page of the agreements with the country, newest first, and their number.</summary>
    public EventPage<AgreementRow> Agreements { get; private set; } = null!;

    /// <summary>The country's officials with the most articles.</summary>
    public IReadOnlyList<(Link Person, string? Title, int Articles)> People { get; private set; } = [];

    public int PeopleCount { get; private set; }

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public int ArticleCount { get; private set; }

    /// <summary>The articles that name the country, year by year, and of them those that tell each kind of event.</summary>
    public ActivityChart Activity { get; private set; } = null!;

    /// <summary>
    /// The trips between the country and Vietnam (those it hosted and those it sent), by year on a timeline and the latest
    /// by year; on the archive's own country's page, the visits it hosted, with a map of where they came from.
    /// </summary>
    public Travels Travels { get; private set; } = null!;

    /// <summary>Who met whom: the people of the country and the organisations met in meetings with it.</summary>
    public Counterparts Counterparts { get; private set; } = Counterparts.None;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (country is null)
        {
            return NotFound();
        }

        Country = country;
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);

        await ReadEventsAsync(country, today, cancellationToken);
        // The archive's own country is named by no article as a counterpart: its activity is the whole archive's.
        Activity = IsHome
            ? ActivityChart.OfArchive(await summary.GetAsync(db, cancellationToken), "Every article of the archive, year by year")
            : new ActivityChart("activity", $"Articles naming {country.Name}, year by year", await ActivityCounts.OfCountryAsync(db, country.Id, cancellationToken), null, EventKinds.None, ActivityChart.ListLinks(QueryKey.Country, country.Slug));
        Travels = IsHome
            ? await Travels.ReadAsync(db, new DelegationQuery { Direction = "hosted" }, "travels", "/delegations?direction=hosted", "visits hosted", ("Where the visits came from", TripEnd.Origin, c => $"/delegations?direction=hosted&country={c.Country.Slug}"), cancellationToken)
            : await Travels.ReadAsync(db, new DelegationQuery { Country = [country.Slug] }, "travels", $"/delegations?country={country.Slug}", "trips", null, cancellationToken);
        await ReadOthersAsync(country, today, cancellationToken);
        Counterparts = await Counterparts.OfCountryAsync(db, country, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The visits each way and, but for the archive's own country, the timeline. Their counts are those the registers
    /// keep for the country (<see cref="CountryCounts"/>), the totals of the lists filtered by it.
    /// </summary>
    private async Task ReadEventsAsync(Country country, DateOnly today, CancellationToken cancellationToken)
    {
        (MeetingCount, VisitsMadeCount, VisitsHostedCount) = (country.MeetingCount, country.VisitsMadeCount, country.VisitsHostedCount);

        // The archive's own country: every visit made leaves it and every visit hosted comes to it, so its lists are
        // the delegations list by direction (what its page links to), and it has no timeline of its own with itself.
        if (IsHome)
        {
            VisitsMade = await Travels.ReadAsync(db, new DelegationQuery { Direction = "made" }, "visits-made", "/delegations?direction=made", "visits made", ("Where the visits went", TripEnd.Destination, c => $"/delegations?direction=made&country={c.Country.Slug}"), cancellationToken);
        }
        else
        {
            TimelineTotal = country.MeetingCount + country.TripCount + country.AgreementMentionCount;
            await ReadTimelineAsync(country.Slug, [country.Id], today, cancellationToken);
        }
    }

    /// <summary>The agreements, the people and the articles.</summary>
    private async Task ReadOthersAsync(Country country, DateOnly today, CancellationToken cancellationToken)
    {
        Agreements = await (await new AgreementQuery { Country = [country.Slug] }.ValidateAsync(db, today, Shown, cancellationToken))
            .PageAsync(db, PastTheLastPage.ShowTheLast, cancellationToken);

        var people = db.People.AsNoTracking().Where(p => p.CountryId == country.Id);
        PeopleCount = await people.CountAsync(cancellationToken);

        // The people most articles name, each with the title of their latest mention, which the registers keep.
        var top = await people
            .OrderByDescending(p => p.ArticleCount).ThenBy(p => p.Name)
            .Select(p => new { p.Slug, p.Name, Articles = p.ArticleCount, Title = p.Mentions.Where(m => m.ArticleId == p.LatestTitledArticleId).Select(m => m.Title).FirstOrDefault() })
            .Take(Shown)
            .ToListAsync(cancellationToken);
        People = [.. top.Select(p => (new Link(p.Slug, p.Name), p.Title, p.Articles))];

        // The first page of the article list filtered by the country, which its "All" link leads to: counted from the
        // link table alone, the page read down the date index when the country is in many articles.
        var articles = await (await ArticleList.ReadAsync(db, new ArticleQuery { Country = [country.Slug] }, ArticlesShown, cancellationToken))
            .PageAsync(lastWhenPast: true, cancellationToken);
        ArticleCount = articles.Paging.Total;
        Articles = articles.Rows;
    }

    /// <summary>
    /// The latest <see cref="TimelineShown"/> entries: the ids and dates of as many of the latest of each kind, read in SQL
    /// (meetings, visits each way, agreement mentions), merged by date, so that none of the latest is missed; then the
    /// rows of the entries shown, and no others.
    /// </summary>
    private async Task ReadTimelineAsync(string slug, int[] ids, DateOnly today, CancellationToken cancellationToken)
    {
        var meetingList = await new MeetingQuery { Country = [slug] }.ValidateAsync(db, TimelineShown, cancellationToken);
        var tripList = await new DelegationQuery { Country = [slug] }.ValidateAsync(db, TimelineShown, cancellationToken);

        // The timeline's agreements are the mentions, not the register's records: each entry links to its sentence.
        var agreed = LinkTables.AgreementsWithCountries(db, ids);
        var mentions = db.Agreements.AsNoTracking().Where(a => agreed.Contains(a.Id));

        // A trip both from and to the country (none should be) is one entry, as on the delegations list.
        var latest = EventDates.ByDate(
                (await meetingList.KeysAsync(db, TimelineShown, cancellationToken)).Select(k => (Entry: TimelineSource.Meeting, k.Id, k.Date))
                    .Concat((await tripList.KeysAsync(db, TimelineShown, cancellationToken)).Select(k => (Entry: TimelineSource.Trip, k.Id, k.Date)))
                    .Concat((await EventQueries.ByDate(mentions, nameof(Agreement.SignedOn), descending: true).ThenBy(a => a.Id)
                        .Take(TimelineShown).Select(a => new EventKey(a.Id, a.SignedOn)).ToListAsync(cancellationToken))
                        .Select(k => (Entry: TimelineSource.Agreement, k.Id, k.Date))),
                k => k.Date,
                descending: true)
            .Take(TimelineShown)
            .ToList();
        List<int> Chosen(TimelineSource source) => [.. latest.Where(k => k.Entry == source).Select(k => k.Id)];

        var entries = new Dictionary<(TimelineSource, int), TimelineEntry>();
        void Add<TRow>(TimelineSource source, IReadOnlyDictionary<int, TRow> rows, Func<TRow, TimelineEntry> entry)
        {
            foreach (var (id, row) in rows)
            {
                entries[(source, id)] = entry(row);
            }
        }

        var meetings = Chosen(TimelineSource.Meeting);
        Add(TimelineSource.Meeting, await meetingList.RowsAsync(db, meetings, cancellationToken), m =>
            new TimelineEntry(m.Date, m.DateSource, "meeting", MeetingWhat(m.Kind, m.Name, m.CounterpartOrganisation, [.. m.Participants.Select(p => p.Name)], m.Location), m.Article.Key, m.Article.Slug, m.Article.Title, m.Article.Evidence, m.Fact));
        var trips = Chosen(TimelineSource.Trip);
        Add(TimelineSource.Trip, await tripList.RowsAsync(db, trips, cancellationToken), d =>
            new TimelineEntry(d.Start, d.DateSource, d.VisitHosted ? "visit hosted" : "visit made", $"{(d.Leader is null ? "delegation" : "delegation led by " + d.Leader.Name)} from {d.From?.Name ?? "?"} to {string.Join(", ", d.Destinations.Select(x => x.Name))}", d.Article.Key, d.Article.Slug, d.Article.Title, d.Article.Evidence, d.Fact));
        var agreements = Chosen(TimelineSource.Agreement);
        var agreementRows = await db.Agreements.AsNoTracking().Where(a => agreements.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
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
        foreach (var a in agreementRows)
        {
            entries[(TimelineSource.Agreement, a.Id)] = new TimelineEntry(a.SignedOn, a.DateSource, "agreement", $"{a.Kind}{(a.Name is null ? string.Empty : " (" + a.Name + ")")}, status today: {AgreementRow.StatusLabel(AgreementRow.StatusOn(a.ValidFrom, a.ValidTo, today))}", a.Key, a.Slug, a.Title, a.Evidence, EventFacts.Agreement(a.Kind, a.SignedOn, a.Countries));
        }
        // An entry whose fact was deleted since its id was read (its article read again in between) is left out.
        Timeline = [.. latest.Where(k => entries.ContainsKey((k.Entry, k.Id))).Select(k => entries[(k.Entry, k.Id)])];
    }

    /// <summary>Which list a timeline entry comes from.</summary>
    private enum TimelineSource
    {
        Meeting,
        Trip,
        Agreement,
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
