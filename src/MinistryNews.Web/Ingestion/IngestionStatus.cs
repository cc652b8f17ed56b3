using MinistryNews.Core.Ingestion;

namespace MinistryNews.Web.Ingestion;

/// <summary>What the background ingestion has done so far; the first batch's completion can be awaited.</summary>
public sealed class IngestionStatus
{
    private readonly TaskCompletionSource<IngestionReport> _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<IngestionReport> FirstBatch => _firstBatch.Task;

    public IngestionReport? LastReport { get; private set; }

    public void Completed(IngestionReport report)
    {
        LastReport = report;
        _firstBatch.TrySetResult(report);
    }

    public void Faulted(Exception exception) => _firstBatch.TrySetException(exception);
}
