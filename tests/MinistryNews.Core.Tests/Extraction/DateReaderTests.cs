using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

public sealed class DateReaderTests
{
    private static readonly PartialDate Published = new(2020, 1, 10);

    [Theory]
    [InlineData("On January 9, 2020, at the headquarters", "2020-01-09", null)]
    [InlineData("On the morning of November 28 in Hanoi", "2019-11-28", null)]
    [InlineData("On December 30, the two ministers met", "2019-12-30", null)]
    [InlineData("On January 8, the two ministers met", "2020-01-08", null)]
    [InlineData("From 5 to 11 April, the delegation", "2019-04-05", "2019-04-11")]
    [InlineData("paying a working visit in Laos from March 11-13.", "2020-03-11", "2020-03-13")]
    [InlineData("in October 2009, the two governments", "2009-10", null)]
    [InlineData("in the period from 2020 to 2023.", "2020", "2023")]
    [InlineData("for the 2021-2025 period", "2021", "2025")]
    [InlineData("Two years ago, Vietnam sent", "2018", null)]
    [InlineData("Yesterday, the minister", "2020-01-09", null)]
    [InlineData("received the delegation in Hanoi on Monday.", "2020-01-06", null)]
    [InlineData("On Friday, the two sides signed", "2020-01-10", null)]
    [InlineData("Tue 02nd November 2021 | 05:15 PM", "2021-11-02", null)]
    public void Should_resolve_dates_against_the_publication_date(string text, string start, string? end)
    {
        var date = DateReader.Find(text, Published)[0];

        Assert.Equal(start, date.Start.ToString());
        Assert.Equal(end, date.End?.ToString());
    }

    [Fact]
    public void Should_leave_a_day_without_a_year_out_when_the_publication_date_is_unknown()
    {
        Assert.Empty(DateReader.Find("Minister Hop met the Indonesian minister on July 19.", null));
    }

    [Fact]
    public void Should_not_read_the_verb_may_as_a_month()
    {
        Assert.Empty(DateReader.Find("The two sides may sign a new agreement.", Published));
    }

    [Theory]
    [InlineData("April 25, 2017 | 10:27 am GMT+7", "2017-04-25")]
    [InlineData("Tue 02nd November 2021 | 05:15 PM", "2021-11-02")]
    [InlineData("10:32:43 PM | 3/21/2012", "2012-03-21")]
    [InlineData("Monday, June 13, 2016", "2016-06-13")]
    [InlineData("Tuesday, 14/06/2016 - 10:30", "2016-06-14")]
    [InlineData("Thứ Ba, 14/06/2016 10:30 (GMT+7)", "2016-06-14")]
    [InlineData("6/14/2016 09:15", "2016-06-14")]
    [InlineData("04/06/2016 09:15", "2016-06-04")]
    [InlineData("08:29, February 14, 2012", "2012-02-14")]
    [InlineData("Published on June 14, 2016 at 10:30 am", "2016-06-14")]
    [InlineData("Last updated: 14/06/2016 10:30", "2016-06-14")]
    [InlineData("Phnom Penh, June 11, 2024", "2024-06-11")]
    [InlineData("SINGAPORE, 12 MARCH 2024", "2024-03-12")]
    public void Should_read_datelines(string line, string expected)
    {
        Assert.True(DateReader.TryReadDateline(line, out var date));
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("On April 25, Deputy Minister Phan Tam talked with the Russian Deputy Minister.")]
    [InlineData("South Korea Supports Vietnam to Develop ICT")]
    public void Should_not_take_a_sentence_for_a_dateline(string line)
    {
        Assert.False(DateReader.TryReadDateline(line, out _));
    }

    [Theory]
    [InlineData("https://mic.gov.vn/tang-cuong-hop-tac-so-voi-asean-va-cac-nuoc-doi-thoai-197250118201044849.htm", "2025-01-18")]
    [InlineData("https://example.org/news/2023/06/14/vietnam-singapore-mou.html", "2023-06-14")]
    public void Should_read_the_date_a_source_url_encodes(string url, string expected)
    {
        Assert.Equal(expected, DateReader.FromUrl(url).ToString());
    }

    [Theory]
    [InlineData("PSX_20241128_111342.jpg", "2024-11-28")]
    [InlineData("20190312-m10.jpg", "2019-03-12")]
    [InlineData("BT-hoi-dam-9-1-s.jpg", null)]
    public void Should_read_the_date_of_a_photo_file_name(string name, string? expected)
    {
        Assert.Equal(expected, DateReader.FromFileName(name)?.ToString());
    }

    [Fact]
    public void Should_date_an_article_by_the_day_its_first_paragraphs_name_rather_than_the_start_of_a_period()
    {
        var article = ArticleExtractor.Default.Extract(new SourceDocument(
            "test.txt",
            "Minister Nguyen Van Binh visits Laos\n\nDuring the visit from June 3-5, 2021, on June 4, 2021, Minister Nguyen Van Binh signed a plan with his Lao counterpart."));

        Assert.Equal("2021-06-04", article.Published.ToString());
    }

    [Fact]
    public void Should_date_an_article_by_a_dated_caption_when_nothing_else_dates_it()
    {
        var article = ArticleExtractor.Default.Extract(new SourceDocument(
            "test.txt",
            "Minister Jane Doe receives a gift from her Vietnamese counterpart in Hanoi, May 2, 2021. — Reuters pic\n\nHANOI, May 2 — The two ministers signed a plan today."));

        Assert.Null(article.Title is { } t && !article.TitleDerived ? t : null);
        Assert.Equal("2021-05-02", article.Published.ToString());
    }
}
