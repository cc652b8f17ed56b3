namespace MinistryNews.Web.Browsing;

/// <summary>
/// The keys of the query string, named once. Each reader of the query says which keys it reads (the filters'
/// <see cref="ArticleFilter.Keys"/>, <see cref="EventFilter.Keys"/>...) and each page the keys of its readers
/// (<see cref="IReadsQuery"/>); any other key is dropped before the page runs (<c>Hosting/QueryNormalisation</c>), so it
/// neither changes an answer nor makes the output cache compute it again.
/// </summary>
public static class QueryKey
{
    public const string Country = "country";

    public const string Person = "person";

    public const string Kind = "kind";

    public const string From = "from";

    public const string To = "to";

    public const string Year = "year";

    public const string Month = "month";

    public const string Sort = "sort";

    public const string Page = "page";

    /// <summary>How many rows a page of a list holds.</summary>
    public const string PageSize = "pageSize";

    /// <summary>The download asked for ("csv", "json"; see <see cref="Export"/>).</summary>
    public const string Format = "format";

    /// <summary>The words searched for.</summary>
    public const string Search = "q";

    public const string Direction = "direction";

    public const string Status = "status";

    /// <summary>The meetings list's other participants: the meetings each of them took part in as well.</summary>
    public const string With = "with";

    /// <summary>The meetings list's organisation met, as written.</summary>
    public const string Organisation = "organisation";
}

/// <summary>
/// A page that reads keys of the query string itself (<c>Request.Query</c>), not only through its handler's parameters
/// (which are read from the handler). Any key it does not name is dropped before it runs.
/// </summary>
public interface IReadsQuery
{
    /// <summary>Every key of the query string the page reads by itself.</summary>
    static abstract IReadOnlyCollection<string> QueryKeys { get; }
}
