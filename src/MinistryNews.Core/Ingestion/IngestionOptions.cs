namespace MinistryNews.Core.Ingestion;

/// <summary>
/// The limits a file must keep to be stored. The data folder takes files from anywhere: a file over a limit is rejected
/// with a message that names the limit, and the batch goes on.
/// </summary>
public sealed class IngestionOptions
{
    /// <summary>Files larger than this are rejected before they are read (a press release is a few kilobytes).</summary>
    public long MaxFileBytes { get; set; } = SourceReader.DefaultMaxFileBytes;

    /// <summary>Texts longer than this, once read and cleaned of markup, are rejected before extraction.</summary>
    public int MaxTextCharacters { get; set; } = 1_000_000;

    /// <summary>
    /// Articles that name more than this many entities (countries, people, organisations, meetings, delegations and
    /// agreements together) are rejected rather than stored.
    /// </summary>
    public int MaxEntitiesPerArticle { get; set; } = 2_000;

    /// <summary>
    /// The time the extraction may take on one file (a press release takes milliseconds). A file that runs over it fails
    /// with that reason and the batch goes on: one hostile text never holds the others back.
    /// </summary>
    public TimeSpan MaxExtractionTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A running ingestion that has neither finished a file nor stored a batch for this long is stalled: the web app's
    /// <c>/readyz</c> answers 503 and a warning is logged. Longer than any file's extraction budget, so only a stuck
    /// ingestion (a database that does not answer, a file system that blocks) reaches it.
    /// </summary>
    public TimeSpan StallTime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The number of entities an extraction names, as <see cref="MaxEntitiesPerArticle"/> counts them.</summary>
    public static int EntitiesOf(Extraction.ExtractedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Countries.Count + article.People.Count + article.Organisations.Count
            + article.Meetings.Count + article.Delegations.Count + article.Agreements.Count;
    }
}
