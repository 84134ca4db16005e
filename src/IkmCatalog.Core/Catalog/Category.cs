using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using IkmCatalog.Content;

namespace IkmCatalog.Catalog;

/// <summary>A node of the product category tree (e.g. Makanan Ringan → Keripik Tempe).</summary>
public sealed class Category
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public int? ParentId { get; set; }

    public Category? Parent { get; set; }

    public List<Category> Children { get; set; } = [];

    public LocalizedText Name { get; set; } = new();

    public LocalizedText Description { get; set; } = new();

    public int SortOrder { get; set; }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> e)
    {
        e.HasIndex(c => c.Slug).IsUnique();
        e.Property(c => c.Slug).HasMaxLength(120);
        e.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
