using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core;
using MinistryNews.Core.Articles;
using MinistryNews.Web.Browsing;
using MinistryNews.Web.Hosting;

namespace MinistryNews.Web.Feeds;

/// <summary>
/// Atom feeds of the latest articles — all of them, one country's, one person's — and the site map and robots file
/// that help search engines find the pages. Their absolute links start with the site's public address
/// (<see cref="PublicAddress"/>).
/// </summary>
public static class FeedEndpoints
{
    public const int FeedSize = 50;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feeds = app.MapGroup(string.Empty).ExcludeFromDescription();
        feeds.MapGet("/feeds/articles.atom", async (ArchiveDbContext db, HttpContext http, CancellationToken ct) =>
            await AtomAsync(http, "MinistryNews: latest articles", "/articles", "/feeds/articles.atom", db.Articles, ct));

        feeds.MapGet("/feeds/countries/{slug}.atom", async (string slug, ArchiveDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
            return country is null
                ? Results.NotFound()
                : await AtomAsync(http, $"MinistryNews: {country.Name}", $"/countries/{country.Slug}", $"/feeds/countries/{country.Slug}.atom", db.Articles.Where(a => LinkTables.ArticlesOfCountries(db, new[] { country.Id }).Contains(a.Id)), ct);
        });

        feeds.MapGet("/feeds/people/{slug}.atom", async (string slug, ArchiveDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
            return person is null
                ? Results.NotFound()
                : await AtomAsync(http, $"MinistryNews: {person.Name}", $"/people/{person.Slug}", $"/feeds/people/{person.Slug}.atom", db.Articles.Where(a => LinkTables.ArticlesOfPeople(db, new[] { person.Id }).Contains(a.Id)), ct);
        });

        feeds.MapGet("/sitemap.xml", SitemapAsync);
        feeds.MapGet("/robots.txt", (HttpContext http) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /search\nSitemap: {PublicAddress.Origin(http)}/sitemap.xml\n", "text/plain"));
        return app;
    }

    private static async Task<IResult> AtomAsync(HttpContext http, string title, string page, string self, IQueryable<Article> articles, CancellationToken cancellationToken)
    {
        var origin = PublicAddress.Origin(http);
        var latest = await articles.AsNoTracking().Sorted(http.RequestServices.GetRequiredService<ArchiveDbContext>()).Take(FeedSize)
            .Select(a => new { a.Id, a.Key, a.Slug, a.Title, a.PublishedOn, a.IngestedAtUtc, a.Body, Countries = a.Countries.Select(c => c.Name).ToList() })
            .ToListAsync(cancellationToken);
        var items = latest.Select(a =>
        {
            var url = new Uri(origin + ArticleLinks.Article(a.Key, a.Slug));
            // Stored text is cleaned at ingestion (StoredText); an article stored before that rule, whose file is gone, is
            // cleaned here too, so no character XML forbids can fail the feed.
            var summary = StoredText.Clean(a.Body.FirstOrDefault(b => b.Kind == Core.Extraction.BlockKind.Paragraph)?.Text ?? string.Empty);
            var item = new SyndicationItem(StoredText.Clean(a.Title), summary, url, url.ToString(), new DateTimeOffset(a.IngestedAtUtc, TimeSpan.Zero));
            if (a.PublishedOn is { } on)
            {
                item.PublishDate = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }

            foreach (var country in a.Countries)
            {
                item.Categories.Add(new SyndicationCategory(StoredText.Clean(country)));
            }

            return item;
        }).ToList();
        var feed = new SyndicationFeed(StoredText.Clean(title), "International cooperation of Vietnam's Ministry of Information and Communications", new Uri(origin + page), origin + self, items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch, items);
        feed.Links.Add(new SyndicationLink(new Uri(origin + self), "self", title, "application/atom+xml", 0));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static async Task SitemapAsync(HttpContext http, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var origin = PublicAddress.Origin(http);
        http.Response.ContentType = "application/xml; charset=utf-8";
        await using var writer = XmlWriter.Create(http.Response.Body, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true });
        const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        await writer.WriteStartDocumentAsync();
        writer.WriteStartElement("urlset", Ns);
        async Task Url(string path)
        {
            writer.WriteStartElement("url", Ns);
            writer.WriteElementString("loc", Ns, origin + path);
            await writer.WriteEndElementAsync();
        }

        foreach (var path in new[] { "/", "/articles", "/countries", "/people", "/meetings", "/delegations", "/agreements" })
        {
            await Url(path);
        }

        await foreach (var a in db.Articles.AsNoTracking().OrderBy(a => a.Key).Select(a => new { a.Key, a.Slug }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await Url(ArticleLinks.Article(a.Key, a.Slug));
        }

        await foreach (var slug in db.Countries.AsNoTracking().Where(c => c.Articles.Any()).OrderBy(c => c.Slug).Select(c => c.Slug).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await Url($"/countries/{slug}");
        }

        await foreach (var slug in db.People.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.Slug).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await Url($"/people/{slug}");
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }
}
