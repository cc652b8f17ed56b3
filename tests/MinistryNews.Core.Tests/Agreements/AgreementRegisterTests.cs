using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Agreements;

namespace MinistryNews.Core.Tests.Agreements;

/// <summary>
/// The agreements register on a real archive of short press releases written for these tests (the people are invented or
/// public officials in invented sentences): one record per document, however many articles tell it.
/// </summary>
public sealed class AgreementRegisterTests
{
    // Each text ends with a sentence that tells no document: a press release has at least 40 words.
    internal const string Signed = """
        Viet Nam and Japan sign MoU on information security

        November 6, 2019 | 10:00 am GMT+7

        On November 5, 2019, in Tokyo, Minister of Information and Communications Nguyen Manh Hung and Japanese Minister of Internal Affairs and Communications Takeda Ryota signed a Memorandum of Understanding on cooperation in information security.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    internal const string ToldAgain = """
        Japan and Viet Nam to step up information security cooperation

        November 8, 2019 | 09:00 am GMT+7

        The Memorandum of Understanding on cooperation in information security signed by Viet Nam and Japan on November 5, 2019 opens a new chapter, Minister Nguyen Manh Hung said in Hanoi.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    internal const string RecalledByYear = """
        Viet Nam and Japan review cooperation in information security

        March 3, 2021 | 10:00 am GMT+7

        On March 2, Deputy Minister Phan Tam received the Japanese Ambassador in Hanoi. Both sides reviewed the implementation of the MoU on cooperation in information security signed in 2019 between Viet Nam and Japan.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    internal const string Postal = """
        Viet Nam and Japan sign MoU on postal services

        June 11, 2020 | 10:00 am GMT+7

        On June 10, 2020, in Hanoi, Deputy Minister Phan Tam and Japanese Ambassador Yamada Takio signed a Memorandum of Understanding on cooperation in postal services.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    internal const string Frequencies = """
        Viet Nam and Japan sign MoU on radio frequencies

        June 12, 2020 | 10:00 am GMT+7

        On June 10, 2020, in Hanoi, Deputy Minister Phan Tam and Japanese Ambassador Yamada Takio signed a Memorandum of Understanding on cooperation in radio frequency management.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    internal const string Telecommunications = """
        Viet Nam and Japan sign MoU on telecommunications

        October 13, 2011 | 10:00 am GMT+7

        On October 12, 2011, in Tokyo, Minister Le Doan Hop and Japanese Minister Kawabata Tatsuo signed a Memorandum of Understanding on cooperation in telecommunications.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    [Fact]
    public async Task Should_make_one_record_of_a_memorandum_two_articles_tell()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("mou-signed.txt", Signed);
        archive.WriteFile("mou-told-again.txt", ToldAgain);

        await archive.IngestAsync();

