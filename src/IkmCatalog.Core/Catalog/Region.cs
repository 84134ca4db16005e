using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
namespace IkmCatalog.Catalog;

/// <summary>A city or regency whose office fosters the producers (e.g. Kota Malang, Jawa Timur).</summary>
public sealed class Region
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Province { get; set; } = "";
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.HasIndex(r => r.Slug).IsUnique();
        e.Property(r => r.Slug).HasMaxLength(120);
        e.Property(r => r.Name).HasMaxLength(120);
        e.Property(r => r.Province).HasMaxLength(120);
    }
}
