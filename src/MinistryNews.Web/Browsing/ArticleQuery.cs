using Microsoft.Extensions.Primitives;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// The query of the article list (<c>/articles</c>, <c>/search</c>, <c>/api/articles</c>, <c>/feeds/articles.atom</c>)
/// as the query string gives it. Every value is read as text, so that a bad one gets a message that says what is wrong
/// (a page shows it and leaves the filter out; the API answers 400 with problem details) rather than a binding error.
/// The API and the feed bind it with <c>[AsParameters]</c>, each property from the key of its name in any case
/// (<c>country</c>, <c>q</c>, <c>pageSize</c>); a page reads it from its query string with <see cref="Read"/>.
/// </summary>
public sealed record ArticleQuery
{
    /// <summary>Countries, by slug or by any name (japan, south-korea, Viet Nam); several combine with OR.</summary>
    public string[]? Country { get; init; }

    /// <summary>People, by slug or by name with or without accents (nguyen-manh-hung); several combine with OR.</summary>
    public string[]? Person { get; init; }

    /// <summary>The kind of event the article tells: meeting, delegation or agreement; several combine with OR.</summary>
    public string[]? Kind { get; init; }

    /// <summary>Published on or after this date: YYYY-MM-DD (or YYYY-MM, YYYY).</summary>
    public string? From { get; init; }

    /// <summary>Published on or before this date: YYYY-MM-DD (or YYYY-MM, YYYY).</summary>
    public string? To { get; init; }

    /// <summary>Published in this year (1 to 9999).</summary>
    public string? Year { get; init; }

    /// <summary>Published in this month (1 to 12) of the year given.</summary>
    public string? Month { get; init; }

    /// <summary>Words to search for in titles, texts, people and countries, as on /search.</summary>
    public string? Q { get; init; }

    /// <summary>The order: newest (the default without q), oldest, or relevance (the default with q).</summary>
    public string? Sort { get; init; }

    /// <summary>The page, from 1.</summary>
    public string? Page { get; init; }

    /// <summary>Items a page, 1 to 100 (20 when not given). The pages show 20 and do not read it.</summary>
    public string? PageSize { get; init; }

    /// <summary>The keys of the query string a page of articles reads through this record (all but the page size).</summary>
    public static IReadOnlyCollection<string> PageKeys { get; } =
        [QueryKey.Country, QueryKey.Person, QueryKey.Kind, QueryKey.From, QueryKey.To, QueryKey.Year, QueryKey.Month, QueryKey.Search, QueryKey.Sort, QueryKey.Page];

    /// <summary>The query as a page's query string gives it: the same keys, read as the API binds them.</summary>
    public static ArticleQuery Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ArticleQuery
        {
            Country = [.. query[QueryKey.Country].OfType<string>()],
            Person = [.. query[QueryKey.Person].OfType<string>()],
            Kind = [.. query[QueryKey.Kind].OfType<string>()],
            From = query[QueryKey.From].FirstOrDefault(),
            To = query[QueryKey.To].FirstOrDefault(),
            Year = query[QueryKey.Year].FirstOrDefault(),
            Month = query[QueryKey.Month].FirstOrDefault(),
            Q = query[QueryKey.Search].FirstOrDefault(),
            Sort = query[QueryKey.Sort].FirstOrDefault(),
            Page = query[QueryKey.Page].FirstOrDefault(),
            PageSize = query[QueryKey.PageSize].FirstOrDefault(),
        };
    }

    /// <summary>The values of a key of the query string, as <see cref="ArticleFilter"/> reads them.</summary>
    public StringValues Values(string key) => key switch
    {
        QueryKey.Country => Country,
        QueryKey.Person => Person,
        QueryKey.Kind => Kind,
        QueryKey.From => From,
        QueryKey.To => To,
        QueryKey.Year => Year,
        QueryKey.Month => Month,
        QueryKey.Search => Q,
        QueryKey.Sort => Sort,
        QueryKey.Page => Page,
        QueryKey.PageSize => PageSize,
        _ => StringValues.Empty,
    };
}
