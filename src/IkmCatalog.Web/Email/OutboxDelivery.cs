using IkmCatalog.Email;
using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Email;

/// <summary>
/// Sends due outbox messages on every node; <see cref="OutboxSender"/> makes sure each goes out once, also after a
/// restart (messages queued while every node was down go at the next start).
/// </summary>
public sealed partial class OutboxDelivery(
    IServiceScopeFactory scopes, SearchNodeName node, IOptions<SmtpOptions> options, ILogger<OutboxDelivery> logger) : NodeJob(scopes, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<OutboxSender>().SendDueAsync(node.Name, cancellationToken);
        Infrastructure.Operations.OperationsTelemetry.EmailsDelivered(run.Sent, run.Failed);
        if (run.Sent > 0)
        {
            LogSent(run.Sent);
        }
        if (run.Failed > 0)
        {
            LogFailedMessages(run.Failed);
        }
    }

    [LoggerMessage(LogLevel.Information, "Sent {Count} email(s).")]
    private partial void LogSent(int count);

    [LoggerMessage(LogLevel.Warning, "{Count} email(s) could not be sent; each is retried later (see the Outbox table's LastError).")]
    private partial void LogFailedMessages(int count);
}
