namespace MinistryNews.Web.Tests.Pages;

public sealed class IndexTests
{
    [Fact]
    public async Task Should_list_the_latest_articles_of_the_data_folder_by_title_and_count_them_all()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();

        var page = await ArchiveApplication.GetPageAsync(client, "/");

        // The latest 20 of the 45; these four, of 2017 to 2021, are among them.
        var titles = page.QuerySelectorAll(".article-list .article a.title").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(20, titles.Count);
        Assert.Contains("Deputy Minister Phan Tam met Deputy Minister of Communications and Mass Media of the Russian Federation", titles);
        Assert.Contains("The signing ceremony of Memorandum of Cooperation between MIC and the Ministry of Home Affairs and Communications of Japan", titles);
        Assert.Contains("Vietnam, UK Enhance Cooperation In Digital Economy, Digital Transformation", titles);
        Assert.Contains("Lao leaders appreciate the effective cooperation with the MIC of Vietnam", titles);
        Assert.Equal("45", page.QuerySelector(".stats .number")?.TextContent.Trim());
        Assert.Equal("All 45 articles, with filters →", page.QuerySelector("section[aria-label='Latest articles'] > p > a[href='/articles']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Should_list_the_newest_articles_first_and_undated_ones_last()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();

        var page = await ArchiveApplication.GetPageAsync(client, "/");

        var dates = page.QuerySelectorAll(".article-list .article time").Select(t => t.GetAttribute("datetime")).ToList();
        var dated = dates.TakeWhile(d => !string.IsNullOrEmpty(d)).ToList();
        Assert.NotEmpty(dated);
        Assert.Equal(dated.OrderDescending(StringComparer.Ordinal), dated);
        Assert.All(dates.Skip(dated.Count), d => Assert.True(string.IsNullOrEmpty(d)));
    }

    [Fact]
    public async Task Should_link_each_article_to_its_page()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        var (id, slug, title) = await app.ArticleAsync("001_36685c26c6ed7f33.txt");

        var page = await ArchiveApplication.GetPageAsync(client, "/");

        var link = page.QuerySelectorAll(".article-list a.title").Single(a => a.TextContent.Trim() == title);
        Assert.Equal($"/articles/{id}/{slug}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Should_show_a_file_that_appears_in_the_data_folder_while_the_app_runs()
    {
        await using var app = new ArchiveApplication(watch: true);
        using var client = await app.StartAsync();

        await File.WriteAllTextAsync(
            Path.Combine(app.DataFolder, "new-release.txt"),
            "Deputy Minister receives the Ambassador of Chile\n\nJune 2, 2022 | 09:00 am GMT+7\n\nOn June 1, in Hanoi, the Deputy Minister received the Ambassador of Chile.\n");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<string> titles;
        do
        {
            await Task.Delay(250);
            var page = await ArchiveApplication.GetPageAsync(client, "/");
            titles = page.QuerySelectorAll(".article-list a.title").Select(a => a.TextContent.Trim()).ToList();
        }
        while (!titles.Contains("Deputy Minister receives the Ambassador of Chile") && DateTime.UtcNow < deadline);

        // Dated 2 June 2022, it is among the latest 20, which the front page still shows.
        Assert.Contains("Deputy Minister receives the Ambassador of Chile", titles);
        Assert.Equal(20, titles.Count);
    }
}
