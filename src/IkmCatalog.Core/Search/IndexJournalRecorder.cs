using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IkmCatalog.Search;

/// <summary>
/// Finds the changes in a unit of work that touch what the search index shows, so the context can journal them
/// in the same transaction. Everything that changes an indexed document counts, not only publication: a search
/// node re-reads the document and decides itself whether it is public.
/// </summary>
internal static class IndexJournalRecorder
{
    /// <param name="FormerOwners">A certificate's product and producer before the change (it may have moved).</param>
    public sealed record Change(object Entity, string DocumentType, bool Added, bool Deleted, (int? Product, int? Producer) FormerOwners);

    public static List<Change> Collect(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var type = entry.Entity switch
            {
                Product => nameof(Product),
                Producer => nameof(Producer),
                Story => nameof(Story),
                // A product's document carries its category and region names and its certificates.
                Category => nameof(Category),
                Region => nameof(Region),
                Certification => nameof(Certification),
                _ => null,
            };
            if (type is not null)
            {
                changes.Add(new Change(entry.Entity, type, entry.State == EntityState.Added, entry.State == EntityState.Deleted, FormerOwners(entry)));
            }
        }
        return changes;
    }

    private static (int?, int?) FormerOwners(EntityEntry entry) =>
        entry.Entity is Certification && entry.State != EntityState.Added
            ? (entry.Property(nameof(Certification.ProductId)).OriginalValue as int?, entry.Property(nameof(Certification.ProducerId)).OriginalValue as int?)
            : (null, null);

    /// <summary>Journal rows for the collected changes; keys are read after the save, so new rows have theirs.</summary>
    public static IEnumerable<IndexJournalEntry> Entries(IEnumerable<Change> changes, DateTime nowUtc)
    {
        var seen = new HashSet<(string, int, string)>();
        foreach (var change in changes)
        {
            foreach (var (type, id, action) in Targets(change))
            {
                if (id != 0 && seen.Add((type, id, action)))
                {
                    yield return new IndexJournalEntry { DocumentType = type, DocumentId = id, Action = action, CreatedAtUtc = nowUtc };
                }
            }
        }
    }

    private static IEnumerable<(string Type, int Id, string Action)> Targets(Change change)
    {
        var action = change.Deleted ? IndexJournalActions.Delete : IndexJournalActions.Refresh;
        switch (change.Entity)
        {
            case Product p:
                yield return (change.DocumentType, p.Id, action);
                break;
            case Producer p:
                yield return (change.DocumentType, p.Id, action);
                break;
            case Story s:
                yield return (change.DocumentType, s.Id, action);
                break;
            case Category c:
                yield return (change.DocumentType, c.Id, IndexJournalActions.Refresh);
                break;
            case Region r:
                yield return (change.DocumentType, r.Id, IndexJournalActions.Refresh);
                break;
            case Certification c:
                // A certificate is part of its product's (or every product of its producer's) document.
                foreach (var product in new[] { c.ProductId, change.FormerOwners.Product }.OfType<int>().Distinct())
                {
                    yield return (nameof(Product), product, IndexJournalActions.Refresh);
                }
                foreach (var producer in new[] { c.ProducerId, change.FormerOwners.Producer }.OfType<int>().Distinct())
                {
                    yield return (nameof(Producer), producer, IndexJournalActions.Refresh);
                }
                break;
        }
    }
}
