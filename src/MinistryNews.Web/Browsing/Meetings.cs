using System.ComponentModel;
using System.Linq.Expressions;
using MinistryNews.Core.Meetings;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The query of the meetings list: the page <c>/meetings</c>, its downloads and feed, <c>/api/meetings</c> and the pairs
/// page <c>/meetings/pairs</c> all run it.
/// </summary>
public sealed record MeetingQuery : EventQuery
{
    /// <summary>The list's own filter, <c>kind</c> ("bilateral", "multilateral", "domestic"), and the columns it sorts by.</summary>
    public static readonly EventListKeys<MeetingKind> Keys = new(QueryKey.Kind, new(["date", "kind", "country"], "-date"), "a kind of meeting (bilateral, multilateral, domestic)",
        text => Enum.TryParse<MeetingKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, out _) ? kind : null);

    /// <summary>Every key of the query string the list reads: the keys of <see cref="Keys"/>, and <c>with</c> and <c>organisation</c>.</summary>
    public static readonly IReadOnlyCollection<string> AllKeys = [.. Keys.All, QueryKey.With, QueryKey.Organisation];

    [Description("bilateral, multilateral or domestic.")]
    public string? Kind { get; init; }

    [Description("Other participants, by slug or name: the meetings each of them took part in as well (with person: the meetings of that person and this one; several combine with AND).")]
    public string[]? With { get; init; }

    [Description("The organisation met, as the press release writes it (CounterpartOrganisation), matched whole in any case.")]
    public string? Organisation { get; init; }

    public static MeetingQuery Read(IQueryCollection query) => ReadInto(query, new MeetingQuery
    {
        Kind = Keys.Value(query),
        With = QueryReader.Values(query, QueryKey.With),
        Organisation = QueryReader.Value(query, QueryKey.Organisation),
    });

    /// <summary>The query checked: each value that means nothing is named in a message and its filter left out.</summary>
    public async Task<MeetingList> ValidateAsync(ArchiveDbContext db, int defaultPageSize, CancellationToken cancellationToken)
    {
        var with = await MeetingWith.ReadAsync(db, With, Organisation, cancellationToken);
        return await CheckAsync(db, Keys, Kind, defaultPageSize, (filter, kind, page, messages) => new MeetingList(filter, kind, with, page, [.. messages, .. with.Messages]), cancellationToken);
    }
}

/// <summary>
/// Whom the meetings of a list were with beyond the shared filters: <c>with</c>, people who took part as well (each
/// one: a meeting of <c>person</c> AND of every <c>with</c>), and <c>organisation</c>, the organisation met as the
/// press release writes it, matched whole in any case (the database's <c>lower()</c> on both sides: on SQLite it folds
/// the letters A to Z alone, on PostgreSQL every letter). The links of the counterparts' tables and of the pairs page
/// write the spelling stored, which always matches.
/// </summary>
/// <param name="People">The people of <c>with</c>, found as <c>person</c> is (by slug, or by name).</param>
/// <param name="Organisation">The organisation as the query gave it, trimmed.</param>
/// <param name="OrganisationKey">The organisation as the database folds it (<c>lower()</c>), which the filter compares with.</param>
public sealed record MeetingWith(IReadOnlyList<ArticleFilter.NamedValue> People, string? Organisation, string? OrganisationKey, IReadOnlyList<string> Messages)
{
    /// <summary>The longest organisation looked for.</summary>
    public const int MaxOrganisationLength = 300;

    public static readonly MeetingWith None = new([], null, null, []);

    public bool IsEmpty => People.Count == 0 && OrganisationKey is null;

    /// <summary>
    /// The people of <paramref name="with"/> (an unknown one is named in a message and left out) and the organisation:
    /// one no meeting of the archive was with is named in a message and left out, as an unknown country is.
    /// </summary>
    public static async Task<MeetingWith> ReadAsync(ArchiveDbContext db, string[]? with, string? organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim();
        if ((with is null || with.Length == 0) && text is null)
        {
            return None;
        }

        var messages = new List<string>();
        var people = with is null || with.Length == 0 ? null : await ArticleFilter.ReadAsync(db, QueryReader.Common(null, with, null, null, null, null, null), cancellationToken);
        messages.AddRange(people?.Messages ?? []);
        string? key = null;
        if (text is not null)
        {
            if (text.Length <= MaxOrganisationLength)
            {
                // Folded by the database, as the filter and the counterparts' tables fold the column.
                key = (await db.Database.SqlQuery<string>($"""SELECT lower("CounterpartOrganisation") AS "Value" FROM "Meetings" WHERE lower("CounterpartOrganisation") = lower({text}) LIMIT 1""")
                    .ToListAsync(cancellationToken)).FirstOrDefault();
            }

            if (key is null)
            {
                messages.Add($"No meeting in the archive was with the organisation “{(text.Length > 60 ? text[..60] + "…" : text)}”; that filter is left out.");
            }
        }

        return new MeetingWith(people?.People ?? [], key is null ? null : text, key, messages);
    }

    /// <summary>The filters as the address writes them and in words, for the filter form and the feed's title.</summary>
    public IReadOnlyList<ListFilterValue> Values =>
    [
        .. People.Select(p => new ListFilterValue(QueryKey.With, p.Slug, $"also attended by {p.Name}")),
        .. Organisation is null ? [] : new[] { new ListFilterValue(QueryKey.Organisation, Organisation, $"with the organisation {Organisation}") },
    ];

    /// <summary>The meetings each person of <see cref="People"/> took part in, with the organisation.</summary>
    public IQueryable<Meeting> Matching(IQueryable<Meeting> meetings, ArchiveDbContext db)
    {
        foreach (var person in People)
        {
            meetings = meetings.LinkedTo(db, [person.Id], LinkTables.MeetingsOfPeople);
        }

        if (OrganisationKey is { } key)
        {
            // Translated to the database's lower(), never run here: the key was folded by the same function.
#pragma warning disable CA1304, CA1311, CA1862
            meetings = meetings.Where(m => m.CounterpartOrganisation!.ToLower() == key);
#pragma warning restore CA1304, CA1311, CA1862
        }

        return meetings;
    }
}

/// <summary>The meetings query checked: what it filters by, its sort and page, and what was wrong with it.</summary>
public sealed class MeetingList(EventFilter filter, MeetingKind? kind, MeetingWith with, PageRequest page, IReadOnlyList<string> messages)
    : EventList<Meeting, MeetingRow>(filter, page, messages, MeetingRow.Projection)
{
    public MeetingKind? Kind { get; } = kind;

    /// <summary>The people who took part as well, and the organisation met.</summary>
    public MeetingWith With { get; } = with;

    /// <summary>Whether any filter narrows the list.</summary>
    public bool IsFiltered => !Filter.Common.IsEmpty || Kind is not null || !With.IsEmpty;

    private protected override string DateProperty => nameof(Meeting.Date);

    /// <summary>The meetings that pass every filter, in no order: the pairs page counts its pairs over them.</summary>
    public IQueryable<Meeting> MatchingMeetings(ArchiveDbContext db) => Matching(db);

    private protected override IQueryable<Meeting> Matching(ArchiveDbContext db) =>
        With.Matching(EventQueries.InRange(MeetingTable.Matching(db, Filter.CountryIds, Filter.PersonIds, Kind), DateProperty, Filter.Common), db);

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
        new ArticleReference(m.ArticleId, m.Article.Key, m.Article.Slug, m.Article.Title, m.Evidence, m.CorrectionId != null));

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
