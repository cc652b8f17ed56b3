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
}
