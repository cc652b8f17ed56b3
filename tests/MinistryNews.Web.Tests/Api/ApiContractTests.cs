using System.Globalization;
using System.Net;
using System.Text.Json;

namespace MinistryNews.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is the API's contract: every operation is called with each of its parameters' documented
/// examples (answered 200, and a filter's example narrows the list, so that no parameter is documented and ignored)
/// and with a value its schema refuses (answered 400 with problem details that name it); an unknown item is a 404
/// problem, as documented.
/// </summary>
public sealed class ApiContractTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    /// <summary>The parameters that choose how a list is shown (its page and order), not which rows it holds.</summary>
    private static readonly string[] Presentation = ["page", "pageSize", "sort"];

    [Fact]
    public async Task Should_document_every_parameter_with_a_lower_case_name_a_type_and_a_description_and_every_problem()
    {
        var operations = await OperationsAsync();
        Assert.Equal(8, operations.Count);
        foreach (var (path, operation) in operations)
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("200", out _), $"{path}: no 200");
            var problem = path.Contains('{', StringComparison.Ordinal) ? "404" : "400";
            Assert.True(responses.TryGetProperty(problem, out var refused) && refused.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path}: no {problem} problem response");
            foreach (var parameter in Parameters(operation))
            {
                var name = parameter.GetProperty("name").GetString()!;
                Assert.Matches("^[a-z][A-Za-z]*$", name);
                var schema = parameter.GetProperty("schema");
                Assert.True(schema.TryGetProperty("type", out _) || schema.TryGetProperty("anyOf", out _), $"{path} {name}: no type");
                if (name is "page" or "pageSize" or "year" or "month" or "id")
                {
                    Assert.Equal("integer", schema.GetProperty("type").GetString());
                }

                if (name is "from" or "to")
                {
                    Assert.Contains(schema.GetProperty("anyOf").EnumerateArray(), s => s.TryGetProperty("format", out var f) && f.GetString() == "date");
                }

                if (parameter.GetProperty("in").GetString() == "query")
                {
                    Assert.False(string.IsNullOrWhiteSpace(parameter.TryGetProperty("description", out var d) ? d.GetString() : null), $"{path} {name}: no description");
                    Assert.True(parameter.TryGetProperty("example", out _), $"{path} {name}: no example");
                }
            }
        }
    }

    [Fact]
    public async Task Should_answer_each_documented_example_and_narrow_the_list_with_each_filter()
    {
        var checkedParameters = 0;
        foreach (var (path, operation) in (await OperationsAsync()).Where(o => !o.Path.Contains('{', StringComparison.Ordinal)))
        {
            var whole = await TotalAsync(path);
            Assert.True(whole > 1, $"{path}: {whole} rows");
            foreach (var parameter in Parameters(operation))
            {
                var name = parameter.GetProperty("name").GetString()!;
                var query = Query(name, parameter.GetProperty("example"));
                var total = await TotalAsync($"{path}?{query}");
                if (!Presentation.Contains(name))
                {
                    Assert.True(total < whole, $"{path}?{query}: {total} of {whole}, the filter changed nothing");
                }

                checkedParameters++;
            }

            // Every documented order is taken.
            foreach (var parameter in Parameters(operation).Where(p => p.GetProperty("name").GetString() == "sort"))
            {
                foreach (var value in parameter.GetProperty("schema").GetProperty("enum").EnumerateArray())
                {
                    await TotalAsync($"{path}?sort={value.GetString()}" + (value.GetString() == "relevance" ? "&q=minister" : string.Empty));
                }
            }
        }

        Assert.True(checkedParameters > 40, $"{checkedParameters} parameters");
    }

    [Fact]
    public async Task Should_refuse_a_value_each_parameters_schema_refuses_with_a_problem_that_names_it()
    {
        var refusals = 0;
        foreach (var (path, operation) in (await OperationsAsync()).Where(o => !o.Path.Contains('{', StringComparison.Ordinal)))
        {
            foreach (var parameter in Parameters(operation))
            {
                var name = parameter.GetProperty("name").GetString()!;
                foreach (var bad in Refused(name, parameter.GetProperty("schema")))
                {
                    var url = $"{path}?{name}={Uri.EscapeDataString(bad)}";
                    using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains(bad.Length > 20 ? bad[..20] : bad, StringComparison.Ordinal) || e.GetString()!.Contains(name, StringComparison.Ordinal));
                    refusals++;
                }
            }
        }

        Assert.True(refusals > 40, $"{refusals} refusals");
    }

    [Theory]
    [InlineData("/api/articles/{key}", "/api/articles", "key")]
    [InlineData("/api/agreements/{id}", "/api/agreements", "id")]
    public async Task Should_answer_an_item_and_a_problem_for_an_unknown_one(string template, string list, string field)
    {
        Assert.Contains(await OperationsAsync(), o => o.Path == template);
        using var page = JsonDocument.Parse(await archive.Client.GetStringAsync(new Uri(list, UriKind.Relative)));
        var known = page.RootElement.GetProperty("items")[0].GetProperty(field).ToString();
        using var found = await archive.Client.GetAsync(new Uri(template.Replace($"{{{field}}}", known, StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);

        foreach (var unknown in new[] { "999999", "no-such-thing" })
        {
            using var missing = await archive.Client.GetAsync(new Uri(template.Replace($"{{{field}}}", unknown, StringComparison.Ordinal), UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
            Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        }
    }

    private static List<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    /// <summary>A parameter's example as a query string; a month needs its year.</summary>
    private static string Query(string name, JsonElement example)
    {
        var values = example.ValueKind == JsonValueKind.Array ? example.EnumerateArray().Select(v => v.ToString()) : [example.ToString()];
        var query = string.Join('&', values.Select(v => $"{name}={Uri.EscapeDataString(v)}"));
        return name == "month" ? $"{query}&year=2019" : query;
    }

    /// <summary>Values the schema refuses: not an integer or past its bounds, not a date, not one of its values; a name the archive does not know.</summary>
    private static IEnumerable<string> Refused(string name, JsonElement schema)
    {
        if (name is "country" or "person" or "with")
        {
            yield return "atlantis-nowhere";
            yield break;
        }

        if (name == "organisation")
        {
            yield return "Ministry of Atlantis";
            yield break;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "integer")
        {
            yield return "abc";
            yield return "0";
            if (schema.TryGetProperty("maximum", out var maximum))
            {
                yield return (maximum.GetInt32() + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        if (schema.TryGetProperty("anyOf", out _))
        {
            yield return "2019-13-45";
        }

        if (schema.TryGetProperty("enum", out _) || (schema.TryGetProperty("items", out var items) && items.TryGetProperty("enum", out _)))
        {
            yield return "bogus";
        }
    }

    private async Task<int> TotalAsync(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
        using var page = JsonDocument.Parse(body);
        return page.RootElement.GetProperty("total").GetInt32();
    }

    private async Task<List<(string Path, JsonElement Operation)>> OperationsAsync()
    {
        using var document = JsonDocument.Parse(await archive.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Value.Clone())))];
    }
}
