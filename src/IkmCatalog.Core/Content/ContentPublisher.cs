using System.Text.Json;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Content;

public enum PublishStatus
{
    Published,
    Unpublished,
    NotPublished,
    MissingIndonesianText,
}

public sealed record PublishResult(PublishStatus Status, int Version = 0);

/// <summary>
/// Moves documents between draft and published, keeping a numbered snapshot per publication (history for
/// rollback) and an audit entry. The caller saves the context, so publishing joins the caller's transaction.
/// </summary>
public sealed class ContentPublisher(IkmDbContext db, TimeProvider clock)
{
    public async Task<PublishResult> PublishAsync<T>(T document, string user, CancellationToken cancellationToken = default)
        where T : Document
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Slug))
        {
            return new PublishResult(PublishStatus.MissingIndonesianText);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        document.State = PublishState.Published;
        document.PublishedAtUtc ??= now;
        document.UpdatedAtUtc = now;
        if (db.Entry(document).State == EntityState.Detached)
        {
            db.Add(document);
        }
        if (document.Id == 0)
        {
            // The snapshot needs the key; save the row first inside the caller's unit of work.
            await db.SaveChangesAsync(cancellationToken);
        }

        var type = typeof(T).Name;
        var previous = await db.ContentVersions
            .Where(v => v.DocumentType == type && v.DocumentId == document.Id)
            .ToListAsync(cancellationToken);
        foreach (var version in previous.Where(v => v.State == VersionState.Published))
        {
            version.State = VersionState.Archived;
        }
        var number = previous.Count == 0 ? 1 : previous.Max(v => v.Number) + 1;
        db.ContentVersions.Add(new ContentVersion
        {
            DocumentType = type,
            DocumentId = document.Id,
            Number = number,
            State = VersionState.Published,
            Snapshot = Snapshot(document),
            CreatedAtUtc = now,
            CreatedBy = user,
        });
        db.AuditEntries.Add(new AuditEntry { DocumentType = type, DocumentId = document.Id, Action = "publish", User = user, AtUtc = now, Detail = $"v{number}" });
        return new PublishResult(PublishStatus.Published, number);
    }

    public PublishResult Unpublish<T>(T document, string user) where T : Document
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.State != PublishState.Published)
        {
            return new PublishResult(PublishStatus.NotPublished);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        document.State = PublishState.Unpublished;
        document.UpdatedAtUtc = now;
        db.AuditEntries.Add(new AuditEntry { DocumentType = typeof(T).Name, DocumentId = document.Id, Action = "unpublish", User = user, AtUtc = now });
        return new PublishResult(PublishStatus.Unpublished);
    }

    /// <summary>JSON of the document's own values (not its relations), complex text values included.</summary>
    public string Snapshot(Document document)
    {
        var entry = db.Entry(document);
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            values[property.Metadata.Name] = property.CurrentValue;
        }
        foreach (var complex in entry.ComplexProperties)
        {
            values[complex.Metadata.Name] = complex.CurrentValue;
        }
        return JsonSerializer.Serialize(values);
    }
}
