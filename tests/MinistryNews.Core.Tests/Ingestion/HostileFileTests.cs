using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests.Ingestion;

/// <summary>A hostile press release fails alone, named with its reason, and never holds back the files beside it.</summary>
public sealed class HostileFileTests
{
    private const string Dateline = "Hanoi, 5 May 2024\n\nMinister Nguyen Manh Hung met Japanese Minister Taro Kono in Hanoi on May 4.\n\n";

    [Fact]
    public async Task Should_store_the_good_files_and_name_each_hostile_one_with_its_reason_within_a_minute()
    {
        await using var archive = await TempArchive.CreateAsync();
        var good = Directory.GetFiles(archive.DataFolder).Length;

        // The sentence that once hung the ingestion for ever: read now like any other.
        archive.WriteFile("capitals.txt", Dateline + "The Digital Meeting of the " + new string('A', 40) + " was useful.\n");

        // Thousands of people: refused past the extraction's bound.
        archive.WriteFile("directory.txt", Dateline + string.Join(' ', Enumerable.Range(0, 6_000).Select(i => $"{Official(i)} met {Official(i + 1)} in Tokyo.")) + "\n");

        // Some seconds of reading (a list of 40,000 officials): over the budget of one second given here.
        archive.WriteFile("list.txt", Dateline + "Minister Hung met " + string.Join(", ", Enumerable.Range(0, 40_000).Select(Official)) + ".\n");

        var options = new IngestionOptions { MaxExtractionTime = TimeSpan.FromSeconds(1) };
        using var ingestor = new Ingestor(new ArchiveContextFactory(archive.Options), ArticleExtractor.Default, options, NullLogger<Ingestor>.Instance);
        var ingesting = ingestor.IngestFolderAsync(archive.DataFolder);
        var finished = await Task.WhenAny(ingesting, Task.Delay(TimeSpan.FromMinutes(1)));

        Assert.Same(ingesting, finished);
        var report = await ingesting;
        Assert.Equal(good + 1, report.Added);
        var failures = report.Failures.ToDictionary(f => f.File, f => f.Error);
        Assert.Equal(["directory.txt", "list.txt"], failures.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("extraction stopped: article names more than 2,000 people", failures["directory.txt"]);
        Assert.StartsWith("extraction took longer than the limit of 1 s a file", failures["list.txt"], StringComparison.Ordinal);

        await using var db = archive.Open();
        Assert.Equal(good + 1, await db.Articles.CountAsync());
        Assert.True(await db.Articles.AnyAsync(a => a.SourceFile == "capitals.txt"));
    }

    private static string Official(int i) =>
        $"Minister {(char)('A' + i % 26)}{(char)('a' + i / 26 % 26)}{(char)('a' + i / 676 % 26)} {Surnames[i % Surnames.Length]}";

    private static readonly string[] Surnames = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"];
}
