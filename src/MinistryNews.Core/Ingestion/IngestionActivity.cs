namespace MinistryNews.Core.Ingestion;

/// <summary>
/// Whether an ingestion is running and when it last moved on (a file read and extracted, a batch stored): what tells a
/// stalled ingestion from a long one. Each file's extraction has its budget (<see cref="IngestionOptions.MaxExtractionTime"/>),
/// so a running ingestion that has not moved on for longer than <see cref="IngestionOptions.StallTime"/> is stuck.
/// </summary>
public sealed class IngestionActivity(TimeProvider time)
{
    private readonly Lock _lock = new();
    private int _runs;
    private DateTimeOffset _lastMove;
    private string? _lastFile;

    /// <summary>How long the running ingestion has not moved on, and the last file it finished, when that is longer than <paramref name="limit"/>.</summary>
    public (TimeSpan For, string? AfterFile)? StalledFor(TimeSpan limit)
    {
        lock (_lock)
        {
            var still = time.GetUtcNow() - _lastMove;
            return _runs > 0 && still > limit ? (still, _lastFile) : null;
        }
    }

    internal void Began()
    {
        lock (_lock)
        {
            _runs++;
            _lastMove = time.GetUtcNow();
        }
    }

    internal void MovedOn(string file)
    {
        lock (_lock)
        {
            _lastMove = time.GetUtcNow();
            _lastFile = file;
        }
    }

    internal void Ended()
    {
        lock (_lock)
        {
            _runs--;
        }
    }
}
