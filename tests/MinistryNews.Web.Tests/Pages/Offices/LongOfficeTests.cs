namespace MinistryNews.Web.Tests.Pages.Offices;

/// <summary>
/// An office held by more people than the list of offices shows: seven ministers of information and communications,
/// one a year. The list shows the latest five and leads to the office's page, which shows them all.
/// </summary>
public sealed class LongOfficeTests : IAsyncLifetime
{
    private const string Prose =
        "The two sides discussed cooperation in telecommunications, information technology, digital transformation and cyber security. "
        + "They agreed to strengthen the exchange of experience and the training of officials between the agencies of the two countries in the coming years.";

    private static readonly string[] Ministers = ["Tran Van An", "Pham Minh Duc", "Nguyen Thi Lan", "Hoang Van Binh", "Do Quang Huy", "Vu Thanh Son", "Bui Van Tam"];

    private ArchiveApplication App { get; } = new(today: ArchiveFixture.Today);

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(App.DataFolder))
        {
            File.Delete(file);
        }

        for (var i = 0; i < Ministers.Length; i++)
        {
            var year = 2015 + i;
            File.WriteAllText(
                Path.Combine(App.DataFolder, $"{year}.txt"),
                $"Talks in Hanoi\n\nMay 3, {year} | 09:59 am GMT+7\n\nOn May 2, Minister of Information and Communications {Ministers[i]} received Japanese Ambassador Yamada Takio.\n\n{Prose}\n");
        }

        _client = await App.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task Should_show_the_latest_holders_in_the_list_and_all_of_them_on_the_office_page()
    {
        var page = await ArchiveApplication.GetPageAsync(_client, "/offices");

        var office = Assert.Single(page.QuerySelectorAll("article.office"), o => o.QuerySelector("h3")!.TextContent.Trim() == "Minister of Information and Communications");
        Assert.Equal(Ministers[^5..], office.QuerySelectorAll(".holders li > a").Select(a => a.TextContent.Trim()));
        var more = office.QuerySelector(".more a")!;
        Assert.Equal("All 7 holders", more.TextContent.Trim());

        var detail = await ArchiveApplication.GetPageAsync(_client, more.GetAttribute("href")!);
        Assert.Equal(Ministers, detail.QuerySelectorAll("ul.holders li > a").Select(a => a.TextContent.Trim()));
        Assert.Null(detail.QuerySelector("#holders ~ .more"));
    }
}
