using System.Text.Json.Nodes;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>
/// Where the date of a meeting, a trip or a document came from, read from short texts written for these tests in the
/// shapes press releases tell them (the people are invented): the sentence of the event, a relative date resolved
/// against the dateline, an earlier sentence, or nowhere.
/// </summary>
public sealed class DateSourceTests
{
    private static ExtractedArticle Extract(string text) => ArticleExtractor.Default.Extract(new SourceDocument("dates.txt", text));

    [Fact]
    public void Should_say_a_meeting_dated_in_its_own_sentence_takes_its_date_from_the_sentence()
    {
        var article = Extract("""
            Vietnam and Japan discuss digital cooperation

            On 5 November 2031, Minister Tran Quoc Khanh held talks with Japanese Minister of Internal Affairs Sato Kenji in Tokyo.
            """);

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal("2031-11-05", meeting.Date.ToString());
        Assert.Equal(DateSource.Sentence, meeting.DateSource);
    }

    [Fact]
    public void Should_say_a_meeting_told_yesterday_takes_the_day_before_the_dateline_as_a_relative_date()
    {
        var article = Extract("""
            Vietnam and Korea discuss digital cooperation

            March 12, 2031 | 10:00 am GMT+7

            Yesterday, Minister Tran Quoc Khanh held talks with Korean Minister of Science Park Ji-hoon in Hanoi.
            """);

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal("2031-03-11", meeting.Date.ToString());
        Assert.Equal(DateSource.Relative, meeting.DateSource);
    }

    [Fact]
    public void Should_say_a_day_written_without_its_year_is_a_relative_date()
    {
        var article = Extract("""
            Vietnam and Korea discuss digital cooperation

            March 12, 2031 | 10:00 am GMT+7

            On March 10, Minister Tran Quoc Khanh held talks with Korean Minister of Science Park Ji-hoon in Hanoi.
            """);

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal("2031-03-10", meeting.Date.ToString());
        Assert.Equal(DateSource.Relative, meeting.DateSource);
    }

    [Fact]
    public void Should_say_a_second_meeting_that_takes_the_day_of_the_first_has_its_date_from_the_context()
    {
        var article = Extract("""
            Minister visits Japan

            On 5 November 2031, Minister Tran Quoc Khanh held talks with Japanese Minister of Internal Affairs Sato Kenji in Tokyo.

            On the same day, Minister Tran Quoc Khanh met Indian Minister of Communications Arjun Mehta.
            """);

        Assert.Equal(2, article.Meetings.Count);
        var second = Assert.Single(article.Meetings, m => m.CounterpartCountries.SequenceEqual(["IN"]));
        Assert.Equal("2031-11-05", second.Date.ToString());
        Assert.Equal(DateSource.Context, second.DateSource);
        Assert.Equal(DateSource.Sentence, Assert.Single(article.Meetings, m => m.CounterpartCountries.SequenceEqual(["JP"])).DateSource);
    }

    [Fact]
    public void Should_say_an_undated_meeting_has_no_date_source()
    {
        var article = Extract("Minister Tran Quoc Khanh held talks with Japanese Minister of Internal Affairs Sato Kenji in Tokyo.");

        var meeting = Assert.Single(article.Meetings);
        Assert.Null(meeting.Date);
        Assert.Equal(DateSource.None, meeting.DateSource);
    }

    [Fact]
    public void Should_say_a_trip_dated_by_the_period_of_its_sentence_takes_its_start_from_the_sentence()
    {
        var article = Extract("""
            Minister visits Japan

            From 5 to 9 November 2031, Minister Tran Quoc Khanh paid an official visit to Japan.
            """);

        var trip = Assert.Single(article.Delegations);
        Assert.Equal("2031-11-05", trip.Start.ToString());
        Assert.Equal(DateSource.Sentence, trip.DateSource);
    }

    [Fact]
    public void Should_say_a_document_signed_on_a_day_its_sentence_writes_takes_its_date_from_the_sentence()
    {
        var article = Extract("On 5 November 2031, Minister Tran Quoc Khanh and Japanese Minister of Internal Affairs Sato Kenji signed a memorandum of understanding on digital cooperation.");

        var memorandum = Assert.Single(article.Agreements);
        Assert.Equal("2031-11-05", memorandum.SignedOn.ToString());
        Assert.Equal(DateSource.Sentence, memorandum.DateSource);
    }

    [Fact]
    public void Should_write_the_date_source_place_and_renewed_document_in_the_contract_json()
    {
        var article = Extract("""
            Vietnam and Japan renew digital deal

            On 5 November 2031, Minister Tran Quoc Khanh and Japanese Minister of Internal Affairs Sato Kenji signed a memorandum of understanding on digital cooperation in Tokyo, replacing the 2026 agreement.
            """);

        var json = JsonNode.Parse(ContractJson.Serialize(article, Gazetteer.Default))!.AsObject();

        var agreement = json["agreements"]!.AsArray().OfType<JsonObject>().Single(a => a["kind"]!.GetValue<string>() == "Memorandum of Understanding");
        Assert.Equal("sentence", agreement["date_source"]!.GetValue<string>());
        Assert.Equal("Tokyo", agreement["place"]!.GetValue<string>());
        Assert.Equal("Agreement", agreement["renews"]!["kind"]!.GetValue<string>());
        Assert.Equal("2026", agreement["renews"]!["signed_on"]!.GetValue<string>());
        Assert.All(json["meetings"]!.AsArray().OfType<JsonObject>(), m => Assert.Equal("sentence", m["date_source"]!.GetValue<string>()));
    }
}
