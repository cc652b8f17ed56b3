namespace MinistryNews.Core.Tests;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2011", DatePrecision.Year)]
    [InlineData("2009-10", DatePrecision.Month)]
    [InlineData("2020-01-09", DatePrecision.Day)]
    public void Should_read_back_what_it_writes(string text, DatePrecision precision)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("2020-13")]
    [InlineData("2021-02-29")]
    [InlineData("2020-1-9")]
    [InlineData("2020-01-09T00:00")]
    [InlineData("notadate")]
    public void Should_refuse_what_is_not_a_date(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void Should_sort_its_text_in_date_order()
    {
        string[] texts = ["2020-01-09", "2011", "2009-10", "2020", "2019-12-31"];
        var dates = texts.Select(PartialDate.Parse).ToList();

        var byText = dates.OrderBy(d => d.ToString(), StringComparer.Ordinal).Select(d => d.ToString());

        Assert.Equal(["2009-10", "2011", "2019-12-31", "2020", "2020-01-09"], byText);
    }

    [Fact]
    public void Should_span_the_whole_period_it_names()
    {
        Assert.Equal(new DateOnly(2024, 2, 1), PartialDate.Parse("2024-02").FirstDay);
        Assert.Equal(new DateOnly(2024, 2, 29), PartialDate.Parse("2024-02").LastDay);
        Assert.Equal(new DateOnly(2011, 12, 31), PartialDate.Parse("2011").LastDay);
    }
}
