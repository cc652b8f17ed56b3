using MinistryNews.Core.Articles;

namespace MinistryNews.Core.Corrections;

public enum ReportState
{
    Open,
    Closed,
}

/// <summary>
/// A reader's word that something in an article is wrong, filed without an account. Only the text is kept (no address,
/// no name); editors close a report with a correction or with the reason they made none.
/// </summary>
public sealed class MistakeReport
{
    /// <summary>The longest report kept, in characters.</summary>
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    /// <summary>Which fact the reader reported, as the article's page named it ("Meeting 2"); null for the article as a whole.</summary>
    public string? Fact { get; set; }

    /// <summary>What the reader wrote, as plain text: markup and links are taken out before it is kept.</summary>
    public required string Text { get; set; }

    public DateTime FiledAtUtc { get; set; }

    public ReportState State { get; set; }

    /// <summary>The correction that answered the report, when one did.</summary>
    public int? CorrectionId { get; set; }

    public Correction? Correction { get; set; }

    /// <summary>Why the report was closed (with no correction, why none was needed).</summary>
    public string? ClosedReason { get; set; }

    public string? ClosedByName { get; set; }

    public DateTime? ClosedAtUtc { get; set; }
}
