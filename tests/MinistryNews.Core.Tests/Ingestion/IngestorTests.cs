using System.Text;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Tests.Ingestion;

public sealed class IngestorTests
{
    private const string JapanSeed = "002_43bc5bf8eb7e91f7.txt";

    [Fact]
    public async Task Should_store_every_file_of_the_data_folder()
    {
        await using var archive = await TempArchive.CreateAsync();

        var report = await archive.IngestAsync();

        Assert.Equal(45, report.Added);
        Assert.Equal(0, report.Failed);
        await using var db = archive.Open();
        var stored = await db.Articles.OrderBy(a => a.SourceFile).ToListAsync();
        Assert.Equal(Directory.EnumerateFiles(archive.DataFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal), stored.Select(a => a.SourceFile));
        Assert.All(stored, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
        Assert.All(stored, a => Assert.NotEmpty(a.Body));
    }

    [Fact]
    public async Task Should_keep_the_raw_text_exactly_as_read()
    {
        await using var archive = await TempArchive.CreateAsync();

        await archive.IngestAsync();

        await using var db = archive.Open();
        foreach (var article in await db.Articles.ToListAsync())
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(archive.DataFolder, article.SourceFile));
            Assert.Equal(Encoding.UTF8.GetString(bytes), article.RawText);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), article.ContentHash);
        }
    }

    [Fact]
    public async Task Should_change_nothing_when_an_unchanged_folder_is_ingested_again()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();
        var before = await SnapshotAsync(archive);

        var report = await archive.IngestAsync();

        Assert.Equal(45, report.Unchanged);
        Assert.Equal(0, report.Added + report.Updated + report.Failed);
        Assert.Equal(before, await SnapshotAsync(archive));
    }

    [Fact]
    public async Task Should_replace_the_facts_of_a_changed_file_and_keep_its_id()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();
        int id;
        await using (var db = archive.Open())
        {
            id = await db.Articles.Where(a => a.SourceFile == JapanSeed).Select(a => a.Id).SingleAsync();
        }

        var changed = "Minister Nguyen Manh Hung receives the Ambassador of Finland\n\nMarch 2, 2021 | 09:00 am GMT+7\n\n"
            + "On March 1, in Hanoi, Minister of Information and Communications Nguyen Manh Hung received Ambassador of Finland Kari Kahiluoto.\n";
        archive.WriteFile(JapanSeed, changed);

        var report = await archive.IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(44, report.Unchanged);
        await using var check = archive.Open();
        var article = await check.Articles
            .Include(a => a.Meetings).Include(a => a.Agreements).Include(a => a.Countries)
            .SingleAsync(a => a.SourceFile == JapanSeed);
        Assert.Equal(id, article.Id);
        Assert.Equal("Minister Nguyen Manh Hung receives the Ambassador of Finland", article.Title);
        Assert.Equal(changed, article.RawText);
        Assert.DoesNotContain(article.Body, b => b.Text.Contains("Takaichi", StringComparison.Ordinal));
        var expected = ArticleExtractor.Default.Extract(new SourceDocument(JapanSeed, changed));
        Assert.Equal(expected.Meetings.Count, article.Meetings.Count);
        Assert.Equal(expected.Agreements.Count, article.Agreements.Count);
        Assert.Equal(expected.Countries.Order(), article.Countries.Select(c => c.Code).Order());
        Assert.Equal(45, await check.Articles.CountAsync());
    }

    [Fact]
    public async Task Should_keep_the_countries_and_ministries_that_a_changed_file_still_names()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();
        var before = await LinksAsync(archive);
        Assert.NotEmpty(before.Countries);
        Assert.NotEmpty(before.Organisations);

        var path = Path.Combine(archive.DataFolder, JapanSeed);
        await File.AppendAllTextAsync(path, "\nThe two sides agreed to meet again next year.\n");
        var report = await archive.IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(before, await LinksAsync(archive));

        static async Task<(string Countries, string Organisations, string MentionOrganisations)> LinksAsync(TempArchive archive)
        {
            await using var db = archive.Open();
            var article = await db.Articles.AsNoTracking()
                .Include(a => a.Countries).Include(a => a.Organisations).Include(a => a.People).ThenInclude(m => m.Organisation)
                .SingleAsync(a => a.SourceFile == JapanSeed);
            return (
                string.Join(", ", article.Countries.Select(c => c.Code).Order(StringComparer.Ordinal)),
                string.Join(", ", article.Organisations.Select(o => o.Slug).Order(StringComparer.Ordinal)),
                string.Join(", ", article.People.Select(m => $"{m.NameAsWritten}: {m.Organisation?.Slug}").Order(StringComparer.Ordinal)));
        }
    }

    [Fact]
    public async Task Should_name_each_bad_file_with_its_problem_and_store_the_good_ones()
    {
        await using var archive = await TempArchive.CreateAsync();
        archive.WriteFile("empty.txt", []);
        archive.WriteFile("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        archive.WriteFile("latin1.txt", Encoding.Latin1.GetBytes("Thứ trưởng met the délégation in Hà Nội"));
        archive.WriteFile("too-big.txt", Encoding.UTF8.GetBytes(new string('a', 70_000)));
        archive.WriteFile("chrome-only.html", "<html><head><title>x</title><script>var a = 1;</script></head><body><nav>Home | News</nav><footer>Contact</footer></body></html>");
        archive.WriteFile("blank.txt", "  \n\u00A0\n\t\n");

        var report = await archive.IngestAsync(maxFileBytes: 64 * 1024);

        Assert.Equal(45, report.Added);
        var errors = report.Failures.ToDictionary(f => f.File, f => f.Error);
        Assert.Equal(6, errors.Count);
        Assert.Contains("empty", errors["empty.txt"], StringComparison.Ordinal);
        Assert.Contains("binary", errors["binary.txt"], StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", errors["latin1.txt"], StringComparison.Ordinal);
        Assert.Contains("over the limit", errors["too-big.txt"], StringComparison.Ordinal);
        Assert.Contains("no text", errors["chrome-only.html"], StringComparison.Ordinal);
        Assert.Contains("no text", errors["blank.txt"], StringComparison.Ordinal);
        await using var db = archive.Open();
        Assert.Equal(45, await db.Articles.CountAsync());
        Assert.False(await db.Articles.AnyAsync(a => errors.Keys.Contains(a.SourceFile)));
    }

    [Fact]
    public async Task Should_keep_the_stored_article_when_its_file_turns_bad()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();
        string title;
        await using (var db = archive.Open())
        {
            title = await db.Articles.Where(a => a.SourceFile == JapanSeed).Select(a => a.Title).SingleAsync();
        }

        archive.WriteFile(JapanSeed, [0xC3, 0x28, 0xA0, 0xA1]);
        var report = await archive.IngestAsync();

        var failure = Assert.Single(report.Failures);
        Assert.Equal(JapanSeed, failure.File);
        await using var check = archive.Open();
        var article = await check.Articles.SingleAsync(a => a.SourceFile == JapanSeed);
        Assert.Equal(title, article.Title);
        Assert.Contains("Takaichi Sanae", article.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_a_removed_file_and_keep_its_article_withdrawn()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();

        File.Delete(Path.Combine(archive.DataFolder, JapanSeed));
        var report = await archive.IngestAsync();

        Assert.Equal([JapanSeed], report.Missing);
        await using var db = archive.Open();
        Assert.False(await db.Articles.AnyAsync(a => a.SourceFile == JapanSeed));
        Assert.True(await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.SourceFile == JapanSeed && a.WithdrawnAtUtc != null));
    }

    [Fact]
    public async Task Should_read_a_saved_html_page_without_its_site_chrome()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("page.html", """
            <!DOCTYPE html>
            <html><head>
              <title>MIC - News</title>
              <meta property="article:published_time" content="2023-06-15T09:30:00+07:00">
              <link rel="canonical" href="https://mic.gov.vn/news/minister-meets-korea.htm">
              <script>trackPageView();</script>
            </head>
            <body>
              <header><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>
              <article>
                <h1>Minister meets Korean delegation</h1>
                <div class="share">Share on Facebook</div>
                <p>On June 14, in Hanoi, Minister of Information and Communications Nguyen Manh Hung received&nbsp;the delegation of the Ministry of Science and ICT of Korea.</p>
                <figure><img src="/images/2023/PSX_20230614_101010.jpg"><figcaption>Minister Nguyen Manh Hung at the meeting</figcaption></figure>
                <p>The two sides discussed cooperation in digital transformation.</p>
              </article>
              <footer>Copyright MIC. All rights reserved.</footer>
            </body></html>
            """);

        var report = await archive.IngestAsync();

        Assert.Equal(1, report.Added);
        await using var db = archive.Open();
        var article = await db.Articles.SingleAsync();
        Assert.Equal("Minister meets Korean delegation", article.Title);
        Assert.StartsWith("<!DOCTYPE html>", article.RawText, StringComparison.Ordinal);
        var text = string.Join("\n", article.Body.Select(b => b.Text));
        Assert.Contains("received the delegation of the Ministry of Science and ICT of Korea.", text, StringComparison.Ordinal);
        Assert.Contains("The two sides discussed cooperation in digital transformation.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on Facebook", text, StringComparison.Ordinal);
        Assert.DoesNotContain("trackPageView", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", text, StringComparison.Ordinal);
        Assert.DoesNotContain("News", text.Replace("news", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_one_row_per_person_and_country_across_articles()
    {
        await using var archive = await TempArchive.CreateAsync();

        await archive.IngestAsync();
        await archive.IngestAsync();

        await using var db = archive.Open();
        // One name and country is one person, unless the offices the articles give it disagree (a Minister and a Director of
        // one name are two people; "offices over time" is not read yet): such rows differ in every title.
        var people = await db.People.Select(p => new { p.Id, p.NameKey, p.CountryId }).ToListAsync();
        var titles = (await db.ArticlePeople.Select(a => new { a.PersonId, a.Title }).ToListAsync())
            .ToLookup(a => a.PersonId, a => a.Title);
        foreach (var namesake in people.GroupBy(p => (p.NameKey, p.CountryId)).Where(g => g.Count() > 1))
        {
            var rows = namesake.ToList();
            Assert.All(
                rows.SelectMany((a, i) => rows.Skip(i + 1).Select(b => (a, b))),
                pair => Assert.False(
                    titles[pair.a.Id].Any(x => titles[pair.b.Id].Any(y => PersonIdentity.TitlesAgree(x, y))),
                    $"two rows for {namesake.Key.NameKey} whose titles agree: {string.Join(", ", titles[pair.a.Id])} / {string.Join(", ", titles[pair.b.Id])}"));
        }

        var codes = await db.Countries.Select(c => c.Code).ToListAsync();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    /// <summary>Every row count and every article's id, hash and ingestion time.</summary>
    private static async Task<string> SnapshotAsync(TempArchive archive)
    {
        await using var db = archive.Open();
        var articles = await db.Articles.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.SourceFile}:{a.ContentHash}:{a.IngestedAtUtc:O}").ToListAsync();
        return string.Join('\n', articles) + $"\n{await db.People.CountAsync()} {await db.Countries.CountAsync()} {await db.Meetings.CountAsync()} "
            + $"{await db.Delegations.CountAsync()} {await db.Agreements.CountAsync()} {await db.ArticlePeople.CountAsync()}";
    }

    [Fact]
    public async Task Should_read_again_the_articles_an_older_extraction_read()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();
        await using (var db = archive.Open())
        {
            await db.Articles.Where(a => a.SourceFile == JapanSeed).ExecuteUpdateAsync(s => s.SetProperty(a => a.ExtractorVersion, "older"));
        }

        var report = await archive.IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(44, report.Unchanged);
        await using var check = archive.Open();
        Assert.All(await check.Articles.Select(a => a.ExtractorVersion).ToListAsync(), v => Assert.Equal(ArticleExtractor.Version, v));
    }

    [Fact]
    public async Task Should_keep_an_articles_change_time_when_its_same_text_is_read_again_and_move_it_when_the_text_changes()
    {
        await using var archive = await TempArchive.CreateAsync();
        await archive.IngestAsync();
        async Task<(DateTime Ingested, DateTime Changed)> TimesAsync()
        {
            await using var db = archive.Open();
            return await db.Articles.Where(a => a.SourceFile == JapanSeed).Select(a => new ValueTuple<DateTime, DateTime>(a.IngestedAtUtc, a.ChangedAtUtc)).SingleAsync();
        }

        var first = await TimesAsync();
        Assert.Equal(first.Ingested, first.Changed);

        // A newer extraction reads the same text again: the article was written, it did not change.
        await using (var db = archive.Open())
        {
            await db.Articles.Where(a => a.SourceFile == JapanSeed).ExecuteUpdateAsync(s => s.SetProperty(a => a.ExtractorVersion, "older"));
        }

        await Task.Delay(20);
        Assert.Equal(1, (await archive.IngestAsync()).Updated);
        var reread = await TimesAsync();
        Assert.True(reread.Ingested > first.Ingested);
        Assert.Equal(first.Changed, reread.Changed);

        // Its text changes: so does its change time.
        var path = Path.Combine(archive.DataFolder, JapanSeed);
        await File.AppendAllTextAsync(path, "\n\nThe two ministries will meet again in Tokyo next year.\n");
        await Task.Delay(20);
        Assert.Equal(1, (await archive.IngestAsync()).Updated);
        var changed = await TimesAsync();
        Assert.True(changed.Changed > first.Changed);
        Assert.Equal(changed.Ingested, changed.Changed);
    }
}
