using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
namespace IkmCatalog.Content;

public enum VersionState
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

/// <summary>A snapshot of a document's editable values: the pending draft, the published one or history.</summary>
public sealed class ContentVersion
{
    public long Id { get; set; }

    public string DocumentType { get; set; } = "";

    public int DocumentId { get; set; }

    public int Number { get; set; }

    public VersionState State { get; set; }

    /// <summary>JSON of the document's values at this version.</summary>
    public string Snapshot { get; set; } = "{}";

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Send-to-publish: a Writer's draft waiting for an Editor, or returned with a comment.</summary>
    public ReviewState Review { get; set; }

    public string? ReviewComment { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }
}

public enum ReviewState
{
    None = 0,

    /// <summary>Sent to publish: in the Editors' queue.</summary>
    Pending = 1,

    /// <summary>Returned to the writer with a comment.</summary>
    Returned = 2,
}

/// <summary>Who did what to which document, kept for the office's accountability.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public string DocumentType { get; set; } = "";

    public int DocumentId { get; set; }

    public string Action { get; set; } = "";

    public string User { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? Detail { get; set; }
}

/// <summary>An old slug of a document; requests for it are answered with a 301 to the current one.</summary>
public sealed class SlugRedirect
{
    public int Id { get; set; }

    public string DocumentType { get; set; } = "";

    public string OldSlug { get; set; } = "";

    public int DocumentId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> e)
    {
        e.Property(v => v.DocumentType).HasMaxLength(40);
        e.Property(v => v.CreatedBy).HasMaxLength(200);
        e.Property(v => v.ReviewedBy).HasMaxLength(200);
        e.Property(v => v.ReviewComment).HasMaxLength(2000);
        e.HasIndex(v => new { v.DocumentType, v.DocumentId, v.Number }).IsUnique();
        e.HasIndex(v => new { v.State, v.Review });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.DocumentType).HasMaxLength(40);
        e.Property(a => a.Action).HasMaxLength(40);
        e.HasIndex(a => new { a.DocumentType, a.DocumentId });
    }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> e)
    {
        e.Property(r => r.DocumentType).HasMaxLength(40);
        e.HasIndex(r => new { r.DocumentType, r.OldSlug }).IsUnique();
    }
}
