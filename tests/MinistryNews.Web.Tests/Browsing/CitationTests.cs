using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using MinistryNews.Core;
using MinistryNews.Web.Browsing;

namespace MinistryNews.Web.Tests.Browsing;

/// <summary>A page as a reference: the readable one, BibTeX and RIS, on dates known to the day, the month or not at all.</summary>
public sealed class CitationTests
{
    private const string Ministry = "Ministry of Information and Communications (Viet Nam)";

    private const string Original = "https://english.mic.gov.vn/Pages/TinTuc/139735/Vietnam-Japan.html";

    private static readonly DateOnly Accessed = new(2026, 12, 6);

    private static Citation Cite(PartialDate? published, string title = "Vietnam and Japan sign a memorandum", string? original = Original, CitationKind kind = CitationKind.Article) =>
        new(kind, title, Ministry, published, original, new Uri("https://archive.example/articles/12/vietnam-and-japan-sign-a-memorandum"), Accessed);

    private static readonly PartialDate Day = new(2019, 11, 5);

    private static readonly PartialDate Month = new(2019, 11);

    private const string Special = "R&D {budget}: 100% of $5 #1 for a_b ~ c^2 \\ d";

    [Fact]
    public void Should_write_a_readable_reference_with_the_day()
    {
        Assert.Equal(
            "Ministry of Information and Communications (Viet Nam). \"Vietnam and Japan sign a memorandum.\" 5 November 2019. "
                + "Original: " + Original + " Archived at MinistryNews: https://archive.example/articles/12/vietnam-and-japan-sign-a-memorandum "
                + "(accessed 6 December 2026).",
            Cite(Day).PlainText());
    }

