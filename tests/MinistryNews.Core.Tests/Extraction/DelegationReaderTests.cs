using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>The trips a sentence tells, rule by rule, on sentences written for each pattern.</summary>
public sealed class DelegationReaderTests
{
    private static ExtractedArticle Extract(string text) => ArticleExtractor.Default.Extract(new SourceDocument("trips.txt", text));

    [Fact]
    public void Should_keep_people_sent_on_a_task_apart_from_the_ministers_visit()
    {
        var article = Extract("""
            Minister of Finance Ho Duc Phoc paid an official visit to Laos from March 3 to 5.
            On the occasion, the ministry sent a team of customs specialists to Laos to share experience.
            """);

        Assert.Equal(2, article.Delegations.Count(d => d.Destinations.SequenceEqual(["LA"])));
    }

    [Fact]
    public void Should_read_a_past_visit_told_by_whose_it_was_with_its_year()
    {
        var article = Extract("""
            Remarks by the Secretary of State

            Washington, DC
            I thanked Deputy Prime Minister Pham Gia Khiem for the talks with US Secretary of State Hillary Clinton.
            I remember my own visit to Vietnam in 2000.
            """);

        var visit = Assert.Single(article.Delegations, d => d.Destinations.SequenceEqual(["VN"]));
        Assert.Equal("2000", visit.Start?.ToString());
    }

    [Fact]
    public void Should_read_the_delegation_of_the_side_just_received_at_home_as_its_visit()
    {
        var article = Extract("""
            On October 4, Deputy Minister Phan Tam met with the Korean Broadcasting Association in Hanoi.
            At the reception, the Deputy Minister welcomed Mr. Kim Min-soo, and the Delegation visited the ministry's press centre.
            """);

        var visit = Assert.Single(article.Delegations);
        Assert.Equal("KR", visit.FromCountry);
        Assert.Equal(["VN"], visit.Destinations);
    }

    [Fact]
    public void Should_not_read_our_own_delegation_abroad_as_a_foreign_one()
    {
        var article = Extract("""
            Deputy Minister Phan Tam paid a working visit to Korea from May 2 to 5.
            He met with the Korean Broadcasting Association, and the delegation visited its studios.
            """);

        var trip = Assert.Single(article.Delegations);
        Assert.Equal("VN", trip.FromCountry);
    }

    [Fact]
    public void Should_not_date_a_received_delegations_trip_by_the_day_of_the_reception()
    {
        var article = Extract("On November 7, 2023, Deputy Minister Hoang Vinh Bao received the delegation from the Lao Ministry of Technology and Communications, headed by Mr. Boviengkham Vongdara.");

        var visit = Assert.Single(article.Delegations);
        Assert.Equal("LA", visit.FromCountry);
        Assert.Null(visit.Start);
        Assert.Equal("11-07", Assert.Single(article.Meetings).Date?.ToString()[^5..]);
    }

    [Fact]
    public void Should_date_a_received_delegations_trip_when_the_sentence_gives_its_days()
    {
        var article = Extract("From November 7 to 9, 2023, the delegation from the Lao Ministry of Technology and Communications visited Vietnam and met with Deputy Minister Hoang Vinh Bao.");

        Assert.Equal("2023-11-07", Assert.Single(article.Delegations).Start?.ToString());
    }

    [Fact]
    public void Should_not_take_the_host_who_invited_for_the_leader_of_the_visit()
    {
        var article = Extract("Invited by Minister Takeshi Iwaya, Foreign Minister Bui Thanh Son is paying an official visit to Japan from March 2 to 5, 2025.");

        var trip = Assert.Single(article.Delegations);
        Assert.Equal("VN", trip.FromCountry);
        Assert.Equal(["JP"], trip.Destinations);
        Assert.Equal("Bui Thanh Son", trip.Leader);
    }
}
