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
            "leader" => Filter.Order(rows, r => r.Leader?.Name ?? "\uffff").ThenByDescending(r => r.Start),
            "from" => Filter.Order(rows, r => r.From?.Name ?? "\uffff").ThenByDescending(r => r.Start),
            _ => Filter.Order(rows, r => r.Start?.FirstDay ?? DateOnly.MinValue),
        };
        if (Export.Format(Request) is { } format)
        {
            return await Export.WriteAsync(Response, format, "delegations", Export.Of(sorted.Select(r => new ExportRow(Export.Date(r.Start), Export.Date(r.End), r.VisitMade ? "visit made" : r.VisitHosted ? "visit hosted" : "other", r.Leader?.Name, r.From?.Name, Export.Join(r.Destinations), r.ArticleId, r.ArticleTitle))), cancellationToken);
        }

        (Paging, Rows) = Paging.Of(sorted, Request.Query[QueryKey.Page], PageSize, Messages);
        return Page();
    }

    /// <summary>A row as the downloads give it.</summary>
    public sealed record ExportRow(string? Start, string? End, string Direction, string? Leader, string? From, string Destinations, int ArticleId, string ArticleTitle);

}

/// <summary>A trip as the tables show it; a visit made leaves Vietnam, a visit hosted comes to it.</summary>
public sealed record DelegationRow(PartialDate? Start, PartialDate? End, bool DateFromArticle, Link? Leader, Link? From, IReadOnlyList<Link> Destinations, int ArticleId, string ArticleSlug, string ArticleTitle)
{
    public bool VisitMade => From?.Slug == HomeSlug;

    public bool VisitHosted => Destinations.Any(d => d.Slug == HomeSlug);

    public const string HomeSlug = "vietnam";

    /// <summary>Days abroad when the text gives both ends of the trip to the day.</summary>
    public int? Days => Start is { Precision: DatePrecision.Day } s && End is { Precision: DatePrecision.Day } e && !DateFromArticle ? e.FirstDay.DayNumber - s.FirstDay.DayNumber + 1 : null;

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
                d.Start ?? d.Article.Published,
                d.End,
                d.Start == null,
                d.Leader == null ? null : new Link(d.Leader.Slug, d.Leader.Name),
                d.FromCountry == null ? null : new Link(d.FromCountry.Slug, d.FromCountry.Name),
                d.Destinations.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                d.ArticleId,
                d.Article.Slug,
                d.Article.Title))
            .AsSplitQuery().ToListAsync(cancellationToken);
    }
}
