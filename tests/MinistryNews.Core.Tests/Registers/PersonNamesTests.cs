using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.Tests.Registers;

/// <summary>A person's shown name is the spelling the current sources use most; the others are aliases while a source uses them.</summary>
public sealed class PersonNamesTests
{
    [Fact]
    public async Task Should_show_the_most_used_spelling_and_drop_a_spelling_corrected_in_its_source()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("a.txt", PressTexts.Of("Talks", "May 9, 2020", "On May 8, Minister Nguyen Manh Hung received Spanish Ambassador Maria Munoz."));
        archive.WriteFile("b.txt", PressTexts.Of("Talks", "June 9, 2020", "On June 8, Deputy Minister Phan Tam received Spanish Ambassador Maria Muñoz."));
        archive.WriteFile("c.txt", PressTexts.Of("Talks", "July 9, 2020", "On July 8, Deputy Minister Phan Tam met Spanish Ambassador Maria Muñoz again."));
        await archive.IngestAsync();

        string slug;
        await using (var db = archive.Open())
        {
            var person = await db.People.SingleAsync(p => p.Country!.Code == "ES");
            Assert.Equal("Maria Muñoz", person.Name);
            Assert.Equal(["Maria Munoz"], person.Aliases);
            Assert.Equal(Core.People.Person.KeyOf("Maria Muñoz"), person.NameKey);
            slug = person.Slug;
        }

        archive.WriteFile("a.txt", PressTexts.Of("Talks", "May 9, 2020", "On May 8, Minister Nguyen Manh Hung received Spanish Ambassador Maria Muñoz."));
        await archive.IngestAsync();

        await using var after = archive.Open();
        var corrected = await after.People.Include(p => p.Mentions).SingleAsync(p => p.Country!.Code == "ES");
        Assert.Equal("Maria Muñoz", corrected.Name);
        Assert.Empty(corrected.Aliases);
        Assert.Equal(slug, corrected.Slug);
        Assert.Equal(3, corrected.Mentions.Count);
    }

    [Fact]
    public async Task Should_show_the_spelling_with_accents_when_two_are_used_as_often()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("a.txt", PressTexts.Of("Talks", "May 9, 2020", "On May 8, Minister Nguyen Manh Hung received Spanish Ambassador Maria Munoz."));
        archive.WriteFile("b.txt", PressTexts.Of("Talks", "June 9, 2020", "On June 8, Minister Nguyễn Mạnh Hùng received Lao Minister Thansamay Kommasith."));

        await archive.IngestAsync();

        await using var db = archive.Open();
        var hung = await db.People.SingleAsync(p => p.NameKey == "hung manh nguyen");
        Assert.Equal("Nguyễn Mạnh Hùng", hung.Name);
        Assert.Equal(["Nguyen Manh Hung"], hung.Aliases);
    }

    [Fact]
    public async Task Should_show_the_spelling_most_articles_use_and_find_the_person_again_by_either_spelling()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("a.txt", PressTexts.Of("Talks", "May 9, 2020", "On May 8, Minister Nguyễn Mạnh Hùng received Spanish Ambassador Maria Munoz."));
        archive.WriteFile("b.txt", PressTexts.Of("Talks", "June 9, 2020", "On June 8, Minister Nguyen Manh Hung received Lao Minister Thansamay Kommasith."));
        archive.WriteFile("c.txt", PressTexts.Of("Talks", "July 9, 2020", "On July 8, Minister Nguyen Manh Hung met Lao Minister Thansamay Kommasith again."));
        archive.WriteFile("e.txt", PressTexts.Of("Talks", "July 19, 2020", "On July 18, Minister Nguyen Manh Hung received Japanese Ambassador Yamada Takio."));
        await archive.IngestAsync();
        archive.WriteFile("d.txt", PressTexts.Of("Talks", "August 9, 2020", "On August 8, Minister Nguyễn Mạnh Hùng received Spanish Ambassador Maria Munoz."));

        await archive.IngestAsync();

        await using var db = archive.Open();
        var hung = await db.People.Include(p => p.Mentions).SingleAsync(p => p.NameKey == "hung manh nguyen");
        Assert.Equal("Nguyen Manh Hung", hung.Name);
        Assert.Equal(["Nguyễn Mạnh Hùng"], hung.Aliases);
        Assert.Equal(5, hung.Mentions.Count);
    }
}
