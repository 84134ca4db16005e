using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkmCatalog.Orders;

/// <summary>A buyer's cart, kept in the database behind a cookie so any node serves it.</summary>
public sealed class Cart
{
    public int Id { get; set; }

    /// <summary>The unguessable cookie value.</summary>
    public string Token { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<CartLine> Lines { get; set; } = [];
}

public sealed class CartLine
{
    public int Id { get; set; }

    public int CartId { get; set; }

    public int ProductId { get; set; }

    public int Quantity { get; set; }

    /// <summary>The price when it was added: a change before paying is shown to the buyer.</summary>
    public long PriceIdrWhenAdded { get; set; }

    public DateTime AddedAtUtc { get; set; }
}

/// <summary>
/// The office's shipping fee table: a fee per province for parcels up to a weight. No row for a province and weight
/// means the fee is confirmed by the office.
/// </summary>
public sealed class ShippingRate
{
    public int Id { get; set; }

    public string ProvinceCode { get; set; } = "";

    /// <summary>The band's upper bound, inclusive.</summary>
    public int MaxWeightGrams { get; set; }

    public long FeeIdr { get; set; }
}

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> e)
    {
        e.Property(c => c.Token).HasMaxLength(64);
        e.HasIndex(c => c.Token).IsUnique();
        e.HasIndex(c => c.UpdatedAtUtc);
        e.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> e)
    {
        e.HasIndex(l => new { l.CartId, l.ProductId }).IsUnique();
        e.HasOne<Catalog.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShippingRateConfiguration : IEntityTypeConfiguration<ShippingRate>
{
    public void Configure(EntityTypeBuilder<ShippingRate> e)
    {
        e.Property(r => r.ProvinceCode).HasMaxLength(10);
        e.HasIndex(r => new { r.ProvinceCode, r.MaxWeightGrams }).IsUnique();
    }
}
