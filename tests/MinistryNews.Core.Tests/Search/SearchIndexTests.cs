using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Search;

namespace MinistryNews.Core.Tests.Search;

/// <summary>A small archive whose texts write the same words and places in different ways.</summary>
public sealed class SpellingsArchive : IAsyncLifetime
{
    public const string Ministers = "Ministers discuss postal services";
    public const string Minister = "Minister opens a data centre";
    public const string Signing = "Signing ceremony for the broadband programme";
    public const string Cooperate = "Two agencies cooperate on cyber security";
    public const string HaNoiAccented = "Forum on digital transformation in Hà Nội";
    public const string Hanoi = "Hanoi hosts a telecommunications conference";
    public const string HaNoiUnaccented = "Ha Noi hosts a start-up festival";
    public const string NhatBan = "Seminar on postal codes with partners";
    public const string Japan = "Broadcasting experts meet in Tokyo";

    private static readonly (string File, string Title, string Body)[] Texts =
    [
        ("ministers.txt", Ministers, "The ministers of the two countries discussed postal services."),
        ("minister.txt", Minister, "The minister opened a data centre in the capital."),
        ("signing.txt", Signing, "A signing ceremony was held for the broadband programme."),
        ("cooperate.txt", Cooperate, "The two agencies will cooperate closely on cyber security next year."),
        ("hanoi-vi.txt", HaNoiAccented, "The forum was held in Hà Nội, Việt Nam."),
        ("hanoi-en.txt", Hanoi, "The conference took place in Hanoi, Vietnam, over two busy days."),
        ("hanoi-ascii.txt", HaNoiUnaccented, "The festival was held in Ha Noi, Viet Nam."),
        ("nhatban.txt", NhatBan, "Partners from Nhật Bản attended the seminar on postal codes."),
        ("japan.txt", Japan, "Broadcasting experts from Japan met in Tokyo to share their plans."),
    ];

    public TempArchive Archive { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Archive = await TempArchive.CreateAsync(withRepositoryData: false);
        foreach (var (file, title, body) in Texts)
        {
            Archive.WriteFile(file, $"{title}\n\nJune 3, 2024 | 09:00 am GMT+7\n\n{body}\n");
        }

        // A machine under heavy load can run an extraction past its time limit: a failed file is read again by the next
        // run, as the watcher would.
        var report = await Archive.IngestAsync();
        for (var run = 1; run < 3 && report.Failed > 0; run++)
        {
            report = await Archive.IngestAsync();
        }

        await using var db = Archive.Open();
        Assert.Equal(Texts.Length, await db.Articles.CountAsync());
    }

    public async Task DisposeAsync() => await Archive.DisposeAsync();

    /// <summary>The titles a search finds, best first, as the search page ranks them.</summary>
    public async Task<List<string>> SearchAsync(string query)
    {
        await using var db = Archive.Open();
        var ids = await SearchIndex.Hits(db, SearchQuery.Parse(query)).OrderBy(h => h.Rank).ThenByDescending(h => h.Id).Select(h => h.Id).ToListAsync();
        var titles = await db.Articles.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title);
        return [.. ids.Select(id => titles[id])];
    }
}

public sealed class SearchIndexTests(SpellingsArchive archive) : IClassFixture<SpellingsArchive>
{
    [Theory]
    [InlineData("minister", new[] { SpellingsArchive.Minister, SpellingsArchive.Ministers })]
    [InlineData("ministers", new[] { SpellingsArchive.Minister, SpellingsArchive.Ministers })]
    [InlineData("signed", new[] { SpellingsArchive.Signing })]
    [InlineData("cooperation", new[] { SpellingsArchive.Cooperate })]
    [InlineData("discussing postal service", new[] { SpellingsArchive.Ministers })]
    public async Task Should_find_the_other_forms_of_a_word(string query, string[] expected)
    {
        AssertFinds(expected, await archive.SearchAsync(query));
    }

