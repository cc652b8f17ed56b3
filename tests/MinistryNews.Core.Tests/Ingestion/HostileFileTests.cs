using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests.Ingestion;

/// <summary>A hostile press release fails alone, named with its reason, and never holds back the files beside it.</summary>
public sealed class HostileFileTests
{

    [Fact]
    public async Task Should_store_the_good_files_and_name_the_hostile_one_with_its_reason_within_a_minute()
    {
        await using var archive = await TempArchive.CreateAsync();
        var good = Directory.GetFiles(archive.DataFolder).Length;

        // The sentence that once hung the ingestion for ever: read now like any other.
        archive.WriteFile("capitals.txt", HostileTexts.Dateline + "The Digital Meeting of the " + new string('A', 40) + " was useful.\n");

        // Thousands of people: refused past the extraction's bound.
        archive.WriteFile("directory.txt", HostileTexts.Dateline + string.Join(' ', Enumerable.Range(0, 6_000).Select(i => $"{HostileTexts.Official(i)} met {HostileTexts.Official(i + 1)} in Tokyo.")) + "\n");

        var report = await IngestWithinAMinuteAsync(archive, new IngestionOptions());

        Assert.Equal(good + 1, report.Added);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(("directory.txt", "extraction stopped: article names more than 2,000 people"), (failure.File, failure.Error));
        await using var db = archive.Open();
        Assert.Equal(good + 1, await db.Articles.CountAsync());
        Assert.True(await db.Articles.AnyAsync(a => a.SourceFile == "capitals.txt"));
    }

    [Fact]
    public async Task Should_fail_a_file_over_its_extraction_budget_and_store_the_rest()
    {
        await using var archive = await TempArchive.CreateAsync();
        var good = Directory.GetFiles(archive.DataFolder).Length;

        // Seconds of reading (20 paragraphs each listing the same 1,500 officials: many mentions, but fewer people than an
        // article may name) against a budget of a quarter of a second, where a press release takes some milliseconds once
        // the extraction's code is compiled.
        var list = "Minister Hung met " + string.Join(", ", Enumerable.Range(0, 1_500).Select(HostileTexts.Official)) + ".\n";
        archive.WriteFile("list.txt", HostileTexts.Dateline + string.Concat(Enumerable.Repeat(list, 20)));
        ArticleExtractor.Default.Extract(new SourceDocument("warm.txt", await File.ReadAllTextAsync(Directory.GetFiles(archive.DataFolder)[0])));

        var report = await IngestWithinAMinuteAsync(archive, new IngestionOptions { MaxExtractionTime = TimeSpan.FromMilliseconds(250) });

        Assert.Equal(good, report.Added);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("list.txt", failure.File);
        Assert.StartsWith("extraction took longer than the limit of 0.25 s a file (", failure.Error, StringComparison.Ordinal);
    }

    private static async Task<IngestionReport> IngestWithinAMinuteAsync(TempArchive archive, IngestionOptions options)
    {
        using var ingestor = new Ingestor(new ArchiveContextFactory(archive.Options), ArticleExtractor.Default, options, NullLogger<Ingestor>.Instance);
        var ingesting = ingestor.IngestFolderAsync(archive.DataFolder);
        var finished = await Task.WhenAny(ingesting, Task.Delay(TimeSpan.FromMinutes(1)));
        Assert.Same(ingesting, finished);
        return await ingesting;
    }

}
