using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Extraction;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Pages.Delegations;

/// <summary>Every trip of the archive, both ways: visits made by Vietnam's delegations and visits Vietnam hosted.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. EventFilter.Keys, QueryKey.Direction, QueryKey.Page, QueryKey.Format];

    public const int PageSize = 50;

    private static readonly string[] SortKeys = ["date", "leader", "from"];

    public EventFilter Filter { get; private set; } = null!;

    public QueryLinks Links { get; private set; } = null!;

    public List<string> Messages { get; } = [];

    public string? Direction { get; private set; }

    public IReadOnlyList<DelegationRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public EventFilterForm Form => new(Links, Filter.Common, [("made", "Visits made by Vietnam"), ("hosted", "Visits hosted by Vietnam")], Direction, "direction");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Links = new QueryLinks("/delegations", Request.Query);
        Filter = await EventFilter.ReadAsync(db, Request.Query, SortKeys, "-date", Messages, cancellationToken);
        var direction = Request.Query[QueryKey.Direction].FirstOrDefault();
        if (direction is "made" or "hosted")
        {
            Direction = direction;
        }
        else if (!string.IsNullOrEmpty(direction))
        {
            Messages.Add($"“{(direction.Length > 30 ? direction[..30] : direction)}” is not a direction (made or hosted); that filter is left out.");
        }

        var rows = (await DelegationRow.QueryAsync(db, Filter.CountryIds, Filter.PersonIds, cancellationToken))
            .Where(r => Filter.InRange(r.Start))
            .Where(r => Direction is null || (Direction == "made" ? r.VisitMade : r.VisitHosted));
        var sorted = Filter.SortKey switch
        {
            "leader" => Filter.Order(rows, r => r.Leader?.Name ?? "\uffff").ThenNewest(r => r.Start),
            "from" => Filter.Order(rows, r => r.From?.Name ?? "\uffff").ThenNewest(r => r.Start),
            _ => EventDates.ByDate(rows, r => r.Start, Filter.Descending),
        };
        if (Export.Format(Request) is { } format)
        {
            return await Export.WriteAsync(Response, format, "delegations", Export.Of(sorted.Select(ExportRow.Of)), cancellationToken);
        }

        (Paging, Rows) = Paging.Of(sorted, Request.Query[QueryKey.Page], PageSize, Messages);
        return Page();
    }

    /// <summary>A row as the downloads give it: the start says "date not given" when the text gives none.</summary>
    public sealed record ExportRow(
        string Start,
        string? DatePrecision,
        string? DateSource,
        string? End,
        string Direction,
        string? Leader,
        string? From,
        string Destinations,
        int ArticleId,
        string ArticleKey,
        string ArticleTitle,
        string ArticleUrl,
        string EvidenceUrl,
        string Evidence)
    {
        public static ExportRow Of(DelegationRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return new(
                EventDates.Text(row.Start),
                Display.Precision(row.Start),
                EventDates.Source(row.Start, row.DateSource),
                Export.Date(row.End),
                row.VisitMade ? "visit made" : row.VisitHosted ? "visit hosted" : "other",
                row.Leader?.Name,
                row.From?.Name,
                Export.Join(row.Destinations),
                row.ArticleId,
                row.ArticleKey,
                row.ArticleTitle,
                row.ArticleHref,
                row.FactHref,
                row.Evidence);
        }
    }

}

/// <summary>
/// A trip as the tables show it; a visit made leaves Vietnam, a visit hosted comes to it. Its dates are the text's
/// only: a trip the text gives no date for has none.
/// </summary>
public sealed record DelegationRow(
    PartialDate? Start,
    DateSource DateSource,
    PartialDate? End,
    Link? Leader,
    Link? From,
    IReadOnlyList<Link> Destinations,
    int ArticleId,
    string ArticleKey,
    string ArticleSlug,
    string ArticleTitle,
    string Evidence)
{
    public string ArticleHref => ArticleLinks.Article(ArticleKey, ArticleSlug);

    /// <summary>The link to the sentence that states the trip.</summary>
    public string FactHref => ArticleLinks.Fact(ArticleKey, ArticleSlug, Evidence);

    /// <summary>Which trip the row is, in a few words ("the visit of 5 November 2019 from Vietnam to Japan").</summary>
    public string Fact => EventFacts.Delegation(Start, From, Destinations);

    public bool VisitMade => From?.Slug == HomeSlug;

    public bool VisitHosted => Destinations.Any(d => d.Slug == HomeSlug);

    public const string HomeSlug = "vietnam";

    /// <summary>Days abroad when the text gives both ends of the trip to the day.</summary>
    public int? Days => Start is { Precision: DatePrecision.Day } s && End is { Precision: DatePrecision.Day } e ? e.FirstDay.DayNumber - s.FirstDay.DayNumber + 1 : null;

    public static async Task<List<DelegationRow>> QueryAsync(ArchiveDbContext db, IReadOnlyList<int> countries, IReadOnlyList<int> people, CancellationToken cancellationToken)
    {
        var delegations = db.Delegations.AsNoTracking();
        if (countries.Count > 0)
        {
            var to = LinkTables.DelegationsToCountries(db, countries);
            delegations = delegations.Where(d => (d.FromCountryId != null && countries.Contains(d.FromCountryId.Value)) || to.Contains(d.Id));
        }

        if (people.Count > 0)
        {
            var members = LinkTables.DelegationsWithMembers(db, people);
            delegations = delegations.Where(d => (d.LeaderId != null && people.Contains(d.LeaderId.Value)) || members.Contains(d.Id));
        }

        return await delegations
            .Select(d => new DelegationRow(
                d.Start,
                d.DateSource,
                d.End,
                d.Leader == null ? null : new Link(d.Leader.Slug, d.Leader.Name),
                d.FromCountry == null ? null : new Link(d.FromCountry.Slug, d.FromCountry.Name),
                d.Destinations.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                d.ArticleId,
                d.Article.Key,
                d.Article.Slug,
                d.Article.Title,
                d.Evidence))
            .AsSplitQuery().ToListAsync(cancellationToken);
    }
}
