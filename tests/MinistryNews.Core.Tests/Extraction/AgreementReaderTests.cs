using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>
/// Documents read from short texts written for these tests in the shapes press releases tell them (the people are
/// invented): one test per rule of the <see cref="AgreementReader"/>.
/// </summary>
public sealed class AgreementReaderTests
{
    private static ExtractedArticle Extract(string text) => ArticleExtractor.Default.Extract(new SourceDocument("agreements.txt", text));

    [Fact]
    public void Should_count_an_exchange_of_notes_once_for_each_item_its_list_numbers()
    {
        var article = Extract("""
            Korean Foreign Minister visits Vietnam

            July 3, 2031 | 10:00 am GMT+7

            On July 2, Deputy Prime Minister Tran Quoc Khanh held talks with Korean Foreign Minister Park Ji-hoon in Hanoi.

            July 2: Foreign Ministers' Meeting; Signing Ceremony of Exchange of Notes ((1) Grant Aid for the modernisation of the coast guard, and (2) Grant Aid "Clean Water for Rural Schools"); joint press remarks.
            """);

        Assert.Equal(2, article.Agreements.Count);
        Assert.All(article.Agreements, a => Assert.Equal("Exchange of Notes", a.Kind));
        Assert.All(article.Agreements, a => Assert.Equal(["KR"], a.CounterpartCountries));
    }

