using System.Text.Json;

namespace MinistryNews.Web.Tests;

/// <summary>An address of every kind of page the site has, for the checks that walk them all (axe-core, the Nu Html Checker).</summary>
public static class PageKinds
{
    /// <summary>A page of each kind, those of one thing (an article, a person, an office, an agreement) taken from the lists.</summary>
    public static async Task<List<(string Label, string Url)>> AddressesAsync(Uri baseAddress, HttpClient? client = null)
    {
        using var own = client is null ? new HttpClient { BaseAddress = baseAddress } : null;
        var http = client ?? own!;
        async Task<JsonElement> ItemsAsync(string api)
        {
            using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri(api, UriKind.Relative)));
            return list.RootElement.GetProperty("items").Clone();
        }

        var article = (await ItemsAsync("/api/articles?country=japan"))[0].GetProperty("url").GetString();
        var people = await ItemsAsync("/api/people");
        var person = people[0].GetProperty("slug").GetString();
        var office = people.EnumerateArray().SelectMany(p => p.GetProperty("offices").EnumerateArray()).First().GetProperty("slug").GetString();
        var agreement = (await ItemsAsync("/api/agreements"))[0].GetProperty("url").GetString();
        return
        [
            ("home", "/"), ("articles", "/articles"), ("articles-filtered", "/articles?country=japan&kind=meeting"), ("article", article!),
            ("search", "/search?q=minister"), ("search-empty", "/search"), ("meetings", "/meetings"), ("pairs", "/meetings/pairs"), ("delegations", "/delegations"),
            ("agreements", "/agreements"), ("agreement", agreement!), ("people", "/people"), ("person", $"/people/{person}"),
            ("countries", "/countries"), ("country", "/countries/japan"), ("home-country", "/countries/vietnam"), ("offices", "/offices"),
            ("office", $"/offices/{office}"), ("archive", "/archive"), ("archive-year", "/archive/2019"), ("archive-month", "/archive/2019/3"),
            ("facet", "/facets/country"), ("api", "/api"), ("sign-in", "/editors/sign-in"), ("corrections", "/corrections"), ("article-corrections", $"/corrections/{article!.Split('/')[2]}"),
            ("report", $"/report?article={article!.Split('/')[2]}&fact=Meeting%201"), ("report-thanks", $"/report/thanks?article={article.Split('/')[2]}"), ("error", "/no-such-page"),
        ];
    }
}
