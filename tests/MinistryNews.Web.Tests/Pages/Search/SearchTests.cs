using System.Net;
using AngleSharp.Html.Dom;

namespace MinistryNews.Web.Tests.Pages.Search;

/// <summary>A test archive with the data folder and one article written with Vietnamese diacritics.</summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public const string DaNang = "danang-2024.txt";

    public ArchiveApplication App { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(
            Path.Combine(App.DataFolder, DaNang),
            "Bộ trưởng Nguyễn Mạnh Hùng meets Korean investors in Đà Nẵng\n\nJune 3, 2024 | 09:00 am GMT+7\n\nOn June 2, in Đà Nẵng, Minister of Information and Communications Nguyễn Mạnh Hùng received Korean Ambassador Choi Young-sam and a delegation of Korean investors in semiconductors.\n");
        Client = await App.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    public async Task<IHtmlDocument> SearchAsync(string query, string extra = "")
    {
        using var response = await Client.GetAsync(new Uri($"/search?q={Uri.EscapeDataString(query)}{extra}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ArchiveApplication.ParseAsync(response);
    }

    public static IReadOnlyList<string> Titles(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".search-results a.title").Select(a => a.TextContent.Trim())];
}

public sealed class SearchTests(SearchFixture archive) : IClassFixture<SearchFixture>
{
    private const string DaNangTitle = "Bộ trưởng Nguyễn Mạnh Hùng meets Korean investors in Đà Nẵng";

    [Theory]
    [InlineData("Đà Nẵng")]
    [InlineData("Da Nang")]
    [InlineData("da nang")]
    [InlineData("DA NANG")]
    public async Task Should_find_a_Vietnamese_name_with_or_without_its_diacritics(string query)
    {
        var page = await archive.SearchAsync(query);

        Assert.Equal([DaNangTitle], SearchFixture.Titles(page));
        var marks = page.QuerySelectorAll(".passage mark").Select(m => m.TextContent).ToList();
        Assert.Contains("Đà", marks);
        Assert.Contains("Nẵng", marks);
    }

    [Fact]
    public async Task Should_rank_first_what_is_written_as_typed_when_the_query_has_diacritics()
    {
        var plain = await archive.SearchAsync("Nguyen Manh Hung");
        var accented = await archive.SearchAsync("Nguyễn Mạnh Hùng");

        Assert.True(SearchFixture.Titles(plain).Count >= 6);
        Assert.Equal(SearchFixture.Titles(plain).Order(StringComparer.Ordinal), SearchFixture.Titles(accented).Order(StringComparer.Ordinal));
        Assert.Equal(DaNangTitle, SearchFixture.Titles(accented)[0]);
    }

    [Fact]
    public async Task Should_find_a_phrase_only_in_its_order()
    {
        var phrase = await archive.SearchAsync("\"Home Affairs and Communications\"");
        var reversed = await archive.SearchAsync("\"Communications and Home Affairs\"");

        Assert.Equal(3, SearchFixture.Titles(phrase).Count);
        Assert.Empty(SearchFixture.Titles(reversed));
        Assert.Contains("No results", reversed.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_find_every_word_a_prefix_begins()
    {
        // "minister" finds its own forms (ministers); "minist*" also every other word it begins (ministry, ministerial).
        var prefix = await archive.SearchAsync("minist*");
        var word = await archive.SearchAsync("minister");

        Assert.True(Found(prefix) > Found(word));
        Assert.Contains("Ministry", prefix.QuerySelectorAll(".search-results .passage mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task Should_find_and_mark_the_other_forms_of_a_word_after_the_word_as_typed()
    {
        var page = await archive.SearchAsync("semiconductor");

        // The Korean investors in semiconductors, though the word is typed without its s.
        Assert.Contains(DaNangTitle, SearchFixture.Titles(page));
        var passage = page.QuerySelectorAll(".search-results li").Single(li => li.QuerySelector("a.title")!.TextContent.Trim() == DaNangTitle).QuerySelector(".passage")!;
        Assert.Contains("semiconductors", passage.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.NotEqual(DaNangTitle, SearchFixture.Titles(page)[0]);
        Assert.Equal(DaNangTitle, SearchFixture.Titles(await archive.SearchAsync("semiconductors"))[0]);
    }

    [Theory]
    [InlineData("Hà Nội", "Hanoi")]
    [InlineData("Ha Noi", "Hanoi")]
    [InlineData("Việt Nam", "Vietnam")]
    [InlineData("Nhật Bản", "Japan")]
    public async Task Should_list_the_same_articles_for_any_name_of_a_place(string name, string usualName)
    {
        var byName = await archive.SearchAsync(name);
        var byUsualName = await archive.SearchAsync(usualName);

        Assert.True(Found(byUsualName) > 0);
        Assert.Equal(Found(byUsualName), Found(byName));
        if (Found(byUsualName) <= MinistryNews.Web.Browsing.ArticleList.PageSize)
        {
            Assert.Equal(SearchFixture.Titles(byUsualName).Order(StringComparer.Ordinal), SearchFixture.Titles(byName).Order(StringComparer.Ordinal));
        }

        Assert.Contains(usualName, byName.QuerySelectorAll(".search-results .passage mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task Should_combine_a_search_with_the_filters_and_count_its_facets()
    {
        var all = await archive.SearchAsync("minister");
        var korea = await archive.SearchAsync("minister", "&country=south-korea");

        // dev08, dev09 and the Korean investors in Đà Nẵng.
        Assert.Equal(3, SearchFixture.Titles(korea).Count);
        Assert.Contains(DaNangTitle, SearchFixture.Titles(korea));
        var facet = all.QuerySelectorAll("#facet-country + .facet a").Single(a => a.TextContent.StartsWith("South Korea", StringComparison.Ordinal));
        Assert.Equal("3", facet.QuerySelector(".count")!.TextContent);
        Assert.Equal("/search?q=minister&country=south-korea", facet.GetAttribute("href"));
    }

    /// <summary>The number of articles the page says it found.</summary>
    private static int Found(IHtmlDocument page) =>
        int.Parse(page.QuerySelector(".summary")!.TextContent.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(japan korea)")]
    [InlineData("AND(")]
    [InlineData("*")]
    [InlineData("title:japan")]
    [InlineData("japan OR")]
    [InlineData("-japan")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("^japan")]
    [InlineData("\"\"\"")]
    [InlineData("日本 通信")]
    [InlineData("\u202Ejapan\u200B")]
    public async Task Should_answer_any_input_with_a_page_never_an_error(string query)
    {
        var page = await archive.SearchAsync(query);

        Assert.NotNull(page.QuerySelector("h1"));
        Assert.True(page.QuerySelector(".search-results") is not null || page.QuerySelector(".empty") is not null);
        await using var db = archive.App.OpenDatabase();
        Assert.Equal(46, db.Articles.Count());
    }

    [Fact]
    public async Task Should_keep_the_query_within_its_length_limit()
    {
        var page = await archive.SearchAsync(string.Concat(Enumerable.Repeat("japan ", 100)));

        Assert.Contains("Only the first 200 characters", page.QuerySelector(".messages")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_each_search_landmark_of_the_search_page_apart()
    {
        var page = await ArchiveApplication.GetPageAsync(archive.Client, "/search?q=japan&country=japan");

        // A screen reader lists landmarks by name: two searches must not both be "search".
        var names = page.QuerySelectorAll("[role=search]").Select(f => f.GetAttribute("aria-label")).ToList();
        Assert.Equal(2, names.Count);
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Should_offer_the_search_box_on_every_page()
    {
        foreach (var url in new[] { "/", "/articles", "/countries", "/people/nguyen-manh-hung" })
        {
            var page = await ArchiveApplication.GetPageAsync(archive.Client, url);
            var form = page.QuerySelector("header form[role=search]")!;
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("input[name=q]"));
        }
    }
}

/// <summary>The index follows ingestion: a new, changed or removed text is found, or not, at once.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public async Task Should_find_a_new_file_and_forget_the_words_a_changed_file_lost()
    {
        await using var app = new ArchiveApplication(watch: true);
        using var client = await app.StartAsync();
        var path = Path.Combine(app.DataFolder, "quokka.txt");

        await File.WriteAllTextAsync(path, "Talks on quokka protection\n\nJune 2, 2022 | 09:00 am GMT+7\n\nOn June 1, the Deputy Minister discussed quokka habitats with the Ambassador of Australia.\n");
        Assert.True(await EventuallyAsync(async () => (await Found(client, "quokka")) == 1));

        await File.WriteAllTextAsync(path, "Talks on wombat protection\n\nJune 2, 2022 | 09:00 am GMT+7\n\nOn June 1, the Deputy Minister discussed wombat habitats with the Ambassador of Australia.\n");
        Assert.True(await EventuallyAsync(async () => (await Found(client, "wombat")) == 1 && (await Found(client, "quokka")) == 0));
    }

    private static async Task<int> Found(HttpClient client, string word)
    {
        var page = await ArchiveApplication.GetPageAsync(client, $"/search?q={word}");
        return page.QuerySelectorAll(".search-results .article").Length;
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
