namespace MinistryNews.Core.Ingestion;

public sealed class IngestionOptions
{
    /// <summary>Files larger than this are rejected with a clear error.</summary>
    public long MaxFileBytes { get; set; } = SourceReader.DefaultMaxFileBytes;
}
