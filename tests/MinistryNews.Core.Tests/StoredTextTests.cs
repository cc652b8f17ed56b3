using System.Xml;

namespace MinistryNews.Core.Tests;

public sealed class StoredTextTests
{
    [Fact]
    public void Should_make_a_vertical_tab_a_space_and_a_form_feed_a_line_break()
    {
        Assert.Equal("Minister Hung met Kono\nin Tokyo", StoredText.Clean("Minister Hung\vmet Kono\fin Tokyo"));
    }

    [Fact]
    public void Should_leave_no_character_that_xml_forbids()
    {
        var controls = new string([.. Enumerable.Range(1, 31).Select(c => (char)c), '\u007F', '\u0085', '\u009B', '\uFFFE', '\uFFFF', '\uD800']);

        var cleaned = StoredText.Clean($"Before {controls} after");

        Assert.Equal("Before \t\n \n\r\n\uFFFD\uFFFD\uFFFD after", cleaned);
        using var reader = XmlReader.Create(new StringReader($"<t>{cleaned}</t>"));
        while (reader.Read())
        {
        }
    }

    [Fact]
    public void Should_keep_a_text_without_anything_to_clean_as_it_is()
    {
        const string text = "Minister Nguyễn Mạnh Hùng met 日本 officials in Hà Nội. 😀\n\tNext line.";

        Assert.Same(text, StoredText.Clean(text));
    }

    [Fact]
    public void Should_close_a_bidirectional_override_at_the_end_of_its_line_and_keep_closed_ones()
    {
        Assert.Equal("a \u202Eb\u202C\nc \u2067d\u2069 e", StoredText.Clean("a \u202Eb\nc \u2067d\u2069 e"));
    }

    [Fact]
    public void Should_remove_every_bidirectional_control_from_a_name()
    {
        Assert.Equal("Taro Kono", StoredText.Name("\u202ETaro\u200F \u2066Kono\u2069\u202C"));
    }

    [Fact]
    public void Should_break_a_word_longer_than_the_bound()
    {
        var cleaned = StoredText.Clean("word " + new string('a', 1_000));

        Assert.All(cleaned.Split(' '), w => Assert.True(w.Length <= StoredText.MaxWordCharacters));
        Assert.Equal(1_005 + 3, cleaned.Length);
    }
}
