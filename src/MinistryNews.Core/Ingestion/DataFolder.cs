namespace MinistryNews.Core.Ingestion;

public static class DataFolder
{
    /// <summary>The press-release files of a folder and its subfolders, in ordinal name order so every run sees them alike.</summary>
    public static IEnumerable<string> EnumerateSourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(SourceReader.IsSupported)
            .Order(StringComparer.Ordinal);
}
