using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Pages;

/// <summary>The front page: the latest articles, what the archive holds, who and where appear most, and activity month by month.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    public const int Latest = 20;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public int ArticleCount { get; private set; }

    public int MeetingCount { get; private set; }

    public int DelegationCount { get; private set; }

    public int AgreementCount { get; private set; }

    public IReadOnlyList<(Link Country, int Articles)> TopCountries { get; private set; } = [];

    public IReadOnlyList<(Link Person, int Articles)> TopPeople { get; private set; } = [];

    /// <summary>Articles per month, newest month first.</summary>
    public IReadOnlyList<(int Year, int Month, int Count)> Timeline { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ArticleCount = await db.Articles.CountAsync(cancellationToken);
        MeetingCount = await db.Meetings.CountAsync(cancellationToken);
        DelegationCount = await db.Delegations.CountAsync(cancellationToken);
        AgreementCount = await db.Agreements.CountAsync(cancellationToken);
        Articles = await db.Articles.Sorted().Take(Latest).ToRowsAsync(cancellationToken);
        TopCountries = [.. (await db.Countries.AsNoTracking()
            .Select(c => new { c.Slug, c.Name, Count = c.Articles.Count })
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name)
            .Take(10)
            .ToListAsync(cancellationToken)).Select(c => (new Link(c.Slug, c.Name), c.Count))];
        TopPeople = [.. (await db.People.AsNoTracking()
            .Select(p => new { p.Slug, p.Name, Count = p.Mentions.Count })
            .OrderByDescending(p => p.Count).ThenBy(p => p.Name)
            .Take(10)
            .ToListAsync(cancellationToken)).Select(p => (new Link(p.Slug, p.Name), p.Count))];
        Timeline = [.. (await db.Articles.AsNoTracking()
            .Where(a => a.PublishedOn != null)
            .GroupBy(a => new { a.PublishedOn!.Value.Year, a.PublishedOn!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .OrderByDescending(g => g.Year).ThenByDescending(g => g.Month)
            .ToListAsync(cancellationToken)).Select(g => (g.Year, g.Month, g.Count))];
    }
}
