namespace MinistryNews.Core.Ingestion;

public static class DataFolder
{
    /// <summary>The press-release files of a folder and its subfolders, in ordinal name order so every run sees them alike.</summary>
    public static IEnumerable<string> EnumerateSourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(SourceReader.IsSupported)
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Why a file of the folder must not be read, or null: a path that leaves the folder, or a symbolic link (of the file
    /// or of a folder on its way) whose target lies outside it. Links that stay inside the folder are followed.
    /// </summary>
    public static string? Escapes(string folder, string path)
    {
        var root = Path.GetFullPath(folder);
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path));
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return "file is outside the data folder";
        }

        var parts = relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        string? realRoot = null;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo entry = i == parts.Length - 1 ? new FileInfo(current) : new DirectoryInfo(current);
            if (entry.LinkTarget is null)
            {
                continue;
            }

            realRoot ??= RealPath(root);
            var target = RealPath(current);
            if (!IsUnder(target, realRoot))
            {
                return "file is a symbolic link to a place outside the data folder";
            }
        }

        return null;
    }

    /// <summary>The path with every symbolic link along it resolved (what POSIX <c>realpath</c> gives).</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(full[resolved.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        for (var hops = 0; pending.TryPop(out var part);)
        {
            var next = Path.Combine(resolved, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++hops > 40)
            {
                throw new IOException($"Too many levels of symbolic links in '{path}'.");
            }

            // The link's target replaces it; a relative target is taken from the link's own folder.
            var absolute = Path.GetFullPath(target, resolved);
            var root = Path.GetPathRoot(absolute) ?? string.Empty;
            foreach (var step in absolute[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(step);
            }

            resolved = root;
        }

        return resolved;
    }

    private static bool IsUnder(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal)
        || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
