namespace MinistryNews.Core.Tests;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Nguyễn Mạnh Hùng", "nguyen-manh-hung")]
    [InlineData("Đỗ Hùng Việt", "do-hung-viet")]
    [InlineData("Timor-Leste", "timor-leste")]
    [InlineData("Miguel Marques Gonçalves Manetelu", "miguel-marques-goncalves-manetelu")]
    [InlineData("Vietnam, UK Enhance Cooperation In Digital Economy", "vietnam-uk-enhance-cooperation-in-digital-economy")]
    [InlineData("!!!", "untitled")]
    public void Should_make_ascii_slugs_without_accents(string text, string slug) => Assert.Equal(slug, Slugs.From(text));

    [Fact]
    public void Should_cut_long_titles_at_a_word()
    {
        var slug = Slugs.From("The signing ceremony of Memorandum of Cooperation between MIC and the Ministry of Home Affairs and Communications of Japan");

        Assert.True(slug.Length <= 80);
        Assert.Equal("the-signing-ceremony-of-memorandum-of-cooperation-between-mic-and-the-ministry", slug);
    }

    [Fact]
    public void Should_fold_names_to_the_same_person_key_whatever_the_order_and_accents()
    {
        Assert.Equal(People.Person.KeyOf("Takaichi Sanae"), People.Person.KeyOf("Sanae TAKAICHI"));
        Assert.Equal(People.Person.KeyOf("Nguyễn Mạnh Hùng"), People.Person.KeyOf("Nguyen Manh Hung"));
        Assert.NotEqual(People.Person.KeyOf("Nguyen Manh Hung"), People.Person.KeyOf("Nguyen Thanh Hung"));
    }
}
