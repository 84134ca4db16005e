using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkmCatalog.Content;

public static class ScheduledActions
{
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
}

/// <summary>
/// "Publish this document's draft at …" or "unpublish it at …". Run once by whichever node gets to it first: the
/// row is marked done in the same transaction as the publication, so two nodes can never both run it.
/// </summary>
public sealed class ScheduledAction
{
    public long Id { get; set; }

    public string DocumentType { get; set; } = "";

    public int DocumentId { get; set; }

    public string Action { get; set; } = ScheduledActions.Publish;

    public DateTime DueAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When a node ran it (null while pending).</summary>
    public DateTime? CompletedAtUtc { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>What running it gave (a <see cref="PublishStatus"/> name).</summary>
    public string? Outcome { get; set; }
}

internal sealed class ScheduledActionConfiguration : IEntityTypeConfiguration<ScheduledAction>
{
    public void Configure(EntityTypeBuilder<ScheduledAction> e)
    {
        e.Property(a => a.DocumentType).HasMaxLength(40);
        e.Property(a => a.Action).HasMaxLength(20);
        e.Property(a => a.CreatedBy).HasMaxLength(200);
        e.Property(a => a.CompletedBy).HasMaxLength(200);
        e.Property(a => a.Outcome).HasMaxLength(40);
        e.HasIndex(a => new { a.CompletedAtUtc, a.DueAtUtc });
        e.HasIndex(a => new { a.DocumentType, a.DocumentId });
    }
}
