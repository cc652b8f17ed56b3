using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Tests.Corrections;

/// <summary>Editors' corrections on a real archive: applied on top of the reading, kept across readings, listed when they no longer fit.</summary>
public sealed class CorrectionTests
{
    private const string Release = """
        Minister receives the Ambassador of Chile

        June 2, 2022 | 09:00 am GMT+7

        On June 1, in Hanoi, Minister of Information and Communications Nguyen Manh Hung received Chilean Ambassador Jaime Chomali to discuss cooperation in digital transformation.

        The two sides also reviewed the cooperation between the postal services of the two countries.
        """;

    private static readonly EditorRef Editor = new(null, "editor-one");

    [Fact]
    public async Task Should_keep_a_changed_date_and_an_added_agreement_when_the_file_is_read_again()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("chile.txt", Release);
        await archive.IngestAsync();
        using var ingestor = archive.CreateIngestor();
        var desk = Desk(archive, ingestor);
        var id = await ArticleIdAsync(archive);
        var shown = (await desk.ShownAsync(id))!.Article;
        var meeting = Assert.Single(shown.Meetings);
        Assert.Empty(shown.Agreements);

        var dateCorrection = await desk.CorrectAsync(id, CorrectionKind.Meeting, FactJson.Of(meeting), FactJson.Of(meeting with { Date = new PartialDate(2022, 5, 31) }), "The release's own dateline is a day late.", Editor);
        var agreement = new ExtractedAgreement("Memorandum of Understanding", null, ["CL"], new PartialDate(2022, 6, 1), [], new Validity(new PartialDate(2022), new PartialDate(2025)), "Added by an editor.") { Subject = "on postal cooperation" };
        var addition = await desk.CorrectAsync(id, CorrectionKind.Agreement, null, FactJson.Of(agreement), "Signed at the meeting, as the ministry's report says.", Editor);

        await AssertCorrectedAsync(archive, dateCorrection.Id, addition.Id);

        // The file changes (a line added at its end): it is read again, and both corrections apply again.
        archive.WriteFile("chile.txt", Release + "\nPhoto: the meeting.\n");
        var report = await archive.IngestAsync();
        Assert.Equal(1, report.Updated);
        await AssertCorrectedAsync(archive, dateCorrection.Id, addition.Id);

        // A newer extraction reads every file again: the same.
        await using (var db = archive.Open())
        {
            await db.Articles.ExecuteUpdateAsync(a => a.SetProperty(x => x.ExtractorVersion, "older"));
        }

