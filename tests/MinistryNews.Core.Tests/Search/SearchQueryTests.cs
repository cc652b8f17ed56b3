using MinistryNews.Core.Search;

namespace MinistryNews.Core.Tests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void Should_make_the_words_of_a_place_name_one_term_with_its_other_names()
    {
        var query = SearchQuery.Parse("Việt Nam minister");

        Assert.Equal(2, query.Terms.Count);
        Assert.Equal(["Việt", "Nam"], query.Terms[0].Words);
        Assert.Contains(["vietnam"], query.Terms[0].Alternatives);
        Assert.Equal("(\"viet nam\" OR \"vietnam\") AND \"minister\"", query.ToStemmed());
        Assert.Equal("\"viet nam\" \"minister\"", query.ToFolded());
    }

    [Fact]
    public void Should_leave_out_the_longer_names_that_hold_a_shorter_one()
    {
        var query = SearchQuery.Parse("Vietnam");

        Assert.Equal(["viet nam"], query.Terms[0].Alternatives.Select(a => string.Join(' ', a)));
    }

    [Theory]
    [InlineData("us")]
    [InlineData("Us")]
    [InlineData("uk")]
    [InlineData("rok")]
    public void Should_read_an_acronym_typed_in_small_letters_as_a_word(string word)
    {
        Assert.Empty(SearchQuery.Parse(word).Terms.Single().Alternatives);
    }

    [Theory]
    [InlineData("US", "united states")]
    [InlineData("U.S.", "united states")]
    [InlineData("UK", "united kingdom")]
    [InlineData("ROK", "korea")]
    public void Should_read_an_acronym_typed_in_capitals_as_the_name_of_its_place(string typed, string name)
    {
        Assert.Contains(name, SearchQuery.Parse(typed).Terms.Single().Alternatives.Select(a => string.Join(' ', a)));
    }

    [Fact]
    public void Should_never_read_a_prefix_as_a_name()
    {
        var query = SearchQuery.Parse("hanoi*");

        Assert.Empty(query.Terms.Single().Alternatives);
        Assert.Equal(string.Empty, query.ToStemmed());
        Assert.Equal("\"hanoi\"*", query.ToPrefixes());
    }

    [Fact]
    public void Should_quote_every_name_in_a_tsquery()
    {
        var query = SearchQuery.Parse("Hà Nội Japan*");

        Assert.Equal("('ha' <-> 'noi' | 'hanoi')", query.ToStemmedTsQuery());
        Assert.Equal("'japan':*", query.ToPrefixTsQuery());
    }
}
