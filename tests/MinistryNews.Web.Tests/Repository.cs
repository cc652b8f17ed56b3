namespace MinistryNews.Web.Tests;

/// <summary>The repository the tests run from: the folder above the test's build output that holds MinistryNews.sln.</summary>
public static class Repository
{
    /// <summary>The repository's root, or null when the tests run outside it.</summary>
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MinistryNews.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName;
    }
}
