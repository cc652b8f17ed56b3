using System.IO.Enumeration;
using System.Runtime.InteropServices;

namespace MinistryNews.Core.Ingestion;

/// <summary>A folder link that the walk of the data folder does not follow, and why; <see cref="Folder"/> is its path under the data folder.</summary>
public sealed record SkippedFolder(string Folder, string Reason);

/// <summary>
/// The data folder and what may be read of it. Its walk lists the press-release files of the folder and its subfolders
/// in ordinal name order, so every run sees them alike, and reads each real folder once: the real folders first, then
/// the folder links in name order, each followed only to a folder inside that no other name has brought yet; a link
/// that loops back or leads out is skipped and reported. What the folder knows is worked out when first asked, so the
/// watcher's few files walk nothing unless a folder link or a hard link is on their way.
/// </summary>
public sealed class DataFolder
{
    private static readonly EnumerationOptions Visible = new() { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
    private static readonly EnumerationOptions Everything = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

    private readonly Lazy<Walk> _walk;
    private readonly Lazy<Dictionary<(ulong Device, ulong Inode), int>> _names;

    public DataFolder(string folder)
    {
        Folder = folder;
        _walk = new(() => WalkFolder(folder));
        _names = new(() => CountNames(folder));
    }

    public string Folder { get; }

    /// <summary>The press-release files, in ordinal order, with the folder given to this one as their start.</summary>
    public IReadOnlyList<string> SourceFiles => _walk.Value.Files;

    /// <summary>The folder links that were not followed: they loop, lead to a folder read under another name, or lead out.</summary>
    public IReadOnlyList<SkippedFolder> SkippedFolders => _walk.Value.Skipped;

    /// <summary>The press-release files of a folder and its subfolders, in ordinal name order, each real folder read once.</summary>
    public static IEnumerable<string> EnumerateSourceFiles(string folder) => new DataFolder(folder).SourceFiles;

    /// <summary>
    /// Why a file of the folder must not be read, or null: it leaves the folder (<see cref="Escapes(string, string)"/>);
    /// it is reached through a folder link that the walk does not follow; or it is a hard link whose other names are not
    /// all inside the folder (the same file would be published from a place nobody meant to publish). Two names inside
    /// the folder are two files like any others. What is not a regular file is refused by
    /// <see cref="SourceReader.Read(string, IngestionOptions?)"/>, before anything opens it.
    /// </summary>
    public string? Refuses(string path)
    {
        if (Escapes(Folder, path, out var throughFolderLink) is { } escape)
        {
            return escape;
        }

        if (throughFolderLink && !_walk.Value.Listed.Contains(Path.GetFullPath(path)))
        {
            return "file is reached through a folder link that loops, or that leads to a folder read under another name";
        }

        if (FileStatus.Of(path) is { Kind: FileKind.Regular, Links: > 1 } status
            && _names.Value.GetValueOrDefault((status.Device, status.Inode)) is var inside
            && inside < status.Links)
        {
            return $"file is a hard link to a file outside the data folder (it has {status.Links:N0} names, {inside:N0} of them in the folder)";
        }

        return null;
    }

    /// <summary>
    /// Why a file of the folder must not be read, or null: a path that leaves the folder, or a symbolic link (of the file
    /// or of a folder on its way) whose target lies outside it. Links that stay inside the folder are followed.
    /// </summary>
    public static string? Escapes(string folder, string path) => Escapes(folder, path, out _);

    private static string? Escapes(string folder, string path, out bool throughFolderLink)
    {
        throughFolderLink = false;
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
            var isFolder = i < parts.Length - 1;
            FileSystemInfo entry = isFolder ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.LinkTarget is null)
            {
                continue;
            }

            throughFolderLink |= isFolder;
            realRoot ??= RealPath(root);
            var target = RealPath(current);
            if (!IsUnder(target, realRoot))
            {
                return "file is a symbolic link to a place outside the data folder";
            }
        }