    [Fact]
    public async Task Should_rank_the_word_as_typed_before_its_other_forms()
    {
        Assert.Equal([SpellingsArchive.Ministers, SpellingsArchive.Minister], await archive.SearchAsync("ministers"));
        Assert.Equal([SpellingsArchive.Minister, SpellingsArchive.Ministers], await archive.SearchAsync("minister"));
    }

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("Ha Noi")]
    [InlineData("ha noi")]
    [InlineData("Hanoi")]
    [InlineData("HANOI")]
    [InlineData("\"Hà Nội\"")]
    public async Task Should_find_a_city_by_any_of_its_names(string query)
    {
        AssertFinds([SpellingsArchive.HaNoiUnaccented, SpellingsArchive.HaNoiAccented, SpellingsArchive.Hanoi], await archive.SearchAsync(query));
    }

    [Theory]
    [InlineData("Việt Nam")]
    [InlineData("Viet Nam")]
    [InlineData("Vietnam")]
    [InlineData("vietnam")]
    public async Task Should_find_a_country_by_any_of_its_names(string query)
    {
        AssertFinds([SpellingsArchive.HaNoiUnaccented, SpellingsArchive.HaNoiAccented, SpellingsArchive.Hanoi], await archive.SearchAsync(query));
    }

    [Theory]
    [InlineData("Nhật Bản")]
    [InlineData("Nhat Ban")]
    [InlineData("Japan")]
    public async Task Should_find_a_country_by_its_Vietnamese_name_and_the_other_way_round(string query)
    {
        AssertFinds([SpellingsArchive.Japan, SpellingsArchive.NhatBan], await archive.SearchAsync(query));
    }

    [Fact]
    public async Task Should_rank_a_name_written_as_typed_first_with_its_accents_first_of_all()
    {
        Assert.Equal([SpellingsArchive.HaNoiAccented, SpellingsArchive.HaNoiUnaccented, SpellingsArchive.Hanoi], await archive.SearchAsync("Hà Nội"));
        Assert.Equal(SpellingsArchive.Hanoi, (await archive.SearchAsync("Ha Noi"))[^1]);
        Assert.Equal(SpellingsArchive.Hanoi, (await archive.SearchAsync("Hanoi"))[0]);
    }

    [Fact]
    public async Task Should_find_a_name_only_with_the_other_words_typed()
    {
        Assert.Equal([SpellingsArchive.Hanoi], await archive.SearchAsync("Ha Noi conference"));
        Assert.Equal([SpellingsArchive.NhatBan], await archive.SearchAsync("Japan postal"));
    }

    [Fact]
    public async Task Should_keep_phrases_in_their_order_and_prefixes_as_written()
    {
        Assert.Equal([SpellingsArchive.Ministers], await archive.SearchAsync("\"postal services\""));
        Assert.Equal([SpellingsArchive.Ministers], await archive.SearchAsync("\"postal service\""));
        Assert.Empty(await archive.SearchAsync("\"services postal\""));
        Assert.Equal([SpellingsArchive.Ministers], await archive.SearchAsync("ministers*"));
        AssertFinds([SpellingsArchive.Minister, SpellingsArchive.Ministers], await archive.SearchAsync("minist*"));
        Assert.Equal([SpellingsArchive.Ministers], await archive.SearchAsync("ministers* postal"));
        Assert.Equal([SpellingsArchive.Cooperate], await archive.SearchAsync("cooperat*"));
        Assert.Equal([SpellingsArchive.Hanoi], await archive.SearchAsync("telecom* Vietnam"));
    }

    private static void AssertFinds(IEnumerable<string> expected, IEnumerable<string> found) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));

    [Fact]
    public async Task Should_index_the_stems_of_the_articles_stored_before_stemming()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("ministers.txt", "Ministers discuss postal services\n\nJune 3, 2024 | 09:00 am GMT+7\n\nThe ministers discussed postal services.\n");
        await archive.IngestAsync();
        await using (var db = archive.Open())
        {
            // The database as it was before: back to the migration before the stems, then up again as on a first start.
            await TempArchive.MigrateFromBeforeAsync(db, "StemmedSearch");

            var found = await SearchIndex.Hits(db, SearchQuery.Parse("minister")).Select(h => h.Id).ToListAsync();
            Assert.Equal(await db.Articles.Select(a => a.Id).ToListAsync(), found);
        }

        Assert.Equal("ok", await TestDatabase.CheckAsync(archive.Storage));
    }
}
