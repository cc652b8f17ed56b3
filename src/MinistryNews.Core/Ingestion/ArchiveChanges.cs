namespace MinistryNews.Core.Ingestion;

/// <summary>
/// What the articles stored, updated or withdrawn in one ingestion run touched, as the registers decided across articles
/// need it (<see cref="ArchiveRegisters"/>): the people their former and new mentions name, the titles those mentions
/// write and the offices the former ones held, and the counterpart countries of their former and new agreements. A
/// register refreshed within this scope comes out as a full refresh would make it; past <see cref="ArticleLimit"/>
/// articles, or once an organisation came or went (an office follows the organisations a title names), the whole
/// archive is read again.
/// </summary>
public sealed class ArchiveChanges
{
    /// <summary>Articles beyond which a full refresh costs little more than a scoped one (a first ingestion, a new extractor).</summary>
    public const int ArticleLimit = 500;

    private readonly HashSet<int> _articles = [];

    /// <summary>The people the changed articles named, before and after.</summary>
    public HashSet<int> People { get; } = [];

    /// <summary>The countries the changed articles named, before and after.</summary>
    public HashSet<int> Countries { get; } = [];

    /// <summary>The titles the changed articles' mentions wrote, before and after.</summary>
    public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);

    /// <summary>The offices the changed articles' former mentions held.</summary>
    public HashSet<int> Offices { get; } = [];

    /// <summary>The counterpart sets (<see cref="Agreements.AgreementRegister.CodesOf"/>) of the changed articles' agreements, before and after.</summary>
    public HashSet<string> AgreementCountries { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether an organisation was added to the archive or left it: every title may name another office.</summary>
    public bool Organisations { get; set; }

    /// <summary>Whether the registers are best made again from the whole archive.</summary>
    public bool Everything => _articles.Count > ArticleLimit;

    /// <summary>Notes an article whose facts were written or removed.</summary>
    public void Article(int articleId) => _articles.Add(articleId);
}
