namespace MinistryNews.Core.Ingestion;

public enum FileOutcome
{
    Added,
    Updated,
    Unchanged,
    Failed,

    /// <summary>The file has the text of a stored article (whitespace aside): it is stored as one of that article's sources.</summary>
    Duplicate,

    /// <summary>The file is not a press release (a few words, a list): not stored; <see cref="FileResult.Error"/> says why.</summary>
    Skipped,

    /// <summary>The article's last file left the folder: the article is withdrawn from the archive's lists.</summary>
    Withdrawn,
}

/// <summary>What happened to one file of a batch; <see cref="Error"/> says why a failed file was not stored.</summary>
public sealed record FileResult(string File, FileOutcome Outcome, int? ArticleId = null, string? Error = null);

/// <summary>What a batch did: the result of each file, and the stored articles whose files are gone from the folder.</summary>
public sealed record IngestionReport(IReadOnlyList<FileResult> Files, IReadOnlyList<string> Missing, TimeSpan Elapsed)
{
    /// <summary>Of <see cref="Elapsed"/>, the time the writer spent storing (reading and extraction run beside it).</summary>
    public TimeSpan Storing { get; init; }

    /// <summary>Of <see cref="Elapsed"/>, the time spent deciding names, offices and the agreements register once the files were stored.</summary>
    public TimeSpan Deciding { get; init; }

    /// <summary>The folder links the walk did not follow (they loop or lead out of the folder).</summary>
    public IReadOnlyList<SkippedFolder> SkippedFolders { get; init; } = [];

    /// <summary>What became of the files gone from the folder: their article withdrawn, or left with its other files.</summary>
    public IReadOnlyList<FileResult> Withdrawn { get; init; } = [];

    public int Duplicates => Count(FileOutcome.Duplicate);

    public int Skipped => Count(FileOutcome.Skipped);

    public int Added => Count(FileOutcome.Added);

    public int Updated => Count(FileOutcome.Updated);

    public int Unchanged => Count(FileOutcome.Unchanged);

    public int Failed => Count(FileOutcome.Failed);

    public IEnumerable<FileResult> Failures => Files.Where(f => f.Outcome == FileOutcome.Failed);

    private int Count(FileOutcome outcome) => Files.Count(f => f.Outcome == outcome);
}

/// <summary>Progress of a batch: files done out of the total.</summary>
public readonly record struct IngestionProgress(int Done, int Total, string File);
