using System.Net;
using System.Xml;
using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// Whatever characters a press release holds, every page, feed, export and API answer keeps working: a file with every
/// C0 control, the bidirectional set and a word of 100,000 letters is stored cleaned, and then everything is fetched.
/// </summary>
public sealed class HostileTextTests
{
    private const string Bidi = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    private const string Override = "\u202E";

    private const string PopDirection = "\u202C";

    private const string VerticalTab = "\v";

    private static readonly string Controls = new([.. Enumerable.Range(1, 31).Select(c => (char)c), '\u007F', '\u0085', '\u009B']);

    /// <summary>The controls that do not end a line (a vertical tab is a line break within a paragraph): a headline holding them is still one line.</summary>
    private static readonly string InlineControls = new([.. Controls.Where(c => c is not ('\t' or '\n' or '\f' or '\r' or '\u0085'))]);

    /// <summary>Ordinary text around the controls: a file of mostly control characters is refused as binary.</summary>
    private static readonly string Padding = string.Concat(Enumerable.Repeat("The two ministries discussed cooperation in digital technology and postal services. ", 30));

    [Fact]
    public async Task Should_serve_every_page_feed_and_export_of_an_article_with_every_control_character()
    {
        await using var app = new ArchiveApplication();
        File.WriteAllText(Path.Combine(app.DataFolder, "hostile.txt"), $"""
            Minister Hung meets {Bidi}Japanese counterpart{InlineControls} in Tokyo

            Tokyo, 5 May 2024

            {Padding}

            Minister of Information and Communications Nguyen Manh Hung received Japanese Ambassador {Override}Takio Yamada{PopDirection} in Hanoi on May 4.{Controls}{Bidi}

            The two ministers signed a Memorandum of Understanding on digital transformation.{VerticalTab}Both sides agreed {new string('x', 100_000)} to cooperate.
            """);
        var client = await app.StartAsync();

        var (id, slug, title) = await app.ArticleAsync("hostile.txt");
        await using var db = app.OpenDatabase();
        var yamada = await db.People.Where(p => p.Name.Contains("Yamada")).Select(p => new { p.Name, p.Slug }).SingleAsync();

        Assert.Equal("Minister Hung meets Japanese counterpart in Tokyo", title);
        Assert.Equal("Takio Yamada", yamada.Name);

        string[] pages =
        [
            "/", "/articles", $"/articles/{id}/{slug}", "/search?q=Yamada", "/meetings", "/agreements", "/people", $"/people/{yamada.Slug}",
            "/countries", "/countries/japan", "/archive/2024", "/archive/2024/5",
        ];
        foreach (var page in pages)
        {
            var document = await ArchiveApplication.GetPageAsync(client, page);
            var shown = document.Body!.TextContent;
            Assert.DoesNotContain(shown, c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        }

        var article = await ArchiveApplication.GetPageAsync(client, $"/articles/{id}/{slug}");
        Assert.Equal("Minister Hung meets Japanese counterpart in Tokyo", article.QuerySelector("h1")!.TextContent.Trim());
        Assert.All(article.QuerySelectorAll(".body p"), p => Assert.DoesNotContain(p.TextContent.Split(' '), w => w.Length > 256));

        foreach (var feed in new[] { "/feeds/articles.atom", "/feeds/countries/japan.atom", $"/feeds/people/{yamada.Slug}.atom", "/sitemap.xml" })
        {
            await AssertWellFormedXmlAsync(client, feed);
        }

        foreach (var answer in new[] { "/api/articles", $"/api/articles/{id}", "/api/people", "/articles?format=csv", "/articles?format=json", "/meetings?format=csv", "/people?format=json" })
        {
            using var response = await client.GetAsync(new Uri(answer, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{answer}: {(int)response.StatusCode}");
            Assert.DoesNotContain('\v', await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Should_serve_the_feeds_of_articles_stored_with_controls_before_they_were_cleaned()
    {
        await using var app = new ArchiveApplication();
        var client = await app.StartAsync();

        // An archive written before text was cleaned at ingestion, whose files are gone: its titles hold a vertical tab.
        await using (var db = app.OpenDatabase())
        {
            await db.Articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, a => a.Title + "\v\u0001"));
        }

        await AssertWellFormedXmlAsync(client, "/feeds/articles.atom");
        await AssertWellFormedXmlAsync(client, "/feeds/countries/japan.atom");
    }

    private static async Task AssertWellFormedXmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(), new XmlReaderSettings { CheckCharacters = true, Async = true });
        while (await reader.ReadAsync())
        {
        }
    }
}
