using IkmCatalog.Content;
using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure;
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
    IServiceScopeFactory scopes, SearchNodeName node, IOptions<ContentOptions> options, ILogger<ScheduledPublishing> logger) : NodeJob(scopes, logger)
{
    protected override TimeSpan Interval => options.Value.SchedulePollInterval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var ran = await services.GetRequiredService<PublishingScheduler>().RunDueAsync(node.Name, cancellationToken);
        if (ran > 0)
        {
            LogRan(ran);
        }
    }

    [LoggerMessage(LogLevel.Information, "Ran {Count} scheduled publication(s).")]
    private partial void LogRan(int count);
}
