using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Articles;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests.Ingestion;

/// <summary>Which files make an article: copies are one article with several sources, a gone file withdraws it, a list is no article.</summary>
public sealed class SourcesTests
{
    private const string Release = """
        Minister receives the Ambassador of Chile

        June 2, 2022 | 09:00 am GMT+7

        On June 1, in Hanoi, Minister of Information and Communications Nguyen Manh Hung received Chilean Ambassador Jaime Chomali to discuss cooperation in digital transformation.

        The two sides signed a Memorandum of Understanding on cooperation in information technology.
        """;

    [Fact]
    public async Task Should_store_a_copy_with_the_same_text_as_a_source_of_the_same_article()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("chile.txt", Release);

        // The same text with its white space changed (non-breaking spaces, line ends, doubled spaces) is the same text.
        archive.WriteFile("copy.txt", Release.Replace(" the ", "\u00A0the  ", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

        var report = await archive.IngestAsync();

        Assert.Equal(1, report.Added);
        var copy = Assert.Single(report.Files, f => f.Outcome == FileOutcome.Duplicate);
        Assert.Equal("copy.txt", copy.File);
        await using var db = archive.Open();
        var article = await db.Articles.Include(a => a.Sources).SingleAsync();
        Assert.Equal(["chile.txt", "copy.txt"], article.Sources.Select(s => s.Path).Order(StringComparer.Ordinal));
        Assert.Equal(1, await db.Agreements.CountAsync());

        // Read again, nothing changes: the copy is known by its bytes.
        var again = await archive.IngestAsync();
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(1, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Should_part_a_copy_from_an_article_whose_text_changed()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("chile.txt", Release);
        archive.WriteFile("copy.txt", Release);
        await archive.IngestAsync();

        archive.WriteFile("chile.txt", Release.Replace("digital transformation", "postal services", StringComparison.Ordinal));
        await archive.IngestAsync();
        var report = await archive.IngestAsync();

        // The copy still has the old text: it is an article of its own now, and each article has its one file.
        Assert.Equal(FileOutcome.Added, Assert.Single(report.Files, f => f.File == "copy.txt").Outcome);
        await using var db = archive.Open();
        var articles = await db.Articles.Include(a => a.Sources).OrderBy(a => a.SourceFile).ToListAsync();
        Assert.Equal(["chile.txt", "copy.txt"], articles.Select(a => a.SourceFile));
        Assert.All(articles, a => Assert.Equal([a.SourceFile], a.Sources.Select(s => s.Path)));
    }

    [Fact]
    public async Task Should_skip_a_file_that_is_a_few_words_or_a_list_and_say_why()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("note.txt", "Photos to follow.");
        archive.WriteFile("partners.txt", string.Join("\n\n", "Japan", "Republic of Korea", "Lao People's Democratic Republic", "Cambodia", "Thailand", "India", "Chile", "Cuba", "France", "Germany", "Finland", "Hungary"));
        archive.WriteFile("participants.txt", "The following delegations took part in the forum held in Hanoi this week:\n\n" + string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"Delegation number {i}")));
        archive.WriteFile("chile.txt", Release);

        var report = await archive.IngestAsync();

