using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MinistryNews.Benchmarks;

/// <summary>The plain-text output of the timed runs: what was measured, on what, and each figure beside its target.</summary>
internal static class Report
{
    public static void Header(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        Console.WriteLine($"   {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, commit {Commit()}");
    }

    public static void Row(string what, string figure, string? target, bool? met) =>
        Console.WriteLine($"   {what,-48} {figure,-36} {(target is null ? string.Empty : $"target: {target}")}{(met is null ? string.Empty : met.Value ? "  [met]" : "  [NOT met]")}");

    public static void DeleteDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
