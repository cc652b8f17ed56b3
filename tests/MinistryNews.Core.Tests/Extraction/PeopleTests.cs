using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>People read from short texts in the shapes the real press releases use.</summary>
public sealed class PeopleTests
{
    private static ExtractedArticle Extract(string text) => ArticleExtractor.Default.Extract(new SourceDocument("test.txt", text));

    [Fact]
    public void Should_strip_honorifics_and_take_the_title_and_country_after_the_name()
    {
        var article = Extract("On March 21, 2019, in Hanoi, Deputy Minister of Information and Communications Pham Hong Hai received Mr. Akihiko Miyamoto, Director of the Department of International Cooperation, Ministry of Internal Affairs and Communications of Japan.");

        var miyamoto = Assert.Single(article.People, p => p.CountryCode == "JP");
        Assert.Equal("Akihiko Miyamoto", miyamoto.Name);
        Assert.Equal("Director of the Department of International Cooperation, Ministry of Internal Affairs and Communications", miyamoto.Title);
        Assert.Contains(article.People, p => p.Name == "Pham Hong Hai" && p.CountryCode == "VN");
    }

    [Fact]
    public void Should_merge_variant_spellings_and_short_forms_of_one_person()
    {
        var article = Extract("""
            On November 7, Deputy Minister Hoang Vinh Bao received the delegation from China's State Council Information Office, headed by Mr. Guo Weimin, Vice President.
            Mr. Guo Wenmin agreed that the relationship between Vietnam and China was a long-standing friendship. Deputy Minister Bao thanked him.
            """);

        Assert.Equal(2, article.People.Count);
        var guo = Assert.Single(article.People, p => p.CountryCode == "CN");
        Assert.Equal("Guo Weimin", guo.Name);
        Assert.Equal(["Guo Wenmin"], guo.Aliases);
        Assert.Equal("Vice President", guo.Title);
    }

    [Fact]
    public void Should_tell_the_country_from_an_adjective_or_a_possessive_before_the_title()
    {
        var article = Extract("Minister Nguyen Manh Hung held talks with Indonesian Minister of Information Tifatul Sembiring and the UK's Parliamentary Under-Secretary of State Chris Philp.");

        Assert.Contains(article.People, p => p.Name == "Tifatul Sembiring" && p.CountryCode == "ID" && p.Title == "Minister of Information");
        Assert.Contains(article.People, p => p.Name == "Chris Philp" && p.CountryCode == "GB");
    }

    [Fact]
    public void Should_not_take_photographers_or_organisations_for_people()
    {
        var article = Extract("""
            The delegation met the Minister of Transport and Communications, the Information Management Authority (FICORA) and the Finnish Innovation Foundation in Finland.
            PSX_20241128_111342.jpg
            Minister Nguyen Manh Hung at the meeting in Hanoi. Photo: Le Anh Dung
            """);

        Assert.Equal(["Nguyen Manh Hung"], article.People.Select(p => p.Name));
    }

    [Fact]
    public void Should_take_a_bare_title_for_the_one_person_of_the_article_who_holds_it()
    {
        var article = Extract("""
            On March 21, 2019, Deputy Minister of Information and Communications Pham Hong Hai opened a forum on 5G in Hanoi.
            On March 22, the Deputy Minister of Information and Communications met with Japanese Ambassador Takio Yamada.
            """);

        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(["JP"], meeting.CounterpartCountries);
        Assert.Equal(["Pham Hong Hai", "Takio Yamada"], meeting.Participants.Order());
    }

