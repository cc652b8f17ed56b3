using System.Data.Common;
using MinistryNews.Core.Ingestion;
using Npgsql;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// The archive's generation (<see cref="ArchiveGeneration"/>) as this instance knows it, kept in step with the database,
/// so that what this instance keeps (its pages, the whole archive's counts) follows what any process commits: another
/// instance, the command line, this instance's own ingestion.
/// </summary>
/// <remarks>
/// <para>
/// On PostgreSQL a connection of its own listens on <see cref="ArchiveGeneration.Channel"/>: each commit's notification
/// carries the new generation, which arrives within milliseconds. A listener that hears nothing for
/// <see cref="ListenCheck"/> reads the number itself, which shows a connection that died without a word.
/// </para>
/// <para>
/// On SQLite, where a second process (the command line) writes beside the site, and on PostgreSQL while the listener is
/// not connected (or with <see cref="ArchiveOptions.ListenForChanges"/> off), each request checks the generation first (<see cref="FreshAsync"/>), reading it from the database at
/// most once per <see cref="PollInterval"/>, so a change shows within that time, and an idle site reads nothing.
/// </para>
/// <para>
/// A process sees a number only once its commit is visible, so a view computed after seeing generation G holds at least
/// what G holds.
/// </para>
/// </remarks>
public sealed partial class GenerationWatch : BackgroundService
{
    /// <summary>How often a request may read the generation when no listener tells it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ListenCheck = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<ArchiveDbContext> _contexts;
    private readonly ArchiveStorage _storage;
    private readonly Ingestor _ingestor;
    private readonly TimeProvider _time;
    private readonly ILogger<GenerationWatch> _logger;
    private readonly bool _listen;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _current;
    private long _readAt;
    private bool _stale = true;
    private bool _listening;

    public GenerationWatch(IDbContextFactory<ArchiveDbContext> contexts, ArchiveStorage storage, IOptions<ArchiveOptions> options, Ingestor ingestor, TimeProvider time, ILogger<GenerationWatch> logger)
    {
        _contexts = contexts;
        _listen = storage.Provider == ArchiveProvider.PostgreSQL && options.Value.ListenForChanges;
        _storage = storage;
        _ingestor = ingestor;
        _time = time;
        _logger = logger;
        _ingestor.Stored += OnStored;
    }

    /// <summary>Raised with the new generation when the archive changed: what was kept for the old one is old.</summary>
    public event Action<long>? Changed;

    /// <summary>The generation as last seen.</summary>
    public long Current => Interlocked.Read(ref _current);

    /// <summary>Whether a PostgreSQL listener is connected (otherwise requests read the generation).</summary>
    public bool Listening => Volatile.Read(ref _listening);

    /// <summary>
    /// The generation, read from the database first when no listener keeps it and the last read is older than
    /// <see cref="PollInterval"/>, or when this process's ingestion stored something since. A database that does not
    /// answer leaves it as it was: pages kept for it are still served.
    /// </summary>
    public async ValueTask<long> FreshAsync(CancellationToken cancellationToken)
    {
        if (!NeedsRead())
        {
            return Current;
        }

        // A read that another request already makes will do, unless this process stored something (then the caller must
        // see it: it waits for its own read).
        if (Volatile.Read(ref _stale))
        {
            await _reading.WaitAsync(cancellationToken);
        }
        else if (!_reading.Wait(0, CancellationToken.None))
        {
            return Current;
        }

        try
        {
            // Another request may have read it while this one waited.
            if (NeedsRead())
            {
                Volatile.Write(ref _stale, false);
                Volatile.Write(ref _readAt, _time.GetTimestamp());
                await ReadAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            LogReadFailed(_logger, ex.Message);
        }
        finally
        {
            _reading.Release();
        }

        return Current;
    }

    /// <summary>
    /// After the database failed to answer: the pooled connections it had are dead (a restarted server does not take
    /// them back), so the pool is emptied and the next requests open new ones.
    /// </summary>
    public void ConnectionLost()
    {
        if (_storage.Provider != ArchiveProvider.PostgreSQL)
        {
            return;
        }

        using var db = _contexts.CreateDbContext();
        NpgsqlConnection.ClearPool((NpgsqlConnection)db.Database.GetDbConnection());
    }

    public override void Dispose()
    {
        _ingestor.Stored -= OnStored;
        _reading.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_listen)
        {
            return;
        }

        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => retry = FirstRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or IOException or TimeoutException or InvalidOperationException)
            {
                // Said once per loss (and once if the first attempt fails), not at every retry.
                if (Listening || retry == FirstRetry)
                {
                    Volatile.Write(ref _listening, false);
                    LogListenerLost(_logger, ex.Message);
                    ConnectionLost();
                }

                await Task.Delay(retry, _time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    /// <summary>Listens until the connection fails (an exception) or the host stops.</summary>
    private async Task ListenAsync(Action connected, CancellationToken stoppingToken)
    {
        // A connection of its own, outside the pool (which a lost database empties), that fails fast when it hangs.
        var connectionString = new NpgsqlConnectionStringBuilder(_storage.ConnectionString)
        {
            Pooling = false,
            Timeout = 5,
            CommandTimeout = 5,
            ApplicationName = "ministrynews-generation",
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) =>
        {
            if (long.TryParse(e.Payload, System.Globalization.CultureInfo.InvariantCulture, out var generation))
            {
                Observe(generation);
            }
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {ArchiveGeneration.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Read after LISTEN: whatever commits from here on is heard, whatever committed before is in the number.
        Observe(await ArchiveGeneration.ReadAsync(connection, stoppingToken));
        Volatile.Write(ref _listening, true);
        LogListening(_logger);
        connected();
        while (true)
        {
            if (!await connection.WaitAsync(ListenCheck, stoppingToken))
            {
                Observe(await ArchiveGeneration.ReadAsync(connection, stoppingToken));
            }
        }
    }

    private bool NeedsRead() =>
        Volatile.Read(ref _stale) || (!Listening && _time.GetElapsedTime(Volatile.Read(ref _readAt)) >= PollInterval);

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            Observe(await ArchiveGeneration.ReadAsync(db.Database.GetDbConnection(), cancellationToken));
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            ConnectionLost();
            throw;
        }
    }

    /// <summary>
    /// Takes a generation read or heard: another number than the one known replaces it, and what was kept goes. A lower
    /// one too: the database was restored from an older backup.
    /// </summary>
    private void Observe(long generation)
    {
        if (Interlocked.Exchange(ref _current, generation) != generation)
        {
            Changed?.Invoke(generation);
        }
    }

    /// <summary>This process committed: the next request reads the number before it is answered.</summary>
    private void OnStored(object? sender, EventArgs e) => Volatile.Write(ref _stale, true);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for the archive's changes on PostgreSQL")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the archive's change notifications ({Reason}); requests check the generation until they are back")]
    private static partial void LogListenerLost(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the archive's generation: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}
