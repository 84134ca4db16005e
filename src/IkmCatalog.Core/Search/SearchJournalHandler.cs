using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;

namespace IkmCatalog.Search;

/// <summary>
/// Journals every content change that touches what the search index shows, in the transaction of the change,
/// so no node can miss a publication. Everything that changes an indexed document counts, not only publication:
/// a search node re-reads the document and decides itself whether it is public.
/// </summary>
public sealed class SearchJournalHandler : IContentChangeHandler
{
    public void Handle(IReadOnlyList<ContentNotification> notifications, IkmDbContext db, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(db);
        var seen = new HashSet<(string, int, string)>();
        foreach (var notification in notifications)
        {
            foreach (var (type, id, action) in Targets(notification))
            {
                if (id != 0 && seen.Add((type, id, action)))
                {
                    db.IndexJournal.Add(new IndexJournalEntry { DocumentType = type, DocumentId = id, Action = action, CreatedAtUtc = nowUtc });
                }
            }
        }
    }

    private static IEnumerable<(string Type, int Id, string Action)> Targets(ContentNotification change)
    {
        switch (change.Entity)
        {
            case Document:
                // Every document type: the search nodes skip the types they do not index; the published-content
                // read model and the output cache of every node follow all of them.
                yield return (change.Type, change.Id, change.Change == ContentChange.Deleted ? IndexJournalActions.Delete : IndexJournalActions.Refresh);
                break;
            case Category or Region:
                // Products show their category's and region's names.
                yield return (change.Type, change.Id, IndexJournalActions.Refresh);
                break;
            case Media.MediaItem:
                // Not indexed, but every node's published-content read model shows the image (its alt text, its URLs).
                yield return (change.Type, change.Id, IndexJournalActions.Refresh);
                break;
            case EventRegistration r:
                // Not indexed, but every node's published-content read model shows the event's places left.
                yield return (nameof(Event), r.EventId, IndexJournalActions.Refresh);
                break;
            case Certification c:
                // A certificate is part of its product's (or every product of its producer's) document.
                var formerProduct = change.Original.GetValueOrDefault(nameof(Certification.ProductId)) as int?;
                var formerProducer = change.Original.GetValueOrDefault(nameof(Certification.ProducerId)) as int?;
                foreach (var product in new[] { c.ProductId, formerProduct }.OfType<int>().Distinct())
                {
                    yield return (nameof(Product), product, IndexJournalActions.Refresh);
                }
                foreach (var producer in new[] { c.ProducerId, formerProducer }.OfType<int>().Distinct())
                {
                    yield return (nameof(Producers.Producer), producer, IndexJournalActions.Refresh);
                }
                break;
        }
    }
}
