using IkmCatalog.Search;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Search;

/// <summary>
/// Follows the index journal on this node: catches up before the node takes traffic (rebuilding a missing or
/// damaged index), then polls for new entries every few seconds.
/// </summary>
public sealed partial class SearchIndexSync(IServiceScopeFactory scopes, IOptions<SearchOptions> options, ILogger<SearchIndexSync> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // A node answers searches only once its index matches the database.
        await CatchUpAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
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
                    await CatchUpAsync(stoppingToken);
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

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Applying the search index journal failed; retrying at the next poll.")]
    private partial void LogCatchUpFailed(Exception exception);
}
