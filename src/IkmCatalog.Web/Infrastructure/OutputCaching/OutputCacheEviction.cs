using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure.NodeJournal;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Infrastructure.OutputCaching;

/// <summary>
/// Empties this node's output cache when the journal says public content changed: any document (published or not:
/// the node cannot tell cheaply whether a page showed it), categories, regions, certificates, media, synonyms, an
/// explicit cache eviction, or a rebuild. The node that saved evicts before its SaveChanges returns; the others at
/// their next poll.
/// </summary>
public sealed class OutputCacheEviction(IOutputCacheStore store) : INodeJournalHandler
{
    private static readonly HashSet<string> PublicActions =
    [
        IndexJournalActions.Refresh, IndexJournalActions.Delete, IndexJournalActions.Rebuild, IndexJournalActions.MediaPurge,
        IndexJournalActions.Synonyms, IndexJournalActions.CacheEvict,
    ];

    /// <summary>Last: after the read model, synonyms and media have taken the change in, so no old page is cached again.</summary>
    public int Order => int.MaxValue;

    public async Task ApplyAsync(CatchUpResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rebuilt || result.Entries.Any(e => PublicActions.Contains(e.Action)))
        {
            await store.EvictByTagAsync(PublicPagePolicy.Tag, cancellationToken);
        }
    }
}

/// <summary>
/// Public pages also change with the clock, without any save: a publishing window opens or closes, an event starts,
/// ends (and moves from "upcoming" to "past") or stops taking registrations. Every <see cref="PublicCacheOptions.ClockCheck"/>
/// this job looks whether such a moment passed since its last look, and empties this node's cache if so; a cached page
/// therefore outlives a scheduled change by at most that interval.
/// </summary>
public sealed class ScheduledEviction(
    IServiceScopeFactory scopes, IOutputCacheStore store, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PublicCacheOptions> options, ILogger<ScheduledEviction> logger)
    : NodeJob(scopes, logger)
{
    private DateTime? _lastLook;

    protected override TimeSpan Interval => options.Value.ClockCheck;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = _lastLook ?? now;
        if (now > since && await ChangedBetweenAsync(services.GetRequiredService<IkmDbContext>(), since, now, cancellationToken))
        {
            await store.EvictByTagAsync(PublicPagePolicy.Tag, cancellationToken);
        }
        _lastLook = now;
    }

    /// <summary>Whether a scheduled moment that public pages depend on lies in (<paramref name="since"/>, <paramref name="now"/>].</summary>
    public static async Task<bool> ChangedBetweenAsync(IkmDbContext db, DateTime since, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await Window(db.Products).AnyAsync(cancellationToken)
            || await Window(db.Producers).AnyAsync(cancellationToken)
            || await Window(db.Stories).AnyAsync(cancellationToken)
            || await Window(db.Pages).AnyAsync(cancellationToken)
            || await Window(db.Events).AnyAsync(cancellationToken)
            || await db.Events.AnyAsync(e => (e.StartsAtUtc > since && e.StartsAtUtc <= now) || (e.EndsAtUtc > since && e.EndsAtUtc <= now)
                || (e.RegistrationClosesAtUtc > since && e.RegistrationClosesAtUtc <= now), cancellationToken);

        IQueryable<T> Window<T>(IQueryable<T> documents) where T : Content.Document =>
            documents.Where(d => (d.PublishAtUtc > since && d.PublishAtUtc <= now) || (d.UnpublishAtUtc > since && d.UnpublishAtUtc <= now));
    }
}
