using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Media;
using IkmCatalog.Producers;

namespace IkmCatalog.Catalog;

public enum Availability
{
    InStock = 0,
    MadeToOrder = 1,
    OutOfStock = 2,
}

public sealed class Product : Document
{
    public int ProducerId { get; set; }

    public Producer Producer { get; set; } = null!;

    public int CategoryId { get; set; }

    public Category Category { get; set; } = null!;

    public LocalizedText Name { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    /// <summary>Markdown.</summary>
    public LocalizedText Description { get; set; } = new();

    /// <summary>Price in rupiah per <see cref="Unit"/>; null means "inquiry only".</summary>
    public long? PriceIdr { get; set; }

    public LocalizedText Unit { get; set; } = new();

    /// <summary>Buyable online in small quantities (otherwise inquiry/RFQ only).</summary>
    public bool Retail { get; set; }

    public int Moq { get; set; } = 1;

    public LocalizedText MoqUnit { get; set; } = new();

    public bool ExportReady { get; set; }

    public string? HsCode { get; set; }

    public int? ShelfLifeDays { get; set; }

    public LocalizedText Packaging { get; set; } = new();

    public int WeightGrams { get; set; }

    /// <summary>Grade given at the office's curation (kurasi): A, B or C.</summary>
    public string? CurationGrade { get; set; }

    /// <summary>When the product last passed curation (the "Dikurasi / Curated" badge shows it); null when it has not.</summary>
    public DateOnly? CuratedOn { get; set; }

    public Availability Availability { get; set; }

    public bool Featured { get; set; }

    public List<ProductImage> Images { get; set; } = [];

    public List<Certification> Certifications { get; set; } = [];
}

public sealed class ProductImage
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public int MediaItemId { get; set; }

    public MediaItem MediaItem { get; set; } = null!;

    public int SortOrder { get; set; }

    /// <summary>Alt text for this product's use of the photo; when empty the media item's own alt text applies.</summary>
    public LocalizedText Alt { get; set; } = new();

    public string AltFor(string culture) =>
        !string.IsNullOrWhiteSpace(Alt.Indonesian) ? Alt.For(culture) : MediaItem?.Alt.For(culture) ?? "";
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> e)
    {
        e.ConfigureDocument();
        e.Property(p => p.HsCode).HasMaxLength(20);
        e.Property(p => p.CurationGrade).HasMaxLength(2);
        e.HasOne(p => p.Producer).WithMany(p => p.Products).HasForeignKey(p => p.ProducerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => p.PriceIdr);
        e.HasIndex(p => p.Featured);
    }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> e) =>
        e.HasOne(i => i.MediaItem).WithMany().HasForeignKey(i => i.MediaItemId).OnDelete(DeleteBehavior.Cascade);
}
