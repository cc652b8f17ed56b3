using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MinistryNews.Web.Tests;

/// <summary>
/// The rows each command of the app read, and its text, counted as its reader is let go: an EF Core interceptor added
/// to the app's database context, so that a test can show a page reads only its own rows. The count is EF Core's
/// <c>ReadCount</c>, the calls to Read: for a reader read to its end, one more than its rows.
/// </summary>
public sealed class RowsRead : DbCommandInterceptor
{
    private readonly ConcurrentQueue<(string Sql, int Rows)> _reads = new();

    public void Clear() => _reads.Clear();

    public List<(string Sql, int Rows)> Snapshot() => [.. _reads];

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        _reads.Enqueue((command.CommandText, eventData.ReadCount));
        return result;
    }
}
