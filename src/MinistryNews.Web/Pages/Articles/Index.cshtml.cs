namespace MinistryNews.Web.Pages.Articles;

/// <summary>
/// All the articles, 20 a page, with filters that combine and facets whose counts follow the filters chosen:
/// each facet counts the articles that pass every other filter, so its values combine with OR.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db, ArchiveSummary summary) : PageModel, IReadsQuery
{
    public static IReadOnlyCollection<string> QueryKeys { get; } = [.. ArticleQuery.PageKeys, QueryKey.Format];

    public ArticleList List { get; private set; } = null!;

    public ArticleFilter Filter => List.Filter;

    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, ArticleList.PageSize, 0);

    public QueryLinks Links { get; private set; } = null!;

    public bool OldestFirst => List.Sort == ArticleSort.Oldest;

    public List<string> Messages { get; } = [];

    public ArticleFacets Facets { get; private set; } = new([], [], [], []);

    /// <summary>The list's articles by year (by month, for a list of one year), and of them those that tell each kind of event.</summary>
    public ActivityChart Activity { get; private set; } = null!;

    public FacetPanel Panel => new(Facets, Links, Filter, List.SortValue, List.IsSearch ? List.Search : null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        List = await ArticleList.ReadAsync(db, ArticleQuery.Read(Request.Query), ArticleList.PageSize, cancellationToken);
        Messages.AddRange(List.Problems);
        Links = new QueryLinks("/articles", Request.Query);
        if (await List.FormatAsync(HttpContext, "articles", cancellationToken) is { } formatted)
        {
            return formatted;
        }

        var results = await List.PageAsync(lastWhenPast: true, cancellationToken);
        Paging = results.Paging;
        Articles = results.Rows;
        if (results.PageNotice is { } notice)
        {
            Messages.Add(notice);
        }

        // A search that finds every article narrows nothing: its chart and facets are the archive's, already counted.
        var everything = List.IsSearch && Filter.IsEmpty && Paging.Total == await List.ArchiveSizeAsync(cancellationToken);
        Activity = new ActivityChart(
            "activity",
            Filter.Year is { } year ? $"These articles month by month in {year}" : "These articles year by year",
            await ActivityCounts.OfListAsync(db, List, summary, everything, cancellationToken),
            Filter.Year,
            Filter.ChosenKinds,
            ActivityChart.ListLinks("/articles", Request.Query));
        Facets = List.IsSearch && !everything
            ? await ArticleFacets.CountAsync(db, List.Matches, Filter, null, cancellationToken)
            : await ArticleFacets.CountAsync(db, null, Filter, await summary.GetAsync(db, cancellationToken), cancellationToken);
        return Page();
    }
}
