using IkmCatalog.Media;
using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure.NodeJournal;

namespace IkmCatalog.Web.Media;

/// <summary>
/// A media item deleted, replaced or re-cropped on any node: this node forgets its version and deletes its resized
/// copies. A node that rebuilt (too far behind to know what changed) empties its whole variant cache.
/// </summary>
public sealed class MediaJournalHandler(VariantCache cache, LiveMediaVersions versions, ILogger<MediaJournalHandler> logger) : INodeJournalHandler
{
    public async Task ApplyAsync(CatchUpResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rebuilt)
        {
            versions.ForgetAll();
            cache.PurgeAll();
            logger.LogInformation("Media variant cache emptied: this node rebuilt from the database.");
            return;
        }
        foreach (var id in result.Entries
                     .Where(e => e.Action == IndexJournalActions.MediaPurge && e.DocumentType == MediaJournal.DocumentType)
                     .Select(e => e.DocumentId).Distinct())
        {
            // Forgotten first: from here a request for the item asks the database, even while its files go.
            versions.Forget(id);
            await cache.PurgeAsync(id, CancellationToken.None);
        }
    }
}
