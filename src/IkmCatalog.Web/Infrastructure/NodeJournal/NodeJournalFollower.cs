using IkmCatalog.Search;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Infrastructure.NodeJournal;

/// <summary>
/// What one node does with the journal entries it applies, besides its search index: refresh its published-content
/// read model, empty its output cache, purge resized copies of an image, reload the synonyms. Handlers run after the
/// search index has applied the same entries, by <see cref="Order"/> then registration order; a failing handler is
/// logged and the others go on.
/// </summary>
public interface INodeJournalHandler
{
    /// <summary>
    /// When this handler runs among the others: lower first. Whatever empties caches of rendered pages must run after
    /// every handler that changes what pages show, or a request in between would cache the old content again.
    /// </summary>
    int Order => 0;

    /// <param name="result">The entries applied; <see cref="CatchUpResult.Rebuilt"/> when the node rebuilt instead of applying them one by one (handlers then start over from the database).</param>
    Task ApplyAsync(CatchUpResult result, CancellationToken cancellationToken);
}

/// <summary>
/// Follows the journal on this node: catches up before the node takes traffic (rebuilding a missing or damaged
/// index), then polls every <see cref="SearchOptions.PollInterval"/>; a save on this node that journals something
/// asks for a catch-up at once (<see cref="CatchUpNowAsync"/>), so the node that made a change shows it on its next page.
/// </summary>
public sealed partial class NodeJournalFollower(
    IServiceScopeFactory scopes, IEnumerable<INodeJournalHandler> handlers, IOptions<SearchOptions> options, ILogger<NodeJournalFollower> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly INodeJournalHandler[] _handlers = [.. handlers.OrderBy(h => h.Order)];

    /// <summary>The last catch-up's result on this node (null before the first).</summary>
    public CatchUpResult? Last { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // A node answers only once its index and caches match the database.
        await CatchUpNowAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Applies whatever the journal holds after this node's cursor, now (one catch-up at a time).</summary>
    public async Task<CatchUpResult> CatchUpNowAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            CatchUpResult result;
            await using (var scope = scopes.CreateAsyncScope())
            {
                result = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(cancellationToken);
            }
            if (result.Rebuilt || result.Entries.Count > 0)
            {
                foreach (var handler in _handlers)
                {
                    try
                    {
                        await handler.ApplyAsync(result, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogHandlerFailed(e, handler.GetType().Name);
                    }
                }
            }
            Last = result;
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CatchUpNowAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly unreachable; the next tick tries again.
                    LogCatchUpFailed(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Warning, "Applying the node journal failed; retrying at the next poll.")]
    private partial void LogCatchUpFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "The node journal handler {Handler} failed.")]
    private partial void LogHandlerFailed(Exception exception, string handler);
}
