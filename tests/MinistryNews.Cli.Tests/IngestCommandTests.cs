using Microsoft.Data.Sqlite;

namespace MinistryNews.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ministrynews-cli").FullName;

    [Fact]
    public async Task Should_count_added_then_unchanged_files()
    {
        var folder = CopyData();
        var database = TestDatabase.Create(_root);
        using var first = new StringWriter();
        using var second = new StringWriter();
        using var errors = new StringWriter();

        var firstExit = await IngestCommand.RunAsync(folder, database, first, errors);
        var secondExit = await IngestCommand.RunAsync(folder, database, second, errors);

        Assert.Equal(0, firstExit);
        Assert.Equal(0, secondExit);
        Assert.StartsWith("45 added, 0 updated, 0 unchanged, 0 copies, 0 skipped, 0 withdrawn, 0 failed", first.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("0 added, 0 updated, 45 unchanged, 0 copies, 0 skipped, 0 withdrawn, 0 failed", second.ToString(), StringComparison.Ordinal);
        Assert.Equal("ok", await TestDatabase.CheckAsync(database));
        TestDatabase.Drop(database);
    }

    [Fact]
    public async Task Should_name_the_failed_files_and_exit_non_zero()
    {
        var folder = CopyData();
        await File.WriteAllBytesAsync(Path.Combine(folder, "zero.txt"), []);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var database = TestDatabase.Create(_root);
        var exitCode = await IngestCommand.RunAsync(folder, database, output, errors);
        TestDatabase.Drop(database);

        Assert.Equal(1, exitCode);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("45 added, 0 updated, 0 unchanged, 0 copies, 0 skipped, 0 withdrawn, 1 failed", lines[0], StringComparison.Ordinal);
        Assert.Contains("failed: zero.txt: file is empty", lines);
    }

    [Fact]
    public async Task Should_name_copies_skipped_files_and_withdrawn_articles()
    {
        var folder = CopyData();
        File.Copy(Path.Combine(folder, "dev01.txt"), Path.Combine(folder, "zz-dev01.txt"));
        await File.WriteAllTextAsync(Path.Combine(folder, "note.txt"), "Photos to follow.");
        var database = TestDatabase.Create(_root);
        using var first = new StringWriter();
        using var second = new StringWriter();
        using var errors = new StringWriter();

        var firstExit = await IngestCommand.RunAsync(folder, database, first, errors);
        File.Delete(Path.Combine(folder, "dev02.txt"));
        var secondExit = await IngestCommand.RunAsync(folder, database, second, errors);
        TestDatabase.Drop(database);

        Assert.Equal((0, 0), (firstExit, secondExit));
        var lines = first.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("45 added, 0 updated, 0 unchanged, 1 copies, 1 skipped, 0 withdrawn, 0 failed", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("copy: zz-dev01.txt has the text of article ", StringComparison.Ordinal));
        Assert.Contains("skipped: note.txt: not a press release: 3 words of text and no sentence of 8 words or more", lines);
        var after = second.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("0 added, 0 updated, 45 unchanged, 0 copies, 1 skipped, 1 withdrawn, 0 failed", after[0], StringComparison.Ordinal);
        Assert.Contains(after, l => l.StartsWith("withdrawn: dev02.txt is gone: article ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string CopyData()
    {
        var folder = Path.Combine(_root, "data");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