    [Fact]
    public void Should_read_a_protocol_inked_at_a_session_and_then_signed_by_its_co_chairs_as_one()
    {
        var article = Extract("""
            Vietnam and Cuba close their commission session

            After three days of work, the delegations of the two countries concluded the 12th Session of the Intergovernmental Commission, inking a Protocol with commitments on trade, agriculture and health.

            Signed by Cuban Deputy Prime Minister Ramon Alvarez and Vietnamese Minister of Planning Hoang Anh Tuan, the Protocol of the 12th Session guides the work of the coming years.
            """);

        var protocol = Assert.Single(article.Agreements);
        Assert.Equal("Protocol", protocol.Kind);
        Assert.Equal(["CU"], protocol.CounterpartCountries);
        Assert.Equal(["Hoang Anh Tuan", "Ramon Alvarez"], protocol.Signatories.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_count_each_exchange_of_cooperation_documents_but_not_exchanges_of_documents_on_various_fields()
    {
        var article = Extract("""
            Thai Prime Minister visits Vietnam

            The two Prime Ministers also witnessed exchanges of documents on various fields that had been agreed before the visit.

            Thai Minister of Tourism Somchai Pongsak exchanged documents on cooperation in tourism with Vietnamese Minister of Culture Ngo Thanh Binh.

            Another exchange of documents took place with the Minister of Transport Vu Hai Dang on road safety.
            """);

        Assert.Equal(2, article.Agreements.Count);
        Assert.All(article.Agreements, a => Assert.Equal("Cooperation document", a.Kind));
        Assert.All(article.Agreements, a => Assert.Equal(["TH"], a.CounterpartCountries));
        Assert.All(article.Agreements, a => Assert.Empty(a.Signatories));
    }

    [Fact]
    public void Should_take_a_document_the_sides_work_under_as_in_force_but_not_a_draft_or_a_consensus()
    {
        var article = Extract("""
            Vietnam and Laos review finance cooperation

            Deputy Minister of Finance Phan Van Loc received Lao Deputy Minister of Finance Khamphan Sisouk in Hanoi.

            He suggested that the two ministries train more customs officers as part of the Memorandum of Understanding on cooperation for 2031-2035.

            The two sides also discussed the draft action plan under the new cooperation programme and work in line with the agreement of the two Politburos.
            """);

        var memorandum = Assert.Single(article.Agreements);
        Assert.Equal("Memorandum of Understanding", memorandum.Kind);
        Assert.Equal(["LA"], memorandum.CounterpartCountries);
        Assert.Equal("2031-2035", memorandum.Valid?.ToString());
    }

    [Fact]
    public void Should_read_a_cooperation_program_spelt_the_American_way()
    {
        var article = Extract("On June 4, 2031, Vietnamese Minister of Justice Do Minh Chau and Mongolian Minister of Justice Batbold Tsend signed the Cooperation Program of the two Ministries for the period 2031-2033.");

        var program = Assert.Single(article.Agreements);
        Assert.Equal("Cooperation programme", program.Kind);
        Assert.Equal(["MN"], program.CounterpartCountries);
        Assert.Equal("2031-2033", program.Valid?.ToString());
        Assert.Equal("2031-06-04", program.SignedOn.ToString());
        Assert.Equal(["Batbold Tsend", "Do Minh Chau"], program.Signatories.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_leave_out_a_document_that_one_side_asks_or_proposes_to_sign()
    {
        var article = Extract("""
            German institute visits the ministry

            Deputy Minister Vu Hai Dang received German Ambassador Klaus Becker in Hanoi.

            The Deputy Minister asked the institute to help Vietnam train engineers by signing a work plan with the Authority of Telecommunications.

            The Ambassador proposed signing a new cooperation programme for 2031-2033.
            """);

        Assert.Empty(article.Agreements);
    }

    [Fact]
    public void Should_count_a_document_signed_in_a_sentence_that_also_tells_a_suggestion_or_a_courtesy_call()
    {
        var suggested = Extract("German Ambassador Klaus Becker suggested closer cooperation in digital skills, and the two sides signed a memorandum of understanding on vocational training.");
        var called = Extract("Minister Tran Quoc Khanh called on Lao Prime Minister Khamphan Sisouk and witnessed the signing of a cooperation agreement on railways.");

        Assert.Equal(["DE"], Assert.Single(suggested.Agreements).CounterpartCountries);
        Assert.Equal(["LA"], Assert.Single(called.Agreements).CounterpartCountries);
    }

    [Fact]
    public void Should_count_a_plan_told_twice_once_when_the_year_of_one_is_the_year_the_other_is_for()
    {
        var article = Extract("""
            Vietnam, Laos ministries step up cooperation

            Minister Tran Quoc Khanh held talks with Lao Minister Khamphan Sisouk in Vientiane.

            The two ministers looked back on their cooperation in 2030 and signed a new work plan for 2031.

            Khamphan Sisouk and Tran Quoc Khanh signed the work plan of the two ministries in 2031.
            """);

        var plan = Assert.Single(article.Agreements);
        Assert.Equal("Cooperation plan", plan.Kind);
        Assert.Equal("2031", plan.Valid?.ToString());
    }

    [Fact]
    public void Should_date_a_signing_by_the_date_nearest_it_not_by_a_year_that_names_another_document()
    {
        var recalled = Extract("Chile and Vietnam opened embassies in March 1971 and in 1981 signed a General Agreement on Trade.");
        var amending = Extract("""
            Vietnam, Laos sign protocol

            June 6, 2031 | 10:00 am GMT+7

            On June 5, Minister Tran Quoc Khanh and Lao Minister of Technology Khamphan Sisouk signed a protocol amending the 2025 agreement on telecommunications.
            """);

        Assert.Equal("1981", Assert.Single(recalled.Agreements).SignedOn.ToString());
        var protocol = Assert.Single(amending.Agreements);
        Assert.Equal("Protocol", protocol.Kind);
        Assert.Equal("2031-06-05", protocol.SignedOn.ToString());
    }

    [Fact]
    public void Should_not_date_a_signing_after_the_article_was_published()
    {
        var article = Extract("""
            Vietnam, Cambodia sign work plan

            January 20, 2031 | 10:00 am GMT+7

            The ministers went over what their ministries had done by 2035 and signed a work plan with Cambodia for 2031.
            """);

        var plan = Assert.Single(article.Agreements);
        Assert.Null(plan.SignedOn);
        Assert.Equal("2031", plan.Valid?.ToString());
    }

    [Fact]
    public void Should_not_date_a_signing_by_the_date_that_leads_the_report()
    {
        var led = Extract("Vientiane, May 5, 2031: Inspector General Phan Van Loc and Lao Inspector General Khamphan Sisouk signed a memorandum of understanding on anti-corruption.");
        var told = Extract("In Vientiane on May 5, 2031, Inspector General Phan Van Loc and Lao Inspector General Khamphan Sisouk signed a memorandum of understanding on anti-corruption.");

        Assert.Null(Assert.Single(led.Agreements).SignedOn);
        Assert.Equal("2031-05-05", Assert.Single(told.Agreements).SignedOn.ToString());
    }

    [Fact]
    public void Should_take_this_agreement_for_the_memorandum_just_told()
    {
        var article = Extract("""
            Laos and Vietnam formalise inspection cooperation

            Inspector General Phan Van Loc and Lao Inspector General Khamphan Sisouk have formalised their partnership with a memorandum of understanding. This agreement, inked in Vientiane, covers the training of inspectors.
            """);

        var memorandum = Assert.Single(article.Agreements);
        Assert.Equal("Memorandum of Understanding", memorandum.Kind);
        Assert.Equal(["LA"], memorandum.CounterpartCountries);
    }

    [Fact]
    public void Should_read_a_statement_a_conference_adopted_with_its_host_as_counterpart_but_not_a_statement_someone_made()
    {
        var article = Extract("""
            Deputy Minister attends ASEAN digital meeting

            January 17, 2031 | 10:00 am GMT+7

            On January 16, Deputy Minister Vu Hai Dang attended the 11th ASEAN Digital Ministers' Meeting in Manila, the Philippines.

            The meeting adopted the Manila Digital Vision statement.

            The Philippine minister said in a statement that the region must act together.
            """);

        var statement = Assert.Single(article.Agreements);
        Assert.Equal("Statement", statement.Kind);
        Assert.Equal(["PH"], statement.CounterpartCountries);
        Assert.Equal("2031-01-16", statement.SignedOn.ToString());
    }

    [Fact]
    public void Should_give_a_document_the_members_of_a_conference_signed_the_conference_s_host_but_one_two_ministers_signed_there_their_country()
    {
        var article = Extract("""
            Minister attends APEC digital ministers' conference

            November 9, 2031 | 10:00 am GMT+7

            On November 8, Minister Tran Quoc Khanh attended the APEC Digital Ministerial Conference in Lima, Peru.

            At the conference, the member states signed a framework agreement on cross-border data flows.

            On the sidelines of the conference, Minister Tran Quoc Khanh and Chilean Minister of Science Sofia Reyes signed a memorandum of understanding on artificial intelligence.
            """);

        Assert.Equal(2, article.Agreements.Count);
        Assert.Equal(["PE"], article.Agreements[0].CounterpartCountries);
        Assert.Equal(["CL"], article.Agreements[1].CounterpartCountries);
    }

    [Fact]
    public void Should_give_a_statement_two_countries_adopted_after_a_conference_their_country_not_the_conference_s_host()
    {
        var article = Extract("""
            Minister attends ASEAN meeting and visits Japan

            On May 2, 2031, Minister Tran Quoc Khanh attended the 9th ASEAN Digital Ministers' Meeting in Vientiane, Laos.

            On May 4, he held talks with Japanese Minister of Internal Affairs Sato Kenji in Tokyo.

            Vietnam and Japan adopted a joint statement on digital partnership.
            """);

        var statement = Assert.Single(article.Agreements);
        Assert.Equal("Joint Statement", statement.Kind);
        Assert.Equal(["JP"], statement.CounterpartCountries);
    }

    [Fact]
    public void Should_not_take_a_plan_approved_at_home_for_an_agreement()
    {
        var article = Extract("""
            Korean minister visits Hanoi

            Minister Tran Quoc Khanh received Korean Minister of Science Park Ji-hoon in Hanoi.

            The Government approved an action plan on digital transformation for the 2031-2035 period.
            """);

        Assert.Empty(article.Agreements);
    }

    [Fact]
    public void Should_read_a_joint_statement_or_joint_vision_issued_but_not_an_action_plan_issued()
    {
        var article = Extract("""
            Vietnam, India leaders meet

            Prime Minister Tran Quoc Khanh held talks with Indian Prime Minister Arjun Mehta in New Delhi.

            The two Prime Ministers issued a Joint Vision Statement on peace and shared growth.

            The Ministry of Industry and Trade issued an action plan on the Indian market.
            """);

        var vision = Assert.Single(article.Agreements);
        Assert.Equal("Joint Vision", vision.Kind);
        Assert.Equal(["IN"], vision.CounterpartCountries);
    }

    [Fact]
    public void Should_count_the_earlier_document_that_a_new_one_replaces()
    {
        var article = Extract("""
            Vietnam and Thailand ink digital deal

            Minister Tran Quoc Khanh and Thai Minister of Digital Economy Anan Wongsa have inked a memorandum of understanding on digital cooperation.

            The MoU replaces the one signed in 2026, which expired last year.
            """);

        Assert.Equal(2, article.Agreements.Count);
        Assert.All(article.Agreements, a => Assert.Equal(["TH"], a.CounterpartCountries));
        Assert.Equal(["Anan Wongsa", "Tran Quoc Khanh"], article.Agreements[0].Signatories.Order(StringComparer.Ordinal));
        Assert.Equal("2026", article.Agreements[1].SignedOn.ToString());
    }

    [Fact]
    public void Should_count_an_agreement_reached_but_not_agreement_reached_on_issues()
    {
        var reached = Extract("During the visit of Korean President Park Ji-hoon in May 2030, the two governments reached an agreement on shipbuilding cooperation.");
        var consensus = Extract("During the visit of Korean President Park Ji-hoon in May 2030, the two sides reached agreement on many regional issues.");

        Assert.Equal(["KR"], Assert.Single(reached.Agreements).CounterpartCountries);
        Assert.Empty(consensus.Agreements);
    }

    [Fact]
    public void Should_count_a_document_whose_signing_ceremony_took_place_but_not_one_whose_ceremony_will()
    {
        var held = Extract("On May 12, 2031, Deputy Minister Vu Hai Dang attended the MoU signing ceremony between the two ministries of Vietnam and Chile in Santiago.");
        var coming = Extract("The signing ceremony of the action plan between Vietnam and Singapore will take place in October.");

        var memorandum = Assert.Single(held.Agreements);
        Assert.Equal(["CL"], memorandum.CounterpartCountries);
        Assert.Equal("2031-05-12", memorandum.SignedOn.ToString());
        Assert.Empty(coming.Agreements);
    }

    [Fact]
    public void Should_not_give_a_document_recalled_from_another_year_the_signatories_of_the_meeting()
    {
        var article = Extract("""
            Vietnam, India review cooperation

            On August 11, 2031, Deputy Minister Vu Hai Dang received Indian Ambassador Arjun Mehta in Hanoi.

            The two countries signed an agreement on cooperation in science and technology in 2001.
            """);

        var agreement = Assert.Single(article.Agreements);
        Assert.Equal("2001", agreement.SignedOn.ToString());
        Assert.Empty(agreement.Signatories);
    }

    [Fact]
    public void Should_tell_two_documents_of_one_kind_apart_by_their_subjects()
    {
        var article = Extract("Minister Tran Quoc Khanh and Lao Minister of Technology Khamphan Sisouk signed a memorandum of understanding on cooperation in postal services and a memorandum of understanding on cybersecurity.");

        Assert.Equal(2, article.Agreements.Count);
        Assert.All(article.Agreements, a => Assert.Equal(["LA"], a.CounterpartCountries));
    }

    [Fact]
    public void Should_count_up_to_ten_documents_but_not_an_approximate_number()
    {
        var six = Extract("Deputy Prime Minister Tran Quoc Khanh and Singaporean Minister Tan Wei Ming witnessed the signing of six cooperation agreements between the two countries.");
        var over = Extract("Cuba and Vietnam signed over five new agreements in different sectors.");

        Assert.Equal(6, six.Agreements.Count);
        Assert.All(six.Agreements, a => Assert.Empty(a.Signatories));
        Assert.Empty(over.Agreements);
    }

    [Fact]
    public void Should_not_take_those_who_welcomed_a_signing_for_its_signatories()
    {
        var article = Extract("""
            Japan-Vietnam foreign ministers meet

            On March 4, 2031, Foreign Minister Sato Kenji held a meeting with Deputy Prime Minister Tran Quoc Khanh in Tokyo.

            The two ministers welcomed the signing of the Loan Agreement for the North-South Railway project.
            """);

        var loan = Assert.Single(article.Agreements);
        Assert.Equal(["JP"], loan.CounterpartCountries);
        Assert.Empty(loan.Signatories);
    }

    [Fact]
    public void Should_read_minutes_signed_at_a_joint_committee_as_a_document()
    {
        var article = Extract("""
            Vietnam and Hungary hold joint committee

            Deputy Minister Hoang Anh Tuan and Hungarian State Secretary Gabor Farkas co-chaired the fifth meeting of the Joint Economic Committee in Budapest.

            The two sides signed the minutes of the fifth meeting of the Joint Economic Committee.
            """);

        var minutes = Assert.Single(article.Agreements);
        Assert.Equal("Minutes", minutes.Kind);
        Assert.Equal(["HU"], minutes.CounterpartCountries);
    }

    [Fact]
    public void Should_take_the_signatories_after_a_place_and_a_date_before_by()
    {
        var article = Extract("A memorandum of understanding on cooperation in higher education was signed in the capital on May 3, 2031 by Vietnamese Minister of Education Do Minh Chau and British Ambassador Oliver Grant.");

        var memorandum = Assert.Single(article.Agreements);
        Assert.Equal(["GB"], memorandum.CounterpartCountries);
        Assert.Equal(["Do Minh Chau", "Oliver Grant"], memorandum.Signatories.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_read_what_a_document_is_about_and_the_foreign_ministry_it_was_signed_with()
    {
        var drafts = Extract("""
            On March 9, 2031, in Santiago, the Ministry of Information and Communications and the Ministry of Health of Chile signed a Memorandum of Cooperation on cooperation in information security.
            Minister Tran Quoc Khanh and Mongolian Minister of Digital Development Batbold Tsend signed an agreement on cooperation in e-government, and exchanged documents on cooperation in postal services.
            """).Agreements;

        Assert.Equal(3, drafts.Count);
        Assert.Equal("on cooperation in information security", drafts[0].Subject);
        Assert.Equal("Ministry of Health of Chile", drafts[0].CounterpartOrganisation);
        Assert.Equal("on cooperation in e-government", drafts[1].Subject);
        Assert.Equal("Ministry of Digital Development", drafts[1].CounterpartOrganisation);
        Assert.Equal("on cooperation in postal services", drafts[2].Subject);
    }

    [Fact]
    public void Should_read_each_numbered_item_as_the_subject_of_its_document()
    {
        var drafts = Extract("Vietnam and Japan signed an Exchange of Notes ((1) Grant Aid for the coast guard, and (2) Grant Aid for scholarships) on August 1, 2031.").Agreements;

        Assert.Equal(["Grant Aid for the coast guard", "Grant Aid for scholarships"], drafts.Select(d => d.Subject));
    }

    [Fact]
    public void Should_read_where_a_document_was_signed_from_the_place_its_signing_names()
    {
        var signedIn = Extract("On 5 November 2031, Minister Tran Quoc Khanh and Japanese Minister of Internal Affairs Sato Kenji signed a memorandum of understanding on digital cooperation in Tokyo.");
        var opening = Extract("On March 9, 2031, in Santiago, the Ministry of Information and Communications and the Ministry of Health of Chile signed a Memorandum of Cooperation on cooperation in information security.");
        var wasSigned = Extract("A memorandum of understanding on cooperation in higher education was signed at Hanoi on May 3, 2031 by Vietnamese Minister of Education Do Minh Chau and British Ambassador Oliver Grant.");

        Assert.Equal("Tokyo", Assert.Single(signedIn.Agreements).Place);
        Assert.Equal("Santiago", Assert.Single(opening.Agreements).Place);
        Assert.Equal("Hanoi", Assert.Single(wasSigned.Agreements).Place);
    }

    [Fact]
    public void Should_take_the_place_of_the_meeting_at_which_a_document_was_signed()
    {
        var sameSentence = Extract("""
            Vietnam and Japan deepen digital ties

            On 5 November 2031, Minister Tran Quoc Khanh held talks with Japanese Minister of Internal Affairs Sato Kenji in Tokyo, and the two ministers signed a memorandum of understanding on digital cooperation.
            """);
        var atTheTalks = Extract("""
            Vietnam and Japan deepen digital ties

            On 5 November 2031, Minister Tran Quoc Khanh held talks with Japanese Minister of Internal Affairs Sato Kenji in Tokyo.

            At the talks, the two ministers signed a memorandum of understanding on digital cooperation.
            """);

        Assert.Equal("Tokyo", Assert.Single(sameSentence.Agreements).Place);
        var memorandum = Assert.Single(atTheTalks.Agreements);
        Assert.Equal("Tokyo", memorandum.Place);
        Assert.Equal("2031-11-05", memorandum.SignedOn.ToString());
        Assert.Equal(DateSource.Context, memorandum.DateSource);
    }

    [Fact]
    public void Should_not_give_a_document_signed_in_another_year_or_in_force_the_place_of_the_meeting_that_recalls_it()
    {
        var recalled = Extract("""
            Vietnam, India review cooperation

            On August 11, 2031, Deputy Minister Vu Hai Dang received Indian Ambassador Arjun Mehta in Hanoi, and the two sides reviewed the agreement on cooperation in science and technology signed in 2001.
            """);
        var inForce = Extract("""
            Vietnam and Laos review finance cooperation

            Deputy Minister of Finance Phan Van Loc received Lao Deputy Minister of Finance Khamphan Sisouk in Hanoi to train more customs officers as part of the Memorandum of Understanding on cooperation for 2031-2035.
            """);
        var dateline = Extract("""
            Vietnam and Japan ink digital deal

            Hanoi, November 6, 2031

            Minister Tran Quoc Khanh and Japanese Minister of Internal Affairs Sato Kenji signed a memorandum of understanding on digital cooperation.
            """);

        Assert.Null(Assert.Single(recalled.Agreements).Place);
        Assert.Null(Assert.Single(inForce.Agreements).Place);
        Assert.Null(Assert.Single(dateline.Agreements).Place);
    }

    [Fact]
    public void Should_read_the_earlier_document_a_new_one_renews_or_replaces()
    {
        var renewing = Extract("Minister Tran Quoc Khanh and Lao Minister of Technology Khamphan Sisouk signed a new MoU on postal cooperation, renewing the memorandum of understanding signed in 2021.");
        var replacing = Extract("Minister Tran Quoc Khanh and Lao Minister of Technology Khamphan Sisouk signed a protocol on postal cooperation to replace the 2019 agreement.");
        var plain = Extract("Minister Tran Quoc Khanh and Lao Minister of Technology Khamphan Sisouk signed a memorandum of understanding on postal cooperation and an agreement on cybersecurity.");

        var renewal = renewing.Agreements[0];
        Assert.Equal("Memorandum of Understanding", renewal.Kind);
        Assert.Equal(new AgreementReference("Memorandum of Understanding", new PartialDate(2021)), renewal.Renews);
        var protocol = Assert.Single(replacing.Agreements, a => a.Kind == "Protocol");
        Assert.Equal(new AgreementReference("Agreement", new PartialDate(2019)), protocol.Renews);
        Assert.All(plain.Agreements, a => Assert.Null(a.Renews));
    }

    [Fact]
    public void Should_take_the_document_told_before_as_the_one_that_replaces_an_earlier_one()
    {
        var article = Extract("""
            Vietnam and Thailand ink digital deal

            Minister Tran Quoc Khanh and Thai Minister of Digital Economy Anan Wongsa have inked a memorandum of understanding on digital cooperation.

            The MoU replaces the one signed in 2026, which expired last year.
            """);

        Assert.Equal(new AgreementReference("Memorandum of Understanding", new PartialDate(2026)), article.Agreements[0].Renews);
        Assert.Null(article.Agreements[1].Renews);
    }
}
