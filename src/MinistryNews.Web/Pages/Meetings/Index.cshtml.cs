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

    /// <summary>A meeting as the tables show it; its date is the article's when the text gives none.</summary>
    public sealed record Row(PartialDate? Date, MeetingKind Kind, IReadOnlyList<Link> Countries, IReadOnlyList<Link> Participants, string? Location, int ArticleId, string ArticleSlug, string ArticleTitle)
    {
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
                    m.Date ?? m.Article.Published,
                    m.Kind,
                    m.CounterpartCountries.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                    m.Participants.OrderBy(p => p.Name).Select(p => new Link(p.Slug, p.Name)).ToList(),
                    m.Location,
                    m.ArticleId,
                    m.Article.Slug,
                    m.Article.Title))
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
            "kind" => Filter.Order(rows, r => r.Kind.ToString()).ThenByDescending(r => r.Date),
            "country" => Filter.Order(rows, r => r.Countries.Count > 0 ? r.Countries[0].Name : "\uffff").ThenByDescending(r => r.Date),
            _ => Filter.Order(rows, r => r.Date?.FirstDay ?? DateOnly.MinValue),
        };
        if (Export.Format(Request) is { } format)
        {
            return await Export.WriteAsync(Response, format, "meetings", Export.Of(sorted.Select(r => new ExportRow(Export.Date(r.Date), r.Kind.ToString().ToLowerInvariant(), Export.Join(r.Countries), Export.Join(r.Participants), r.Location, r.ArticleId, r.ArticleTitle))), cancellationToken);
        }

        (Paging, Rows) = Paging.Of(sorted, Request.Query[QueryKey.Page], PageSize, Messages);
        return Page();
    }

    /// <summary>A row as the downloads give it.</summary>
    public sealed record ExportRow(string? Date, string Kind, string Countries, string Participants, string? Location, int ArticleId, string ArticleTitle);

}
