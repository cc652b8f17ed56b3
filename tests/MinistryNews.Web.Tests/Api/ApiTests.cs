using System.Net;
using System.Text.Json;

namespace MinistryNews.Web.Tests.Api;

/// <summary>The JSON API on the data folder (on 1 June 2022): each endpoint's JSON, paging, problem details, the OpenAPI document.</summary>
public sealed class ApiTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_list_articles_with_filters_paging_and_links_to_the_next_page()
    {
        // Laos: the ADGMIN conference of January 2025 (004), then the minister's visit to Vientiane of March 2019 (dev04).
        var first = await JsonAsync("/api/articles?country=laos&pageSize=1");
        var second = await JsonAsync(first.GetProperty("next").GetString()!);

        Assert.Equal(2, first.GetProperty("total").GetInt32());
        Assert.Equal("2025-01-18", Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        Assert.Equal("/api/articles?country=laos&pageSize=1&page=2", first.GetProperty("next").GetString());
        var last = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal("2019-03-13", last.GetProperty("published").GetString());
        Assert.Equal("laos", last.GetProperty("countries")[0].GetProperty("slug").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Should_give_one_article_with_its_facts_and_their_sentences()
    {
        var (id, _, title) = await archive.App.ArticleAsync("002_43bc5bf8eb7e91f7.txt");

        var article = await JsonAsync($"/api/articles/{id}");

        Assert.Equal(title, article.GetProperty("title").GetString());
        Assert.Equal("2020-01-10", article.GetProperty("published").GetString());
        Assert.Equal("Dateline", article.GetProperty("publishedFrom").GetString());
        var agreement = Assert.Single(article.GetProperty("agreements").EnumerateArray());
        Assert.Equal("Memorandum of Understanding", agreement.GetProperty("kind").GetString());
        Assert.Equal("2020-01-09", agreement.GetProperty("signedOn").GetString());
        Assert.Equal("in-force", agreement.GetProperty("status").GetString());
        Assert.Equal(["nguyen-manh-hung", "takaichi-sanae"], agreement.GetProperty("signatories").EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        Assert.StartsWith("After the meeting", agreement.GetProperty("evidence").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_countries_people_meetings_delegations_and_agreements()
    {
        var countries = await JsonAsync("/api/countries");
        var people = await JsonAsync("/api/people?country=south-korea");
        var meetings = await JsonAsync("/api/meetings?kind=multilateral");
        var delegations = await JsonAsync("/api/delegations?direction=hosted");
        var agreements = await JsonAsync("/api/agreements?status=in-force");

        Assert.Equal("japan", countries.GetProperty("items")[0].GetProperty("slug").GetString());
        Assert.Equal(["Lee Jong-ho", "Lee Myung-Bak", "Moon Seok Yang"], people.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        await using var db = archive.App.OpenDatabase();
        Assert.Equal(db.Meetings.Count(m => m.Kind == Core.Extraction.MeetingKind.Multilateral), meetings.GetProperty("total").GetInt32());
        Assert.All(meetings.GetProperty("items").EnumerateArray(), m => Assert.Equal("multilateral", m.GetProperty("kind").GetString()));
        Assert.All(delegations.GetProperty("items").EnumerateArray(), d => Assert.Equal("vietnam", d.GetProperty("destinations")[0].GetProperty("slug").GetString()));
        Assert.Equal(db.Delegations.Count(d => d.Destinations.Any(c => c.Slug == "vietnam")), delegations.GetProperty("total").GetInt32());
        Assert.Equal("japan", Assert.Single(agreements.GetProperty("items").EnumerateArray()).GetProperty("countries")[0].GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("/api/articles", 2)]
    [InlineData("/api/articles", 21474837)]
    [InlineData("/api/articles", int.MaxValue)]
    [InlineData("/api/countries", int.MaxValue)]
    [InlineData("/api/people", int.MaxValue)]
    [InlineData("/api/meetings", int.MaxValue)]
    [InlineData("/api/delegations", int.MaxValue)]
    [InlineData("/api/agreements", int.MaxValue)]
    public async Task Should_answer_a_page_past_the_last_with_no_items_and_a_link_back_to_the_last_page(string list, int page)
    {
        var all = await JsonAsync($"{list}?pageSize=100");
        var past = await JsonAsync($"{list}?pageSize=100&page={page}");

        Assert.NotEqual(0, all.GetProperty("items").GetArrayLength());
        Assert.Equal(all.GetProperty("total").GetInt32(), past.GetProperty("total").GetInt32());
        Assert.Equal(page, past.GetProperty("page").GetInt32());
        Assert.Equal(0, past.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, past.GetProperty("next").ValueKind);
        Assert.Equal($"{list}?pageSize=100&page=1", past.GetProperty("previous").GetString());
    }

    [Theory]
    [InlineData("/api/articles?from=notadate", 400, "is not a date")]
    [InlineData("/api/articles?pageSize=1000", 400, "is not a valid pageSize")]
    [InlineData("/api/meetings?kind=picnic", 400, "is not a kind of meeting")]
    [InlineData("/api/agreements?status=maybe", 400, "is not a status")]
    [InlineData("/api/articles/99999", 404, "no article '99999'")]
    public async Task Should_answer_errors_as_problem_details(string url, int status, string detail)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_describe_every_endpoint_in_the_openapi_document_and_link_it_from_the_reference_page()
    {
        var document = await JsonAsync("/openapi/v1.json");
        var page = await archive.PageAsync("/api");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/api/agreements", "/api/agreements/{id}", "/api/articles", "/api/articles/{key}", "/api/countries", "/api/delegations", "/api/meetings", "/api/people"], paths);
        var parameters = document.GetProperty("paths").GetProperty("/api/articles").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Country", parameters, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("PageSize", parameters, StringComparer.OrdinalIgnoreCase);
        Assert.NotNull(page.QuerySelector("a[href='/openapi/v1.json']"));
        Assert.Equal(8, page.QuerySelectorAll(".api-reference tbody tr").Length);
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
