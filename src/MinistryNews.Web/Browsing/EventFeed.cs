using Microsoft.AspNetCore.Http.Extensions;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// How an event list names itself and its filters: its address (<c>meetings</c>), what it holds, what its country and
/// person filters mean for its events, and its own filter (a meeting's <c>kind</c>...) with the words of each value.
/// </summary>
/// <param name="Name">The list's address and its feed's name: <c>/meetings</c>, <c>/feeds/meetings.atom</c>.</param>
/// <param name="Noun">What the list holds, when its own filter is not chosen ("meetings").</param>
/// <param name="Countries">What a country filter means: "with" (Japan or Laos).</param>
/// <param name="People">What a person filter means: "attended by" (Nguyễn Mạnh Hùng).</param>
/// <param name="OwnKey">The key of the list's own filter (<c>kind</c>, <c>direction</c>, <c>status</c>).</param>
/// <param name="Own">What the list holds for each value of its own filter ("bilateral" → "bilateral meetings").</param>
public sealed record EventListWords(string Name, string Noun, string Countries, string People, string OwnKey, IReadOnlyDictionary<string, string> Own)
{
    public static readonly EventListWords Meetings = new("meetings", "meetings", "with", "attended by", QueryKey.Kind, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bilateral"] = "bilateral meetings",
        ["multilateral"] = "multilateral meetings",
        ["domestic"] = "domestic meetings",
    });

    public static readonly EventListWords Delegations = new("delegations", "delegations", "from or to", "led or joined by", QueryKey.Direction, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["made"] = "visits made by Vietnam",
        ["hosted"] = "visits hosted by Vietnam",
    });

    public static readonly EventListWords Agreements = new("agreements", "agreements", "with", "signed by", QueryKey.Status, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["in-force"] = "agreements in force",
        ["expired"] = "expired agreements",
        ["unknown"] = "agreements of unknown status",
    });
}

/// <summary>
/// The Atom feed of an event list as its query was understood: its filters (the countries and people by slug, the dates
/// as days, its own filter's value), never its sort or page, since a feed is always the latest events. The list's page
/// links it and names it in its head; the feed takes the same address for its id and self link, the page's for its
/// alternate link, and the same title.
/// </summary>
/// <param name="Own">The value of the list's own filter as the address writes it ("bilateral"), when one is chosen.</param>
/// <param name="Kept">The list's other filters (a meeting's <c>with</c> and <c>organisation</c>), when any.</param>
public sealed record EventFeed(EventListWords Words, EventFilter Filter, string? Own, IReadOnlyList<ListFilterValue>? Kept = null)
{
    /// <summary>The feed: <c>/feeds/meetings.atom?country=japan&amp;kind=bilateral</c>.</summary>
    public string Address => $"/feeds/{Words.Name}.atom{Query}";

    /// <summary>The list's page with the same filters.</summary>
    public string Page => $"/{Words.Name}{Query}";

    /// <summary>The feed's title: "MinistryNews: bilateral meetings with Japan, attended by Nguyễn Mạnh Hùng, of 2019".</summary>
    public string Title
    {
        get
        {
            var common = Filter.Common;
            var parts = new List<string>();
            if (common.Countries.Count > 0)
            {
                parts.Add($"{Words.Countries} {string.Join(" or ", common.Countries.Select(c => c.Name))}");
            }

            if (common.People.Count > 0)
            {
                parts.Add($"{Words.People} {string.Join(" or ", common.People.Select(p => p.Name))}");
            }

            parts.AddRange(Kept?.Select(k => k.Words) ?? []);
            parts.AddRange(common.DescribeDates());
            var what = Own is not null && Words.Own.TryGetValue(Own, out var own) ? own : Words.Noun;
            return "MinistryNews: " + what + (parts.Count == 0 ? string.Empty : " " + string.Join(", ", parts));
        }
    }

    /// <summary>The filters as a query string, each key once, in the order of their names (as the query normalisation orders them).</summary>
    private string Query
    {
        get
        {
            var common = Filter.Common;
            var values = new List<KeyValuePair<string, string>>();
            values.AddRange(common.Countries.Select(c => KeyValuePair.Create(QueryKey.Country, c.Slug)));
            values.AddRange(common.People.Select(p => KeyValuePair.Create(QueryKey.Person, p.Slug)));
            if (common.From is { } from)
            {
                values.Add(KeyValuePair.Create(QueryKey.From, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            if (common.To is { } to)
            {
                values.Add(KeyValuePair.Create(QueryKey.To, to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            if (common.Year is { } year)
            {
                values.Add(KeyValuePair.Create(QueryKey.Year, year.ToString(CultureInfo.InvariantCulture)));
                if (common.Month is { } month)
                {
                    values.Add(KeyValuePair.Create(QueryKey.Month, month.ToString(CultureInfo.InvariantCulture)));
                }
            }

            if (Own is not null)
            {
                values.Add(KeyValuePair.Create(Words.OwnKey, Own));
            }

            values.AddRange(Kept?.Select(k => KeyValuePair.Create(k.Key, k.Value)) ?? []);

            return new QueryBuilder(values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase)).ToQueryString().Value ?? string.Empty;
        }
    }
}
