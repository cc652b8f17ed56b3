using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Pages.Meetings;

/// <summary>Every meeting of the archive as a sortable table, filtered by country, person, kind and dates.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. EventFilter.Keys, QueryKey.Page, QueryKey.Format];

    public const int PageSize = 50;

    private static readonly string[] SortKeys = ["date", "kind", "country"];

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public List<string> Messages { get; } = [];

    public MeetingKind? Kind { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public EventFilterForm Form => new(Links, Filter.Common, [("bilateral", "Bilateral"), ("multilateral", "Multilateral"), ("domestic", "Domestic")], Kind?.ToString().ToLowerInvariant(), "kind");

    /// <summary>
    /// A meeting as the tables show it: its date only when the text gives one, who it was with (countries, the
    /// organisation met), the event's name as written, where it was held, and the sentence that states it.
    /// </summary>
    public sealed record Row(
        PartialDate? Date,
        DateSource DateSource,
        MeetingKind Kind,
        string? Name,
        string? CounterpartOrganisation,
        IReadOnlyList<Link> Countries,
        IReadOnlyList<Link> Participants,
        string? Location,
        int ArticleId,
        string ArticleKey,
        string ArticleSlug,
        string ArticleTitle,
        string Evidence)
    {
        public string ArticleHref => ArticleLinks.Article(ArticleKey, ArticleSlug);

        /// <summary>The link to the sentence that states the meeting.</summary>
        public string FactHref => ArticleLinks.Fact(ArticleKey, ArticleSlug, Evidence);

        /// <summary>Which meeting the row is, in a few words ("the meeting of 5 November 2019 with Japan").</summary>
        public string Fact => EventFacts.Meeting(Date, Countries, CounterpartOrganisation, Name);


        /// <summary>Reads a <c>kind</c> filter ("bilateral", "multilateral", "domestic"); a message when it is none of them.</summary>
        public static string? ReadKind(string? text, out MeetingKind? kind)
        {
            kind = null;
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (Enum.TryParse<MeetingKind>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _))
            {
                kind = parsed;
                return null;
            }

            return $"“{(text.Length > 30 ? text[..30] : text)}” is not a kind of meeting (bilateral, multilateral, domestic).";
        }

        public static async Task<List<Row>> QueryAsync(ArchiveDbContext db, IReadOnlyList<int> countries, IReadOnlyList<int> people, MeetingKind? kind, CancellationToken cancellationToken)
        {
            var meetings = db.Meetings.AsNoTracking();
            if (countries.Count > 0)
            {
                var with = LinkTables.MeetingsWithCountries(db, countries);
                meetings = meetings.Where(m => with.Contains(m.Id));
            }

            if (people.Count > 0)
            {
                var of = LinkTables.MeetingsOfPeople(db, people);
                meetings = meetings.Where(m => of.Contains(m.Id));
            }

            if (kind is { } k)
            {
                meetings = meetings.Where(m => m.Kind == k);
            }

            return await meetings
                .Select(m => new Row(
                    m.Date,
                    m.DateSource,
                    m.Kind,
                    m.Name,
                    m.CounterpartOrganisation,
                    m.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                    m.Participants.OrderBy(p => p.Name).Select(p => new Link(p.Slug, p.Name)).ToList(),
                    m.Location,
                    m.ArticleId,
                    m.Article.Key,
                    m.Article.Slug,
                    m.Article.Title,
                    m.Evidence))
                .AsSplitQuery().ToListAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Links = new QueryLinks("/meetings", Request.Query);
        Filter = await EventFilter.ReadAsync(db, Request.Query, SortKeys, "-date", Messages, cancellationToken);
        if (Row.ReadKind(Request.Query[QueryKey.Kind].FirstOrDefault(), out var kind) is { } problem)
        {
            Messages.Add(problem + " That filter is left out.");
        }

        Kind = kind;

        var rows = (await Row.QueryAsync(db, Filter.CountryIds, Filter.PersonIds, Kind, cancellationToken)).Where(r => Filter.InRange(r.Date));
        var sorted = Filter.SortKey switch
        {
            "kind" => Filter.Order(rows, r => r.Kind.ToString()).ThenNewest(r => r.Date),
            "country" => Filter.Order(rows, r => r.Countries.Count > 0 ? r.Countries[0].Name : "\uffff").ThenNewest(r => r.Date),
            _ => EventDates.ByDate(rows, r => r.Date, Filter.Descending),
        };
        if (Export.Format(Request) is { } format)
        {
            return await Export.WriteAsync(Response, format, "meetings", Export.Of(sorted.Select(ExportRow.Of)), cancellationToken);
        }

        (Paging, Rows) = Paging.Of(sorted, Request.Query[QueryKey.Page], PageSize, Messages);
        return Page();
    }

    /// <summary>A row as the downloads give it: the date says "date not given" when the text gives none.</summary>
    public sealed record ExportRow(
        string Date,
        string? DatePrecision,
        string? DateSource,
        string Kind,
        string? Name,
        string? CounterpartOrganisation,
        string Countries,
        string Participants,
        string? Location,
        int ArticleId,
        string ArticleKey,
        string ArticleTitle,
        string ArticleUrl,
        string EvidenceUrl,
        string Evidence)
    {
        public static ExportRow Of(Row row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return new(
                EventDates.Text(row.Date),
                Display.Precision(row.Date),
                EventDates.Source(row.Date, row.DateSource),
                row.Kind.ToString().ToLowerInvariant(),
                row.Name,
                row.CounterpartOrganisation,
                Export.Join(row.Countries),
                Export.Join(row.Participants),
                row.Location,
                row.ArticleId,
                row.ArticleKey,
                row.ArticleTitle,
                row.ArticleHref,
                row.FactHref,
                row.Evidence);
        }
    }

}
