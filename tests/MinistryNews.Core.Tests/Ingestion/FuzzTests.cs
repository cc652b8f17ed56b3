using System.Text;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests.Ingestion;

/// <summary>
/// Files from anywhere: a corpus of broken, hostile and odd files made from the real ones, ingested among the good
/// files. Each is stored or rejected with an error that names it; nothing escapes the batch; the database stays whole.
/// </summary>
public sealed class FuzzTests
{
    private const string JapanSeed = "002_43bc5bf8eb7e91f7.txt";

    /// <summary>What a fuzz file must come to: stored, or rejected with an error that says this.</summary>
    private sealed record Expectation(bool Stored, string? Error = null);

    [Fact]
    public async Task Should_store_or_reject_each_hostile_file_by_name_and_keep_the_good_files_and_the_database_whole()
    {
        await using var archive = await TempArchive.CreateAsync();
        var seedBytes = await File.ReadAllBytesAsync(Path.Combine(archive.DataFolder, JapanSeed));
        var seed = Encoding.UTF8.GetString(seedBytes);
        var expected = new Dictionary<string, Expectation>(StringComparer.Ordinal);
        void Write(string name, byte[] bytes, Expectation expectation)
        {
            archive.WriteFile(name, bytes);
            expected[name] = expectation;
        }

        var random = new Random(7);
        var noise = new byte[4096];
        random.NextBytes(noise);

        // Truncated: a whole first half is still an article; a cut inside a character is not UTF-8.
        Write("truncated-half.txt", seedBytes[..(seedBytes.Length / 2)], new(Stored: true));
        var cut = Array.FindIndex(seedBytes, b => b >= 0xC0) + 1;
        Write("truncated-mid-character.txt", seedBytes[..cut], new(false, "not valid UTF-8"));

        // Not text at all.
        Write("random-bytes.txt", noise, new(false, "binary"));
        Write("binary.html", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, .. noise[..512]], new(false, "binary"));
        Write("zero-length.txt", [], new(false, "empty"));
        Write("control-characters.txt", Encoding.UTF8.GetBytes(new string('\u0001', 2000) + seed), new(false, "binary"));

        // Too large: 50 MB (rejected unread), one 10 MB line.
        var huge = Path.Combine(archive.DataFolder, "fifty-megabytes.txt");
        await using (var stream = File.Create(huge))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        expected["fifty-megabytes.txt"] = new(false, "over the limit of 5,242,880 bytes");
        Write("one-line-10mb.txt", Encoding.UTF8.GetBytes(new string('x', 10 * 1024 * 1024)), new(false, "over the limit"));

