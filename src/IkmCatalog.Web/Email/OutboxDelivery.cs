using IkmCatalog.Email;
using IkmCatalog.Search;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Email;

/// <summary>
/// Sends due outbox messages on every node; <see cref="OutboxSender"/> makes sure each goes out once, also after a
/// restart (messages queued while every node was down go at the next start).
/// </summary>
public sealed partial class OutboxDelivery(
    IServiceScopeFactory scopes, SearchNodeName node, IOptions<SmtpOptions> options, ILogger<OutboxDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var run = await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(node.Name, stoppingToken);
                    if (run.Sent > 0)
                    {
                        LogSent(run.Sent);
                    }
                    if (run.Failed > 0)
                    {
                        LogFailedMessages(run.Failed);
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

    [LoggerMessage(LogLevel.Information, "Sent {Count} email(s).")]
    private partial void LogSent(int count);

    [LoggerMessage(LogLevel.Warning, "{Count} email(s) could not be sent; each is retried later (see the Outbox table's LastError).")]
    private partial void LogFailedMessages(int count);

    [LoggerMessage(LogLevel.Warning, "Sending email failed; retrying at the next poll.")]
    private partial void LogFailed(Exception exception);
}
