using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Generation;

namespace MinistryNews.Core.Tests.Ingestion;

/// <summary>
/// The quick form of the ingest benchmark (tests/MinistryNews.Benchmarks): a few thousand generated articles stored in
/// batches, checked for what they say rather than for how fast.
/// </summary>
public sealed class ScaleTests
{
    private const int Count = 2500;

    [Fact]
    public async Task Should_store_a_generated_corpus_with_every_fact_its_gold_holds_and_skip_it_unchanged()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        long meetings = 0, delegations = 0, agreements = 0;
        foreach (var article in new CorpusGenerator(Gazetteer.Default, 7).Generate(Count))
        {
            archive.WriteFile(article.FileName, article.Text);
            var gold = JsonNode.Parse(article.GoldJson)!.AsObject();
            meetings += gold["meetings"]!.AsArray().Count;
            delegations += gold["delegations"]!.AsArray().Count;
            agreements += gold["agreements"]!.AsArray().Count;
        }

        var first = await archive.IngestAsync();
        var again = await archive.IngestAsync();

        Assert.Equal(Count, first.Added);
        Assert.Equal(0, first.Failed);
        Assert.Equal(Count, again.Unchanged);
        await using var db = archive.Open();
        Assert.Equal(Count, await db.Articles.CountAsync());
        Assert.Equal(meetings, await db.Meetings.CountAsync());
        Assert.Equal(delegations, await db.Delegations.CountAsync());
        Assert.Equal(agreements, await db.Agreements.CountAsync());

        // Every article is found by its title in the full-text index, and names one person per person row at most once.
        Assert.Equal(Count, await db.Database.SqlQuery<int>($"""SELECT CAST(count(*) AS INTEGER) AS "Value" FROM "ArticleSearch" """).SingleAsync());
        Assert.Equal(0, await db.Database.SqlQuery<int>($"""SELECT CAST(count(*) AS INTEGER) AS "Value" FROM (SELECT "Slug" FROM "People" GROUP BY "Slug" HAVING count(*) > 1) AS duplicates""").SingleAsync());
        Assert.Equal("ok", await TestDatabase.CheckAsync(archive.Storage));

        // A run of this many articles leaves each full-text index in one segment, each word's list read in one piece.
        if (db.Database.IsSqlite())
        {
            Assert.Equal(1, await db.Database.SqlQuery<int>($"""SELECT CAST(count(DISTINCT segid) AS INTEGER) AS "Value" FROM ArticleSearch_idx""").SingleAsync());
            Assert.Equal(1, await db.Database.SqlQuery<int>($"""SELECT CAST(count(DISTINCT segid) AS INTEGER) AS "Value" FROM ArticleSearchStemmed_idx""").SingleAsync());
            Assert.Equal(1, await db.Database.SqlQuery<int>($"""SELECT CAST(count(DISTINCT segid) AS INTEGER) AS "Value" FROM ArticleSearchExact_idx""").SingleAsync());
        }
    }
}
