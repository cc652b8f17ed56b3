using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Articles;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Web.Pages.Articles;

/// <summary>One article in full, with the facts read out of it beside the text and their sentences marked in it.</summary>
public sealed class DetailModel(ArchiveDbContext db) : PageModel
{
    public Article Article { get; private set; } = null!;

    /// <summary>The sentences facts were read from, numbered in order of first use; the text marks them.</summary>
    public IReadOnlyList<string> Evidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken cancellationToken)
    {
        var article = await db.Articles
            .AsNoTracking()
            .AsSplitQuery()
            .Include(a => a.Countries)
            .Include(a => a.People).ThenInclude(m => m.Person)
            .Include(a => a.People).ThenInclude(m => m.Country)
            .Include(a => a.People).ThenInclude(m => m.Organisation)
            .Include(a => a.Organisations).ThenInclude(o => o.Country)
            .Include(a => a.Meetings).ThenInclude(m => m.Participants)
            .Include(a => a.Meetings).ThenInclude(m => m.CounterpartCountries)
            .Include(a => a.Delegations).ThenInclude(d => d.Leader)
            .Include(a => a.Delegations).ThenInclude(d => d.FromCountry)
            .Include(a => a.Delegations).ThenInclude(d => d.Destinations)
            .Include(a => a.Agreements).ThenInclude(a => a.CounterpartCountries)
            .Include(a => a.Agreements).ThenInclude(a => a.Signatories)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (slug != article.Slug)
        {
            return RedirectToPagePermanent("/Articles/Detail", new { id, slug = article.Slug });
        }

        Article = article;
        (Previous, Next) = await AdjacentAsync(article, cancellationToken);
        Evidence = article.Meetings.Select(m => m.Evidence)
            .Concat(article.Delegations.Select(d => d.Evidence))
            .Concat(article.Agreements.Select(a => a.Evidence))
            .Concat(article.People.Select(p => p.Evidence))
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Page();
    }

    /// <summary>The article just before this one in date order (newest-first order of the list), and the one just after.</summary>
    public AdjacentArticle? Previous { get; private set; }

    public AdjacentArticle? Next { get; private set; }

    public sealed record AdjacentArticle(int Id, string Slug, string Title);

    /// <summary>
    /// The articles before and after in date order (undated ones among themselves, in the order they were stored). Each
    /// is one seek in the (PublishedOn, Id) index: the same day first, then the nearest other day.
    /// </summary>
    private async Task<(AdjacentArticle? Previous, AdjacentArticle? Next)> AdjacentAsync(Article article, CancellationToken cancellationToken)
    {
        var articles = db.Articles.AsNoTracking();
        var on = article.PublishedOn;
        var sameDay = articles.Where(a => a.PublishedOn == on);
        var previous = await First(sameDay.Where(a => a.Id < article.Id).OrderByDescending(a => a.Id))
            ?? (on is null ? null : await First(articles.Where(a => a.PublishedOn < on).OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id)));
        var next = await First(sameDay.Where(a => a.Id > article.Id).OrderBy(a => a.Id))
            ?? (on is null ? null : await First(articles.Where(a => a.PublishedOn > on).OrderBy(a => a.PublishedOn).ThenBy(a => a.Id)));
        return (previous, next);

        Task<AdjacentArticle?> First(IQueryable<Article> query) =>
            query.Select(a => new AdjacentArticle(a.Id, a.Slug, a.Title)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The number of a fact's sentence, for the link to where it is marked in the text.</summary>
    public int? EvidenceNumber(string evidence)
    {
        for (var i = 0; i < Evidence.Count; i++)
        {
            if (string.Equals(Evidence[i], evidence, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>A block of the body cut into plain runs and runs that are the sentence of a fact.</summary>
    public IEnumerable<(string Text, int? Evidence)> Segments(BodyBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var text = block.Text;
        var marks = new List<(int Start, int Length, int Number)>();
        for (var i = 0; i < Evidence.Count; i++)
        {
            var start = text.IndexOf(Evidence[i], StringComparison.Ordinal);
            if (start >= 0 && !marks.Any(m => start < m.Start + m.Length && m.Start < start + Evidence[i].Length))
            {
                marks.Add((start, Evidence[i].Length, i + 1));
            }
        }

        var position = 0;
        foreach (var (start, length, number) in marks.OrderBy(m => m.Start))
        {
            if (start > position)
            {
                yield return (text[position..start], null);
            }

            yield return (text.Substring(start, length), number);
            position = start + length;
        }

        if (position < text.Length)
        {
            yield return (text[position..], null);
        }
    }
}
