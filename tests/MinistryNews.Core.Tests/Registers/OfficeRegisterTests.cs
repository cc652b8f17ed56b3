using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Tests.Registers;

/// <summary>Titles grouped into offices: the same post whatever its wording, within a ministry's lineage.</summary>
public sealed class OfficeRegisterTests
{
    [Fact]
    public async Task Should_make_one_office_of_a_title_and_its_fuller_wording_and_another_of_a_deputy()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("a.txt", PressTexts.Of("Talks with Laos", "May 3, 2019", "On May 2, Minister Nguyen Manh Hung received Lao Minister Thansamay Kommasith."));
        archive.WriteFile("b.txt", PressTexts.Of("Talks with Japan", "May 9, 2020", "On May 8, Minister of Information and Communications Nguyen Manh Hung received Japanese Ambassador Yamada Takio and Deputy Minister Phan Tam."));

        await archive.IngestAsync();

        await using var db = archive.Open();
        var hung = await db.ArticlePeople.Where(m => m.Person.Name == "Nguyen Manh Hung")
            .Select(m => new { m.Title, m.OfficeId, m.Article.PublishedOn }).ToListAsync();
        Assert.Equal(["Minister", "Minister of Information and Communications"], hung.Select(m => m.Title).Order(StringComparer.Ordinal));
        var officeId = Assert.Single(hung.Select(m => m.OfficeId).Distinct());
        var minister = await db.Offices.Include(o => o.Organisation).SingleAsync(o => o.Id == officeId);
        Assert.Equal("Minister of Information and Communications", minister.Name);
        Assert.Equal("Minister", minister.Rank);

        // The lineage's end: the ministry it merged into.
        Assert.Equal("vn-most", minister.Organisation?.KnownKey);
        Assert.Equal([new DateOnly(2019, 5, 3), new DateOnly(2020, 5, 9)], hung.Select(m => m.PublishedOn!.Value).Order());
        Assert.Equal(["Nguyen Manh Hung"], await db.ArticlePeople.Where(m => m.OfficeId == officeId).Select(m => m.Person.Name).Distinct().ToListAsync());

        var deputy = await db.ArticlePeople.Where(m => m.Person.Name == "Phan Tam").Select(m => m.Office).SingleAsync();
        Assert.NotNull(deputy);
        Assert.NotEqual(officeId, deputy.Id);
        Assert.Equal("Deputy Minister", deputy.Rank);
        Assert.Equal("Deputy Minister of Information and Communications", deputy.Name);

        var ambassador = await db.ArticlePeople.Where(m => m.Person.Name == "Yamada Takio").Select(m => m.Office).SingleAsync();
        Assert.Equal("Ambassador of Japan", ambassador?.Name);
    }

    [Fact]
    public async Task Should_keep_one_office_across_a_renamed_ministry_with_each_minister_a_holder()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("2006.txt", PressTexts.Of("Talks with Korea", "May 9, 2006", "On May 8, Minister Do Trung Ta received Korean Vice Minister Kim Dong-soo."));
        archive.WriteFile("2019.txt", PressTexts.Of("Talks with Laos", "May 3, 2019", "On May 2, Minister Nguyen Manh Hung received Lao Minister Thansamay Kommasith."));

        await archive.IngestAsync();

        await using var db = archive.Open();
        var mentions = await db.ArticlePeople.Where(m => m.Person.Name == "Do Trung Ta" || m.Person.Name == "Nguyen Manh Hung")
            .Select(m => new { m.Person.Name, m.OfficeId, Organisation = m.Organisation!.KnownKey }).ToListAsync();
        Assert.Equal(["vn-mic", "vn-mpt"], mentions.Select(m => m.Organisation).Order(StringComparer.Ordinal));
        var officeId = Assert.Single(mentions.Select(m => m.OfficeId).Distinct());
        Assert.NotNull(officeId);
        Assert.Equal(2, await db.ArticlePeople.Where(m => m.OfficeId == officeId).Select(m => m.PersonId).Distinct().CountAsync());
    }

    [Fact]
    public async Task Should_keep_an_office_id_and_slug_when_its_articles_change_and_delete_an_office_no_one_holds()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("a.txt", PressTexts.Of("Talks with Laos", "May 3, 2019", "On May 2, Minister Nguyen Manh Hung received Lao Minister Thansamay Kommasith."));
        archive.WriteFile("b.txt", PressTexts.Of("Talks with Japan", "May 9, 2020", "On May 8, Deputy Minister Phan Tam received Japanese Ambassador Yamada Takio."));
        await archive.IngestAsync();
        Office before;
        await using (var db = archive.Open())
        {
            before = await db.Offices.SingleAsync(o => o.Rank == "Minister");
        }

        archive.WriteFile("b.txt", PressTexts.Of("Talks with Japan", "May 9, 2020", "On May 8, Minister of Information and Communications Nguyen Manh Hung received Japanese Ambassador Yamada Takio."));
        await archive.IngestAsync();

        await using var after = archive.Open();
        var minister = await after.Offices.SingleAsync(o => o.Rank == "Minister");
        Assert.Equal((before.Id, before.Slug, before.Key), (minister.Id, minister.Slug, minister.Key));
        Assert.Equal("Minister of Information and Communications", minister.Name);
        Assert.Equal(2, await after.ArticlePeople.CountAsync(m => m.OfficeId == minister.Id));
        Assert.False(await after.Offices.AnyAsync(o => o.Rank == "Deputy Minister"));
    }

    [Theory]
    [InlineData("Minister of Information and Communications", "Minister", null, "Information and Communications")]
    [InlineData("Deputy Minister", "Deputy Minister", null, null)]
    [InlineData("Vice-Chairman of the People's Committee", "Vice Chair", null, "People's Committee")]
    [InlineData("Director General of the International Cooperation Department", "Director General", null, "International Cooperation Department")]
    [InlineData("Foreign Minister", "Minister", "Foreign", null)]
    [InlineData("Secretary-General", "Secretary-General", null, null)]
    [InlineData("Deputy Prime Minister", "Deputy Prime Minister", null, null)]
    [InlineData("Ambassador to the Czech Republic", "Ambassador", null, "Czech Republic")]
    public void Should_read_the_rank_qualifier_and_portfolio_of_a_title(string title, string rank, string? qualifier, string? portfolio)
    {
        var read = OfficeRanks.Read(title);

        Assert.NotNull(read);
        Assert.Equal((rank, qualifier, portfolio), (read.Rank.Name, read.Qualifier, read.Portfolio));
    }

    [Theory]
    [InlineData("Mr")]
    [InlineData("")]
    [InlineData("Dr.")]
    public void Should_read_no_rank_from_a_title_that_is_not_an_office(string title) => Assert.Null(OfficeRanks.Read(title));
}
