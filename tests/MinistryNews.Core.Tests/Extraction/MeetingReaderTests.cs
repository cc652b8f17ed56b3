using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>The meetings a sentence tells, rule by rule, on sentences written for each pattern.</summary>
public sealed class MeetingReaderTests
{
    private static ExtractedArticle Extract(string text) => ArticleExtractor.Default.Extract(new SourceDocument("meetings.txt", text));

    [Fact]
    public void Should_read_talks_between_two_leaders_as_a_meeting_with_the_foreign_one()
    {
        var article = Extract("Right after the official talks between Prime Minister Pham Minh Chinh and Thai Prime Minister Srettha Thavisin, the two sides issued a statement.");

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(MeetingKind.Bilateral, meeting.Kind);
        Assert.Equal(["TH"], meeting.CounterpartCountries);
    }

    [Fact]
    public void Should_read_a_courtesy_call_on_an_official()
    {
        var article = Extract("In Canberra, Minister Nguyen Manh Hung paid a courtesy call on Australian Minister for Communications Michelle Rowland.");

        Assert.Equal(["AU"], Assert.Single(article.Meetings).CounterpartCountries);
    }

    [Fact]
    public void Should_read_the_session_of_a_joint_committee_named_by_its_two_countries_as_a_bilateral_meeting()
    {
        var article = Extract("The third meeting of the Vietnam – Chile Joint Committee on Economic Cooperation was held in Santiago on May 4, 2023, co-chaired by the two deputy ministers.");

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(MeetingKind.Bilateral, meeting.Kind);
        Assert.Equal(["CL"], meeting.CounterpartCountries);
    }

    [Fact]
    public void Should_give_a_session_of_an_unnamed_intergovernmental_commission_the_articles_counterpart()
    {
        var article = Extract("""
            Vietnam and Mongolia review cooperation

            Ulaanbaatar, June 3 – Mongolian Deputy Prime Minister Batbayar Ganbold welcomed the Vietnamese side.
            The two delegations concluded the 17th Session of the Intergovernmental Committee for Economic, Trade and Scientific Cooperation on Friday.
            """);

        Assert.Contains(article.Meetings, m => m.Kind == MeetingKind.Bilateral && m.CounterpartCountries.SequenceEqual(["MN"]) && m.Rule == "a session of a joint committee");
    }

    [Fact]
    public void Should_read_a_forum_named_by_two_countries_as_a_meeting_apart_from_the_talks_of_the_same_visit()
    {
        var article = Extract("""
            During his visit to Poland, Minister Nguyen Manh Hung met with Polish Minister of Digital Affairs Krzysztof Gawkowski.
            The minister then attended the Vietnam-Poland Digital Business Forum in Warsaw, where businesses of the two countries met.
            """);

        Assert.Equal(2, article.Meetings.Count(m => m.Kind == MeetingKind.Bilateral && m.CounterpartCountries.SequenceEqual(["PL"])));
    }

    [Fact]
    public void Should_read_each_numbered_gathering_as_its_own_multilateral_meeting_held_at_home_without_a_counterpart()
    {
        var article = Extract("The ministers met on the sidelines of the 12th meeting of the ASEAN Ministers on Energy (AMEM) and the 9th AMEM Plus Three (AMEM+3) meet-up in Hanoi.");

        Assert.Equal(2, article.Meetings.Count(m => m.Kind == MeetingKind.Multilateral && m.CounterpartCountries.Count == 0));
    }

    [Fact]
    public void Should_read_a_forum_organised_with_a_foreign_ministry_as_a_meeting_with_that_country()
    {
        var article = Extract("The Deputy Minister spoke at a seminar on smart cities, which was co-organised by the Ministry of Information and Communications and the Korean Ministry of Science and ICT.");

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(["KR"], meeting.CounterpartCountries);
    }

    [Fact]
    public void Should_add_what_a_sentence_going_back_to_the_reception_says_to_that_reception()
    {
        var article = Extract("""
            On May 2, Deputy Minister Phan Tam met with the Japan Broadcasting Cooperation Council in Hanoi.
            At the reception, Deputy Minister Phan Tam welcomed Mr. Kenji Sato and thanked the Council.
            """);

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(["JP"], meeting.CounterpartCountries);
        Assert.Contains("Kenji Sato", meeting.Participants);
    }

    [Fact]
    public void Should_not_take_a_luncheon_hosted_by_a_minister_for_a_reception_of_its_own()
    {
        var article = Extract("On June 9, Minister Nguyen Manh Hung held talks with Indian Minister of Communications Ashwini Vaishnaw in New Delhi, followed by a luncheon hosted by Minister Ashwini Vaishnaw.");

        Assert.Single(article.Meetings);
    }

