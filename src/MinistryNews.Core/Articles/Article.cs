using MinistryNews.Core.Agreements;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Delegations;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.Meetings;
using MinistryNews.Core.Organisations;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Articles;

/// <summary>One press release of the archive, as read from one file of the data folder.</summary>
public sealed class Article
{
    public int Id { get; set; }

    /// <summary>The file's path relative to the data folder, with '/' separators: the article's identity across ingestions.</summary>
    public required string SourceFile { get; set; }

    /// <summary>
    /// The article's address in the archive (<c>/articles/{Key}/{Slug}</c>), made from the path of the file that first
    /// told it (<see cref="ArticleKeys"/>): the same files give the same addresses whatever order they are read in.
    /// </summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the title and body with whitespace made plain: files with the same text are one article.</summary>
    public string? TextHash { get; set; }

    /// <summary>When every file of the article left the data folder: its page stays, with a notice; it leaves every list.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }

    /// <summary>Whether the editors withdrew the article (a correction) rather than its files leaving the folder.</summary>
    public bool WithdrawnByEditors { get; set; }

    /// <summary>Whether an editor's correction changes what the archive shows of the article (its history page lists them).</summary>
    public bool Corrected { get; set; }

    /// <summary>Every file that tells the article (the one read first, and copies with the same text).</summary>
    public List<ArticleSource> Sources { get; set; } = [];

    public required string Title { get; set; }

    /// <summary>True when the text has no headline and the title was made from its first sentence.</summary>
    public bool TitleDerived { get; set; }

    public required string Slug { get; set; }

    public PartialDate? Published { get; set; }

    /// <summary>The first day the publication date can mean: what lists sort by and date filters compare.</summary>
    public DateOnly? PublishedOn { get; set; }

    public PublishedFrom PublishedFrom { get; set; }

    public string? SourceUrl { get; set; }

    public string? Byline { get; set; }

    /// <summary>The file's text exactly as read (the page's HTML for a saved page).</summary>
    public required string RawText { get; set; }

    /// <summary>The cleaned body: paragraphs, photo captions and photo file names, in order.</summary>
    public List<BodyBlock> Body { get; set; } = [];

    /// <summary>SHA-256 of the file's bytes, in hex: an unchanged file is not read again.</summary>
    public required string ContentHash { get; set; }

    /// <summary>When the article was last written: its file read, by this or a newer extraction.</summary>
    public DateTime IngestedAtUtc { get; set; }

    /// <summary>
    /// When the article itself last changed: stored first, its text changed, or back after a withdrawal. Reading the same
    /// text again (a file touched, a newer extraction) leaves it: it is the feeds' <c>updated</c>.
    /// </summary>
    public DateTime ChangedAtUtc { get; set; }

    /// <summary>The <see cref="Extraction.ArticleExtractor.Version"/> that read the facts: a newer extraction reads the file again.</summary>
    public string? ExtractorVersion { get; set; }

    public List<Country> Countries { get; set; } = [];

    public List<ArticlePerson> People { get; set; } = [];

    /// <summary>The ministries and agencies the article names.</summary>
    public List<Organisation> Organisations { get; set; } = [];

    public List<Meeting> Meetings { get; set; } = [];

    public List<Delegation> Delegations { get; set; } = [];

    public List<Agreement> Agreements { get; set; } = [];
}
