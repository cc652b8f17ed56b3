using System.ComponentModel;
using System.Linq.Expressions;
using MinistryNews.Core.Meetings;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The query of the meetings list: the page <c>/meetings</c>, its downloads and <c>/api/meetings</c> all run it.
/// </summary>
public sealed record MeetingQuery : EventQuery
{
    /// <summary>The list's own filter, <c>kind</c> ("bilateral", "multilateral", "domestic"), and the columns it sorts by.</summary>
    public static readonly EventListKeys<MeetingKind> Keys = new(QueryKey.Kind, new(["date", "kind", "country"], "-date"), "a kind of meeting (bilateral, multilateral, domestic)",
        text => Enum.TryParse<MeetingKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, out _) ? kind : null);

    [Description("bilateral, multilateral or domestic.")]
    public string? Kind { get; init; }

    public static MeetingQuery Read(IQueryCollection query) => ReadInto(query, new MeetingQuery { Kind = Keys.Value(query) });

    /// <summary>The query checked: each value that means nothing is named in a message and its filter left out.</summary>
    public Task<MeetingList> ValidateAsync(ArchiveDbContext db, int defaultPageSize, CancellationToken cancellationToken) =>
        CheckAsync(db, Keys, Kind, defaultPageSize, (filter, kind, page, messages) => new MeetingList(filter, kind, page, messages), cancellationToken);
}

/// <summary>The meetings query checked: what it filters by, its sort and page, and what was wrong with it.</summary>
public sealed class MeetingList(EventFilter filter, MeetingKind? kind, PageRequest page, IReadOnlyList<string> messages)
    : EventList<Meeting, MeetingRow>(filter, page, messages, MeetingRow.Projection)
{
    public MeetingKind? Kind { get; } = kind;

    private protected override string DateProperty => nameof(Meeting.Date);

    private protected override IQueryable<Meeting> Matching(ArchiveDbContext db) =>
        EventQueries.InRange(MeetingTable.Matching(db, Filter.CountryIds, Filter.PersonIds, Kind), DateProperty, Filter.Common);

    private protected override IQueryable<Meeting> Sorted(IQueryable<Meeting> meetings)
    {
        var descending = Filter.Descending;
        var sorted = Filter.SortKey switch
        {
            "kind" => EventQueries.ThenNewest(descending ? meetings.OrderByDescending(m => m.Kind) : meetings.OrderBy(m => m.Kind), DateProperty),
            "country" => EventQueries.ThenNewest(EventQueries.ByColumn(meetings, m => m.FirstCountryName, descending), DateProperty),
            _ => EventQueries.ByDate(meetings, DateProperty, descending),
        };
        return sorted.ThenBy(m => m.Id);
    }
}

/// <summary>The meetings of the archive that match the filters other pages share (a country met, a participant).</summary>
public static class MeetingTable
{
    public static IQueryable<Meeting> Matching(ArchiveDbContext db, IReadOnlyList<int> countries, IReadOnlyList<int> people, MeetingKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meetings = db.Meetings.AsQueryable()
            .LinkedTo(db, countries, LinkTables.MeetingsWithCountries)
            .LinkedTo(db, people, LinkTables.MeetingsOfPeople);
        if (kind is { } k)
        {
            meetings = meetings.Where(m => m.Kind == k);
        }

        return meetings;
    }
}

/// <summary>
/// A meeting as the tables show it: its date only when the text gives one, who it was with (countries, the
/// organisation met), the event's name as written, where it was held, and the article and sentence that state it.
/// </summary>
public sealed record MeetingRow(
    PartialDate? Date,
    DateSource DateSource,
    MeetingKind Kind,
    string? Name,
    string? CounterpartOrganisation,
    IReadOnlyList<Link> Countries,
    IReadOnlyList<Link> Participants,
    string? Location,
    ArticleReference Article) : IEventRow
{
    PartialDate? IEventRow.EventDate => Date;

    /// <summary>A meeting of the database as a row, read in SQL.</summary>
    public static readonly Expression<Func<Meeting, MeetingRow>> Projection = m => new MeetingRow(
        m.Date,
        m.DateSource,
        m.Kind,
        m.Name,
        m.CounterpartOrganisation,
        m.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
        m.Participants.OrderBy(p => p.Name).Select(p => new Link(p.Slug, p.Name)).ToList(),
        m.Location,
        new ArticleReference(m.ArticleId, m.Article.Key, m.Article.Slug, m.Article.Title, m.Evidence));

    /// <summary>Which meeting the row is, in a few words ("the meeting of 5 November 2019 with Japan").</summary>
    public string Fact => EventFacts.Meeting(Date, Countries, CounterpartOrganisation, Name);

    /// <summary>"bilateral", "multilateral", "domestic".</summary>
    public string KindValue => Kind.ToString().ToLowerInvariant();
}

/// <summary>
/// A meeting as the downloads give it: the date says "date not given" when the text gives none; the addresses are
/// absolute; the countries and participants are lists (in the CSV, their names joined by "; ").
/// </summary>
public sealed record MeetingExportRow(
    string Date,
    string? DatePrecision,
    string? DateSource,
    string Kind,
    string? Name,
    string? CounterpartOrganisation,
    IReadOnlyList<Link> Countries,
    IReadOnlyList<Link> Participants,
    string? Location) : EventExportRow
{
    /// <param name="origin">The site's origin (<c>Hosting.PublicAddress.Origin</c>) the addresses start with.</param>
    public static MeetingExportRow Of(MeetingRow row, string origin) => Of(row, origin, (date, precision, source) => new MeetingExportRow(
        date, precision, source, row.KindValue, row.Name, row.CounterpartOrganisation, row.Countries, row.Participants, row.Location));
}
