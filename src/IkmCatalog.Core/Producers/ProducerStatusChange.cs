using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkmCatalog.Producers;

/// <summary>One step of a producer through the programme (registered → fostered → curated), with who and why.</summary>
public sealed class ProducerStatusChange
{
    public int Id { get; set; }

    public int ProducerId { get; set; }

    /// <summary>Null for the first status, given when the producer was registered.</summary>
    public ProducerStatus? From { get; set; }

    public ProducerStatus To { get; set; }

    public DateTime AtUtc { get; set; }

    public string By { get; set; } = "";

    public string? Note { get; set; }
}

internal sealed class ProducerStatusChangeConfiguration : IEntityTypeConfiguration<ProducerStatusChange>
{
    public void Configure(EntityTypeBuilder<ProducerStatusChange> e)
    {
        e.Property(c => c.By).HasMaxLength(256);
        e.Property(c => c.Note).HasMaxLength(1000);
        e.HasIndex(c => new { c.ProducerId, c.AtUtc });
        e.HasOne<Producer>().WithMany().HasForeignKey(c => c.ProducerId).OnDelete(DeleteBehavior.Cascade);
    }
}
