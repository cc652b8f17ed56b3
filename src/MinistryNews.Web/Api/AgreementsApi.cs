using Microsoft.AspNetCore.Http.HttpResults;

namespace MinistryNews.Web.Api;

/// <summary>A record of the agreements register: one document, however many articles tell it.</summary>
/// <param name="Url">The record's page, <c>/agreements/{id}/{slug}</c>.</param>
/// <param name="SignedOn">YYYY-MM-DD, YYYY-MM or YYYY, as far as the texts know it; null when they give no date.</param>
/// <param name="DatePrecision">"day", "month" or "year"; null when no date is given.</param>
/// <param name="DateSource">"sentence", "relative", "context", "editors" (set by a correction), or "not given".</param>
/// <param name="DateText">"5 November 2019", or "date not given".</param>
/// <param name="Status">"in-force", "expired" or "unknown", today.</param>
/// <param name="Articles">How many articles tell the document.</param>
/// <param name="Predecessor">The record of the document it renews.</param>
/// <param name="Successors">The records of the documents that renew it.</param>
public sealed record ApiAgreementRecord(
    int Id,
    string Url,
    string Kind,
    string? Name,
    string? Subject,
    IReadOnlyList<ApiLink> Countries,
    string? Organisation,
    string? Place,
    string? SignedOn,
    string? DatePrecision,
    string DateSource,
    string DateText,
    string? ValidFrom,
    string? ValidTo,
    string Validity,
    string Status,
    IReadOnlyList<ApiLink> Signatories,
    int Articles,
    int? Predecessor,
    IReadOnlyList<int> Successors)
{
    public static ApiAgreementRecord Of(AgreementRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Id,
            r.Url,
            r.Document.Kind,
            r.Document.Name,
            r.Document.Subject,
            ApiAnswers.Links(r.Countries),
            r.Organisation,
            r.Place,
            r.SignedOn?.ToString(),
            Display.Precision(r.SignedOn),
            AgreementRow.DateSourceValue(r.DateSource),
            Display.EventDate(r.SignedOn),
            r.ValidFrom?.ToString(),
            r.ValidTo?.ToString(),
            r.Validity,
            AgreementRow.StatusValue(r.Status),
            ApiAnswers.Links(r.Signatories),
            r.Articles,
            r.PredecessorId,
            r.SuccessorIds);
    }
}

/// <summary>A record with each article's telling of it.</summary>
public sealed record ApiAgreementDetail(ApiAgreementRecord Record, IReadOnlyList<ApiAgreementMention> Mentions);

/// <summary>An article's telling of a document: the article's key and address, the link to the sentence, and the sentence.</summary>
/// <param name="Corrected">Whether an editor's correction made or changed this telling of the document.</param>
public sealed record ApiAgreementMention(string ArticleKey, string ArticleUrl, string Url, string? SignedOn, string DateSource, string Evidence, bool Corrected);

/// <summary>
/// The agreements register in the API: the list renders the register's query (<see cref="AgreementQuery"/>, the one the
/// page reads) with its filters, sort and paging, and one record with every article that tells it.
/// </summary>
public static class AgreementsApi
{
    /// <summary>Records a page when the query does not say.</summary>
    public const int DefaultPageSize = 20;

    public static IEndpointRouteBuilder MapAgreements(this IEndpointRouteBuilder api)
    {
        api.MapGet("/agreements", List).WithName("ListAgreements").WithSummary("The agreements register, one record per document, newest first (undated last); status is in-force, expired or unknown; sort by signed, kind or status.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/agreements/{id:int}", Get).WithName("GetAgreement").WithSummary("One record of the agreements register with every article that tells it and the sentence.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApiPage<ApiAgreementRecord>>, ProblemHttpResult>> List(HttpRequest request, [AsParameters] AgreementQuery query, ArchiveDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var agreements = await query.ValidateAsync(db, DateOnly.FromDateTime(time.GetLocalNow().Date), DefaultPageSize, cancellationToken);
        return agreements.Messages.Count > 0 ? ApiAnswers.Problem(agreements.Messages) : TypedResults.Ok(ApiAnswers.Paged(request, await agreements.PageAsync(db, PastTheLastPage.ShowNone, cancellationToken), ApiAgreementRecord.Of));
    }

    private static async Task<Results<Ok<ApiAgreementDetail>, ProblemHttpResult>> Get(int id, ArchiveDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var record = await db.AgreementRecords.AsNoTracking().AsSplitQuery()
            .Include(r => r.CounterpartCountries)
            .Include(r => r.Signatories)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such agreement", detail: $"The agreements register has no record {id}.");
        }

        var mentions = (await db.Agreements.AsNoTracking()
                .Where(a => a.RecordId == id)
                .Select(a => new { a.Id, a.ArticleId, a.Article.Key, a.Article.Slug, a.Article.PublishedOn, a.SignedOn, a.DateSource, a.Evidence, Corrected = a.CorrectionId != null })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.PublishedOn is null).ThenBy(m => m.PublishedOn).ThenBy(m => m.Id)
            .ToList();
        var successors = await db.AgreementRecords.AsNoTracking().Where(r => r.PredecessorId == id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        var row = new AgreementRow(
            record.Id,
            record.Slug,
            new AgreementDocument(record.Kind, record.Name, record.Subject),
            [.. record.CounterpartCountries.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new Link(c.Slug, c.Name))],
            record.CounterpartOrganisation,
            record.Place,
            record.SignedOn,
            AgreementRow.SourceOf(record.SignedOn, mentions.Select(m => (m.SignedOn, m.DateSource))),
            [.. record.Signatories.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new Link(p.Slug, p.Name))],
            record.ValidFrom,
            record.ValidTo,
            AgreementRow.StatusOn(record.ValidFrom, record.ValidTo, today),
            mentions.Select(m => m.ArticleId).Distinct().Count(),
            record.PredecessorId,
            successors,
            mentions.FirstOrDefault() is { } m ? new ArticleReference(m.ArticleId, m.Key, m.Slug, string.Empty, m.Evidence, m.Corrected) : ArticleReference.None);
        return TypedResults.Ok(new ApiAgreementDetail(
            ApiAgreementRecord.Of(row),
            [.. mentions.Select(m => new ApiAgreementMention(m.Key, ArticleLinks.Article(m.Key, m.Slug), ArticleLinks.Fact(m.Key, m.Slug, m.Evidence), m.SignedOn?.ToString(), AgreementRow.DateSourceValue(m.SignedOn is null ? DateSource.None : m.DateSource), m.Evidence, m.Corrected))]));
    }
}
