using System.Security.Cryptography;
using MinistryNews.Core.Meetings;

namespace MinistryNews.Web.Feeds;

/// <summary>
/// Atom feeds of the event lists: <c>/feeds/meetings.atom</c>, <c>/feeds/delegations.atom</c> and
/// <c>/feeds/agreements.atom</c>. Each binds its list's query record, as its API does, and checks it as its page does: a
/// value the list cannot use is a 400 with problem details, as on the article feed. Its entries are the latest
/// <see cref="FeedEndpoints.FeedSize"/> events of the list in the list's own order (by the event's date, the latest
/// first, the undated last), whatever sort or page the query asks for; its title names its filters
/// (<see cref="EventFeed"/>). A meeting or a trip links to the sentence that states it; an agreement to its record.
/// </summary>
public static class EventFeeds
{
    public static IEndpointRouteBuilder MapEventFeeds(this IEndpointRouteBuilder feeds)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        feeds.MapGet("/feeds/meetings.atom", MeetingsAsync);
        feeds.MapGet("/feeds/delegations.atom", DelegationsAsync);
        feeds.MapGet("/feeds/agreements.atom", AgreementsAsync);
        return feeds;
    }

    private static async Task<IResult> MeetingsAsync([AsParameters] MeetingQuery query, ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var meetings = await Latest(query).ValidateAsync(db, FeedEndpoints.FeedSize, cancellationToken);
        var feed = new EventFeed(EventListWords.Meetings, meetings.Filter, meetings.Kind?.ToString().ToLowerInvariant(), meetings.With.Values);
        return await FeedAsync(http, db, feed, meetings, rows => TellingArticles(db, rows.Select(r => r.Article.Id)), r => r.Article.Id, Meeting, cancellationToken);
    }

    private static async Task<IResult> DelegationsAsync([AsParameters] DelegationQuery query, ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var trips = await Latest(query).ValidateAsync(db, FeedEndpoints.FeedSize, cancellationToken);
        var feed = new EventFeed(EventListWords.Delegations, trips.Filter, trips.DirectionValue);
        return await FeedAsync(http, db, feed, trips, rows => TellingArticles(db, rows.Select(r => r.Article.Id)), r => r.Article.Id, Delegation, cancellationToken);
    }

    private static async Task<IResult> AgreementsAsync([AsParameters] AgreementQuery query, ArchiveDbContext db, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var agreements = await Latest(query).ValidateAsync(db, DateOnly.FromDateTime(time.GetLocalNow().Date), FeedEndpoints.FeedSize, cancellationToken);
        var feed = new EventFeed(EventListWords.Agreements, agreements.Filter, agreements.Status is { } status ? AgreementRow.StatusValue(status) : null);
        return await FeedAsync(
            http,
            db,
            feed,
            agreements,
            rows =>
            {
                var ids = rows.Select(r => r.Id).ToList();
                return db.Agreements.AsNoTracking()
                    .Where(m => m.RecordId != null && ids.Contains(m.RecordId.Value))
                    .Select(m => new Telling(m.RecordId!.Value, m.Article.ChangedAtUtc, m.Article.PublishedOn));
            },
            r => r.Id,
            Agreement,
            cancellationToken);
    }

    /// <summary>The query without its sort and page: a feed is the latest events of the list, newest first.</summary>
    private static T Latest<T>(T query)
        where T : EventQuery =>
        (T)(query with { Sort = null, Page = null, PageSize = null });

    /// <summary>
    /// The feed of the first page of a checked list: 400 when its query has a value the list cannot use, else an entry
    /// for each row, stamped with the times of the articles that tell it (<paramref name="tellings"/>, by
    /// <paramref name="key"/>). A row whose articles went between the two reads (an ingestion ran) is left out.
    /// </summary>
    private static async Task<IResult> FeedAsync<TRow>(
        HttpContext http,
        ArchiveDbContext db,
        EventFeed feed,
        IEventList<TRow> list,
        Func<IReadOnlyList<TRow>, IQueryable<Telling>> tellings,
        Func<TRow, int> key,
        Func<TRow, string, Stamp, AtomEntry> entry,
        CancellationToken cancellationToken)
    {
        var page = await list.PageAsync(db, PastTheLastPage.ShowNone, cancellationToken);
        if (page.Messages.Count > 0)
        {
            return FeedEndpoints.BadQuery(page.Messages);
        }

        var stamps = (await tellings(page.Rows).ToListAsync(cancellationToken))
            .GroupBy(t => t.Id)
            .ToDictionary(g => g.Key, g => new Stamp(g.Max(t => t.StoredAtUtc), g.Min(t => t.PublishedOn)));
        var origin = PublicAddress.Origin(http);
        // Facts the same in every part (one sentence read twice alike) are told apart by their order, which is then theirs alone.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = page.Rows.Where(r => stamps.ContainsKey(key(r))).Select(r => entry(r, origin, stamps[key(r)])).Select(e =>
        {
            var n = seen[e.Id] = seen.GetValueOrDefault(e.Id) + 1;
            return n == 1 ? e : e with { Id = $"{e.Id}-{n.ToString(CultureInfo.InvariantCulture)}" };
        }).ToList();
        return AtomFeed.Result(feed.Title, new Uri(origin + feed.Page), new Uri(origin + feed.Address), entries);
    }

    private static IQueryable<Telling> TellingArticles(ArchiveDbContext db, IEnumerable<int> articleIds)
    {
        var ids = articleIds.Distinct().ToList();
        return db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new Telling(a.Id, a.ChangedAtUtc, a.PublishedOn));
    }

    private static AtomEntry Meeting(MeetingRow row, string origin, Stamp stamp)
    {
        var with = With(row.Countries, row.CounterpartOrganisation);
        var what = with ?? row.Name ?? (row.Kind == MeetingKind.Domestic ? "in Vietnam" : row.KindValue + " meeting");
        var id = FactId(origin, row.Article.Key, "meeting", row.KindValue, row.Date?.ToString(), Slugs(row.Countries), row.CounterpartOrganisation, row.Name, Slugs(row.Participants), row.Location, row.Article.Evidence);
        return Entry(
            id,
            "Meeting: " + what + (row.Location is { } where ? ", " + where : string.Empty),
            origin + row.Article.FactHref,
            stamp,
            [
                $"Date: {Display.EventDate(row.Date)}.",
                $"Kind: {row.KindValue}.",
                with is null ? null : $"With: {with}.",
                row.Name is null || with is null ? null : $"Event: {row.Name}.",
                row.Participants.Count == 0 ? null : $"Participants: {EventFacts.Names(row.Participants)}.",
                row.Location is null ? null : $"Where: {row.Location}.",
                Told(row.Article.Title, row.Article.Evidence),
            ]);
    }

    private static AtomEntry Delegation(DelegationRow row, string origin, Stamp stamp)
    {
        var route = string.Join(" ", new[] { row.From?.Name, row.Destinations.Count == 0 ? null : "to " + EventFacts.Names(row.Destinations) }.OfType<string>());
        var leader = row.Leader is { } l ? (route.Length == 0 ? "led by " : ", led by ") + l.Name : string.Empty;
        var id = FactId(origin, row.Article.Key, "delegation", row.Start?.ToString(), row.From?.Slug, Slugs(row.Destinations), row.Leader?.Slug, row.Article.Evidence);
        var end = row.End is { } e && e != row.Start ? " to " + Display.Date(e) : string.Empty;
        return Entry(
            id,
            "Delegation" + (route.Length == 0 && leader.Length == 0 ? string.Empty : ": " + route + leader),
            origin + row.Article.FactHref,
            stamp,
            [
                $"Date: {Display.EventDate(row.Start)}{end}.",
                row.VisitMade ? "A visit made by Vietnam." : row.VisitHosted ? "A visit hosted by Vietnam." : null,
                row.From is null ? null : $"From: {row.From.Name}.",
                row.Destinations.Count == 0 ? null : $"To: {EventFacts.Names(row.Destinations)}.",
                row.Leader is null ? null : $"Led by: {row.Leader.Name}.",
                Told(row.Article.Title, row.Article.Evidence),
            ]);
    }

    /// <summary>
    /// A record of the register: its id is its page's address without the slug, since a record keeps its number when the
    /// register is made again (<c>AgreementRecord.Key</c>) but its slug follows its kind and counterparts.
    /// </summary>
    private static AtomEntry Agreement(AgreementRow row, string origin, Stamp stamp)
    {
        var with = With(row.Countries, row.Organisation);
        return Entry(
            $"{origin}/agreements/{row.Id.ToString(CultureInfo.InvariantCulture)}",
            "Agreement: " + row.Document.Kind + (with is null ? string.Empty : " with " + with),
            origin + row.Url,
            stamp,
            [
                $"Signed: {Display.EventDate(row.SignedOn)}.",
                with is null ? null : $"With: {with}.",
                row.Document.Name is null ? null : $"Name: {row.Document.Name}.",
                row.Document.Subject is null ? null : $"Subject: {row.Document.Subject}.",
                row.Place is null ? null : $"Where: {row.Place}.",
                row.Signatories.Count == 0 ? null : $"Signatories: {EventFacts.Names(row.Signatories)}.",
                $"Valid: {row.Validity}.",
                $"Told in {Display.Count(row.Articles, "article")}.",
            ]);
    }

    /// <summary>An entry whose summary is its lines that are known, one after the other.</summary>
    private static AtomEntry Entry(string id, string title, string link, Stamp stamp, IEnumerable<string?> lines) =>
        new(id, title, stamp.Updated, new Uri(link), string.Join(" ", lines.OfType<string>()), stamp.Published);

    /// <summary>"Japan and Laos, the ASEAN Secretariat": the countries and the organisation an event was with, when any.</summary>
    private static string? With(IReadOnlyList<Link> countries, string? organisation)
    {
        var with = string.Join(", ", new[] { countries.Count == 0 ? null : EventFacts.Names(countries), organisation }.OfType<string>());
        return with.Length == 0 ? null : with;
    }

    private static string Told(string title, string evidence) => $"Told in “{title}”: “{evidence}”";

    private static string Slugs(IReadOnlyList<Link> links) => string.Join(",", links.Select(l => l.Slug));

    /// <summary>
    /// The id of a meeting's or a trip's entry: its article's permanent address and a hash of what the fact is (its kind
    /// of event, date, counterparts, people, place and the sentence it was read from). A fact's row is made again, with a
    /// new number, each time its article is read again, so its number cannot be its id; what it is stays the same, so its
    /// id does, across requests and readings. A fact read otherwise (another date or counterpart) is another entry.
    /// </summary>
    private static string FactId(string origin, string articleKey, string kind, params string?[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts.Select(p => p?.Trim() ?? string.Empty))));
        return $"{origin}/articles/{Uri.EscapeDataString(articleKey)}#{kind}-{Convert.ToHexStringLower(hash)[..16]}";
    }

    /// <summary>
    /// When an entry last changed and when it was first told. An event is one of its article's facts, and its entry's id
    /// is made from what it says (<see cref="FactId"/>): a fact read differently is another entry. So an entry changes
    /// when its article does (<c>ChangedAtUtc</c>: stored, its text changed, or back after a withdrawal), not each time
    /// the same text is read again, as the article feed's entries; an agreement's record, made from every article that
    /// tells it, changes when any of them does, so it takes the latest. No column of its own is needed. Published is the
    /// publication date of the (first) article that tells it, when known.
    /// </summary>
    private sealed record Stamp(DateTime StoredAtUtc, DateOnly? PublishedOn)
    {
        public DateTimeOffset Updated => new(DateTime.SpecifyKind(StoredAtUtc, DateTimeKind.Utc));

        public DateTimeOffset? Published => PublishedOn is { } on ? new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }

    /// <summary>An article that tells the event (or the record) <paramref name="Id"/>: when it was stored and published.</summary>
    private sealed record Telling(int Id, DateTime StoredAtUtc, DateOnly? PublishedOn);
}
