using System.Net;
using System.Text.Json;

namespace MinistryNews.Web.Tests.Api;

/// <summary>The API's lists bind the query record their pages read, and the OpenAPI document describes it.</summary>
public sealed class ListApiTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_document_every_key_of_the_article_query_with_its_description()
    {
        var parameters = await ParametersAsync("/api/articles");

        Assert.Equal(["country", "from", "kind", "month", "page", "pageSize", "person", "q", "sort", "to", "year"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("combine with OR", parameters["country"], StringComparison.Ordinal);
        Assert.Contains("relevance", parameters["sort"], StringComparison.Ordinal);
        Assert.Contains("1 to 100", parameters["pageSize"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_document_the_keys_of_the_people_and_country_queries()
    {
        Assert.Equal(["country", "page", "pageSize"], (await ParametersAsync("/api/people")).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["page", "pageSize"], (await ParametersAsync("/api/countries")).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/api/articles?sort=sideways", "“sideways” is not an order")]
    [InlineData("/api/articles?year=20x1", "“20x1” is not a year")]
    [InlineData("/api/articles?kind=picnic&q=semiconductor", "“picnic” is not a kind of event")]
    [InlineData("/api/articles?page=0", "“0” is not a page number")]
    [InlineData("/api/people?country=atlantis", "No country “atlantis”")]
    [InlineData("/api/countries?pageSize=0", "“0” is not a valid pageSize")]
    public async Task Should_answer_a_value_the_query_cannot_use_with_400_and_what_is_wrong(string url, string detail)
    {
        var problem = await archive.ProblemAsync(url);

        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_give_the_search_best_match_first_as_the_search_page_does_unless_sorted_by_date()
    {
        var page = await archive.PageAsync("/search?q=digital%20transformation");
        var shown = page.QuerySelectorAll(".search-results a.title").Select(a => a.GetAttribute("href")).ToList();

        var ranked = await ItemsAsync("/api/articles?q=digital%20transformation&pageSize=20");
        var newest = await ItemsAsync("/api/articles?q=digital%20transformation&sort=newest&pageSize=100");

        Assert.True(shown.Count > 1);
        Assert.Equal(shown, ranked.Select(i => i.GetProperty("url").GetString()));
        var dates = newest.Select(i => i.GetProperty("published").GetString()).OfType<string>().ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    private async Task<Dictionary<string, string>> ParametersAsync(string path)
    {
        using var document = JsonDocument.Parse(await archive.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty, StringComparer.Ordinal);
    }

    private async Task<List<JsonElement>> ItemsAsync(string url)
    {
        using var document = JsonDocument.Parse(await archive.Client.GetStringAsync(new Uri(url, UriKind.Relative)));
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone())];
    }
}
