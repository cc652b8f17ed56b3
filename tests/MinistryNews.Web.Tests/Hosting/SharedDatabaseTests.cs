using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryNews.Core;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Generation;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Web.Tests.Hosting;

/// <summary>Several instances share one PostgreSQL database: only one ingests at a time, and no article is stored twice.</summary>
public sealed class SharedDatabaseTests : IDisposable
{
    private const int Count = 600;

    private readonly string _root = Directory.CreateTempSubdirectory("ministrynews-shared").FullName;

    [PostgreSqlFact]
    public async Task Should_store_each_article_once_when_two_instances_ingest_the_same_folder_at_once()
    {
        var storage = TestDatabase.Create(_root);
        try
        {
            var folder = Path.Combine(_root, "data");
            Directory.CreateDirectory(folder);
            foreach (var article in new CorpusGenerator(Gazetteer.Default, 23).Generate(Count))
            {
                await File.WriteAllTextAsync(Path.Combine(folder, article.FileName), article.Text);
            }

            var options = ArchiveDatabase.Options(storage);
            await using (var db = new ArchiveDbContext(options))
            {
                await ArchiveDatabase.MigrateAsync(db);
            }

            using var first = new Ingestor(new ArchiveContextFactory(options), ArticleExtractor.Default, new IngestionOptions(), NullLogger<Ingestor>.Instance);
            using var second = new Ingestor(new ArchiveContextFactory(options), ArticleExtractor.Default, new IngestionOptions(), NullLogger<Ingestor>.Instance);

            var reports = await Task.WhenAll(
                Task.Run(() => first.IngestFolderAsync(folder)),
                Task.Run(() => second.IngestFolderAsync(folder)));

            Assert.All(reports, r => Assert.Equal(0, r.Failed));
            Assert.Equal([0, Count], reports.Select(r => r.Added).Order());
            Assert.Equal([0, Count], reports.Select(r => r.Unchanged).Order());
            await using var check = new ArchiveDbContext(options);
            Assert.Equal(Count, await check.Articles.CountAsync());
            Assert.Equal(Count, await check.Articles.Select(a => a.SourceFile).Distinct().CountAsync());
            Assert.Equal("ok", await TestDatabase.CheckAsync(storage));
        }
        finally
        {
            TestDatabase.Drop(storage);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

}