        return null;
    }

    private sealed record Walk(List<string> Files, HashSet<string> Listed, List<SkippedFolder> Skipped);

    /// <summary>A folder by what it is, not by the name it was reached by: its device and inode where the system tells them, else its real path.</summary>
    private readonly record struct FolderIdentity(ulong Device, ulong Inode, string? RealPath)
    {
        public static FolderIdentity Of(string path, string realPath) =>
            FileStatus.Of(path) is { } status ? new(status.Device, status.Inode, null) : new(0, 0, realPath);
    }

    private readonly record struct Entry(string Path, bool IsDirectory, bool IsLink);

    private static Walk WalkFolder(string folder)
    {
        var files = new List<string>();
        var skipped = new List<SkippedFolder>();
        var realRoot = RealPath(folder);
        var seen = new HashSet<FolderIdentity> { FolderIdentity.Of(folder, realRoot) };
        var pending = new Stack<(string Path, string RealPath)>();
        pending.Push((folder, realRoot));
        var links = new SortedSet<string>(StringComparer.Ordinal);
        while (true)
        {
            while (pending.TryPop(out var current))
            {
                foreach (var entry in Entries(current.Path, Visible))
                {
                    if (!entry.IsDirectory)
                    {
                        if (SourceReader.IsSupported(entry.Path))
                        {
                            files.Add(entry.Path);
                        }
                    }
                    else if (entry.IsLink)
                    {
                        links.Add(entry.Path);
                    }
                    else
                    {
                        // A real folder's real path is its parent's and its name; a mount of a folder inside itself is read once.
                        var real = Path.Combine(current.RealPath, Path.GetFileName(entry.Path));
                        if (seen.Add(FolderIdentity.Of(entry.Path, real)))
                        {
                            pending.Push((entry.Path, real));
                        }
                        else
                        {
                            skipped.Add(new(Ingestor.KeyOf(folder, entry.Path), "folder is mounted again inside the data folder; it is read once"));
                        }
                    }
                }
            }

            // Every real folder is read: a link now leads out, to a folder already read, or to one the walk skipped (hidden).
            if (links.Min is not { } link)
            {
                break;
            }

            links.Remove(link);
            if (Follow(link, realRoot, seen, out var target) is { } why)
            {
                skipped.Add(new(Ingestor.KeyOf(folder, link), why));
            }
            else
            {
                pending.Push((link, target));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return new Walk(files, files.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal), skipped);
    }

    /// <summary>Why a folder link is not followed, or null when it leads to a folder inside that is read for the first time (and is now marked read).</summary>
    private static string? Follow(string link, string realRoot, HashSet<FolderIdentity> seen, out string target)
    {
        target = string.Empty;
        try
        {
            target = RealPath(link);
        }
        catch (IOException ex)
        {
            return $"folder link cannot be resolved: {ex.Message}";
        }

        if (!IsUnder(target, realRoot))
        {
            return "folder link leads outside the data folder";
        }

        return seen.Add(FolderIdentity.Of(link, target))
            ? null
            : "folder link leads to a folder already read: one that holds it (a loop), or one read under another name";
    }

    /// <summary>
    /// How many names each file with more than one has inside the folder: the folder's real tree, hidden files included,
    /// no link followed (a symbolic link is not a name of its target, and a folder link would count names twice).
    /// </summary>
    private static Dictionary<(ulong Device, ulong Inode), int> CountNames(string folder)
    {
        var names = new Dictionary<(ulong Device, ulong Inode), int>();
        var seen = new HashSet<(ulong Device, ulong Inode)>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.TryPop(out var current))
        {
            if (FileStatus.Of(current) is { } status && !seen.Add((status.Device, status.Inode)))
            {
                continue;
            }

            foreach (var entry in Entries(current, Everything))
            {
                if (entry.IsLink)
                {
                    continue;
                }

                if (entry.IsDirectory)
                {
                    pending.Push(entry.Path);
                }
                else if (FileStatus.Of(entry.Path, followLinks: false) is { Kind: FileKind.Regular, Links: > 1 } file)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(names, (file.Device, file.Inode), out _)++;
                }
            }
        }

        return names;
    }

    /// <summary>The entries of one folder (not of its subfolders); a link to a folder is a directory that is a link.</summary>
    private static FileSystemEnumerable<Entry> Entries(string folder, EnumerationOptions options) =>
        new(folder, (ref FileSystemEntry entry) => new Entry(entry.ToSpecifiedFullPath(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0), options);

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
