using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MinistryNews.Web.Api;

/// <summary>
/// The API's parameters in its OpenAPI document as the lists read them: named as the query string writes them
/// (<c>country</c>, <c>pageSize</c>), typed (integers with their bounds, dates, the values a key takes as an enum), each
/// with an example that the list accepts. The parameters are bound from the query records the pages read, as text, so
/// that a bad value gets a problem that names it (400) rather than a binding error; the document says what a value must
/// be. <c>ApiContractTests</c> calls every operation with each parameter's example and with a value it refuses.
/// </summary>
public static class ApiContract
{
    private static readonly string[] ArticleSorts = ["newest", "oldest", "relevance"];

    /// <summary>Describes every parameter of an operation of the API, and the problems it answers (400, 404).</summary>
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var path = "/" + (context.Description.RelativePath ?? string.Empty).TrimEnd('/');
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            if (Schema(path, parameter.Name) is { } described)
            {
                parameter.Schema = described.Schema;
                parameter.Example = described.Example;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A parameter's schema and example by its key (and, for <c>kind</c> and <c>sort</c>, its list's path).</summary>
    private static (OpenApiSchema Schema, JsonNode? Example)? Schema(string path, string key) => key switch
    {
        QueryKey.Page => (Integer(1, null), 2),
        QueryKey.PageSize => (Integer(1, 100), 5),
        QueryKey.Year => (Integer(1, 9999), 2019),
        QueryKey.Month => (Integer(1, 12), 3),
        QueryKey.From => (PartialDate(), "2019-01-01"),
        QueryKey.To => (PartialDate(), "2018-12-31"),
        QueryKey.Country => (Texts(null), new JsonArray("japan")),
        QueryKey.Person => (Texts(null), new JsonArray("nguyen-manh-hung")),
        QueryKey.With => (Texts(null), new JsonArray("takaichi-sanae")),
        QueryKey.Organisation => (new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MeetingWith.MaxOrganisationLength }, "Ministry of Internal Affairs and Communications"),
        QueryKey.Search => (new OpenApiSchema { Type = JsonSchemaType.String }, "Japan"),
        QueryKey.Kind when path == "/api/articles" => (Texts(ArticleFilter.Kinds), new JsonArray("agreement")),
        QueryKey.Kind => (Values(Enum.GetNames<Core.Extraction.MeetingKind>().Select(n => n.ToLowerInvariant())), "multilateral"),
        QueryKey.Direction => (Values(["made", "hosted"]), "hosted"),
        QueryKey.Status => (Values(["in-force", "expired", "unknown"]), "in-force"),
        QueryKey.Sort => Sorts(path) is { } sorts ? (Values(sorts), sorts[1]) : null,
        "id" => (Integer(1, null), null),
        _ => null,
    };

    /// <summary>The orders a list takes: the articles' by name, an event list's columns each way ("-date": latest first).</summary>
    private static string[]? Sorts(string path)
    {
        var columns = path switch
        {
            "/api/articles" => null,
            "/api/meetings" => MeetingQuery.Keys.Sorting.Keys,
            "/api/delegations" => DelegationQuery.Keys.Sorting.Keys,
            "/api/agreements" => AgreementQuery.Keys.Sorting.Keys,
            _ => [],
        };
        return columns is null ? ArticleSorts : columns.Count == 0 ? null : [.. columns.SelectMany(c => new[] { c, "-" + c })];
    }

    private static OpenApiSchema Integer(int minimum, int? maximum) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A day (YYYY-MM-DD), or a month or a year (YYYY-MM, YYYY): a range's end takes its first or last day.</summary>
    private static OpenApiSchema PartialDate() => new()
    {
        AnyOf =
        [
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{4}(-(0[1-9]|1[0-2]))?$" },
        ],
    };

    private static OpenApiSchema Values(IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)],
    };

    /// <summary>Several values (the key repeated, or one value with commas), each from <paramref name="values"/> when given.</summary>
    private static OpenApiSchema Texts(IEnumerable<string>? values) => new()
    {
        Type = JsonSchemaType.Array,
        Items = values is null ? new OpenApiSchema { Type = JsonSchemaType.String } : Values(values),
    };
}
