using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests.Corrections;

/// <summary>Corrections of people across the archive: a shown name the editors chose, and two people merged and parted again.</summary>
public sealed class PersonCorrectionTests
{
    private const string Chile = """
        Minister receives the Ambassador of Chile

        June 2, 2022 | 09:00 am GMT+7

        On June 1, in Hanoi, Minister of Information and Communications Nguyen Manh Hung received Chilean Ambassador Jaime Chomali to discuss cooperation in digital transformation.
        """;

    private const string Santiago = """
        Ambassador visits the ministry

        June 20, 2022 | 09:00 am GMT+7

        On June 19, in Hanoi, Deputy Minister Phan Tam received Chilean Ambassador J. Chomali Garib to discuss postal cooperation.
        """;

    private static readonly EditorRef Editor = new(null, "editor-one");

    [Fact]
    public async Task Should_show_the_name_the_editors_chose_through_later_readings_until_it_is_undone()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("chile.txt", Chile);
        await archive.IngestAsync();
        using var ingestor = archive.CreateIngestor();
        var desk = new CorrectionDesk(new ArchiveContextFactory(archive.Options), ingestor, ArticleExtractor.Default, TimeProvider.System);
        var id = await PersonIdAsync(archive, "Jaime Chomali");

        var correction = await desk.NamePersonAsync(id, "Jaime Chomali Garib", "His full name, as the embassy writes it.", Editor);
        Assert.Equal("Jaime Chomali Garib", await NameAsync(archive, id));

        archive.WriteFile("chile.txt", Chile + "\n");
        await archive.IngestAsync();
        Assert.Equal("Jaime Chomali Garib", await NameAsync(archive, id));

        await desk.UndoAsync(correction.Id, "The archive keeps names as the releases write them.", Editor);
        Assert.Equal("Jaime Chomali", await NameAsync(archive, id));
    }

    [Fact]
    public async Task Should_read_two_people_who_are_one_as_one_and_part_them_when_the_merge_is_undone()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("chile.txt", Chile);
        archive.WriteFile("santiago.txt", Santiago);
        await archive.IngestAsync();
        using var ingestor = archive.CreateIngestor();
        var desk = new CorrectionDesk(new ArchiveContextFactory(archive.Options), ingestor, ArticleExtractor.Default, TimeProvider.System);
        var kept = await PersonIdAsync(archive, "Jaime Chomali");
        var merged = await PersonIdAsync(archive, "J. Chomali Garib");
        Assert.NotEqual(kept, merged);

        var merge = await desk.MergePeopleAsync(kept, merged, "The same ambassador.", Editor);

        await using (var db = archive.Open())
        {
            Assert.False(await db.People.AnyAsync(p => p.Id == merged));
            Assert.Equal(2, await db.ArticlePeople.CountAsync(m => m.PersonId == kept));
            Assert.Equal(2, (await db.People.SingleAsync(p => p.Id == kept)).ArticleCount);
            Assert.True(await db.Articles.Where(a => a.SourceFile == "santiago.txt").Select(a => a.Corrected).SingleAsync());
        }

        // A later reading of the file keeps them one.
        archive.WriteFile("santiago.txt", Santiago + "\n");
        await archive.IngestAsync();
        await using (var db = archive.Open())
        {
            Assert.Equal(2, await db.ArticlePeople.CountAsync(m => m.PersonId == kept));
        }

        await desk.UndoAsync(merge.Id, "Two ambassadors after all.", Editor);
        await using (var after = archive.Open())
        {
            Assert.Equal(1, await after.ArticlePeople.CountAsync(m => m.PersonId == kept));
            Assert.True(await after.People.AnyAsync(p => p.Name == "J. Chomali Garib"));
            Assert.False(await after.Articles.Where(a => a.SourceFile == "santiago.txt").Select(a => a.Corrected).SingleAsync());
        }
    }

    private static async Task<int> PersonIdAsync(TempArchive archive, string name)
    {
        await using var db = archive.Open();
        var people = await db.People.Select(p => new { p.Id, p.Name }).ToListAsync();
        return people.Single(p => p.Name == name).Id;
    }

    private static async Task<string> NameAsync(TempArchive archive, int id)
    {
        await using var db = archive.Open();
        return await db.People.Where(p => p.Id == id).Select(p => p.Name).SingleAsync();
    }
}
