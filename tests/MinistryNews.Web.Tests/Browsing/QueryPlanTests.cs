using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Browsing;

/// <summary>
/// Every filter of the article list reads an index: EXPLAIN QUERY PLAN of its query shows no scan of the articles or of
/// the tables that link them to countries and people, so a filter costs the rows it finds, not the size of the archive.
/// </summary>
public sealed class QueryPlanTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [SqliteTheory]
    [InlineData("country=japan")]
    [InlineData("country=japan&country=laos")]
    [InlineData("person=nguyen-manh-hung")]
    [InlineData("from=2019-01-01&to=2019-12-31")]
    [InlineData("year=2019&month=3")]
    [InlineData("country=japan&person=nguyen-manh-hung&from=2015-01-01")]
    [InlineData("")]
    public async Task Should_read_an_index_for_each_filter(string query)
    {
        var plan = await ListPlanAsync(query);

        // No check of every article one by one, and no scan but the walk down the date index that the newest-first
        // page of the unfiltered list stops after 20 rows.
        Assert.DoesNotContain(plan, line => line.Contains("CORRELATED", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal)
            && !(query.Length == 0 && line.Contains("USING COVERING INDEX IX_Articles_PublishedOn_Id", StringComparison.Ordinal)));
    }

    [SqliteTheory]
    [InlineData("kind=meeting")]
    [InlineData("country=japan&kind=meeting&year=2019")]
    [InlineData("kind=delegation&kind=agreement&from=2019-01-01")]
    public async Task Should_check_the_kind_of_each_article_the_other_filters_find_through_the_event_index(string query)
    {
        var plan = await ListPlanAsync(query);

        // The articles come from an index (the date index, walked newest first, when no other filter narrows them); the
        // kind is one seek per article in the event table's ArticleId index, never a scan of an event table.
        Assert.All(plan.Where(line => line.StartsWith("SCAN", StringComparison.Ordinal)), line => Assert.Contains("USING COVERING INDEX IX_Articles_PublishedOn_Id", line, StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("_ArticleId (ArticleId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal) && (line.Contains("Meetings", StringComparison.Ordinal) || line.Contains("Delegations", StringComparison.Ordinal) || line.Contains("Agreements", StringComparison.Ordinal)));
    }

    /// <summary>The plan of the first page of /articles with this query string (whose filters must all be understood).</summary>
    private async Task<List<string>> ListPlanAsync(string query)
    {
        await using var db = archive.App.OpenDatabase();
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        var filter = await ArticleFilter.ReadAsync(db, new QueryCollection(values), CancellationToken.None);
        Assert.Empty(filter.Messages);
        return await PlanAsync(db, filter.Apply(db.Articles).Sorted(db).Take(20).Select(a => a.Id));
    }

    private static async Task<List<string>> PlanAsync<T>(Microsoft.EntityFrameworkCore.DbContext db, IQueryable<T> query)
    {
        var sql = query.ToQueryString().Split('\n');
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        foreach (var line in sql.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = parts[3].Trim().Trim('\'');
            command.Parameters.Add(parameter);
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.NotEmpty(plan);
        return plan;
    }
}