        await using var db = archive.Open();
        var record = await db.AgreementRecords.Include(r => r.Mentions).ThenInclude(m => m.Article).Include(r => r.CounterpartCountries).Include(r => r.Signatories).SingleAsync();
        Assert.Equal(["mou-signed", "mou-told-again"], record.Mentions.Select(m => m.Article.Key).Order(StringComparer.Ordinal));
        Assert.Equal("memorandum-of-understanding/jp/2019-11-05", record.Key);
        Assert.Equal("Memorandum of Understanding", record.Kind);
        Assert.Equal(new PartialDate(2019, 11, 5), record.SignedOn);
        Assert.Equal("on cooperation in information security", record.Subject);
        Assert.Equal(["JP"], record.CounterpartCountries.Select(c => c.Code));
        Assert.Equal(["Nguyen Manh Hung", "Takeda Ryota"], record.Signatories.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, await db.Agreements.CountAsync(a => a.RecordId != record.Id));
    }

    [Fact]
    public async Task Should_join_a_mention_that_recalls_the_year_of_signing_to_the_record_of_that_day()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("mou-signed.txt", Signed);
        archive.WriteFile("mou-recalled.txt", RecalledByYear);

        await archive.IngestAsync();

        await using var db = archive.Open();
        var record = await db.AgreementRecords.Include(r => r.Mentions).SingleAsync();
        Assert.Equal(2, record.Mentions.Count);
        Assert.Contains(record.Mentions, m => m.SignedOn == new PartialDate(2019));
        Assert.Equal(new PartialDate(2019, 11, 5), record.SignedOn);
    }

    [Fact]
    public async Task Should_keep_two_memoranda_with_one_country_apart_when_their_days_or_their_subjects_differ()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("mou-signed.txt", Signed);
        archive.WriteFile("mou-postal.txt", Postal);
        archive.WriteFile("mou-frequencies.txt", Frequencies);

        await archive.IngestAsync();

        await using var db = archive.Open();
        var records = await db.AgreementRecords.Include(r => r.Mentions).OrderBy(r => r.Key).ToListAsync();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Single(r.Mentions));
        Assert.Equal(
            [
                "memorandum-of-understanding/jp/2019-11-05",
                "memorandum-of-understanding/jp/2020-06-10/on-cooperation-in-postal-services",
                "memorandum-of-understanding/jp/2020-06-10/on-cooperation-in-radio-frequency-management",
            ],
            records.Select(r => r.Key));
    }

    [Fact]
    public async Task Should_link_a_renewal_to_the_document_it_renews_and_back()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("mou-2011.txt", Telecommunications);
        archive.WriteFile("mou-signed.txt", Signed);
        await archive.IngestAsync();
        await using var db = archive.Open();

        // What the extraction reads of "renewing the MoU signed in 2011", told to the register directly.
        await db.Agreements.Where(a => a.Article.Key == "mou-signed")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RenewsKind, "MEMORANDUM of understanding").SetProperty(a => a.RenewsSignedOn, new PartialDate(2011)));
        await AgreementRegister.RefreshAsync(db);

        db.ChangeTracker.Clear();
        var earlier = await db.AgreementRecords.SingleAsync(r => r.SignedOn == new PartialDate(2011, 10, 12));
        var later = await db.AgreementRecords.SingleAsync(r => r.SignedOn == new PartialDate(2019, 11, 5));
        Assert.Equal(earlier.Id, later.PredecessorId);
        Assert.Null(earlier.PredecessorId);
        Assert.Equal([later.Id], await db.AgreementRecords.Where(r => r.PredecessorId == earlier.Id).Select(r => r.Id).ToListAsync());
    }

    [Fact]
    public async Task Should_not_link_a_renewal_whose_date_matches_no_record()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("mou-2011.txt", Telecommunications);
        archive.WriteFile("mou-signed.txt", Signed);
        await archive.IngestAsync();
        await using var db = archive.Open();

        await db.Agreements.Where(a => a.Article.Key == "mou-signed")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RenewsKind, "Memorandum of Understanding").SetProperty(a => a.RenewsSignedOn, new PartialDate(2014)));
        await AgreementRegister.RefreshAsync(db);

        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.AgreementRecords.CountAsync(r => r.PredecessorId != null));
    }

    [Fact]
    public async Task Should_keep_each_record_id_when_the_register_is_made_again_and_when_a_file_is_read_again()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("mou-signed.txt", Signed);
        archive.WriteFile("mou-told-again.txt", ToldAgain);
        archive.WriteFile("mou-postal.txt", Postal);
        await archive.IngestAsync();
        var before = await IdsAsync(archive);

        await using (var db = archive.Open())
        {
            await AgreementRegister.RefreshAsync(db);
        }

        Assert.Equal(before, await IdsAsync(archive));

        // A changed file is read again: its agreements are new rows, and they find their records again.
        archive.WriteFile("mou-told-again.txt", ToldAgain + "\nThe two ministers also agreed to meet again next year.\n");
        var report = await archive.IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(before, await IdsAsync(archive));
        await using var check = archive.Open();
        Assert.Equal(0, await check.Agreements.CountAsync(a => a.RecordId == null));
        Assert.Equal(2, await check.Agreements.CountAsync(a => a.Record!.Key == "memorandum-of-understanding/jp/2019-11-05"));
    }

    [Fact]
    public async Task Should_delete_a_record_no_article_tells_any_more()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("mou-signed.txt", Signed);
        var postal = archive.WriteFile("mou-postal.txt", Postal);
        await archive.IngestAsync();

        File.Delete(postal);
        await archive.IngestAsync();

        await using var db = archive.Open();
        Assert.Equal(["memorandum-of-understanding/jp/2019-11-05"], await db.AgreementRecords.Select(r => r.Key).ToListAsync());
    }

    [Fact]
    public async Task Should_keep_apart_on_the_data_folder_a_memorandum_that_expired_before_another_was_signed_and_two_an_article_counts()
    {
        await using var archive = await TempArchive.CreateAsync();

        await archive.IngestAsync();

        await using var db = archive.Open();
        var japan = await db.AgreementRecords.Include(r => r.Mentions).Where(r => r.Kind == "Memorandum of Understanding" && r.CounterpartCountries.Any(c => c.Code == "JP")).ToListAsync();
        Assert.Equal(2, japan.Count);
        Assert.All(japan, r => Assert.Single(r.Mentions));
        Assert.Contains(japan, r => r.SignedOn == new PartialDate(2020, 1, 9) && r.ValidTo == new PartialDate(2023));
        Assert.Contains(japan, r => r.SignedOn is null && r.ValidTo == new PartialDate(2019, 9));

        // "two MOU for cooperation in the field of publishing, media and foreign affairs signed in 2011"
        Assert.Equal(2, await db.AgreementRecords.CountAsync(r => r.SignedOn == new PartialDate(2011) && r.CounterpartCountries.Any(c => c.Code == "CN")));
        Assert.Equal(0, await db.Agreements.CountAsync(a => a.RecordId == null));
    }

    [Theory]
    [InlineData("on cooperation in information security", "on information security", true)]
    [InlineData("on cooperation in information security", "on cooperation", true)]
    [InlineData("on cooperation in information security", null, true)]
    [InlineData("on cooperation in postal services", "on cooperation in radio frequency management", false)]
    [InlineData("on information security", "on cybersecurity", false)]
    public void Should_tell_subjects_that_are_clearly_different(string? a, string? b, bool agree) =>
        Assert.Equal(agree, AgreementRegister.SubjectsAgree(a, b));

    /// <summary>Each record's key and id, and each mention's article and record.</summary>
    private static async Task<List<string>> IdsAsync(TempArchive archive)
    {
        await using var db = archive.Open();
        var records = await db.AgreementRecords.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Id}").ToListAsync();
        var mentions = await db.Agreements.OrderBy(a => a.Article.Key).Select(a => $"{a.Article.Key}->{a.RecordId}").ToListAsync();
        return [.. records, .. mentions];
    }
}
