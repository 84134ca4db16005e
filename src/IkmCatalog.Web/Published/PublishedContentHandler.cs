using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure.NodeJournal;

namespace IkmCatalog.Web.Published;

/// <summary>
/// Keeps this node's <see cref="PublishedContent"/> in step with the node journal: the documents an entry names
/// are read again (for a media item, the documents showing it); a rebuild, a category or region change, or anything
/// unknown reloads everything.
/// </summary>
public sealed class PublishedContentHandler(PublishedContent content) : INodeJournalHandler
{
    /// <summary>Past this many documents in one catch-up, one full load is cheaper than many small ones.</summary>
    private const int MaxRefresh = 2_000;

    public async Task ApplyAsync(CatchUpResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rebuilt)
        {
            await content.ReloadAllAsync(cancellationToken);
            return;
        }
        var changed = new ChangedDocuments();
        foreach (var entry in result.Entries)
        {
            if (entry.Action == IndexJournalActions.Synonyms)
            {
                continue; // search only
            }
            var set = entry.Action is IndexJournalActions.Refresh or IndexJournalActions.Delete or IndexJournalActions.MediaPurge
                ? Set(changed, entry.DocumentType) : null;
            if (set is null)
            {
                await content.ReloadAllAsync(cancellationToken);
                return;
            }
            set.Add(entry.DocumentId);
        }
        if (changed.Count > MaxRefresh)
        {
            await content.ReloadAllAsync(cancellationToken);
        }
        else if (changed.Count > 0)
        {
            await content.RefreshAsync(changed, cancellationToken);
        }
    }

    private static HashSet<int>? Set(ChangedDocuments changed, string type) => type switch
    {
        "Product" => changed.Products,
        "Producer" => changed.Producers,
        "Story" => changed.Stories,
        "Event" => changed.Events,
        "Page" => changed.Pages,
        "MediaItem" => changed.Media,
        _ => null,
    };
}

/// <summary>Loads the published content before the node takes traffic (after the journal follower's first catch-up).</summary>
public sealed class PublishedContentWarmUp(PublishedContent content) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => content.EnsureLoadedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class PublishedServices
{
    /// <summary>The published-content read model, its journal handler and its load at start-up. Call after AddIkmSearch (the journal follower starts first).</summary>
    public static IHostApplicationBuilder AddPublishedContent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<PublishedContent>();
        builder.Services.AddSingleton<INodeJournalHandler, PublishedContentHandler>();
        builder.Services.AddHostedService<PublishedContentWarmUp>();
        return builder;
    }
}
