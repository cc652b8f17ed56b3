using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

public sealed class LayoutTests
{
    [Fact]
    public void Should_find_headline_dateline_photo_caption_source_and_byline_and_drop_the_chrome()
    {
        var layout = LayoutReader.Read(
            "Vietnam and Laos sign a cooperation plan\n\nMarch 13, 2019 | 03:01 pm GMT+7\n\nOn March 12, the two ministers signed the plan.\u00A0\n\n20190312-m10.jpg\nMinister Nguyen Manh Hung and his Lao counterpart\n\nSource: https://mic.gov.vn/a-197190313150100000.htm\nThe Vinh\nTop\nComment (0)\n",
            Lexicon.Default);

        Assert.Equal("Vietnam and Laos sign a cooperation plan", layout.Headline);
        Assert.Equal("2019-03-13", layout.DatelineDate.ToString());
        Assert.Equal("https://mic.gov.vn/a-197190313150100000.htm", layout.SourceUrl);
        Assert.Equal("The Vinh", layout.Byline);
        Assert.Equal(
            [(BlockKind.Paragraph, "On March 12, the two ministers signed the plan."), (BlockKind.Photo, "20190312-m10.jpg"), (BlockKind.Caption, "Minister Nguyen Manh Hung and his Lao counterpart")],
            layout.Body.Select(b => (b.Kind, b.Text)));
    }

    [Fact]
    public void Should_not_take_a_first_sentence_or_a_caption_for_a_headline()
    {
        Assert.Null(LayoutReader.Read("Minister Hung paid a working trip to the Republic of Korea in early August.\nHe met the minister.", Lexicon.Default).Headline);
        Assert.Null(LayoutReader.Read("Minister Truong Minh Tuan (Photo: VNA)\n– Minister Tuan had talks with the Indian Ambassador.", Lexicon.Default).Headline);
    }

    [Fact]
    public void Should_split_sentences_that_run_together_but_not_at_abbreviations()
    {
        Assert.Equal(
            ["He met Mr. Guo Weimin in the U.S. capital.", "Both sides discussed training.", "The ministry agreed."],
            Sentences.Split("He met Mr. Guo Weimin in the U.S. capital. Both sides discussed training.The ministry agreed."));
    }

    [Theory]
    [InlineData("14/06/2016\nVietnam and Japan sign MoU on e-government\nOn June 13, the two ministers signed a memorandum in Tokyo.")]
    [InlineData("Vietnam and Japan sign MoU on e-government | 6/14/2016\nOn June 13, the two ministers signed a memorandum in Tokyo.")]
    [InlineData("14/06/2016 - Vietnam and Japan sign MoU on e-government\nOn June 13, the two ministers signed a memorandum in Tokyo.")]
    [InlineData("Vietnam and Japan sign MoU on e-government (14/06/2016)\nOn June 13, the two ministers signed a memorandum in Tokyo.")]
    [InlineData("Tuesday, June 14, 2016 Vietnam and Japan sign MoU on e-government\nOn June 13, the two ministers signed a memorandum in Tokyo.")]
    public void Should_read_a_date_line_above_the_headline_or_on_its_line(string text)
    {
        var layout = LayoutReader.Read(text, Lexicon.Default);

        Assert.Equal("Vietnam and Japan sign MoU on e-government", layout.Headline);
        Assert.Equal("2016-06-14", layout.DatelineDate.ToString());
        Assert.Equal([BlockKind.Paragraph], layout.Body.Select(b => b.Kind));
    }

    [Fact]
    public void Should_not_take_the_first_of_several_short_lines_under_a_date_for_a_headline()
    {
        var layout = LayoutReader.Read(
            "March 2, 2015\nForeign Ministers' Meeting\nCourtesy Call on the President,\nSecond Meeting of the Joint Committee\nThe minister made an official visit to Laos.",
            Lexicon.Default);

        Assert.Null(layout.Headline);
        Assert.Equal("2015-03-02", layout.DatelineDate.ToString());
    }

    [Fact]
    public void Should_set_aside_a_wire_dateline_on_its_own_line()
    {
        var layout = LayoutReader.Read("Vientiane (VNA) –\nThe Lao Minister of Technology met his Vietnamese counterpart on May 4.", Lexicon.Default);

        Assert.Null(layout.Headline);
        Assert.Equal(["The Lao Minister of Technology met his Vietnamese counterpart on May 4."], layout.Body.Select(b => b.Text));
    }

    [Theory]
    [InlineData("President Jane Doe receives a gift from her Vietnamese counterpart in Hanoi, May 2, 2021. — Reuters pic")]
    [InlineData("Prime Minister Jane Doe and her Vietnamese counterpart at the welcome ceremony in Hanoi. — VNA/VNS Photo Tran Hai")]
    [InlineData("Minister Nguyen Van Binh (R) meets the Thai delegation in Bangkok (Xinhua/Li Ming)")]
    [InlineData("Minister Nguyen Van Binh (second, left) and the Thai delegation at the meeting")]
    [InlineData("Hanoi (VNA) – Vietnam and Thailand agreed on Monday to expand cooperation in digital transformation")]
    public void Should_not_take_a_caption_or_a_lead_sentence_for_a_headline(string firstLine)
    {
        var layout = LayoutReader.Read(firstLine + "\nThe two ministers discussed cooperation in the digital economy.", Lexicon.Default);

        Assert.Null(layout.Headline);
    }

    [Fact]
    public void Should_read_the_date_under_a_speakers_name_title_and_place()
    {
        var layout = LayoutReader.Read(
            "Remarks With the Foreign Minister\n\nJane Whitfield\nSecretary of State\nBenjamin Franklin Room\nWashington, DC\nMarch 3, 2011\n\nGood morning. It is a pleasure to be here.",
            Lexicon.Default);

        Assert.Equal("Remarks With the Foreign Minister", layout.Headline);
        Assert.Equal("2011-03-03", layout.DatelineDate.ToString());
        Assert.Equal((BlockKind.Caption, "Jane Whitfield, Secretary of State"), (layout.Body[0].Kind, layout.Body[0].Text));
    }

    [Fact]
    public void Should_read_the_date_a_statement_is_signed_off_with()
    {
        var layout = LayoutReader.Read(
            "Minister Jane Doe meets the Vietnamese Foreign Minister\n\nThe two ministers discussed cooperation in trade and the digital economy.\nThey agreed to meet again next year.\n\nMINISTRY OF FOREIGN AFFAIRS\nSINGAPORE\n12 MARCH 2024",
            Lexicon.Default);

        Assert.Equal("2024-03-12", layout.DatelineDate.ToString());
    }
}
