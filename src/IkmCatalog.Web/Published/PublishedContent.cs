using System.Diagnostics;
using IkmCatalog.Data;

namespace IkmCatalog.Web.Published;

/// <summary>
/// This node's published content in memory (like Umbraco's published cache): public pages and the delivery API
/// read it instead of querying the database per request. Loaded once before the node takes traffic, then kept
/// current by <see cref="PublishedContentHandler"/> from the node journal; readers get an immutable
/// <see cref="PublishedSnapshot"/> swapped in whole, never a half-applied change.
/// </summary>
public sealed partial class PublishedContent(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublishedContent> logger) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _snapshotLock = new();
    private volatile PublishedRows? _rows;
    private volatile PublishedSnapshot? _snapshot;

    /// <summary>Whether the content has been loaded on this node.</summary>
    public bool IsLoaded => _rows is not null;

    /// <summary>The content public at <paramref name="nowUtc"/>.</summary>
    public async ValueTask<PublishedSnapshot> AtAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Covers(nowUtc) && ReferenceEquals(snapshot.Rows, _rows))
        {
            return snapshot;
        }
        var rows = _rows ?? await EnsureLoadedAsync(cancellationToken);
        lock (_snapshotLock)
        {
            // A publishing window opened or closed (or the rows changed): one reader rebuilds, from memory, the others wait for it.
            // The rows as they are now (a change may have been swapped in since they were read above).
            rows = _rows ?? rows;
            snapshot = _snapshot;
            if (snapshot is null || !snapshot.Covers(nowUtc) || !ReferenceEquals(snapshot.Rows, rows))
            {
                snapshot = new PublishedSnapshot(rows, nowUtc);
                _snapshot = snapshot;
            }
            return snapshot;
        }
    }

    /// <summary>Loads everything from the database unless that was done already.</summary>
    public async Task<PublishedRows> EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            return _rows ?? await LoadAllLockedAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Reads everything again (a rebuild, or a change to what many documents show).</summary>
    public async Task ReloadAllAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await LoadAllLockedAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Reads the given documents again (and a producer's products and stories).</summary>
    public async Task RefreshAsync(ChangedDocuments changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            if (_rows is not { } current)
            {
                await LoadAllLockedAsync(cancellationToken);
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            Swap(await PublishedLoader.RefreshAsync(db, current, changed, clock.GetUtcNow().UtcDateTime, cancellationToken));
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<PublishedRows> LoadAllLockedAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var rows = await PublishedLoader.LoadAllAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        Swap(rows);
        LogLoaded(rows.Products.Count, rows.Producers.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return rows;
    }

    private void Swap(PublishedRows rows)
    {
        // Build the snapshot for now before anyone sees the new rows, so the first reader after a change pays nothing.
        var snapshot = new PublishedSnapshot(rows, clock.GetUtcNow().UtcDateTime);
        lock (_snapshotLock)
        {
            _rows = rows;
            _snapshot = snapshot;
        }
    }

    public void Dispose() => _writer.Dispose();

    [LoggerMessage(LogLevel.Information, "Published content loaded: {Products} products, {Producers} producers in {Milliseconds} ms.")]
    private partial void LogLoaded(int products, int producers, long milliseconds);
}