        Assert.Equal(1, report.Added);
        Assert.Equal(0, report.Failed);
        var skipped = report.Files.Where(f => f.Outcome == FileOutcome.Skipped).OrderBy(f => f.File, StringComparer.Ordinal).ToList();
        Assert.Equal(["note.txt", "participants.txt", "partners.txt"], skipped.Select(s => s.File));
        Assert.Contains("a list", skipped[1].Error, StringComparison.Ordinal);
        Assert.All(skipped, s => Assert.StartsWith("not a press release", s.Error, StringComparison.Ordinal));
        await using var db = archive.Open();
        Assert.Equal(1, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Should_withdraw_the_article_of_a_gone_file_and_restore_it_at_its_address_when_it_returns()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        var path = archive.WriteFile("chile.txt", Release);
        archive.WriteFile("other.txt", Release.Replace("Chile", "Peru", StringComparison.Ordinal).Replace("Chilean", "Peruvian", StringComparison.Ordinal));
        await archive.IngestAsync();
        await using var db = archive.Open();
        var before = await db.Articles.Where(a => a.SourceFile == "chile.txt").Select(a => new { a.Id, a.Key }).SingleAsync();

        File.Delete(path);
        var gone = await archive.IngestAsync();

        var withdrawn = Assert.Single(gone.Withdrawn);
        Assert.Equal((FileOutcome.Withdrawn, before.Id), (withdrawn.Outcome, withdrawn.ArticleId));
        db.ChangeTracker.Clear();
        Assert.Equal(1, await db.Articles.CountAsync());
        Assert.Empty(await db.Meetings.Where(m => m.ArticleId == before.Id).ToListAsync());
        Assert.DoesNotContain(await db.Countries.Where(c => c.Articles.Any()).Select(c => c.Code).ToListAsync(), c => c == "CL");
        var kept = await db.Articles.IgnoreQueryFilters().SingleAsync(a => a.Id == before.Id);
        Assert.NotNull(kept.WithdrawnAtUtc);
        Assert.Equal("Minister receives the Ambassador of Chile", kept.Title);

        // The same run again does not withdraw it twice.
        Assert.Empty((await archive.IngestAsync()).Withdrawn);

        archive.WriteFile("chile.txt", Release);
        var back = await archive.IngestAsync();

        Assert.Equal(FileOutcome.Updated, Assert.Single(back.Files, f => f.File == "chile.txt").Outcome);
        db.ChangeTracker.Clear();
        var restored = await db.Articles.SingleAsync(a => a.SourceFile == "chile.txt");
        Assert.Equal((before.Id, before.Key), (restored.Id, restored.Key));
        Assert.Null(restored.WithdrawnAtUtc);
        Assert.NotEmpty(await db.Meetings.Where(m => m.ArticleId == before.Id).ToListAsync());
    }

    [Fact]
    public async Task Should_keep_the_article_and_its_address_when_its_first_file_goes_and_a_copy_stays()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        var first = archive.WriteFile("a-chile.txt", Release);
        archive.WriteFile("b-chile.txt", Release);
        await archive.IngestAsync();

        File.Delete(first);
        var report = await archive.IngestAsync();

        Assert.Equal(FileOutcome.Unchanged, Assert.Single(report.Withdrawn).Outcome);
        await using var db = archive.Open();
        var article = await db.Articles.Include(a => a.Sources).SingleAsync();
        Assert.Equal(("b-chile.txt", "a-chile"), (article.SourceFile, article.Key));
        Assert.Equal(["b-chile.txt"], article.Sources.Select(s => s.Path));
        Assert.Null(article.WithdrawnAtUtc);
    }

    [Fact]
    public async Task Should_give_the_same_addresses_whatever_order_the_files_are_read_in()
    {
        await using var first = await TempArchive.CreateAsync();
        await first.IngestAsync();
        await using var second = await TempArchive.CreateAsync();

        // A new file that sorts before every other is read first: every id moves, no address does.
        second.WriteFile("0000-new.txt", Release);
        await second.IngestAsync();

        await using var a = first.Open();
        await using var b = second.Open();
        var before = await a.Articles.ToDictionaryAsync(x => x.SourceFile, x => (x.Id, x.Key));
        var after = await b.Articles.ToDictionaryAsync(x => x.SourceFile, x => (x.Id, x.Key));
        Assert.All(before, pair => Assert.Equal(pair.Value.Key, after[pair.Key].Key));
        Assert.All(before, pair => Assert.NotEqual(pair.Value.Id, after[pair.Key].Id));
        Assert.Equal("0000-new", after["0000-new.txt"].Key);
    }

    [Theory]
    [InlineData("001_36685c26c6ed7f33.txt", "001_36685c26c6ed7f33")]
    [InlineData("dev01.txt", "dev01")]
    [InlineData("2019/mou.txt", "2019.mou")]
    [InlineData("mou.html", "mou~html")]
    [InlineData("mou", "mou")]
    public void Should_make_a_plain_path_its_own_key(string path, string key) =>
        Assert.Equal(key, ArticleKeys.From(path));

    [Fact]
    public void Should_give_paths_that_would_meet_in_one_key_keys_of_their_own()
    {
        string[] paths = ["a-b.txt", "A B.txt", "a b.txt", "a_b.txt", "a.b.txt", "a/b.txt", "a-b.html", "a-b~html.txt", "Hội nghị.txt", "hoi-nghi.txt"];

        var keys = paths.Select(ArticleKeys.From).ToList();

        Assert.Equal(paths.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, k => Assert.Matches("^[a-z0-9_.~-]+$", k));
        Assert.StartsWith("hoi-nghi~", ArticleKeys.From("Hội nghị.txt"), StringComparison.Ordinal);
    }
}
