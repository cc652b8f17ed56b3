using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Ingestion;

namespace MinistryNews.Core.Corrections;

/// <summary>The editor who makes a change: the account's id (kept while it exists) and the name shown to editors.</summary>
public sealed record EditorRef(string? Id, string Name);

/// <summary>A correction that cannot be made as asked: the message says why, for the editor.</summary>
public sealed class CorrectionRefusedException(string message) : Exception(message);

/// <summary>
/// Where editors' changes are made: a correction is checked against what the archive shows of the article now, kept as
/// a record, and applied by reading the article again from its stored text (<see cref="Ingestor.RereadAsync"/>), the
/// same way every later reading applies it. Reports from readers are filed and closed here too.
/// </summary>
public sealed partial class CorrectionDesk(IDbContextFactory<ArchiveDbContext> contextFactory, Ingestor ingestor, ArticleExtractor extractor, TimeProvider clock)
{
    /// <summary>What the archive shows of an article now: its stored text read again, with its corrections applied.</summary>
    public async Task<CorrectedArticle?> ShownAsync(int articleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new { a.SourceFile, a.RawText, a.ContentHash })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var file = SourceReader.FromStored(article.SourceFile, article.RawText, article.ContentHash);
        var reading = extractor.Extract(file.Document!, cancellationToken);
        var corrections = await db.Corrections.AsNoTracking().Where(c => c.ArticleId == articleId || c.Kind == CorrectionKind.PersonMerge).ToListAsync(cancellationToken);
        return CorrectionOverlay.Apply(reading, corrections);
    }

    /// <summary>
    /// Records a correction and applies it. <paramref name="before"/> must be what the archive shows now (so two editors
    /// cannot undo each other's work unseen); the correction must apply to it.
    /// </summary>
    /// <exception cref="CorrectionRefusedException">The fact changed since the editor saw it, or the change does not apply.</exception>
    public async Task<Correction> CorrectAsync(int articleId, CorrectionKind kind, string? before, string? after, string reason, EditorRef editor, int? reportId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CorrectionRefusedException("Say why: every correction is kept with its reason.");
        }

        if (before is null && after is null)
        {
            throw new CorrectionRefusedException("A correction adds, changes or removes something.");
        }

        if (before is not null && before == after)
        {
            throw new CorrectionRefusedException("Nothing was changed.");
        }

        var shown = await ShownAsync(articleId, cancellationToken) ?? throw new CorrectionRefusedException("The article is not in the archive.");
        var correction = new Correction
        {
            ArticleId = articleId,
            Kind = kind,
            Before = before,
            After = after,
            Reason = reason.Trim(),
            EditorId = editor.Id,
            EditorName = editor.Name,
            MadeAtUtc = clock.GetUtcNow().UtcDateTime,
            State = CorrectionState.Applied,
        };
        if (CorrectionOverlay.WhyNot(shown.Article, correction) is { } whyNot)
        {
            throw new CorrectionRefusedException($"The article changed since the page was opened: {whyNot}. Open it again and repeat the correction.");
        }

        if (kind == CorrectionKind.Withdrawal && shown.Withdrawn)
        {
            throw new CorrectionRefusedException("The editors have already withdrawn the article.");
        }

        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Corrections.Add(correction);
            if (reportId is { } id && await db.MistakeReports.SingleOrDefaultAsync(r => r.Id == id && r.ArticleId == articleId && r.State == ReportState.Open, cancellationToken) is { } report)
            {
                Close(report, editor, correction: correction, reason: null);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await ingestor.RereadAsync([articleId], cancellationToken);
        return correction;
    }

    /// <summary>Takes a correction back: it stays on the record, undone, and the article is read again without it.</summary>
    public async Task UndoAsync(int correctionId, string reason, EditorRef editor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CorrectionRefusedException("Say why the correction is undone.");
        }

        Correction correction;
        List<int> articles;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            correction = await db.Corrections.SingleOrDefaultAsync(c => c.Id == correctionId, cancellationToken)
                ?? throw new CorrectionRefusedException("There is no such correction.");
            if (correction.State == CorrectionState.Undone)
            {
                throw new CorrectionRefusedException("The correction was already undone.");
            }

            correction.State = CorrectionState.Undone;
            correction.StateNote = reason.Trim();
            correction.StateChangedAtUtc = clock.GetUtcNow().UtcDateTime;
            correction.UndoneByName = editor.Name;

            // A merge undone: every article that names the merged person is read again, and the two part.
            articles = correction.ArticleId is { } articleId ? [articleId]
                : correction.Kind == CorrectionKind.PersonMerge ? await ArticlesNamingAsync(db, correction.PersonId, cancellationToken)
                : [];
            await db.SaveChangesAsync(cancellationToken);
        }

        if (articles.Count > 0)
        {
            await ingestor.RereadAsync(articles, cancellationToken);
        }

        if (correction is { Kind: CorrectionKind.PersonName, PersonId: { } person })
        {
            await ingestor.RefreshPeopleAsync([person], cancellationToken);
        }
    }

    /// <summary>Sets the name the archive shows for a person, whatever the spelling most articles use.</summary>
    /// <exception cref="CorrectionRefusedException">No such person, no name, or no reason.</exception>
    public async Task<Correction> NamePersonAsync(int personId, string name, string reason, EditorRef editor, CancellationToken cancellationToken = default)
    {
        var shown = name?.Trim() is { Length: > 0 } trimmed ? trimmed : throw new CorrectionRefusedException("Say the name to show.");
        Correction correction;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var person = await PersonAsync(db, personId, cancellationToken);
            if (person.Name == shown)
            {
                throw new CorrectionRefusedException("The archive already shows that name.");
            }

            correction = await KeepAsync(db, CorrectionKind.PersonName, person, new PersonRef(shown, []), reason, editor, cancellationToken);
        }

        await ingestor.RefreshPeopleAsync([personId], cancellationToken);
        return correction;
    }

    /// <summary>
    /// Records that the person <paramref name="mergedId"/> is the person <paramref name="keptId"/>: every article that names
    /// the first is read again as naming the second (and every later reading too). Undone, they part again.
    /// </summary>
    /// <exception cref="CorrectionRefusedException">No such people, the same person twice, or no reason.</exception>
    public async Task<Correction> MergePeopleAsync(int keptId, int mergedId, string reason, EditorRef editor, CancellationToken cancellationToken = default)
    {
        if (keptId == mergedId)
        {
            throw new CorrectionRefusedException("A person cannot be merged with themselves.");
        }

        Correction correction;
        List<int> articles;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var kept = await PersonAsync(db, keptId, cancellationToken);
            var merged = await PersonAsync(db, mergedId, cancellationToken);
            articles = await ArticlesNamingAsync(db, mergedId, cancellationToken);
            correction = await KeepAsync(db, CorrectionKind.PersonMerge, merged, Ref(kept), reason, editor, cancellationToken, personId: keptId);
        }

        await ingestor.RereadAsync(articles, cancellationToken);
        return correction;
    }

    private static PersonRef Ref(People.Person person) => new(person.Name, [.. person.Aliases]);

    private static async Task<People.Person> PersonAsync(ArchiveDbContext db, int id, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new CorrectionRefusedException("There is no such person in the archive.");

    private static Task<List<int>> ArticlesNamingAsync(ArchiveDbContext db, int? personId, CancellationToken cancellationToken) =>
        db.ArticlePeople.AsNoTracking().Where(m => m.PersonId == personId).Select(m => m.ArticleId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Keeps a person's correction: the person as they are before, as they are to be, why, by whom.</summary>
    private async Task<Correction> KeepAsync(ArchiveDbContext db, CorrectionKind kind, People.Person before, PersonRef after, string reason, EditorRef editor, CancellationToken cancellationToken, int? personId = null)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CorrectionRefusedException("Say why: every correction is kept with its reason.");
        }

        var correction = new Correction
        {
            Kind = kind,
            PersonId = personId ?? before.Id,
            Before = FactJson.Of(Ref(before)),
            After = FactJson.Of(after),
            Reason = reason.Trim(),
            EditorId = editor.Id,
            EditorName = editor.Name,
            MadeAtUtc = clock.GetUtcNow().UtcDateTime,
            State = CorrectionState.Applied,
        };
        db.Corrections.Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        return correction;
    }

    /// <summary>Keeps a reader's report, as plain text without links; gives back its number.</summary>
    /// <exception cref="CorrectionRefusedException">The report is empty once cleaned, or the article is not in the archive.</exception>
    public async Task<int> FileReportAsync(int articleId, string? fact, string text, CancellationToken cancellationToken = default)
    {
        var clean = ReportText(text);
        if (clean.Length == 0)
        {
            throw new CorrectionRefusedException("Say what is wrong: the report is empty.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            throw new CorrectionRefusedException("The article is not in the archive.");
        }

        var report = new MistakeReport
        {
            ArticleId = articleId,
            Fact = ReportText(fact) is { Length: > 0 } named ? named[..Math.Min(100, named.Length)] : null,
            Text = clean,
            FiledAtUtc = clock.GetUtcNow().UtcDateTime,
            State = ReportState.Open,
        };
        db.MistakeReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report.Id;
    }

    /// <summary>Closes a report with the reason no correction was made (a report answered by a correction is closed by <see cref="CorrectAsync"/>).</summary>
    public async Task CloseReportAsync(int reportId, string reason, EditorRef editor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CorrectionRefusedException("Say why the report is closed without a correction.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.MistakeReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken)
            ?? throw new CorrectionRefusedException("There is no such report.");
        if (report.State == ReportState.Closed)
        {
            throw new CorrectionRefusedException("The report is already closed.");
        }

        Close(report, editor, correction: null, reason: reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A reader's text as it is kept: markup taken out (tags, and script and style with their content), every link
    /// replaced, white space made plain, cut at <see cref="MistakeReport.MaxTextLength"/> characters.
    /// </summary>
    public static string ReportText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        using var document = Markup.ParseDocument(text);
        foreach (var code in document.QuerySelectorAll("script, style, template, noscript").ToList())
        {
            code.Remove();
        }

        var plain = document.Body?.TextContent ?? string.Empty;
        plain = Links().Replace(plain, "[link removed]");
        plain = Spaces().Replace(plain, " ").Trim();
        return plain.Length <= MistakeReport.MaxTextLength ? plain : plain[..MistakeReport.MaxTextLength];
    }

    private static readonly HtmlParser Markup = new();

    private void Close(MistakeReport report, EditorRef editor, Correction? correction, string? reason)
    {
        report.State = ReportState.Closed;
        report.Correction = correction;
        report.ClosedReason = reason;
        report.ClosedByName = editor.Name;
        report.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>An address in any form a reader might write one: with a scheme, from "www.", or a domain with a path.</summary>
    [GeneratedRegex(@"(?:[a-z][a-z0-9+.-]*://|www\.)\S*|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Links();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
