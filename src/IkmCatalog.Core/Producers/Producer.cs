using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Media;

namespace IkmCatalog.Producers;

/// <summary>Where a producer stands in the office's programme.</summary>
public enum ProducerStatus
{
    /// <summary>Terdaftar: registered with the office.</summary>
    Registered = 0,

    /// <summary>Binaan: fostered through training and assistance.</summary>
    Fostered = 1,

    /// <summary>Terkurasi: passed the office's curation.</summary>
    Curated = 2,
}

/// <summary>A small or medium industry (IKM) fostered by the office.</summary>
public sealed class Producer : Document
{
    public string Name { get; set; } = "";

    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    /// <summary>Business sector, usually a KBLI code with its description.</summary>
    public LocalizedText Sector { get; set; } = new();

    /// <summary>Nomor Induk Berusaha (business identification number).</summary>
    public string? Nib { get; set; }

    public int? FoundedYear { get; set; }

    public int? Workforce { get; set; }

    public LocalizedText Capacity { get; set; } = new();

    /// <summary>The paguyuban (producers' association) it belongs to.</summary>
    public string? Association { get; set; }

    public ProducerStatus Status { get; set; }

    public string? WhatsApp { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public LocalizedText Summary { get; set; } = new();

    /// <summary>Markdown.</summary>
    public LocalizedText Story { get; set; } = new();

    public int? ImageId { get; set; }

    public MediaItem? Image { get; set; }

    public List<Product> Products { get; set; } = [];

    public List<Certification> Certifications { get; set; } = [];
}

internal sealed class ProducerConfiguration : IEntityTypeConfiguration<Producer>
{
    public void Configure(EntityTypeBuilder<Producer> e)
    {
        e.ConfigureDocument();
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Nib).HasMaxLength(20);
        e.Property(p => p.WhatsApp).HasMaxLength(30);
        e.Property(p => p.Email).HasMaxLength(200);
        e.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Image).WithMany().HasForeignKey(p => p.ImageId).OnDelete(DeleteBehavior.SetNull);
    }
}
