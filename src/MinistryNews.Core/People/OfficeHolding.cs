namespace MinistryNews.Core.People;

/// <summary>
/// A person in an office as the archive shows them, kept by the registers after each batch (<see cref="OfficeHoldings"/>):
/// the first and last publication dates of the articles that name them with the office's title, the mention at each end
/// (the sentence the pages link to), and how many mentions there are. The office pages read an office's latest holders
/// and its count of holders from this table instead of grouping every mention of the office for each request.
/// </summary>
public sealed class OfficeHolding
{
    public int OfficeId { get; set; }

    public Office Office { get; set; } = null!;

    public int PersonId { get; set; }

    public Person Person { get; set; } = null!;

    /// <summary>The earliest publication date of the mentions; null when every one of their articles is undated.</summary>
    public DateOnly? First { get; set; }

    /// <summary>The latest publication date of the mentions; null when every one of their articles is undated.</summary>
    public DateOnly? Last { get; set; }

    /// <summary>The article of the first mention: the first stored of those published on <see cref="First"/> (or undated).</summary>
    public int FirstArticleId { get; set; }

    /// <summary>The article of the last mention: the last stored of those published on <see cref="Last"/> (or undated).</summary>
    public int LastArticleId { get; set; }

    public int Mentions { get; set; }
}
