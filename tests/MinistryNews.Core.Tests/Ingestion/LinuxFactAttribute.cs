namespace MinistryNews.Core.Tests.Ingestion;

/// <summary>A fact about what only Linux tells of a file (its kind, inode and names): skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux (statx, mkfifo, ln)";
        }
    }
}
