using System.Text.Json;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// Every kind of page is valid HTML by the Nu Html Checker (<c>vnu.jar</c>, the W3C's checker), run on Debian's Java.
/// The checker comes from npm (<c>vnu-jar</c>, the version below), installed on first use into the system's temporary
/// folder; CI installs Java when it is missing.
/// </summary>
public sealed class HtmlCheckerTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    private const string CheckerVersion = "26.9.27";

    [Fact]
    public async Task Should_find_no_error_in_any_kind_of_page()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ministrynews-html-check", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (label, url) in await PageKinds.AddressesAsync(archive.Client.BaseAddress!, archive.Client))
            {
                using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                var file = Path.Combine(folder, label + ".html");
                await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
                files[label + ".html"] = url;
            }

            // vnu writes its JSON report to standard error.
            var (code, _, report) = await ToolProcess.RunAsync("java", ["-jar", await CheckerAsync(), "--format", "json", .. files.Keys.Select(f => Path.Combine(folder, f))], TimeSpan.FromMinutes(5));
            using var messages = JsonDocument.Parse(report);
            var errors = messages.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => $"{(m.TryGetProperty("url", out var u) && files.TryGetValue(Path.GetFileName(u.GetString()!), out var page) ? page : "?")} line {(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.True(code == 0, $"vnu exited with {code}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The checker's jar, installed from npm when it is not there yet.</summary>
    private static async Task<string> CheckerAsync()
    {
        var prefix = Path.Combine(Path.GetTempPath(), "ministrynews-vnu", CheckerVersion);
        var jar = Path.Combine(prefix, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(jar))
        {
            // --ignore-scripts: the package's own script would download a Java; Debian's is used.
            var (code, output, error) = await ToolProcess.RunAsync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", prefix, $"vnu-jar@{CheckerVersion}"], TimeSpan.FromMinutes(5));
            Assert.True(code == 0 && File.Exists(jar), $"npm could not install vnu-jar {CheckerVersion} ({code}): {output}{error}");
        }

        return jar;
    }
}
