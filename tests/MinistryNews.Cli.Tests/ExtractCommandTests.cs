using System.Text.Json;

namespace MinistryNews.Cli.Tests;

public sealed class ExtractCommandTests
{
    private static string Data => Path.Combine(AppContext.BaseDirectory, "data");

    [Fact]
    public void Should_print_one_json_object_per_file_in_the_shape_of_the_contract()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = ExtractCommand.Run([Data], includeEvidence: false, output, errors);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, errors.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(45, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            foreach (var field in new[] { "file", "title", "published", "countries", "people", "meetings", "delegations", "agreements" })
            {
                Assert.True(root.TryGetProperty(field, out _), $"{field} missing in {line}");
            }
        }

        var files = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()).ToList();
        Assert.Equal(Directory.EnumerateFiles(Data).Select(Path.GetFileName).Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Should_name_a_file_it_cannot_read_and_go_on_with_the_others()
    {
        var folder = Directory.CreateTempSubdirectory("ministrynews-cli").FullName;
        try
        {
            File.Copy(Path.Combine(Data, "dev01.txt"), Path.Combine(folder, "good.txt"));
            File.WriteAllBytes(Path.Combine(folder, "bad.txt"), [0xC3, 0x28]);
            using var output = new StringWriter();
            using var errors = new StringWriter();

            var exitCode = ExtractCommand.Run([folder, Path.Combine(folder, "absent.txt")], includeEvidence: false, output, errors);

            Assert.Equal(1, exitCode);
            var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal("good.txt", JsonDocument.Parse(line).RootElement.GetProperty("file").GetString());
            Assert.Contains("bad.txt: file is not valid UTF-8", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("absent.txt: no such file or folder", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
