using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>Shapes of text from outlets the data folder does not have: they must read as the rules promise.</summary>
public sealed class ShapeTests
{
    private static ExtractedArticle Extract(string text) => ArticleExtractor.Default.Extract(new SourceDocument("shape.txt", text));

    [Fact]
    public void Should_read_initials_and_a_serial_comma_in_a_title()
    {
        var article = Extract("On September 11, Minister Nguyen Manh Hung had a working session with U.S. Under Secretary of State for Economic Growth, Energy, and the Environment Jose W. Fernandez in Hanoi.");

        var fernandez = Assert.Single(article.People, p => p.CountryCode == "US");
        Assert.Equal("Jose W. Fernandez", fernandez.Name);
        Assert.Equal("Under Secretary of State for Economic Growth, Energy, and the Environment", fernandez.Title);
        Assert.Equal(["US"], Assert.Single(article.Meetings).CounterpartCountries);
    }

    [Fact]
    public void Should_give_an_official_of_an_international_body_no_country()
    {
        var article = Extract("On the sidelines, Deputy Minister Nguyen Huy Dung received APT Secretary General Masanori Kondo in Hanoi.");

        Assert.Contains(article.People, p => p.Name == "Masanori Kondo" && p.CountryCode is null);
        Assert.Empty(article.Countries);
    }

    [Fact]
    public void Should_read_a_conference_held_in_Vietnam_without_a_counterpart_and_the_countries_it_lists_as_none()
    {
        var article = Extract("""
            Vietnam hosts the APT meeting

            The 44th Management Committee meeting of the Asia-Pacific Telecommunity (APT) took place in Hà Nội from October 10 to 13, with delegates from Japan, China and India.

            Published: October 14, 2023
            """);

        Assert.Equal("2023-10-14", article.Published.ToString());
        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(MeetingKind.Multilateral, meeting.Kind);
        Assert.Empty(meeting.CounterpartCountries);
        Assert.Empty(article.Countries);
    }

    [Fact]
    public void Should_count_a_document_signed_in_the_past_but_not_the_one_the_sides_expect_to_sign()
    {
        var article = Extract("Both sides agreed to speed up the implementation of the Memorandum of Understanding with India signed in 2022 and expected to sign a new action plan for the 2024-2026 period.");

        var memorandum = Assert.Single(article.Agreements);
        Assert.Equal("Memorandum of Understanding", memorandum.Kind);
        Assert.Equal("2022", memorandum.SignedOn.ToString());
    }

    [Fact]
    public void Should_tell_two_meetings_in_one_sentence_apart_when_they_were_with_different_people()
    {
        var article = Extract("During the visit, Japanese Minister Matsumoto Takeaki met Prime Minister Pham Minh Chinh and held talks with Minister of Information and Communications Nguyen Manh Hung.");

        Assert.Equal(2, article.Meetings.Count);
        Assert.All(article.Meetings, m => Assert.Equal(["JP"], m.CounterpartCountries));
        Assert.Equal(["Matsumoto Takeaki", "Pham Minh Chinh"], article.Meetings[0].Participants);
        Assert.Equal(["Matsumoto Takeaki", "Nguyen Manh Hung"], article.Meetings[1].Participants);
    }

    [Fact]
    public void Should_read_a_saved_page_with_its_dateline_in_an_element_of_its_own_and_without_its_chrome()
    {
        const string Html = """
            <html><head><title>Vietnam, Thailand boost digital cooperation - MIC</title><script>var x = 1;</script></head>
            <body><nav><a href="/">Home</a></nav><article>
            <h1>Vietnam, Thailand boost digital cooperation</h1>
            <div class="date">February 20, 2024 | 09:30 am GMT+7</div>
            <p>On February 19, in Bangkok, Deputy Minister Phan Tam held talks with Thai Minister of Digital Economy and Society Prasert Jantararuangtong.</p>
            <figure><img src="/images/20240219-thai.jpg"><figcaption>Deputy Minister Phan Tam and Minister Prasert Jantararuangtong. Photo: MIC</figcaption></figure>
            </article><aside><h3>Related news</h3><ul><li><a href="#">Minister Hung meets Lao counterpart</a></li></ul></aside></body></html>
            """;

        var file = MinistryNews.Core.Ingestion.SourceReader.Read("page.html", System.Text.Encoding.UTF8.GetBytes(Html));
        var article = ArticleExtractor.Default.Extract(file.Document!);

        Assert.Equal("Vietnam, Thailand boost digital cooperation", article.Title);
        Assert.Equal("2024-02-20", article.Published.ToString());
        Assert.Equal(PublishedFrom.Dateline, article.PublishedFrom);
        Assert.Equal(["TH"], Assert.Single(article.Meetings).CounterpartCountries);
        Assert.DoesNotContain(article.Body, b => b.Text.Contains("Related news", StringComparison.Ordinal) || b.Text.Contains("Lao counterpart", StringComparison.Ordinal));
        Assert.Contains(article.Body, b => b.Kind == BlockKind.Caption);
    }

    [Fact]
    public void Should_read_a_wire_story_with_signatories_after_the_document_and_a_co_chaired_meeting()
    {
        var article = Extract("""
            Hanoi (VNA) – Vietnam and Laos on July 5 signed a memorandum of understanding (MoU) on cooperation in information and communications for the 2021-2025 period.

            The document was signed by Minister of Information and Communications Nguyen Manh Hung and Lao Minister of Technology and Communications Boviengkham Vongdara in Vientiane.

            Earlier the same day, the two ministers co-chaired the 5th meeting of the Vietnam-Laos Joint Working Group on information and communications.
            """);

        var memorandum = Assert.Single(article.Agreements);
        Assert.Equal(["LA"], memorandum.CounterpartCountries);
        Assert.Equal("2021-2025", memorandum.Valid?.ToString());
        Assert.Equal(["Boviengkham Vongdara", "Nguyen Manh Hung"], memorandum.Signatories.Order(StringComparer.Ordinal));
        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(["LA"], meeting.CounterpartCountries);
        Assert.Equal(2, meeting.Participants.Count);
    }

