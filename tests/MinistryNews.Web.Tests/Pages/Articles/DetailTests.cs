using System.Net;

namespace MinistryNews.Web.Tests.Pages.Articles;

public sealed class DetailTests
{
    private const string JapanSeed = "002_43bc5bf8eb7e91f7.txt";

    [Fact]
    public async Task Should_show_the_full_text_as_paragraphs()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        var (id, slug, title) = await app.ArticleAsync(JapanSeed);

        var page = await ArchiveApplication.GetPageAsync(client, $"/articles/{id}/{slug}");

        Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
        var paragraphs = page.QuerySelectorAll(".article-text .body p").Select(p => p.TextContent.Trim()).ToList();
        Assert.Contains(
            "The Memorandum of Cooperation between the Ministry of Information and Communications and the Ministry of Home Affairs and Communications of Japan was made in the period from 2020 to 2023.",
            paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("After the meeting, the two Ministers signed a Memorandum of Understanding", StringComparison.Ordinal));
        Assert.Equal(JapanSeed, page.QuerySelector(".article-text code")?.TextContent);
    }

    [Fact]
    public async Task Should_redirect_a_wrong_or_missing_slug_to_the_right_one()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();
        var (id, slug, _) = await app.ArticleAsync(JapanSeed);

        foreach (var url in new[] { $"/articles/{id}", $"/articles/{id}/not-the-title" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal($"/articles/{id}/{slug}", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Should_answer_an_unknown_article_with_a_helpful_not_found_page()
    {
        await using var app = new ArchiveApplication();
        using var client = await app.StartAsync();

        using var response = await client.GetAsync(new Uri("/articles/99999/anything", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await ArchiveApplication.ParseAsync(response);
        Assert.Equal("Not found", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/", page.QuerySelectorAll("main a")[^1].GetAttribute("href"));
    }
}
