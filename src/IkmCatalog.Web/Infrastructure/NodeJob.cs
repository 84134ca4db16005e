namespace IkmCatalog.Web.Infrastructure;

/// <summary>
/// Work every node does on a timer (due schedules, due emails): once at start, then every <see cref="Interval"/>,
/// each run in a scope of its own. A run that fails (the database briefly unreachable) is logged and the next tick
/// tries again; the work itself makes sure two nodes never do the same thing twice.
/// </summary>
public abstract partial class NodeJob(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e, GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Job} failed; retrying at the next poll.")]
    private partial void LogFailed(Exception exception, string job);
}