    [Fact]
    public void Should_read_a_meeting_where_two_prime_ministers_discussed_as_a_meeting_with_the_articles_counterpart()
    {
        var article = Extract("""
            Singapore and Vietnam deepen ties

            Prime Minister Lawrence Wong of Singapore arrived in Hanoi on Tuesday.
            The two prime ministers had earlier led their delegations in a meeting where they discussed the digital economy.
            """);

        Assert.Contains(article.Meetings, m => m.CounterpartCountries.SequenceEqual(["SG"]) && m.Rule == "met");
    }

    [Fact]
    public void Should_read_a_meeting_recalled_by_its_number_and_date_with_that_date()
    {
        var article = Extract("""
            The fourth meeting of the Vietnam – Peru Sub-Committee on Trade was held online on September 9.
            Both sides reviewed progress since the first meeting in March 2019.
            """);

        Assert.Equal(2, article.Meetings.Count(m => m.CounterpartCountries.SequenceEqual(["PE"])));
        Assert.Contains(article.Meetings, m => m.Date?.ToString() == "2019-03");
    }

    [Fact]
    public void Should_not_read_a_joint_committee_session_planned_for_next_year()
    {
        var article = Extract("The two sides agreed that the next session of the Vietnam – Chile Joint Committee will be held in Hanoi in 2026.");

        Assert.Empty(article.Meetings);
    }

    [Fact]
    public void Should_keep_the_name_of_a_numbered_gathering_and_of_a_gathering_attended()
    {
        var article = Extract("""
            Deputy Minister Nguyen Huy Dung attended the Asia-Pacific Digital Ministers Forum in Tokyo on March 3, 2024.
            He then spoke at the 7th meeting of the ASEAN Telecommunication Regulators Council in Tokyo.
            """);

        Assert.Contains(article.Meetings, m => m.Name == "Asia-Pacific Digital Ministers Forum");
        Assert.Contains(article.Meetings, m => m.Name == "7th meeting of the ASEAN Telecommunication Regulators Council");
    }

    [Fact]
    public void Should_keep_the_foreign_organisation_met_as_written()
    {
        var article = Extract("On April 2, Deputy Minister Pham Duc Long had a working session with the Korea Internet Security Agency in Seoul.");

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(["KR"], meeting.CounterpartCountries);
        Assert.Equal("Korea Internet Security Agency", meeting.CounterpartOrganisation);
    }

    [Fact]
    public void Should_read_a_foreign_host_welcoming_a_vietnamese_official_as_a_meeting_with_the_articles_counterpart()
    {
        var article = Extract("""
            Remarks with the Deputy Prime Minister of Vietnam

            Canberra
            It was a pleasure to welcome Deputy Prime Minister Tran Hong Ha to Parliament House today.
            Australia and Vietnam have a comprehensive strategic partnership.
            """);

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(MeetingKind.Bilateral, meeting.Kind);
        Assert.Equal(["AU"], meeting.CounterpartCountries);
    }

    [Fact]
    public void Should_leave_out_a_welcome_that_is_only_planned()
    {
        var article = Extract("Australia is ready to welcome Deputy Prime Minister Tran Hong Ha to Canberra next year.");

        Assert.Empty(article.Meetings);
    }

    [Fact]
    public void Should_not_date_a_meeting_by_a_year_that_names_a_thing()
    {
        var article = Extract("The minister paid a courtesy call on the Chilean Senate President Manuel Ossandon, and congratulated him on the 2022 general elections.");

        Assert.Null(Assert.Single(article.Meetings).Date);
    }

    [Fact]
    public void Should_count_a_signing_told_inside_a_session_as_part_of_that_session()
    {
        var article = Extract("""
            Vietnam and Mongolia sign a protocol

            The two delegations concluded the 17th Session of the Vietnam – Mongolia Intergovernmental Committee on Friday, inking a Protocol signed by Mongolian Deputy Prime Minister Batbayar Ganbold and Vietnamese Minister of Construction Nguyen Thanh Nghi.
            """);

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(["MN"], meeting.CounterpartCountries);
    }

    [Fact]
    public void Should_read_an_online_interaction_with_a_minister_as_a_meeting()
    {
        var article = Extract("On March 3, 2022, Minister of National Defence Phan Van Giang held an online interaction with Australian Defence Minister Richard Marles.");

        Assert.Equal(["AU"], Assert.Single(article.Meetings).CounterpartCountries);
    }

    [Fact]
    public void Should_read_a_numbered_gathering_of_ministers_named_without_the_word_meeting()
    {
        var article = Extract("The Deputy Minister reported on the results of the 11th ASEAN Ministers on Energy (AMEM) and the 4th ASEAN+3 Ministers on Energy (AMEM+3).");

        Assert.Equal(2, article.Meetings.Count(m => m.Kind == MeetingKind.Multilateral));
    }
}
