using IkmCatalog.Data;

namespace IkmCatalog.Content;

public enum ContentChange
{
    /// <summary>The row or a draft of it was saved; what the public sees may or may not have changed.</summary>
    Saved,

    /// <summary>The document became public (or its public values changed by a publication).</summary>
    Published,

    /// <summary>The document stopped being public.</summary>
    Unpublished,

    /// <summary>The row was deleted.</summary>
    Deleted,
}

/// <summary>
/// "This piece of content changed": a document (Product, Producer, Story, Event, Page) or something a document
/// shows (Category, Region, Certification). Raised for every save, whichever code made it.
/// </summary>
/// <param name="Original">Foreign keys before the change (a certificate may have moved to another product).</param>
public sealed record ContentNotification(string Type, int Id, ContentChange Change, object Entity, IReadOnlyDictionary<string, object?> Original);

/// <summary>
/// A feature's reaction to content changes (search journal, cache eviction, …). Runs inside the transaction of
/// the save that caused them, after new rows got their keys and before the commit; rows it adds commit with the
/// change or not at all.
/// </summary>
public interface IContentChangeHandler
{
    void Handle(IReadOnlyList<ContentNotification> notifications, IkmDbContext db, DateTime nowUtc);
}