        // Encodings: UTF-16 both ways and UTF-8 with byte-order marks are read; UTF-16 without one and Latin-1 are not.
        Write("utf16le-bom.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(seed)], new(Stored: true));
        Write("utf16be-bom.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(seed)], new(Stored: true));
        Write("utf8-bom.txt", [0xEF, 0xBB, 0xBF, .. seedBytes], new(Stored: true));
        Write("utf16-no-bom.txt", Encoding.Unicode.GetBytes(seed), new(false, "UTF-16 without a byte-order mark"));
        Write("invalid-utf8.txt", [.. seedBytes[..200], 0xC3, 0x28, .. seedBytes[200..]], new(false, "invalid byte at offset 200"));

        // Invisible and bidirectional characters inside the words.
        var tricky = seed.Replace("Japan", "Ja\u200Bpan", StringComparison.Ordinal).Replace("Minister", "\u202EMinister\u202C", StringComparison.Ordinal) + "\n\u200F\u2066\uFEFF";
        Write("zero-width-and-rtl.txt", Encoding.UTF8.GetBytes(tricky), new(Stored: true));

        // Hostile and odd markup.
        var paragraphs = string.Join(string.Empty, seed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"));
        Write("scripts.html", Encoding.UTF8.GetBytes(
            $"<html><head><title>Hostile</title><script>alert('head')</script></head><body onload=\"alert(1)\"><article>" +
            $"<script>document.write('<p>injected</p>')</script><img src=x onerror=\"alert(2)\">{paragraphs}<iframe src=\"javascript:alert(3)\"></iframe></article></body></html>"),
            new(Stored: true));
        Write("deeply-nested.html", Encoding.UTF8.GetBytes(
            "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + paragraphs + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>"),
            new(false, "more than 1,000 deep"));
        Write("nested-500.html", Encoding.UTF8.GetBytes(
            "<html><body>" + string.Concat(Enumerable.Repeat("<div><br><img src=a.jpg><p>", 500)) + paragraphs + string.Concat(Enumerable.Repeat("</p></div>", 500)) + "</body></html>"),
            new(Stored: true));
        Write("unclosed.html", Encoding.UTF8.GetBytes("<html><body><article><p>" + string.Concat(Enumerable.Repeat("<b><i><span>", 20_000)) + paragraphs), new(false, "more than 1,000 deep"));

        // A file name with spaces and Unicode is an article like any other.
        Write("Bộ trưởng gặp Nhật Bản (bản 2).txt", seedBytes, new(Stored: true));

        // A link that leads out of the data folder is not followed; one that stays inside is.
        var outside = Path.Combine(archive.Root, "outside");
        Directory.CreateDirectory(outside);
        await File.WriteAllBytesAsync(Path.Combine(outside, "secret.txt"), seedBytes);
        File.CreateSymbolicLink(Path.Combine(archive.DataFolder, "link-out.txt"), Path.Combine(outside, "secret.txt"));
        expected["link-out.txt"] = new(false, "outside the data folder");
        File.CreateSymbolicLink(Path.Combine(archive.DataFolder, "link-relative-out.txt"), Path.Combine("..", "outside", "secret.txt"));
        expected["link-relative-out.txt"] = new(false, "outside the data folder");
        Directory.CreateSymbolicLink(Path.Combine(archive.DataFolder, "folder-out"), outside);
        File.CreateSymbolicLink(Path.Combine(archive.DataFolder, "link-in.txt"), JapanSeed);
        expected["link-in.txt"] = new(Stored: true);

        var report = await archive.IngestAsync();

        var results = report.Files.ToDictionary(f => f.File, StringComparer.Ordinal);
        Assert.All(Directory.EnumerateFiles(TempArchive.RepositoryData), seedFile => Assert.NotEqual(FileOutcome.Failed, results[Path.GetFileName(seedFile)].Outcome));
        foreach (var (name, expectation) in expected)
        {
            var result = Assert.Contains(name, results);
            if (expectation.Stored)
            {
                Assert.True(result.Outcome is FileOutcome.Added or FileOutcome.Duplicate, $"{name}: {result.Outcome} {result.Error}");
            }
            else
            {
                Assert.True(result.Outcome == FileOutcome.Failed, $"{name} was {result.Outcome}");
                Assert.Contains(expectation.Error!, result.Error, StringComparison.Ordinal);
            }
        }

        // Nothing reached through the folder link is stored or read as if it were inside.
        Assert.DoesNotContain(results.Values, r => r.File.StartsWith("folder-out/", StringComparison.Ordinal) && r.Outcome != FileOutcome.Failed);

        await using var db = archive.Open();
        var stored = (await db.Articles.Select(a => new { a.SourceFile, a.Title, a.Body }).ToListAsync())
            .Select(a => new { a.SourceFile, a.Title, Body = string.Join("\n", a.Body.Select(b => b.Text)) })
            .ToList();
        Assert.Equal(45 + results.Values.Count(r => expected.ContainsKey(r.File) && r.Outcome == FileOutcome.Added), stored.Count);

        // The seed's text read from other encodings and names is the seed's text: each file is a source of its article.
        var japanSources = await db.ArticleSources.Where(x => x.Article.SourceFile == JapanSeed).Select(x => x.Path).ToListAsync();
        foreach (var name in new[] { "utf16le-bom.txt", "utf16be-bom.txt", "utf8-bom.txt", "Bộ trưởng gặp Nhật Bản (bản 2).txt", "link-in.txt" })
        {
            Assert.Equal(FileOutcome.Duplicate, results[name].Outcome);
            Assert.Contains(name, japanSources);
        }

        var hostile = stored.Single(a => a.SourceFile == "scripts.html").Body;
        Assert.DoesNotContain("alert", hostile, StringComparison.Ordinal);
        Assert.DoesNotContain("injected", hostile, StringComparison.Ordinal);
        Assert.Contains("Takaichi Sanae", stored.Single(a => a.SourceFile == "nested-500.html").Body, StringComparison.Ordinal);

        Assert.Equal("ok", await TestDatabase.CheckAsync(archive.Storage));
    }

    [Fact]
    public async Task Should_reject_files_over_each_configured_limit_with_a_message_naming_it()
    {
        await using var archive = await TempArchive.CreateAsync();
        var seed = await File.ReadAllTextAsync(Path.Combine(archive.DataFolder, JapanSeed));
        archive.WriteFile("long.txt", seed + new string(' ', 1) + string.Join(' ', Enumerable.Repeat("Hanoi", 4_000)));
        using var ingestor = new Ingestor(
            new ArchiveContextFactory(archive.Options),
            Core.Extraction.ArticleExtractor.Default,
            new IngestionOptions { MaxFileBytes = 1_000_000, MaxTextCharacters = 20_000, MaxEntitiesPerArticle = 6 },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Ingestor>.Instance);

        var report = await ingestor.IngestFolderAsync(archive.DataFolder);

        var errors = report.Failures.ToDictionary(f => f.File, f => f.Error!);
        Assert.Contains("over the limit of 20,000", errors["long.txt"], StringComparison.Ordinal);
        Assert.Contains("over the limit of 6", errors[JapanSeed], StringComparison.Ordinal);
        Assert.Contains("entities", errors[JapanSeed], StringComparison.Ordinal);
        Assert.True(report.Added > 0, "the articles within the limits are stored");
        await using var db = archive.Open();
        Assert.Equal(report.Added, await db.Articles.CountAsync());
    }
}
