using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.Tests.Ingestion;

/// <summary>One row per real person and organisation across the archive, whatever the spelling of each article.</summary>
public sealed class IdentityTests
{
    [Fact]
    public async Task Should_keep_one_person_for_the_archive_with_every_spelling_as_an_alias()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("a.txt", "Deputy Minister receives Chinese guests\n\nNovember 8, 2017 | 10:55 am GMT+7\n\nOn November 7, Deputy Minister Hoang Vinh Bao received Mr. Guo Weimin, Vice President of the State Council Information Office of China.");
        archive.WriteFile("b.txt", "Minister meets Chinese guests\n\nMay 3, 2018 | 09:59 am GMT+7\n\nOn May 2, Minister Truong Minh Tuan received Mr. Guo Wenmin, Vice President of the State Council Information Office of China.");

        await archive.IngestAsync();

        await using var db = archive.Open();
        var guo = await db.People.Include(p => p.Mentions).SingleAsync(p => p.Country!.Code == "CN");
        // Each spelling is used once: the later article's is shown, the other kept as an alias.
        Assert.Equal("Guo Wenmin", guo.Name);
        Assert.Equal(["Guo Weimin"], guo.Aliases);
        Assert.Equal(2, guo.Mentions.Count);
    }

    [Fact]
    public async Task Should_keep_two_people_who_share_a_name_when_their_countries_or_titles_differ()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("a.txt", "Talks in Hanoi\n\nMay 3, 2018 | 09:59 am GMT+7\n\nOn May 2, Minister Truong Minh Tuan received Japanese Deputy Minister Kenji Sato.");
        archive.WriteFile("b.txt", "Talks in Hanoi\n\nMay 9, 2018 | 09:59 am GMT+7\n\nOn May 8, Minister Truong Minh Tuan received Brazilian Deputy Minister Kenji Sato.");
        archive.WriteFile("c.txt", "Talks in Hanoi\n\nMay 19, 2018 | 09:59 am GMT+7\n\nOn May 18, Minister Truong Minh Tuan received Japanese Director of the Radio Department Kenji Sato.");

        await archive.IngestAsync();

        await using var db = archive.Open();
        var satos = await db.People.Where(p => p.Name == "Kenji Sato").Select(p => p.Country!.Code).ToListAsync();
        Assert.Equal(["BR", "JP", "JP"], satos.Order());
        Assert.Single(await db.People.Where(p => p.Name == "Truong Minh Tuan").ToListAsync());
    }

    [Fact]
    public async Task Should_store_the_ministries_of_the_data_folder_once_each_with_the_ministry_lineage()
    {
        await using var archive = await TempArchive.CreateAsync();

        await archive.IngestAsync();

        await using var db = archive.Open();
        var mic = await db.Organisations.Include(o => o.Successor).Include(o => o.Articles).SingleAsync(o => o.KnownKey == "vn-mic");
        Assert.Equal("Ministry of Information and Communications", mic.Name);
        Assert.Equal("Ministry of Science and Technology", mic.Successor?.Name);
        Assert.True(mic.Articles.Count >= 10);
        var japan = await db.Organisations.Include(o => o.Articles).SingleAsync(o => o.KnownKey == "jp-mic");
        // "Ministry of Home Affairs and Communications" (002, dev03, dev05) and a state minister "of Internal Affairs and
        // Communications" (dev34) are one ministry. dev12's "Japanese Ministry of Internal Affairs and Communications" is
        // not read as it yet (the extraction keeps the adjective in the name), so it is not counted here.
        Assert.Equal(["002_43bc5bf8eb7e91f7.txt", "dev03.txt", "dev05.txt", "dev34.txt"], japan.Articles.Select(a => a.SourceFile).Order(StringComparer.Ordinal));
        var takaichi = await db.ArticlePeople.Include(m => m.Organisation).SingleAsync(m => m.Person.Name == "Takaichi Sanae");
        Assert.Equal("jp-mic", takaichi.Organisation?.KnownKey);
        Assert.Empty(await db.Organisations.GroupBy(o => new { o.NameKey, o.CountryId }).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync());
    }

    [Fact]
    public async Task Should_find_every_article_of_a_minister_named_in_many()
    {
        await using var archive = await TempArchive.CreateAsync();

        await archive.IngestAsync();

        await using var db = archive.Open();
        var hung = await db.People.SingleAsync(p => p.Name == "Nguyen Manh Hung");
        var files = await db.ArticlePeople.Where(m => m.PersonId == hung.Id).Select(m => m.Article.SourceFile).ToListAsync();
        Assert.Equal(["002_43bc5bf8eb7e91f7.txt", "003_860488fec2fe90e9.txt", "004_9ed1b855dc992e56.txt", "dev04.txt", "dev06.txt", "dev08.txt", "dev34.txt", "dev38.txt", "dev39.txt"], files.Order(StringComparer.Ordinal));
    }
}

/// <summary>A title without a name takes the person the archive shows holding it on the article's date.</summary>
public sealed class TitleHolderTests
{
    [Fact]
    public async Task Should_give_an_unnamed_minister_the_person_who_held_the_title_on_that_date()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("2017.txt", "Talks with Japan\n\nMay 3, 2017 | 09:59 am GMT+7\n\nOn May 2, Minister of Information and Communications Truong Minh Tuan received Japanese Deputy Minister Kenji Sato.");
        archive.WriteFile("2019.txt", "Talks with Laos\n\nMarch 13, 2019 | 09:59 am GMT+7\n\nOn March 12, Minister of Information and Communications Nguyen Manh Hung received Lao Minister Thansamay Kommasith.");
        await archive.IngestAsync();
        archive.WriteFile("2017-later.txt", "Talks with Korea\n\nJune 20, 2017 | 09:59 am GMT+7\n\nOn June 19, the Minister of Information and Communications received Korean Ambassador Lee Hyuk.");
        archive.WriteFile("2020.txt", "Talks with India\n\nJanuary 20, 2020 | 09:59 am GMT+7\n\nOn January 19, the Minister of Information and Communications received Indian Ambassador Pranay Verma.");

        await archive.IngestAsync();

        await using var db = archive.Open();
        var participants = await db.Meetings
            .Select(m => new { m.Article.SourceFile, Names = m.Participants.Select(p => p.Name).ToList() })
            .ToDictionaryAsync(m => m.SourceFile, m => m.Names);
        Assert.Contains("Truong Minh Tuan", participants["2017-later.txt"]);
        Assert.Contains("Nguyen Manh Hung", participants["2020.txt"]);
        Assert.Equal(2, await db.ArticlePeople.CountAsync(m => m.Person.Name == "Nguyen Manh Hung"));
    }
}
