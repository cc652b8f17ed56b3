namespace MinistryNews.Web.Tests.Pages.Articles;

/// <summary>The facts panel beside an article's text, and the way to the articles before and after it.</summary>
public sealed class FactsTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Fact]
    public async Task Should_show_the_memorandum_with_Japan_its_date_and_its_two_signatories()
    {
        var (id, slug, _) = await archive.App.ArticleAsync("002_43bc5bf8eb7e91f7.txt");

        var page = await archive.PageAsync($"/articles/{id}/{slug}");

        var agreement = page.QuerySelector(".facts .agreements li")!;
        var text = Normalize(agreement.TextContent);
        Assert.StartsWith("Memorandum of Understanding with Japan", text, StringComparison.Ordinal);
        Assert.Contains("valid 2020-2023", text, StringComparison.Ordinal);

        // "After the meeting, the two Ministers signed …": the day is the meeting's, told in an earlier sentence.
        Assert.Equal("Signed 9 January 2020 (day, from context), valid 2020-2023", Normalize(agreement.QuerySelector(".event-date")!.TextContent));
        Assert.Equal("2020-01-09", agreement.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(["/people/nguyen-manh-hung", "/people/takaichi-sanae"], agreement.QuerySelectorAll(".signatories a").Select(a => a.GetAttribute("href")));
        Assert.Equal("/countries/japan", agreement.QuerySelector("a[href^='/countries/']")!.GetAttribute("href"));

        // The document's kind leads to its record in the register.
        var record = agreement.QuerySelector("a.record")!;
        Assert.Equal("Memorandum of Understanding", record.TextContent.Trim());
        var recordPage = await archive.PageAsync(record.GetAttribute("href")!);
        Assert.StartsWith("Memorandum of Understanding between Viet Nam and Japan", Normalize(recordPage.QuerySelector("h1")!.TextContent), StringComparison.Ordinal);
        Assert.Contains($"/articles/{id}/{slug}", recordPage.QuerySelectorAll("table.mentions a.article").Select(a => a.GetAttribute("href")));

        // The sentence it was read from is marked in the text, and the fact links to it.
        var evidence = agreement.QuerySelector("a[href^='#fact-']")!;
        Assert.Equal("Read the sentence that states the Memorandum of Understanding of 9 January 2020 with Japan", Normalize(evidence.TextContent));
        var mark = page.QuerySelector(evidence.GetAttribute("href")!)!;
        Assert.Equal("mark", mark.LocalName);
        Assert.Contains("fact-sentence", mark.ClassList);
        Assert.StartsWith("After the meeting, the two Ministers signed", mark.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_tell_a_visit_made_from_a_visit_hosted()
    {
        var (madeId, madeSlug, _) = await archive.App.ArticleAsync("000_f1b509b8acb5ba32.txt");
        var (hostedId, hostedSlug, _) = await archive.App.ArticleAsync("dev03.txt");

        var made = await archive.PageAsync($"/articles/{madeId}/{madeSlug}");
        var hosted = await archive.PageAsync($"/articles/{hostedId}/{hostedSlug}");

        var madeText = Normalize(made.QuerySelector(".facts .delegations li")!.TextContent);
        Assert.StartsWith("Visit made: Vietnam delegation led by Nguyen Thanh Hung to", madeText, StringComparison.Ordinal);
        Assert.Contains("Germany", madeText, StringComparison.Ordinal);
        Assert.Contains("Finland", madeText, StringComparison.Ordinal);
        Assert.StartsWith("Visit hosted: Japan delegation led by Manabu Sakai to Vietnam", Normalize(hosted.QuerySelector(".facts .delegations li")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_link_to_the_articles_before_and_after_by_date()
    {
        // dev05 is of 21 March 2019; dev04 of 13 March comes before it, the memorandum with Japan of 10 January 2020 after.
        var (id, slug, _) = await archive.App.ArticleAsync("dev05.txt");
        var (beforeId, _, _) = await archive.App.ArticleAsync("dev04.txt");
        var (afterId, _, _) = await archive.App.ArticleAsync("002_43bc5bf8eb7e91f7.txt");

        var page = await archive.PageAsync($"/articles/{id}/{slug}");

        Assert.StartsWith($"/articles/{beforeId}/", page.QuerySelector(".adjacent a[rel=prev]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith($"/articles/{afterId}/", page.QuerySelector(".adjacent a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" ,", ",", StringComparison.Ordinal);
}