    [Fact]
    public void Should_drop_honorifics_and_ranks_of_many_countries()
    {
        var article = Extract("""
            Prime Minister Datuk Seri Rahim Osman and Attorney General Tan Sri Azman Latif met Interior Minister Samdech Krolahom Chea Sovann in Hanoi.
            Shri Arun Mehta, Minister of Railways of India, and H.E. Mr. Hoang Van Thai, Deputy Minister, also attended.
            Sr Lt Gen Le Quang Vinh, Deputy Minister of Public Security, and Lieutenant General Tran Duc Hoa welcomed His Excellency Karim Saleh.
            """);

        Assert.Equal(
            ["Arun Mehta", "Azman Latif", "Chea Sovann", "Hoang Van Thai", "Karim Saleh", "Le Quang Vinh", "Rahim Osman", "Tran Duc Hoa"],
            article.People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(article.People, p => p.Name == "Azman Latif" && p.Title == "Attorney General");
        Assert.Contains(article.People, p => p.Name == "Chea Sovann" && p.Title == "Interior Minister");
        Assert.Contains(article.People, p => p.Name == "Arun Mehta" && p.Title == "Minister of Railways" && p.CountryCode == "IN");
        Assert.Contains(article.People, p => p.Name == "Le Quang Vinh" && p.Title == "Deputy Minister of Public Security");
    }

    [Fact]
    public void Should_read_vietnamese_names_with_diacritics_and_family_names_that_are_english_words()
    {
        var article = Extract("General Secretary To Minh Khoa received Deputy Minister Nguyễn Văn Thành and Director Lê Thị Hương in Hanoi.");

        Assert.Equal(["Lê Thị Hương", "Nguyễn Văn Thành", "To Minh Khoa"], article.People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(article.People, p => Assert.Equal("VN", p.CountryCode));
        Assert.Contains(article.People, p => p.Name == "To Minh Khoa" && p.Title == "General Secretary");
    }

    [Fact]
    public void Should_read_family_names_in_capitals_and_one_word_names_after_a_title_or_honorific()
    {
        var article = Extract("""
            On June 3, Japanese Minister of Internal Affairs and Communications TANAKA Hiroshi met Minister Nguyen Van Binh of MIC in Tokyo.
            Hiroshi KATO, Director of the Bureau, and Minister SUZUKI also attended, and Dr. Rahimi, an adviser, spoke. Minister Binh thanked them.
            """);

        Assert.Equal(["Hiroshi KATO", "Nguyen Van Binh", "Rahimi", "SUZUKI", "TANAKA Hiroshi"], article.People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(article.People, p => p.Name == "TANAKA Hiroshi" && p.Title == "Minister of Internal Affairs and Communications" && p.CountryCode == "JP");
        Assert.Contains(article.People, p => p.Name == "SUZUKI" && p.Title == "Minister");
    }

    [Fact]
    public void Should_end_a_title_where_a_name_follows_a_title_word()
    {
        var article = Extract("The co-chairs were Uruguayan Minister of Industry and Energy Carlos Vidal, and Vietnamese Minister of Transport Tran Van Binh.");

        Assert.Contains(article.People, p => p.Name == "Carlos Vidal" && p.Title == "Minister of Industry and Energy" && p.CountryCode == "UY");
        Assert.Contains(article.People, p => p.Name == "Tran Van Binh" && p.Title == "Minister of Transport" && p.CountryCode == "VN");
    }

    [Fact]
    public void Should_give_a_plural_title_to_each_name_after_it()
    {
        var article = Extract("Minister Le Van Tuan and Slovak Deputy Ministers Jana Dvorak and Milan Horak attended the G20 Digital Ministers Meeting in Berlin.");

        Assert.Equal(["Jana Dvorak", "Le Van Tuan", "Milan Horak"], article.People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(article.People.Where(p => p.Name != "Le Van Tuan"), p => Assert.Equal(("Deputy Minister", "SK"), (p.Title, p.CountryCode)));
    }

    [Fact]
    public void Should_read_a_name_followed_by_a_comma_and_a_title()
    {
        var article = Extract("""
            Opening the seminar, Kenji Mori, JICA Director, said the projects were on track.
            The plan was signed by Minister Pham Van Long and Anna Berg, Trade Envoy of the Swedish Prime Minister.
            In Da Nang, Deputy Minister Tran Quoc Hai opened an exhibition.
            """);

        Assert.Equal(["Anna Berg", "Kenji Mori", "Pham Van Long", "Tran Quoc Hai"], article.People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(article.People, p => p.Name == "Kenji Mori" && p.Title == "JICA Director");
        Assert.Contains(article.People, p => p.Name == "Anna Berg" && p.Title == "Trade Envoy of the Swedish Prime Minister" && p.CountryCode == "SE");
    }

    [Fact]
    public void Should_read_a_title_in_lower_case_before_a_name()
    {
        var article = Extract("""
            The delegation was received by the Authority of Broadcasting director general Pham Van Long.
            It later met the vice-president of the ANC, Thandi Nkosi, and the chief editor of a newspaper.
            """);

        Assert.Equal(["Pham Van Long", "Thandi Nkosi"], article.People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(article.People, p => p.Name == "Pham Van Long" && p.Title == "Authority of Broadcasting director general");
        Assert.Contains(article.People, p => p.Name == "Thandi Nkosi" && p.Title == "vice-president of the ANC");
    }

    [Fact]
    public void Should_give_a_counterpart_the_matching_office_and_the_country_named()
    {
        var article = Extract("""
            Deputy Minister of Health Le Van Tuan and his Egyptian counterpart Karim Hassan opened the session.
            Tuan later held talks with his Indian counterpart, Ravi Shankar.
            """);

        Assert.Contains(article.People, p => p.Name == "Karim Hassan" && p.Title == "Deputy Minister of Health" && p.CountryCode == "EG");
        Assert.Contains(article.People, p => p.Name == "Ravi Shankar" && p.Title == "Deputy Minister of Health" && p.CountryCode == "IN");
    }

    [Fact]
    public void Should_read_the_area_before_a_title_word_as_part_of_the_title()
    {
        var article = Extract("""
            Vietnamese Foreign Minister Nguyen Van Binh met Japan's Labour Minister Sato Kenji and Chinese State Councilor Li Wei.
            He hosted a reception for Standing Deputy Head Tran Van Tho of the Steering Committee of the Ministry of Industry and Trade.
            """);

        Assert.Contains(article.People, p => p.Name == "Nguyen Van Binh" && p.Title == "Foreign Minister" && p.CountryCode == "VN");
        Assert.Contains(article.People, p => p.Name == "Sato Kenji" && p.Title == "Labour Minister" && p.CountryCode == "JP");
        Assert.Contains(article.People, p => p.Name == "Li Wei" && p.Title == "State Councilor" && p.CountryCode == "CN");
        Assert.Contains(article.People, p => p.Name == "Tran Van Tho" && p.Title == "Standing Deputy Head");
    }

    [Fact]
    public void Should_take_the_country_out_of_a_title_that_names_it_in_full()
    {
        var article = Extract("The Minister of Health of the Socialist Republic of Vietnam, Tran Thi Mai, visited Luanda.");

        var person = Assert.Single(article.People);
        Assert.Equal(("Tran Thi Mai", "Minister of Health", "VN"), (person.Name, person.Title, person.CountryCode));
    }

    [Fact]
    public void Should_keep_initials_and_titles_that_start_with_an_acronym()
    {
        var article = Extract("Minister Pham Van Long received Ambassador Omar Khalid A. Rahman and Mr. Taro Yamada, JETRO Chief Representative.");

        Assert.Contains(article.People, p => p.Name == "Omar Khalid A. Rahman");
        Assert.Contains(article.People, p => p.Name == "Taro Yamada" && p.Title == "JETRO Chief Representative");
    }

    [Fact]
    public void Should_take_a_headline_name_as_the_body_spells_it_and_no_headline_phrase_for_a_person()
    {
        var article = Extract("""
            Deputy Minister Nguyen Van Tam Receives Thai Delegation

            On May 5, Deputy Minister Nguyen Van Tam received the delegation of the Thai Ministry of Digital Economy.
            """);
        var other = Extract("""
            Minister Hails Strong Ties With Neighbours

            The minister said relations with neighbouring countries were strong.
            """);

        var person = Assert.Single(article.People);
        Assert.Equal("Nguyen Van Tam", person.Name);
        Assert.Empty(person.Aliases);
        Assert.Empty(other.People);
    }

    [Fact]
    public void Should_read_a_speaker_from_the_name_and_title_lines_over_a_statement()
    {
        var article = Extract("""
            Remarks at the Signing of the Science Agreement

            Jane Whitfield
            Secretary of State
            Benjamin Franklin Room
            March 3, 2011

            Good morning. It is a pleasure to welcome Minister Nguyen Van Binh.
            """);

        Assert.Contains(article.People, p => p.Name == "Jane Whitfield" && p.Title == "Secretary of State");
        Assert.Equal("2011-03-03", article.Published.ToString());
    }

    [Fact]
    public void Should_read_titles_that_name_a_city_a_peoples_committee_or_an_envoys_full_rank()
    {
        var article = Extract("""
            Chairman of the People's Committee of Da Nang City Le Trung Chinh welcomed Mayor of Seoul Kim Min-jun.
            Ambassador Extraordinary and Plenipotentiary of Vietnam to Japan Pham Quang Hieu and Prime Minister-designate Ishida attended.
            """);

        Assert.Contains(article.People, p => p.Name == "Le Trung Chinh" && p.Title == "Chairman of the People's Committee of Da Nang City" && p.CountryCode == "VN");
        Assert.Contains(article.People, p => p.Name == "Kim Min-jun" && p.Title == "Mayor of Seoul" && p.CountryCode == "KR");
        Assert.Contains(article.People, p => p.Name == "Pham Quang Hieu" && p.Title == "Ambassador Extraordinary and Plenipotentiary");
        Assert.Contains(article.People, p => p.Name == "Ishida" && p.Title == "Prime Minister-designate");
        Assert.Equal(4, article.People.Count);
    }

    [Fact]
    public void Should_read_a_name_followed_by_a_comma_and_a_title_in_lower_case_and_given_names_that_are_english_words()
    {
        var article = Extract("""
            "We are ready," said Tran Van Binh, deputy director of the Authority of Information Security.
            Deputy Director General of the Department of Telecommunications, Nguyen Van An, agreed.
            """);

        Assert.Contains(article.People, p => p.Name == "Tran Van Binh" && p.Title == "deputy director of the Authority of Information Security");
        Assert.Contains(article.People, p => p.Name == "Nguyen Van An" && p.Title == "Deputy Director General of the Department of Telecommunications");
    }

    [Fact]
    public void Should_end_a_title_at_a_military_rank_but_not_at_a_general_that_belongs_to_the_title()
    {
        var article = Extract("""
            Party General Secretary To Van Hai received Minister of National Defence General Phan Quoc Tuan in Hanoi.
            Director General Nguyen Thi Lan and Indonesian Minister of Communication and Informatics Budi Santoso also attended.
            """);

        Assert.Contains(article.People, p => p.Name == "To Van Hai" && p.Title == "Party General Secretary");
        Assert.Contains(article.People, p => p.Name == "Phan Quoc Tuan" && p.Title == "Minister of National Defence");
        Assert.Contains(article.People, p => p.Name == "Nguyen Thi Lan" && p.Title == "Director General");
        Assert.Contains(article.People, p => p.Name == "Budi Santoso" && p.Title == "Minister of Communication and Informatics" && p.CountryCode == "ID");
    }

    [Fact]
    public void Should_take_a_name_with_two_words_run_together_for_the_same_person()
    {
        var article = Extract("""
            Vietnamese Ambassador to Hungary Le Thanh Binh attended the forum.
            Minister Tran Quoc Hai thanked Ambassador Le ThanhBinh for his support.
            """);

        var ambassador = Assert.Single(article.People, p => p.Name.StartsWith("Le ", StringComparison.Ordinal));
        Assert.Equal("Le Thanh Binh", ambassador.Name);
        Assert.Equal(["Le ThanhBinh"], ambassador.Aliases);
    }

    [Fact]
    public void Should_read_long_malay_names_after_their_honorifics_and_a_name_then_the_title_with_its_country()
    {
        var article = Extract("""
            The Prime Minister received the new Ambassador of Brunei to Vietnam, Datin Paduka Siti Rohana Awang Haji Osman, in Hanoi.
            Also present were Datuk Seri Rosnah Abdul Said and Tran Van Hoa, the Vietnamese Minister of Transport.
            Mr. Le Quang Minh, Minister of Health, Government of Vietnam, thanked them.
            """);

        Assert.Contains(article.People, p => p.Name == "Siti Rohana Awang Haji Osman" && p.Title == "Ambassador" && p.CountryCode == "BN");
        Assert.Contains(article.People, p => p.Name == "Rosnah Abdul Said");
        Assert.Contains(article.People, p => p.Name == "Tran Van Hoa" && p.Title == "Minister of Transport" && p.CountryCode == "VN");
        Assert.Contains(article.People, p => p.Name == "Le Quang Minh" && p.Title == "Minister of Health");
    }

    [Fact]
    public void Should_give_a_title_between_two_names_to_the_name_after_it_and_read_abbreviated_titles()
    {
        var article = Extract("""
            Prime Minister Le Van Thanh and his Korean counterpart at the ceremony. (Photo: VNA)
            Agreeing with Mr. Tran Duc Long, Vice Minister for Foreign Affairs of Japan, Sato Kenji said the visit was a success.
            PM Le Van Thanh invited Japanese PM Ito Hiroshi and FM Mori Taro to Vietnam.
            Mr. Hoang Van Nam, Deputy Prime Minister, Socialist Republic of Viet Nam, attended.
            According to H.E. Chan Sophal, Delegate Minister Attached to the Prime Minister, H.E. Le Van Thanh praised the talks.
            Also present were Mr. Arjun Mehra, CEO, Doordarshan; and Mr. Vikas Rao, Joint Secretary.
            """);

        Assert.Contains(article.People, p => p.Name == "Sato Kenji" && p.Title == "Vice Minister for Foreign Affairs" && p.CountryCode == "JP");
        Assert.Contains(article.People, p => p.Name == "Tran Duc Long" && p.Title is null && p.CountryCode == "VN");
        Assert.Contains(article.People, p => p.Name == "Le Van Thanh" && p.Title == "Prime Minister");
        Assert.Contains(article.People, p => p.Name == "Ito Hiroshi" && p.Title == "PM" && p.CountryCode == "JP");
        Assert.Contains(article.People, p => p.Name == "Mori Taro" && p.Title == "FM");
        Assert.Contains(article.People, p => p.Name == "Hoang Van Nam" && p.Title == "Deputy Prime Minister");
        Assert.Contains(article.People, p => p.Name == "Chan Sophal" && p.Title == "Delegate Minister Attached to the Prime Minister");
        Assert.Contains(article.People, p => p.Name == "Arjun Mehra" && p.Title == "CEO");
        Assert.Contains(article.People, p => p.Name == "Vikas Rao" && p.Title == "Joint Secretary");
    }

    [Fact]
    public void Should_drop_the_honorifics_of_cambodian_leaders_and_royals()
    {
        var article = Extract("""
            Samdech Akka Moha Ponhea Chakrei Chea Vuthy, President of the Senate, and Samdech Vibol Sena Pheakdei Men Sarun received the delegation.
            The guests were received in a royal audience by His Majesty Norodom Rithy, King of Cambodia.
            """);

        Assert.Equal(["Chea Vuthy", "Men Sarun", "Norodom Rithy"], article.People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains(article.People, p => p.Name == "Norodom Rithy" && p.Title == "King" && p.CountryCode == "KH");
    }

    [Fact]
    public void Should_read_titles_of_organisations_the_lexicon_does_not_know_and_a_word_in_brackets_after_a_title()
    {
        var article = Extract("""
            The delegation met Secretary General of Umoja Taifa Party (UTP) Amani Mwinyi and Joint Secretary (East) Rajesh Kumar.
            Prime Minister Le Van Thanh and Foreign Minister Tran Duc Long attended.
            Minister Nguyen Van Binh (MIC) thanked them.
            """);

        Assert.Contains(article.People, p => p.Name == "Amani Mwinyi" && p.Title == "Secretary General of Umoja Taifa Party");
        Assert.Contains(article.People, p => p.Name == "Rajesh Kumar" && p.Title == "Joint Secretary (East)");
        Assert.Contains(article.People, p => p.Name == "Nguyen Van Binh" && p.Title == "Minister");
        Assert.Contains(article.People, p => p.Name == "Tran Duc Long" && p.Title == "Foreign Minister");
    }
}
