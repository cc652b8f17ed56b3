using System.Xml;
using MinistryNews.Core.Articles;

namespace MinistryNews.Web.Feeds;

/// <summary>
/// Atom feeds of the latest articles — all of them, one country's, one person's — and of the event lists
/// (<see cref="EventFeeds"/>), and the site map and robots file that help search engines find the pages. Their absolute
/// links start with the site's public address (<see cref="PublicAddress"/>).
/// </summary>
public static class FeedEndpoints
{
    public const int FeedSize = 50;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feeds = app.MapGroup(string.Empty).ExcludeFromDescription();
        feeds.MapGet("/feeds/articles.atom", ArticlesAsync);
        feeds.MapEventFeeds();

        feeds.MapGet("/feeds/countries/{slug}.atom", async (string slug, ArchiveDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
            return country is null
                ? Results.NotFound()
                : await ArticleFeedAsync(http, db, $"MinistryNews: {country.Name}", $"/countries/{country.Slug}", $"/feeds/countries/{country.Slug}.atom", await LatestAsync(db, db.Articles.Where(a => LinkTables.ArticlesOfCountries(db, new[] { country.Id }).Contains(a.Id)), ct), ct);
        });

        feeds.MapGet("/feeds/people/{slug}.atom", async (string slug, ArchiveDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
            return person is null
                ? Results.NotFound()
                : await ArticleFeedAsync(http, db, $"MinistryNews: {person.Name}", $"/people/{person.Slug}", $"/feeds/people/{person.Slug}.atom", await LatestAsync(db, db.Articles.Where(a => LinkTables.ArticlesOfPeople(db, new[] { person.Id }).Contains(a.Id)), ct), ct);
        });

        feeds.MapGet("/sitemap.xml", SitemapAsync);
        feeds.MapGet("/sitemaps/{n:int}.xml", SitemapPartAsync);
        feeds.MapGet("/robots.txt", (HttpContext http) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /search\nSitemap: {PublicAddress.Origin(http)}/sitemap.xml\n", "text/plain"));
        return app;
    }

    /// <summary>
    /// The latest articles of any article list: the filters and the search of <c>/articles</c> and <c>/search</c>, one
    /// feed for each combination, its title naming them and its self link the list's canonical query. A value the list
    /// cannot use is a 400 with problem details, as on the API.
    /// </summary>
    private static async Task<IResult> ArticlesAsync([AsParameters] ArticleQuery query, ArchiveDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var list = await ArticleList.ReadAsync(db, query with { Page = null, PageSize = null }, FeedSize, cancellationToken);
        if (list.Problems.Count > 0)
        {
            return BadQuery(list.Problems);
        }

        var ids = await list.FirstIdsAsync(ArticleSort.Newest, FeedSize, cancellationToken);
        return await ArticleFeedAsync(http, db, "MinistryNews: " + list.Describe(), list.Address(withSort: false), list.FeedAddress, ids, cancellationToken);
    }

    /// <summary>A feed's query with values its list cannot use: 400 with problem details that name each, as on the API.</summary>
    internal static IResult BadQuery(IReadOnlyList<string> problems) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The query has values the archive cannot use", detail: string.Join(" ", problems), extensions: new Dictionary<string, object?> { ["errors"] = problems });

    private static Task<List<int>> LatestAsync(ArchiveDbContext db, IQueryable<Article> articles, CancellationToken cancellationToken) =>
        articles.AsNoTracking().Sorted(db).Take(FeedSize).Select(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>A feed of these articles, in this order: each entry its page, its first paragraph, its countries.</summary>
    private static async Task<IResult> ArticleFeedAsync(HttpContext http, ArchiveDbContext db, string title, string page, string self, List<int> ids, CancellationToken cancellationToken)
    {
        var origin = PublicAddress.Origin(http);
        var articles = (await db.Articles.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Key, a.Slug, a.Title, a.PublishedOn, a.ChangedAtUtc, a.Body, Countries = a.Countries.Select(c => c.Name).ToList() })
                .ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id);
        var entries = ids.Where(articles.ContainsKey).Select(id =>
        {
            var a = articles[id];
            var url = new Uri(origin + ArticleLinks.Article(a.Key, a.Slug));
            // Stored text is cleaned at ingestion (StoredText); an article stored before that rule, whose file is gone, is
            // cleaned by the feed too.
            return new AtomEntry(
                url.ToString(),
                a.Title,
                new DateTimeOffset(a.ChangedAtUtc, TimeSpan.Zero),
                url,
                a.Body.FirstOrDefault(b => b.Kind == Core.Extraction.BlockKind.Paragraph)?.Text,
                a.PublishedOn is { } on ? new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null)
            {
                Categories = a.Countries,
            };
        }).ToList();
        return AtomFeed.Result(title, new Uri(origin + page), new Uri(origin + self), entries);
    }

    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// The site map: every address when they are no more than <see cref="ArchiveOptions.SitemapSize"/>, else an index of
    /// the files that list them that many at a time. Written whole before it is sent (with its length), so no client,
    /// whatever it asks for compression, gets a truncated or empty answer.
    /// </summary>
    private static async Task<IResult> SitemapAsync(HttpContext http, ArchiveDbContext db, IOptions<ArchiveOptions> options, CancellationToken cancellationToken)
    {
        var origin = PublicAddress.Origin(http);
        var paths = await SitemapPathsAsync(db, cancellationToken);
        var size = Math.Max(1, options.Value.SitemapSize);
        if (paths.Count <= size)
        {
            return UrlSet(origin, paths);
        }

        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNs);
            for (var n = 1; n <= (paths.Count + size - 1) / size; n++)
            {
                writer.WriteStartElement("sitemap", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, $"{origin}/sitemaps/{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}.xml");
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>One file of a site map split by its index: the <paramref name="n"/>th run of addresses (from 1).</summary>
    private static async Task<IResult> SitemapPartAsync(int n, ArchiveDbContext db, HttpContext http, IOptions<ArchiveOptions> options, CancellationToken cancellationToken)
    {
        var paths = await SitemapPathsAsync(db, cancellationToken);
        var size = Math.Max(1, options.Value.SitemapSize);
        return paths.Count <= size || n < 1 || (long)(n - 1) * size >= paths.Count
            ? Results.NotFound()
            : UrlSet(PublicAddress.Origin(http), paths.Skip((n - 1) * size).Take(size));
    }

    private static async Task<List<string>> SitemapPathsAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        List<string> paths = ["/", "/articles", "/countries", "/people", "/meetings", "/meetings/pairs", "/delegations", "/agreements"];
        paths.AddRange((await db.Articles.AsNoTracking().OrderBy(a => a.Key).Select(a => new { a.Key, a.Slug }).ToListAsync(cancellationToken))
            .Select(a => ArticleLinks.Article(a.Key, a.Slug)));
        paths.AddRange((await db.Countries.AsNoTracking().Where(c => c.Articles.Any()).OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken))
            .Select(slug => $"/countries/{slug}"));
        paths.AddRange((await db.People.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(cancellationToken))
            .Select(slug => $"/people/{slug}"));
        return paths;
    }

    private static IResult UrlSet(string origin, IEnumerable<string> paths) => Xml(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNs);
        foreach (var path in paths)
        {
            writer.WriteStartElement("url", SitemapNs);
            writer.WriteElementString("loc", SitemapNs, origin + path);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    private static IResult Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
