namespace MinistryNews.Core.Extraction;

/// <summary>A text the extraction will not read to its end, because reading it would take unbounded time: its message says which bound it passes.</summary>
public sealed class ExtractionLimitException : Exception
{
    public ExtractionLimitException()
    {
    }

    public ExtractionLimitException(string message)
        : base(message)
    {
    }

    public ExtractionLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
