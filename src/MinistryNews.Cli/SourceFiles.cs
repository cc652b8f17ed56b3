using MinistryNews.Core.Ingestion;

namespace MinistryNews.Cli;

internal static class SourceFiles
{
    /// <summary>Files named directly, and the press-release files inside folders, in name order.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths, TextWriter errors)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in DataFolder.EnumerateSourceFiles(path))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                errors.WriteLine($"{path}: no such file or folder");
            }
        }
    }
}
