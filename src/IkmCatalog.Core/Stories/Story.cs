using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Media;
using IkmCatalog.Producers;

namespace IkmCatalog.Stories;

public enum StoryKind
{
    /// <summary>A producer's story (kisah IKM).</summary>
    Story = 0,

    /// <summary>The office's news (berita).</summary>
    News = 1,
}

public sealed class Story : Document
{
    public StoryKind Kind { get; set; }

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    /// <summary>Markdown.</summary>
    public LocalizedText Body { get; set; } = new();

    public int? ProducerId { get; set; }

    public Producer? Producer { get; set; }

    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public int? ImageId { get; set; }

    public MediaItem? Image { get; set; }
}

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> e)
    {
        e.ConfigureDocument();
        e.HasOne(s => s.Producer).WithMany().HasForeignKey(s => s.ProducerId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(s => s.Image).WithMany().HasForeignKey(s => s.ImageId).OnDelete(DeleteBehavior.SetNull);
    }
}
