namespace MinistryNews.Web;

/// <summary>The "Archive" configuration section (environment variables: <c>Archive__Database</c>, <c>Archive__DataPath</c>...).</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>The folder of press releases; a relative path is taken from the app's content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// The database server: <c>Sqlite</c> (embedded, the default: the file <see cref="Database"/>) or <c>PostgreSQL</c>
    /// (the connection string <c>ConnectionStrings:Archive</c>).
    /// </summary>
    public Core.ArchiveProvider Provider { get; set; } = Core.ArchiveProvider.Sqlite;

    /// <summary>The SQLite database file; a relative path is taken from the app's content root.</summary>
    public string Database { get; set; } = "ministrynews.db";

    /// <summary>Whether files that appear or change in the data folder are ingested while the app runs.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// Requests a client may make a minute that the output cache does not answer (pages, searches, exports, feeds and
    /// API calls computed afresh); more get 429 with Retry-After. Answers from the cache are never limited.
    /// </summary>
    public int CostlyRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Requests one client may have computed afresh, or waiting to be, at once (so that its many connections hold no more
    /// of the site's turn than a visitor's); more get 429.
    /// </summary>
    public int ConcurrentRequestsPerClient { get; set; } = 2;

    /// <summary>
    /// Answers computed afresh at once, for all clients together; a few more per slot wait their turn, the next get 503
    /// with Retry-After. One less than the processor's cores (at least one), so that one is left for the answers from
    /// the cache and the health checks.
    /// </summary>
    public int ConcurrentUncachedRequests { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// Reports of a mistake (<c>/report</c>) one client may send an hour; more get 429 with Retry-After. Reading the form
    /// is not counted: only sending it.
    /// </summary>
    public int ReportsPerHour { get; set; } = 5;

    /// <summary>
    /// Whether pages, exports and API answers are kept in memory and served again until the archive changes (any
    /// process's commit; see <see cref="Hosting.GenerationWatch"/>), or an hour passes.
    /// </summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// On PostgreSQL, whether the instance listens for the archive's changes (<c>LISTEN</c>). Turn it off behind a
    /// connection pooler that cannot hold a listening session (PgBouncer in transaction mode): requests then read the
    /// archive's generation, at most once a second, as on SQLite.
    /// </summary>
    public bool ListenForChanges { get; set; } = true;

    /// <summary>How editors sign in (<c>Archive:Editors:MaxFailedSignIns</c>, <c>Lockout</c>, <c>Session</c>).</summary>
    public Editors.EditorOptions Editors { get; set; } = new();

    /// <summary>
    /// The limits a file must keep to be stored (<c>Archive:Limits:MaxFileBytes</c>, <c>MaxTextCharacters</c>,
    /// <c>MaxEntitiesPerArticle</c>); a file over a limit is rejected with a message naming it.
    /// </summary>
    public Core.Ingestion.IngestionOptions Limits { get; set; } = new();

    /// <summary>
    /// The site's public address (<c>https://news.example.gov.vn</c>: a scheme and a host, no path). When set, every
    /// absolute link — robots.txt, the site map, the feeds, the OpenAPI document — starts with it, and a request for any
    /// other host gets 400 (it becomes <c>AllowedHosts</c>). Unset (development, tests), links follow the request's own
    /// Host header: production must set it.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>
    /// The most addresses one site map lists (the protocol's limit is 50,000): past it, <c>/sitemap.xml</c> is an index
    /// of <c>/sitemaps/{n}.xml</c> files of this many addresses each.
    /// </summary>
    public int SitemapSize { get; set; } = 50_000;

    /// <summary>The largest query string a request may carry, in characters; longer ones get 414.</summary>
    public int MaxQueryStringLength { get; set; } = 2_048;
}
