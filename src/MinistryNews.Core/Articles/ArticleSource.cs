namespace MinistryNews.Core.Articles;

/// <summary>A file of the data folder that tells an article: the one its facts were read from, or a copy with the same text.</summary>
public sealed class ArticleSource
{
    /// <summary>The file's path relative to the data folder, with '/' separators.</summary>
    public required string Path { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    /// <summary>The address the file gives (<see cref="ArticleKeys.From"/>): it leads to the article, whichever file came first.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the file's bytes, in hex.</summary>
    public required string ContentHash { get; set; }

    public DateTime AddedAtUtc { get; set; }
}