        Assert.Equal(1, (await archive.IngestAsync()).Updated);
        await AssertCorrectedAsync(archive, dateCorrection.Id, addition.Id);
    }

    [Fact]
    public async Task Should_keep_and_list_a_correction_whose_fact_is_no_longer_read()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("chile.txt", Release);
        await archive.IngestAsync();
        using var ingestor = archive.CreateIngestor();
        var desk = Desk(archive, ingestor);
        var id = await ArticleIdAsync(archive);
        var meeting = Assert.Single((await desk.ShownAsync(id))!.Article.Meetings);
        var correction = await desk.CorrectAsync(id, CorrectionKind.Meeting, FactJson.Of(meeting), FactJson.Of(meeting with { Location = "Ho Chi Minh City" }), "The meeting was in the south.", Editor);

        // The file is rewritten: the meeting's sentence now says another thing, so the meeting read is another.
        archive.WriteFile("chile.txt", Release.Replace("On June 1, in Hanoi,", "On June 1, in Da Nang,", StringComparison.Ordinal));
        await archive.IngestAsync();

        await using var db = archive.Open();
        var kept = await db.Corrections.SingleAsync(c => c.Id == correction.Id);
        Assert.Equal(CorrectionState.NeedsReview, kept.State);
        Assert.Equal("the meeting it changes is no longer read as it was", kept.StateNote);
        Assert.Equal(FactJson.Of(meeting), kept.Before);
        var stored = await db.Meetings.SingleAsync();
        Assert.Equal("Da Nang", stored.Location);
        Assert.Null(stored.CorrectionId);
        Assert.False((await db.Articles.SingleAsync()).Corrected);

        // The old text back: the correction fits again and applies.
        archive.WriteFile("chile.txt", Release);
        await archive.IngestAsync();
        Assert.Equal(CorrectionState.Applied, (await db.Corrections.AsNoTracking().SingleAsync()).State);
        Assert.Equal("Ho Chi Minh City", (await db.Meetings.AsNoTracking().SingleAsync()).Location);
    }

    [Fact]
    public async Task Should_keep_an_article_the_editors_withdrew_out_of_the_archive_until_the_withdrawal_is_undone()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("chile.txt", Release);
        await archive.IngestAsync();
        using var ingestor = archive.CreateIngestor();
        var desk = Desk(archive, ingestor);
        var id = await ArticleIdAsync(archive);

        var withdrawal = await desk.CorrectAsync(id, CorrectionKind.Withdrawal, null, FactJson.Of("withdrawn"), "A duplicate of another ministry's release.", Editor);
        await using var db = archive.Open();
        Assert.Equal(0, await db.Articles.CountAsync());
        Assert.Equal(0, await db.Meetings.CountAsync());

        // Reading the folder again leaves it out: its file is unchanged, and a changed file is withdrawn again.
        Assert.Equal(1, (await archive.IngestAsync()).Unchanged);
        archive.WriteFile("chile.txt", Release + "\n");
        await archive.IngestAsync();
        Assert.Equal(0, await db.Articles.CountAsync());

        await desk.UndoAsync(withdrawal.Id, "Not a duplicate after all.", Editor);
        Assert.Equal(1, await db.Articles.CountAsync());
        Assert.Equal(1, await db.Meetings.CountAsync());
        var undone = await db.Corrections.AsNoTracking().SingleAsync();
        Assert.Equal(CorrectionState.Undone, undone.State);
        Assert.Equal("editor-one", undone.UndoneByName);
    }

    [Fact]
    public async Task Should_refuse_a_correction_of_a_fact_that_changed_since_the_editor_saw_it()
    {
        await using var archive = await TempArchive.CreateAsync(withRepositoryData: false);
        archive.WriteFile("chile.txt", Release);
        await archive.IngestAsync();
        using var ingestor = archive.CreateIngestor();
        var desk = Desk(archive, ingestor);
        var id = await ArticleIdAsync(archive);
        var meeting = Assert.Single((await desk.ShownAsync(id))!.Article.Meetings);
        await desk.CorrectAsync(id, CorrectionKind.Meeting, FactJson.Of(meeting), FactJson.Of(meeting with { Location = "Hue" }), "First editor.", Editor);

        var refused = await Assert.ThrowsAsync<CorrectionRefusedException>(() =>
            desk.CorrectAsync(id, CorrectionKind.Meeting, FactJson.Of(meeting), FactJson.Of(meeting with { Location = "Can Tho" }), "Second editor, from the old page.", Editor));
        Assert.Contains("changed since the page was opened", refused.Message, StringComparison.Ordinal);
        await using var db = archive.Open();
        Assert.Equal(1, await db.Corrections.CountAsync());
        Assert.Equal("Hue", (await db.Meetings.SingleAsync()).Location);
    }

    [Theory]
    [InlineData("The date is wrong <script>alert(1)</script>see https://evil.example/x and www.spam.example", "The date is wrong see [link removed] and [link removed]")]
    [InlineData("<b>Bold</b> claim: <a href=\"http://x.example\">here</a> evil.example/path", "Bold claim: here [link removed]")]
    [InlineData("Write to me at someone@example.org please", "Write to me at [link removed] please")]
    [InlineData("Minister Nguyen Manh Hung met Mr. Smith, not Dr. Jones (a < b).", "Minister Nguyen Manh Hung met Mr. Smith, not Dr. Jones (a < b).")]
    public void Should_keep_a_report_as_plain_text_without_links_or_scripts(string written, string kept) =>
        Assert.Equal(kept, CorrectionDesk.ReportText(written));

    private static CorrectionDesk Desk(TempArchive archive, Ingestor ingestor) =>
        new(new ArchiveContextFactory(archive.Options), ingestor, ArticleExtractor.Default, TimeProvider.System);

    private static async Task<int> ArticleIdAsync(TempArchive archive)
    {
        await using var db = archive.Open();
        return await db.Articles.Select(a => a.Id).SingleAsync();
    }

    private static async Task AssertCorrectedAsync(TempArchive archive, int dateCorrection, int addition)
    {
        await using var db = archive.Open();
        var meeting = await db.Meetings.SingleAsync();
        Assert.Equal(new PartialDate(2022, 5, 31), meeting.Date);
        Assert.Equal(dateCorrection, meeting.CorrectionId);
        var agreement = await db.Agreements.Include(a => a.CounterpartCountries).Include(a => a.Record).SingleAsync();
        Assert.Equal("on postal cooperation", agreement.Subject);
        Assert.Equal("CL", Assert.Single(agreement.CounterpartCountries).Code);
        Assert.Equal(addition, agreement.CorrectionId);
        Assert.NotNull(agreement.Record);
        Assert.Equal(new PartialDate(2025), agreement.Record.ValidTo);
        Assert.True((await db.Articles.SingleAsync()).Corrected);
        Assert.All(await db.Corrections.ToListAsync(), c => Assert.Equal(CorrectionState.Applied, c.State));
    }
}
