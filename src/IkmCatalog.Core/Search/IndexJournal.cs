using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
namespace IkmCatalog.Search;

/// <summary>What a search node must do for a journal entry.</summary>
public static class IndexJournalActions
{
    /// <summary>The document changed (published, edited, unpublished): the node re-reads it and updates or removes it.</summary>
    public const string Refresh = "refresh";

    /// <summary>The document's row was deleted.</summary>
    public const string Delete = "delete";

    /// <summary>Every node rebuilds its whole index from the database.</summary>
    public const string Rebuild = "rebuild";

    /// <summary>A media item was deleted or its file replaced (DocumentType "MediaItem"): every node drops its resized copies.</summary>
    public const string MediaPurge = "media-purge";

    /// <summary>The editors' synonym list changed: every node reloads it.</summary>
    public const string Synonyms = "synonyms";

    /// <summary>Something public pages show changed outside the documents (DocumentType names what): every node empties its output cache.</summary>
    public const string CacheEvict = "cache-evict";
}

/// <summary>
/// One instruction for the search nodes: "this document changed" or "rebuild". Written in the same SaveChanges as
/// the change itself, so no node can miss a publication; each node applies the entries after its own cursor
/// (<see cref="SearchNodeState"/>) to its local index.
/// </summary>
public sealed class IndexJournalEntry
{
    public long Id { get; set; }

    /// <summary>Product, Producer, Story, Category, Region or Certification; empty for a rebuild.</summary>
    public string DocumentType { get; set; } = "";

    public int DocumentId { get; set; }

    public string Action { get; set; } = IndexJournalActions.Refresh;

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>How far one search node has applied the journal; kept in the database so a restarted node resumes.</summary>
public sealed class SearchNodeState
{
    /// <summary>The node's name (configured, or machine name plus a hash of its data folder).</summary>
    public string NodeName { get; set; } = "";

    public long LastJournalId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When this node last rebuilt its index from the database.</summary>
    public DateTime? RebuiltAtUtc { get; set; }
}

internal sealed class IndexJournalEntryConfiguration : IEntityTypeConfiguration<IndexJournalEntry>
{
    public void Configure(EntityTypeBuilder<IndexJournalEntry> e)
    {
        e.ToTable("IndexJournal");
        e.Property(j => j.DocumentType).HasMaxLength(40);
        e.Property(j => j.Action).HasMaxLength(20);
        e.HasIndex(j => j.CreatedAtUtc);
    }
}

internal sealed class SearchNodeStateConfiguration : IEntityTypeConfiguration<SearchNodeState>
{
    public void Configure(EntityTypeBuilder<SearchNodeState> e)
    {
        e.ToTable("SearchNodes");
        e.HasKey(n => n.NodeName);
        e.Property(n => n.NodeName).HasMaxLength(200);
    }
}
