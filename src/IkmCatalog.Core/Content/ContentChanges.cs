using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Events;
using IkmCatalog.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IkmCatalog.Content;

/// <summary>
/// Reads a unit of work for changes to content: documents (their kind of change told by their state before and
/// after), saved drafts, and the rows documents show (categories, regions, certificates, media, an event's registrations).
/// </summary>
internal static class ContentChanges
{
    public sealed record Pending(object Entity, string Type, ContentChange Change, bool Added, IReadOnlyDictionary<string, object?> Original);

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        var changes = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var added = entry.State == EntityState.Added;
            switch (entry.Entity)
            {
                case Document document:
                    changes.Add(new Pending(document, entry.Metadata.ClrType.Name, DocumentChange(entry, document), added, Original(entry)));
                    break;
                case ContentVersion { State: VersionState.Draft } version when added:
                    changes.Add(new Pending(version, version.DocumentType, ContentChange.Saved, added, Original(entry)));
                    break;
                case Category or Region or Certification:
                    changes.Add(new Pending(entry.Entity, entry.Metadata.ClrType.Name,
                        entry.State == EntityState.Deleted ? ContentChange.Deleted : ContentChange.Saved, added, Original(entry)));
                    break;
                case MediaItem when !added:
                    // Alt text, focal point (new image URLs) or the item itself gone: the pages showing it change.
                    changes.Add(new Pending(entry.Entity, nameof(MediaItem),
                        entry.State == EntityState.Deleted ? ContentChange.Deleted : ContentChange.Saved, added, Original(entry)));
                    break;
                case EventRegistration:
                    // An event's page shows its places left and a producer's page the events it took part in.
                    changes.Add(new Pending(entry.Entity, nameof(Event), ContentChange.Saved, added, Original(entry)));
                    break;
            }
        }
        return changes;
    }

    /// <summary>Notifications with the keys the save gave new rows.</summary>
    public static List<ContentNotification> Notifications(IEnumerable<Pending> changes)
    {
        var result = new List<ContentNotification>();
        foreach (var change in changes)
        {
            var id = change.Entity switch
            {
                Document d => d.Id,
                ContentVersion v => v.DocumentId,
                Category c => c.Id,
                Region r => r.Id,
                Certification c => c.Id,
                EventRegistration r => r.EventId,
                MediaItem m => m.Id,
                _ => 0,
            };
            if (id != 0)
            {
                result.Add(new ContentNotification(change.Type, id, change.Change, change.Entity, change.Original));
            }
        }
        return result;
    }

    private static ContentChange DocumentChange(EntityEntry entry, Document document)
    {
        if (entry.State == EntityState.Deleted)
        {
            return ContentChange.Deleted;
        }
        var was = entry.State == EntityState.Added ? PublishState.Draft : (PublishState)entry.Property(nameof(Document.State)).OriginalValue!;
        return (was, document.State) switch
        {
            (not PublishState.Published, PublishState.Published) => ContentChange.Published,
            (PublishState.Published, not PublishState.Published) => ContentChange.Unpublished,
            _ => ContentChange.Saved,
        };
    }

    private static Dictionary<string, object?> Original(EntityEntry entry) =>
        entry.State == EntityState.Added
            ? []
            : entry.Properties.Where(p => p.Metadata.IsForeignKey()).ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
}
