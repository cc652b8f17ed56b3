using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>People read from short texts in the shapes the real press releases use.</summary>
public sealed class PeopleTests
{
    private static ExtractedArticle Extract(string text) => ArticleExtractor.Default.Extract(new SourceDocument("test.txt", text));

    [Fact]
    public void Should_strip_honorifics_and_take_the_title_and_country_after_the_name()
    {
        var article = Extract("On March 21, 2019, in Hanoi, Deputy Minister of Information and Communications Pham Hong Hai received Mr. Akihiko Miyamoto, Director of the Department of International Cooperation, Ministry of Internal Affairs and Communications of Japan.");

        var miyamoto = Assert.Single(article.People, p => p.CountryCode == "JP");
        Assert.Equal("Akihiko Miyamoto", miyamoto.Name);
        Assert.Equal("Director of the Department of International Cooperation, Ministry of Internal Affairs and Communications", miyamoto.Title);
        Assert.Contains(article.People, p => p.Name == "Pham Hong Hai" && p.CountryCode == "VN");
    }

    [Fact]
    public void Should_merge_variant_spellings_and_short_forms_of_one_person()
    {
        var article = Extract("""
            On November 7, Deputy Minister Hoang Vinh Bao received the delegation from China's State Council Information Office, headed by Mr. Guo Weimin, Vice President.
            Mr. Guo Wenmin agreed that the relationship between Vietnam and China was a long-standing friendship. Deputy Minister Bao thanked him.
            """);

        Assert.Equal(2, article.People.Count);
        var guo = Assert.Single(article.People, p => p.CountryCode == "CN");
        Assert.Equal("Guo Weimin", guo.Name);
        Assert.Equal(["Guo Wenmin"], guo.Aliases);
        Assert.Equal("Vice President", guo.Title);
    }

    [Fact]
    public void Should_tell_the_country_from_an_adjective_or_a_possessive_before_the_title()
    {
        var article = Extract("Minister Nguyen Manh Hung held talks with Indonesian Minister of Information Tifatul Sembiring and the UK's Parliamentary Under-Secretary of State Chris Philp.");

        Assert.Contains(article.People, p => p.Name == "Tifatul Sembiring" && p.CountryCode == "ID" && p.Title == "Minister of Information");
        Assert.Contains(article.People, p => p.Name == "Chris Philp" && p.CountryCode == "GB");
    }

    [Fact]
    public void Should_not_take_photographers_or_organisations_for_people()
    {
        var article = Extract("""
            The delegation met the Minister of Transport and Communications, the Information Management Authority (FICORA) and the Finnish Innovation Foundation in Finland.
            PSX_20241128_111342.jpg
            Minister Nguyen Manh Hung at the meeting in Hanoi. Photo: Le Anh Dung
            """);

        Assert.Equal(["Nguyen Manh Hung"], article.People.Select(p => p.Name));
    }

    [Fact]
    public void Should_take_a_bare_title_for_the_one_person_of_the_article_who_holds_it()
    {
        var article = Extract("""
            On March 21, 2019, Deputy Minister of Information and Communications Pham Hong Hai opened a forum on 5G in Hanoi.
            On March 22, the Deputy Minister of Information and Communications met with Japanese Ambassador Takio Yamada.
            """);

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(["JP"], meeting.CounterpartCountries);
        Assert.Equal(["Pham Hong Hai", "Takio Yamada"], meeting.Participants.Order());
    }
}
