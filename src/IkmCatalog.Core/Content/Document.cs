using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace IkmCatalog.Content;

public enum PublishState
{
    Draft = 0,
    Published = 1,
    Unpublished = 2,
}

/// <summary>
/// An editable piece of content. The row holds the live (published) values; drafts and history are
/// <see cref="ContentVersion"/> snapshots, so a draft never leaks onto the public site.
/// </summary>
public abstract class Document
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public PublishState State { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>Scheduled publishing: the document becomes public at this time.</summary>
    public DateTime? PublishAtUtc { get; set; }

    /// <summary>Scheduled unpublishing: the document stops being public at this time.</summary>
    public DateTime? UnpublishAtUtc { get; set; }

    /// <summary>The rule of <see cref="DocumentQueries.Published"/> for a loaded row (the published-content read model).</summary>
    public bool IsPublic(DateTime nowUtc) =>
        State == PublishState.Published
        && (PublishAtUtc is null || PublishAtUtc <= nowUtc)
        && (UnpublishAtUtc is null || UnpublishAtUtc > nowUtc);
}

public static class DocumentQueries
{
    /// <summary>Only what the public may see: published and inside its publishing window (for loaded rows: <see cref="Document.IsPublic"/>).</summary>
    public static IQueryable<T> Published<T>(this IQueryable<T> query, DateTime nowUtc) where T : Document =>
        query.Where(d => d.State == PublishState.Published
            && (d.PublishAtUtc == null || d.PublishAtUtc <= nowUtc)
            && (d.UnpublishAtUtc == null || d.UnpublishAtUtc > nowUtc));
}

public static class DocumentConfiguration
{
    /// <summary>Mapping every document type shares: a unique slug of at most 160 characters, an index on the state.</summary>
    public static void ConfigureDocument<T>(this EntityTypeBuilder<T> e) where T : Document
    {
        ArgumentNullException.ThrowIfNull(e);
        e.Property(d => d.Slug).HasMaxLength(160);
        e.HasIndex(d => d.Slug).IsUnique();
        e.HasIndex(d => d.State);
    }
}
