using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace MinistryNews.Web.Browsing;

/// <summary>Links to the same list with one query value added, removed or replaced, so every view stays a plain GET URL.</summary>
public sealed class QueryLinks(string path, IQueryCollection query)
{
    public string Path { get; } = path;

    public string With(string key, string value) => Build(key, values => [.. values.Where(v => v != value), value]);

    public string Without(string key, string value) => Build(key, values => [.. values.Where(v => v != value)]);

    public string Toggle(string key, string value) => Has(key, value) ? Without(key, value) : With(key, value);

    public string Set(string key, string? value) => Build(key, _ => value is null ? [] : [value]);

    /// <summary>The value of <paramref name="key"/> set, and the keys it makes meaningless dropped (a new year drops the month).</summary>
    public string SetDropping(string key, string value, params string[] drop)
    {
        var builder = new QueryBuilder();
        foreach (var (k, values) in query.Where(q => q.Key != key && q.Key != QueryKey.Page && !drop.Contains(q.Key)))
        {
            foreach (var v in values.OfType<string>())
            {
                builder.Add(k, v);
            }
        }

        builder.Add(key, value);
        return Path + builder.ToQueryString();
    }

    public string Clear(params string[] keys)
    {
        var builder = new QueryBuilder();
        foreach (var (k, values) in query.Where(q => !keys.Contains(q.Key) && q.Key != QueryKey.Page))
        {
            foreach (var v in values.OfType<string>())
            {
                builder.Add(k, v);
            }
        }

        return Path + builder.ToQueryString();
    }

    public string Page(int page) => Build(QueryKey.Page, _ => page <= 1 ? [] : [page.ToString(System.Globalization.CultureInfo.InvariantCulture)], keepPage: true);

    public bool Has(string key, string value) => Values(key).Contains(value);

    private IEnumerable<string> Values(string key) =>
        query[key].SelectMany(v => (v ?? string.Empty).Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0);

    private string Build(string key, Func<IEnumerable<string>, IEnumerable<string>> change, bool keepPage = false)
    {
        var builder = new QueryBuilder();
        var done = false;
        foreach (var (k, values) in query)
        {
            if (k == QueryKey.Page && !keepPage)
            {
                continue;
            }

            IEnumerable<string> current = k == key ? change(Values(k)) : values.OfType<string>();
            done |= k == key;
            foreach (var v in current)
            {
                builder.Add(k, v);
            }
        }

        if (!done)
        {
            foreach (var v in change([]))
            {
                builder.Add(key, v);
            }
        }

        return Path + builder.ToQueryString();
    }
}

/// <summary>One page of a list as it was read: where the page is in the list, and its rows.</summary>
public interface IRowPage<out TRow>
{
    Paging Paging { get; }

    IReadOnlyList<TRow> Rows { get; }
}

/// <summary>A page of a list: which page, how many, and the links of the pager.</summary>
public sealed record Paging(int Number, int Size, int Total)
{
    public int Count => (int)Math.Max(1, (Total + Size - 1L) / Size);

    public int Skip => (Number - 1) * Size;

    public int FirstItem => Total == 0 ? 0 : Skip + 1;

    public int LastItem => Math.Min(Total, Skip + Size);

    /// <summary>The page asked for, kept within the list; a message when it was not.</summary>
    public static (Paging Paging, string? Message) Read(StringValues value, int size, int total)
    {
        var problems = new List<string>();
        var (paging, notice) = PageRequest.Read(value.FirstOrDefault(), null, size, problems).Within(total, lastWhenPast: true);
        return (paging, problems.Count > 0 ? problems[0] : notice);
    }
}