    [Fact]
    public void Should_count_one_meeting_per_country_when_officials_of_two_countries_are_met_at_once()
    {
        var article = Extract("""
            Minister Nguyen Manh Hung attends ADGMIN-3 in Singapore

            January 27, 2023 | 10:00 am GMT+7

            On January 26, Minister of Information and Communications Nguyen Manh Hung attended the 3rd ASEAN Digital Ministers' Meeting (ADGMIN) in Singapore, with ministers from ASEAN member states and dialogue partners such as China, Japan, the Republic of Korea, India and the US.

            On the sidelines, Minister Hung met with Japanese Minister of Internal Affairs and Communications Takeaki Matsumoto and Indian Minister of Electronics and Information Technology Ashwini Vaishnaw.
            """);

        Assert.Equal(["SG"], Assert.Single(article.Meetings, m => m.Kind == MeetingKind.Multilateral).CounterpartCountries);
        var bilateral = article.Meetings.Where(m => m.Kind == MeetingKind.Bilateral).ToList();
        Assert.Equal(["IN", "JP"], bilateral.SelectMany(m => m.CounterpartCountries).Order(StringComparer.Ordinal));
        Assert.All(bilateral, m => Assert.Equal("2023-01-26", m.Date.ToString()));
        Assert.Equal(["IN", "JP", "SG"], article.Countries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_read_visits_to_Vietnam_told_in_a_who_clause_or_by_the_delegation_s_adjective()
    {
        var article = Extract("""
            On September 12, 2023, in Hanoi, Minister Nguyen Manh Hung received Mongolian Minister of Digital Development and Communications Uchral Nyam-Osor, who is on an official visit to Vietnam from September 11-14.

            A Japanese delegation led by Vice Minister Takeshi Yamaguchi also paid a working visit to Vietnam on September 12.
            """);

        Assert.Contains(article.Delegations, d => d.Leader == "Uchral Nyam-Osor" && d.FromCountry == "MN" && d.Destinations.SequenceEqual(["VN"]) && d.Start.ToString() == "2023-09-11" && d.End.ToString() == "2023-09-14");
        Assert.Contains(article.Delegations, d => d.Leader == "Takeshi Yamaguchi" && d.FromCountry == "JP");
        Assert.Contains(article.People, p => p.Name == "Takeshi Yamaguchi" && p.CountryCode == "JP");
    }

    [Fact]
    public void Should_date_a_wire_story_by_its_tag_and_its_meeting_by_the_text()
    {
        var article = Extract("""
            Vietnam, Cambodia step up cooperation in telecommunications

            Hanoi, Jan. 15, 2024 (VNA) – Deputy Minister of Information and Communications Phan Tam held talks with Cambodian Secretary of State of the Ministry of Posts and Telecommunications Keo Sothie in Hanoi on January 14.
            """);

        Assert.Equal("2024-01-15", article.Published.ToString());
        var meeting = Assert.Single(article.Meetings);
        Assert.Equal("2024-01-14", meeting.Date.ToString());
        Assert.Contains(article.People, p => p.Name == "Keo Sothie" && p.CountryCode == "KH");
    }

    [Fact]
    public void Should_give_a_meeting_with_an_international_body_no_country_even_abroad()
    {
        var article = Extract("""
            Deputy Minister attends ITU Plenipotentiary Conference

            November 2, 2022 | 08:00 am GMT+7

            A delegation of the Ministry of Information and Communications led by Deputy Minister Pham Duc Long took part in the ITU Plenipotentiary Conference 2022 in Bucharest, Romania from September 26 to October 14.

            Deputy Minister Long also met with ITU Secretary-General Houlin Zhao to discuss cooperation between Vietnam and ITU.
            """);

        Assert.Contains(article.Meetings, m => m.Kind == MeetingKind.Multilateral && m.CounterpartCountries.SequenceEqual(["RO"]));
        Assert.Contains(article.Meetings, m => m.CounterpartCountries.Count == 0 && m.Participants.Contains("Houlin Zhao"));
        Assert.Equal(["RO"], article.Countries);
    }

    [Fact]
    public void Should_count_the_countries_a_headline_in_capitals_names_as_the_articles_partners()
    {
        var article = Extract("""
            DEEPENING COOPERATION WITH MONGOLIA, KAZAKHSTAN AND THE RUSSIAN FEDERATION

            On May 6, 2025, Minister of Justice Nguyen Hai Ninh met with Mongolian Minister of Justice Khishgee Nyambaatar in Ulaanbaatar.
            """);

        Assert.Equal(["KZ", "MN", "RU"], article.Countries.Order());
    }

    [Fact]
    public void Should_print_an_agreements_subject_and_counterpart_ministry_beside_the_scored_fields()
    {
        var article = Extract("On March 4, 2024, Minister Nguyen Manh Hung and Chilean Minister of Transport and Telecommunications Juan Carlos Munoz signed a Memorandum of Understanding on cooperation in digital transformation in Santiago.");

        var json = System.Text.Json.Nodes.JsonNode.Parse(ContractJson.Serialize(article, ArticleExtractor.Default.Gazetteer))!;
        var agreement = json["agreements"]![0]!;
        Assert.Equal("on cooperation in digital transformation", agreement["subject"]!.GetValue<string>());
        Assert.Equal(["Chile"], agreement["counterpart_countries"]!.AsArray().Select(c => c!.GetValue<string>()));
    }
}
