using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkmCatalog.Email;

/// <summary>
/// An email waiting to go out, written in the same transaction as the change that causes it (an inquiry, an order, a
/// registration) and sent by whichever node claims it first. Kept after sending, and after giving up, as a record.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string? ToName { get; set; }

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    /// <summary>The language the message is written in ("id" or "en").</summary>
    public string Culture { get; set; } = "id";

    /// <summary>What the message is about, e.g. "inquiry-received".</summary>
    public string Kind { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// When a node may next try it: due at once when enqueued, pushed past a claim's lease while a node sends it, and
    /// past the backoff after a failure.
    /// </summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>The node that sent it.</summary>
    public string? SentBy { get; set; }

    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        e.Property(m => m.To).HasMaxLength(320);
        e.Property(m => m.ToName).HasMaxLength(200);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.Culture).HasMaxLength(10);
        e.Property(m => m.Kind).HasMaxLength(60);
        e.Property(m => m.SentBy).HasMaxLength(200);
        e.Property(m => m.LastError).HasMaxLength(1000);
        // The sender's query: unsent and due, oldest first.
        e.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
        e.HasIndex(m => m.Kind);
    }
}
