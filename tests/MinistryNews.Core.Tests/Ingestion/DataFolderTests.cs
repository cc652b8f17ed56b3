using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests.Ingestion;

/// <summary>
/// A data folder laid out by someone hostile or careless: folder links that loop or lead out, a FIFO, hard links. Each
/// real file is read once, nothing outside the folder is published, nothing blocks the batch.
/// </summary>
public sealed class DataFolderTests
{
    private const string JapanSeed = "002_43bc5bf8eb7e91f7.txt";

    /// <summary>A batch of a few files takes a second or two; one that waits on a FIFO would never end.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static IEnumerable<string> SeedFiles =>
        Directory.EnumerateFiles(TempArchive.RepositoryData).Select(f => Path.GetFileName(f)!);

    [LinuxFact]
    public async Task Should_store_each_real_file_once_when_folder_links_loop_or_repeat_a_folder()
    {
        await using var archive = await TempArchive.CreateAsync();
        var seed = Path.Combine(archive.DataFolder, JapanSeed);
        var sub = Directory.CreateDirectory(Path.Combine(archive.DataFolder, "sub")).FullName;
        File.Copy(seed, Path.Combine(sub, "copy.txt"));
        Directory.CreateSymbolicLink(Path.Combine(sub, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(sub, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(archive.DataFolder, "again"), sub);

        // A folder the walk does not read under its own name (a hidden one) is read once through a link to it.
        var drafts = Directory.CreateDirectory(Path.Combine(archive.DataFolder, ".drafts")).FullName;
        File.Copy(seed, Path.Combine(drafts, "draft.txt"));
        Directory.CreateSymbolicLink(Path.Combine(archive.DataFolder, "drafts"), ".drafts");
        Directory.CreateSymbolicLink(Path.Combine(archive.DataFolder, "drafts-too"), ".drafts");

        var report = await archive.IngestAsync().WaitAsync(Patience);

        string[] real = [.. SeedFiles, "drafts/draft.txt", "sub/copy.txt"];
        Assert.Equal(real.Order(StringComparer.Ordinal), report.Files.Select(f => f.File));

        // The two copies of the seed are read once each, and stored as sources of the seed's article.
        Assert.Equal(real.Length - 2, report.Added);
        Assert.Equal(["drafts/draft.txt", "sub/copy.txt"], report.Files.Where(f => f.Outcome == FileOutcome.Duplicate).Select(f => f.File));
        Assert.Equal(["again", "drafts-too", "sub/self", "sub/up"], report.SkippedFolders.Select(s => s.Folder));
        Assert.All(report.SkippedFolders, s => Assert.Contains("folder link leads to a folder already read", s.Reason, StringComparison.Ordinal));
        await using (var db = archive.Open())
        {
            Assert.Equal(real.Length - 2, await db.Articles.CountAsync());
            Assert.Equal(3, await db.ArticleSources.CountAsync(x => x.Article.SourceFile == JapanSeed));
        }

        // The folder watcher's path through a loop is refused by name, not stored a second time.
        using var ingestor = archive.CreateIngestor();
        var watched = await ingestor.IngestFileAsync(archive.DataFolder, Path.Combine(sub, "up", "sub", "copy.txt")).WaitAsync(Patience);
        Assert.Equal(FileOutcome.Failed, watched.Outcome);
        Assert.Equal("sub/up/sub/copy.txt", watched.File);
        Assert.Contains("folder link that loops", watched.Error, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task Should_not_walk_a_folder_link_that_leads_out_of_the_data_folder()
    {
        await using var archive = await TempArchive.CreateAsync();
        var outside = Directory.CreateDirectory(Path.Combine(archive.Root, "outside")).FullName;
        File.Copy(Path.Combine(archive.DataFolder, JapanSeed), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(archive.DataFolder, "folder-out"), outside);
        Directory.CreateSymbolicLink(Path.Combine(archive.DataFolder, "folder-out-relative"), Path.Combine("..", "outside"));

        var report = await archive.IngestAsync().WaitAsync(Patience);

        Assert.Equal(SeedFiles.Order(StringComparer.Ordinal), report.Files.Select(f => f.File));
        Assert.Equal(0, report.Failed);
        Assert.Equal(["folder-out", "folder-out-relative"], report.SkippedFolders.Select(s => s.Folder));
        Assert.All(report.SkippedFolders, s => Assert.Equal("folder link leads outside the data folder", s.Reason));

        using var ingestor = archive.CreateIngestor();
        var watched = await ingestor.IngestFileAsync(archive.DataFolder, Path.Combine(archive.DataFolder, "folder-out", "secret.txt")).WaitAsync(Patience);
        Assert.Equal(FileOutcome.Failed, watched.Outcome);
        Assert.Equal("file is a symbolic link to a place outside the data folder", watched.Error);
    }

    [LinuxFact]
    public async Task Should_refuse_a_fifo_without_opening_it_and_store_the_rest()
    {
        await using var archive = await TempArchive.CreateAsync();
        var fifo = Path.Combine(archive.DataFolder, "fifo.txt");
        Run("mkfifo", fifo);
        File.CreateSymbolicLink(Path.Combine(archive.DataFolder, "fifo-link.html"), "fifo.txt");
        const string Refused = "file is a FIFO (named pipe), not a regular file";

        var report = await archive.IngestAsync().WaitAsync(Patience);

        var errors = report.Failures.ToDictionary(f => f.File, f => f.Error);
        Assert.Equal(new Dictionary<string, string?> { ["fifo-link.html"] = Refused, ["fifo.txt"] = Refused }, errors);
        Assert.Equal(SeedFiles.Count(), report.Added);

        // The folder watcher's path and the command line's reader refuse it alike.
        using var ingestor = archive.CreateIngestor();
        var watched = await ingestor.IngestFileAsync(archive.DataFolder, fifo).WaitAsync(Patience);
        Assert.Equal(new FileResult("fifo.txt", FileOutcome.Failed, Error: Refused), watched);
        Assert.Equal(Refused, (await Task.Run(() => SourceReader.Read(fifo)).WaitAsync(Patience)).Error);
    }

    [LinuxFact]
    public async Task Should_refuse_a_hard_link_to_a_file_outside_and_store_one_file_with_two_names_inside()
    {
        await using var archive = await TempArchive.CreateAsync();
        var outside = Directory.CreateDirectory(Path.Combine(archive.Root, "outside")).FullName;
        var secret = Path.Combine(outside, "secret.txt");
        File.Copy(Path.Combine(archive.DataFolder, JapanSeed), secret);
        var hardOut = Path.Combine(archive.DataFolder, "hard-out.txt");
        Run("ln", secret, hardOut);
        Run("ln", Path.Combine(archive.DataFolder, JapanSeed), Path.Combine(archive.DataFolder, "hard-in.txt"));

        // A name in a hidden folder is still inside the data folder.
        var other = SeedFiles.First(f => f != JapanSeed);
        Directory.CreateDirectory(Path.Combine(archive.DataFolder, ".backup"));
        Run("ln", Path.Combine(archive.DataFolder, other), Path.Combine(archive.DataFolder, ".backup", "kept.txt"));

        var report = await archive.IngestAsync().WaitAsync(Patience);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("hard-out.txt", failure.File);
        Assert.Equal("file is a hard link to a file outside the data folder (it has 2 names, 1 of them in the folder)", failure.Error);
        var results = report.Files.ToDictionary(f => f.File, f => f.Outcome);
        Assert.Equal(FileOutcome.Added, results[JapanSeed]);

        // A second name of a file inside the folder is read, and is a source of the same article.
        Assert.Equal(FileOutcome.Duplicate, results["hard-in.txt"]);
        Assert.Equal(FileOutcome.Added, results[other]);

        using var ingestor = archive.CreateIngestor();
        var watched = await ingestor.IngestFileAsync(archive.DataFolder, hardOut).WaitAsync(Patience);
        Assert.Equal(failure, watched);
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)}: {error}");
    }
}
