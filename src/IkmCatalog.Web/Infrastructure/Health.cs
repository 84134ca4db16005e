using System.Text.Json;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Web.Infrastructure.NodeJournal;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>
/// Health for load balancers and orchestrators: /health/live (the process answers, nothing else asked) and
/// /health/ready (the database answers, this node's search index has caught up with the journal, the media store
/// reads and writes): 200 when ready, 503 when not, a JSON body listing each check either way.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddIkmHealth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SearchIndexHealthCheck>("search-index", tags: [Ready])
            .AddCheck<MediaStoreHealthCheck>("media-store", tags: [Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapIkmHealth(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Probes come often and must see this node as it is now: never rate limited, never from a cache.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .DisableRateLimiting().WithMetadata(new OutputCacheAttribute { NoStore = true });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .DisableRateLimiting().WithMetadata(new OutputCacheAttribute { NoStore = true });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions), context.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>The database answers a query.</summary>
public sealed class DatabaseHealthCheck(IkmDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}

/// <summary>
/// This node's search index is open and has applied the journal: unhealthy before its first catch-up, degraded (still
/// serving) while it is more than a poll behind the journal's last entry.
/// </summary>
public sealed class SearchIndexHealthCheck(NodeJournalFollower follower, IkmDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (follower.Last is not { } last)
        {
            return HealthCheckResult.Unhealthy("The search index has not caught up with the journal yet.");
        }
        var newest = await db.IndexJournal.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var data = new Dictionary<string, object> { ["appliedUpTo"] = last.LastJournalId, ["journalEnd"] = newest };
        return newest <= last.LastJournalId
            ? HealthCheckResult.Healthy("The search index has applied the journal.", data)
            : HealthCheckResult.Degraded("The search index is catching up with the journal.", data: data);
    }
}

/// <summary>The media store takes a file and gives it back.</summary>
public sealed class MediaStoreHealthCheck(IMediaStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var key = $"health/{Environment.MachineName}-{Guid.NewGuid():N}.txt";
        try
        {
            using (var content = new MemoryStream("ok"u8.ToArray()))
            {
                await store.SaveAsync(key, content, cancellationToken);
            }
            await using var read = await store.OpenReadAsync(key, cancellationToken);
            return read is null
                ? HealthCheckResult.Unhealthy("The media store does not give back what it was given.")
                : HealthCheckResult.Healthy("The media store reads and writes.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The media store cannot be written or read.", e);
        }
        finally
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing was written, or the store is the problem already reported.
            }
        }
    }
}