    [Fact]
    public void Should_write_a_readable_reference_with_the_month_only()
    {
        Assert.Contains("\"Vietnam and Japan sign a memorandum.\" November 2019. Original:", Cite(Month).PlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_no_date_as_n_d_and_leave_out_an_unknown_original()
    {
        var text = Cite(null, original: null).PlainText();

        Assert.Equal(
            "Ministry of Information and Communications (Viet Nam). \"Vietnam and Japan sign a memorandum.\" n.d. "
                + "Archived at MinistryNews: https://archive.example/articles/12/vietnam-and-japan-sign-a-memorandum (accessed 6 December 2026).",
            text);
    }

    [Fact]
    public void Should_keep_special_characters_as_they_are_in_the_readable_reference_and_end_no_sentence_twice()
    {
        Assert.Contains($"\"{Special}.\"", Cite(Day, Special).PlainText(), StringComparison.Ordinal);
        Assert.Contains("\"Who signed?\" 5 November 2019.", Cite(Day, "Who   signed?\n").PlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_a_BibTeX_entry_with_the_day()
    {
        Assert.Equal(
            "@misc{ministrynews:articles-12-vietnam-and-japan-sign-a-memorandum,\n"
                + "  author = {{Ministry of Information and Communications (Viet Nam)}},\n"
                + "  title = {{Vietnam and Japan sign a memorandum}},\n"
                + "  year = {2019},\n"
                + "  month = nov,\n"
                + "  day = {5},\n"
                + "  howpublished = {Archived at MinistryNews},\n"
                + "  url = {https://archive.example/articles/12/vietnam-and-japan-sign-a-memorandum},\n"
                + "  urldate = {2026-12-06},\n"
                + "  note = {Original: https://english.mic.gov.vn/Pages/TinTuc/139735/Vietnam-Japan.html}\n"
                + "}\n",
            Cite(Day).BibTeX());
    }

    [Fact]
    public void Should_write_a_BibTeX_entry_with_the_month_only()
    {
        var entry = Cite(Month).BibTeX();

        Assert.Contains("  year = {2019},\n  month = nov,\n  howpublished", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("day =", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_a_BibTeX_entry_without_a_date_or_an_original()
    {
        var entry = Cite(null, original: null).BibTeX();

        Assert.DoesNotContain("year =", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("month =", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("note =", entry, StringComparison.Ordinal);
        Assert.Contains("  urldate = {2026-12-06}\n}\n", entry, StringComparison.Ordinal);
        Assert.True(BracesBalance(entry));
    }

    [Fact]
    public void Should_escape_the_special_characters_of_BibTeX_and_keep_its_braces_balanced()
    {
        var entry = Cite(Day, Special, original: "https://example.vn/a_b?x=1&y={2}#top").BibTeX();

        Assert.Contains(
            @"  title = {{R\&D \textbraceleft{}budget\textbraceright{}: 100\% of \$5 \#1 for a\_b \textasciitilde{} c\textasciicircum{}2 \textbackslash{} d}},",
            entry,
            StringComparison.Ordinal);
        Assert.Contains(@"  note = {Original: https://example.vn/a\_b?x=1\&y=\textbraceleft{}2\textbraceright{}\#top}", entry, StringComparison.Ordinal);
        Assert.True(BracesBalance(entry));
    }

    [Theory]
    [InlineData("}")]
    [InlineData("{")]
    [InlineData("{}}")]
    [InlineData(@"\{")]
    public void Should_keep_the_braces_of_BibTeX_balanced_whatever_braces_a_title_has(string title)
    {
        Assert.True(BracesBalance(Cite(Day, title).BibTeX()));
    }

    [Fact]
    public void Should_key_a_BibTeX_entry_by_the_permalink_in_ASCII()
    {
        var person = new Citation(CitationKind.PersonPage, "Nguyễn Mạnh Hùng", Ministry, null, null, new Uri("https://archive.example/people/nguy%E1%BB%85n_m%E1%BA%A1nh"), Accessed);

        Assert.Equal("ministrynews:people-nguy-n-m-nh", person.Key);
        Assert.Equal(person.Key, person with { Title = "Another title", Accessed = new DateOnly(2030, 1, 1) } is var other ? other.Key : null);
        Assert.StartsWith("@misc{ministrynews:people-nguy-n-m-nh,\n", person.BibTeX(), StringComparison.Ordinal);
        Assert.True(Cite(Day).Key.Length <= "ministrynews:".Length + 64);
    }

    [Fact]
    public void Should_write_an_RIS_record_with_the_day_in_CR_LF_lines()
    {
        Assert.Equal(
            "TY  - ELEC\r\n"
                + "TI  - Vietnam and Japan sign a memorandum\r\n"
                + "AU  - Ministry of Information and Communications (Viet Nam)\r\n"
                + "PY  - 2019\r\n"
                + "DA  - 2019/11/05/\r\n"
                + "DB  - MinistryNews\r\n"
                + "UR  - https://archive.example/articles/12/vietnam-and-japan-sign-a-memorandum\r\n"
                + "Y2  - 2026/12/06/\r\n"
                + "N1  - Original: https://english.mic.gov.vn/Pages/TinTuc/139735/Vietnam-Japan.html\r\n"
                + "ER  - \r\n",
            Cite(Day).Ris());
    }

    [Fact]
    public void Should_write_an_RIS_record_with_the_month_only()
    {
        var record = Cite(Month, kind: CitationKind.Agreement).Ris();

        Assert.StartsWith("TY  - GEN\r\n", record, StringComparison.Ordinal);
        Assert.Contains("PY  - 2019\r\nDA  - 2019/11//\r\n", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_an_RIS_record_without_a_date_or_an_original()
    {
        var record = Cite(null, original: null).Ris();

        Assert.DoesNotContain("PY  -", record, StringComparison.Ordinal);
        Assert.DoesNotContain("DA  -", record, StringComparison.Ordinal);
        Assert.DoesNotContain("N1  -", record, StringComparison.Ordinal);
        Assert.EndsWith("Y2  - 2026/12/06/\r\nER  - \r\n", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_each_RIS_field_on_its_line_whatever_the_title()
    {
        var record = Cite(Day, Special + "\r\nsecond line").Ris();

        Assert.Contains($"TI  - {Special} second line\r\n", record, StringComparison.Ordinal);
        var lines = record.Split("\r\n");
        Assert.Equal(string.Empty, lines[^1]);
        Assert.All(lines[..^1], line => Assert.Matches("^[A-Z][A-Z0-9]  - ", line));
        Assert.DoesNotContain('\n', record.Replace("\r\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_link_the_downloads_to_the_page_itself()
    {
        var citation = Cite(Day);

        Assert.Equal("/articles/12/vietnam-and-japan-sign-a-memorandum?format=bib", citation.BibTeXUrl);
        Assert.Equal("/articles/12/vietnam-and-japan-sign-a-memorandum?format=ris", citation.RisUrl);
        Assert.Throws<ArgumentException>(() => Cite(Day) with { Permalink = new Uri("/articles/12", UriKind.Relative) });
    }

    [Theory]
    [InlineData("bib", "application/x-bibtex; charset=utf-8", "12-vietnam-and-japan-sign-a-memorandum.bib")]
    [InlineData("BIB", "application/x-bibtex; charset=utf-8", "12-vietnam-and-japan-sign-a-memorandum.bib")]
    [InlineData("ris", "application/x-research-info-systems; charset=utf-8", "12-vietnam-and-japan-sign-a-memorandum.ris")]
    public async Task Should_answer_a_download_as_an_attachment_of_its_type(string format, string contentType, string fileName)
    {
        var citation = Cite(Day);

        var file = CitationResults.File(citation, format);
        Assert.NotNull(file);
        Assert.Equal(contentType, file.ContentType);
        Assert.Equal(fileName, file.FileDownloadName);
        var text = Encoding.UTF8.GetString(file.FileContents);
        Assert.Equal(format.Equals("bib", StringComparison.OrdinalIgnoreCase) ? citation.BibTeX() : citation.Ris(), text);

        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        await CitationResults.Result(citation, format)!.ExecuteAsync(http);
        Assert.Equal(contentType, http.Response.ContentType);
        Assert.StartsWith("attachment; filename=" + fileName, http.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal(file.FileContents, ((MemoryStream)http.Response.Body).ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("csv")]
    [InlineData("bibtex")]
    public void Should_answer_no_download_for_another_format(string? format)
    {
        Assert.False(CitationResults.IsDownload(format));
        Assert.Null(CitationResults.File(Cite(Day), format));
        Assert.Null(CitationResults.Result(Cite(Day), format));
    }

    [Fact]
    public void Should_name_a_download_by_the_last_segments_of_the_permalink()
    {
        var person = Cite(null) with { Permalink = new Uri("https://archive.example/people/nguyen-manh-hung") };
        var root = Cite(null) with { Permalink = new Uri("https://archive.example/") };

        Assert.Equal("people-nguyen-manh-hung.ris", person.FileName("ris"));
        Assert.Equal("citation.bib", root.FileName("bib"));
    }

    [Fact]
    public void Should_take_today_from_the_time_provider()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.CreateCustomTimeZone("UTC+7", TimeSpan.FromHours(7), "UTC+7", "UTC+7"));

        // Half past eleven at night in UTC is already the next day on a server at UTC+7.
        Assert.Equal(new DateOnly(2026, 12, 7), Citation.Today(time));
    }

    private sealed class FixedTime(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }

    /// <summary>
    /// Whether BibTeX reads the entry as it was written: every brace counted as BibTeX counts them (a backslash does not
    /// hide a brace from it), never more closed than opened, and each field's value closed before the next field.
    /// </summary>
    private static bool BracesBalance(string entry)
    {
        var depth = 0;
        foreach (var c in entry)
        {
            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }

            if (c == '\n' && depth != 1 && depth != 0)
            {
                return false;
            }
        }

        return depth == 0;
    }
}
