using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Browsing;

/// <summary>A page's description for search engines and link previews, and its canonical address.</summary>
public sealed class PageMetaTests
{
    [Fact]
    public void Should_keep_a_short_text_as_it_is_on_one_line()
    {
        Assert.Equal("Deputy Minister Phan Tam met the delegation.", PageMeta.Description("  Deputy Minister Phan Tam\r\n met   the delegation. "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t")]
    public void Should_give_no_description_for_no_text(string? text)
    {
        Assert.Null(PageMeta.Description(text));
    }

    [Fact]
    public void Should_cut_a_long_text_on_a_word_boundary_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("cooperation", 40));

        var description = PageMeta.Description(text)!;

        Assert.True(description.Length <= PageMeta.MaxDescriptionLength, description.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("cooperation…", description, StringComparison.Ordinal);
        Assert.StartsWith(description[..^1], text, StringComparison.Ordinal);

        // 13 words of 11 letters and their spaces are 155 characters; a 14th would not leave room for the ellipsis.
        Assert.Equal(155 + 1, description.Length);
    }

    [Fact]
    public void Should_keep_a_text_of_exactly_the_limit_whole()
    {
        var text = new string('a', 100) + " " + new string('b', 59);

        Assert.Equal(160, text.Length);
        Assert.Equal(text, PageMeta.Description(text));
        Assert.Equal(new string('a', 100) + "…", PageMeta.Description(text + "b"));
    }

    [Fact]
    public void Should_leave_no_dangling_punctuation_before_the_ellipsis()
    {
        Assert.Equal("The Minister received the Ambassador of Japan…", PageMeta.Description("The Minister received the Ambassador of Japan, and discussed", 50));
    }

    [Fact]
    public void Should_cut_one_overlong_word_without_splitting_a_character()
    {
        var word = string.Concat(Enumerable.Repeat("😀", 100));

        var description = PageMeta.Description(word)!;

        Assert.True(description.Length <= PageMeta.MaxDescriptionLength);
        Assert.EndsWith("😀…", description, StringComparison.Ordinal);
        Assert.Equal(159 / 2 * 2 + 1, description.Length);
    }

    [Fact]
    public void Should_describe_the_site_within_the_limit()
    {
        Assert.True(PageMeta.SiteDescription.Length <= PageMeta.MaxDescriptionLength);
    }

    [Theory]
    [InlineData("https://archive.example/articles/12/x", "https://archive.example/articles/12/x")]
    [InlineData("/articles/12/x", "https://archive.example/articles/12/x")]
    [InlineData("//elsewhere.example/x", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("articles/12", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Should_make_the_canonical_address_absolute_or_give_none(string? value, string? expected)
    {
        Assert.Equal(expected, PageMeta.Canonical(value, "https://archive.example")?.AbsoluteUri);
    }

    [Fact]
    public void Should_take_a_canonical_address_given_as_a_uri()
    {
        Assert.Equal("https://archive.example/people/a", PageMeta.Canonical(new Uri("https://archive.example/people/a"), "http://localhost")?.AbsoluteUri);
        Assert.Null(PageMeta.Canonical(42, "http://localhost"));
    }
}
