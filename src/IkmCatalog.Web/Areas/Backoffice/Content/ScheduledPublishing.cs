using IkmCatalog.Content;
using IkmCatalog.Search;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>The "IkmCatalog:Content" section.</summary>
public sealed class ContentOptions
{
    public const string Section = "IkmCatalog:Content";

    /// <summary>How often each node looks for due publish/unpublish schedules.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Runs due schedules on every node; <see cref="PublishingScheduler"/> makes sure each runs once, after a restart
/// too (a schedule due while every node was down runs at the next start).
/// </summary>
public sealed partial class ScheduledPublishing(
    IServiceScopeFactory scopes, SearchNodeName node, IOptions<ContentOptions> options, ILogger<ScheduledPublishing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulePollInterval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var ran = await scope.ServiceProvider.GetRequiredService<PublishingScheduler>().RunDueAsync(node.Name, stoppingToken);
                    if (ran > 0)
                    {
                        LogRan(ran);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e); // the database may be briefly unreachable; the next tick tries again
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Information, "Ran {Count} scheduled publication(s).")]
    private partial void LogRan(int count);

    [LoggerMessage(LogLevel.Warning, "Running scheduled publications failed; retrying at the next poll.")]
    private partial void LogFailed(Exception exception);
}
