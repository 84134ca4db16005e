using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkmCatalog.Orders;

/// <summary>pending → paid → processing → shipped → completed, or cancelled / refunded.</summary>
public enum OrderStatus
{
    Pending = 0,
    Paid = 1,
    Processing = 2,
    Shipped = 3,
    Completed = 4,
    Cancelled = 5,
    Refunded = 6,
}

public enum PaymentMethod
{
    /// <summary>Bank transfer against a proforma invoice, marked paid by a sales officer.</summary>
    BankTransfer = 0,

    /// <summary>Stripe Checkout, marked paid by Stripe's webhook only.</summary>
    Stripe = 1,
}

/// <summary>
/// A retail order: the lines with prices captured when it was placed, the buyer, where it goes, and how it is paid.
/// The buyer follows it through <see cref="Token"/> without an account.
/// </summary>
public sealed class Order
{
    public int Id { get; set; }

    /// <summary>What the buyer quotes, also the bank-transfer reference, e.g. ORD-2026-000123.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The unguessable part of the buyer's private status link.</summary>
    public string Token { get; set; } = "";

    /// <summary>The buyer's language ("id" or "en").</summary>
    public string Culture { get; set; } = "id";

    public OrderStatus Status { get; set; }

    public PaymentMethod PaymentMethod { get; set; }

    public string CustomerName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>Street, number, village/district.</summary>
    public string AddressLine { get; set; } = "";

    /// <summary>Province code from the regions data file (e.g. "33").</summary>
    public string ProvinceCode { get; set; } = "";

    public string ProvinceName { get; set; } = "";

    /// <summary>City or regency code from the regions data file (e.g. "33.74").</summary>
    public string CityCode { get; set; } = "";

    public string CityName { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string? Note { get; set; }

    public long SubtotalIdr { get; set; }

    /// <summary>Null while the office has to confirm the shipping fee (no rate for the province and weight).</summary>
    public long? ShippingIdr { get; set; }

    public long TotalIdr { get; set; }

    public int WeightGrams { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Unpaid bank-transfer orders are cancelled after this.</summary>
    public DateTime? ExpiresAtUtc { get; set; }

    public DateTime? PaidAtUtc { get; set; }

    public string? Courier { get; set; }

    public string? TrackingNumber { get; set; }

    public string? StripeSessionId { get; set; }

    public string? StripePaymentIntentId { get; set; }

    public string? StripeRefundId { get; set; }

    /// <summary>The buyer's transfer receipt, stored privately (not in the public media library).</summary>
    public string? ReceiptFile { get; set; }

    public string? ReceiptContentType { get; set; }

    public DateTime? ReceiptUploadedAtUtc { get; set; }

    /// <summary>A hash of the buyer's network address, for per-address limits; never the address itself.</summary>
    public string? SourceHash { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
}

/// <summary>One product ordered, with its name, unit and price captured at order time.</summary>
public sealed class OrderLine
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public int? ProductId { get; set; }

    public string ProductName { get; set; } = "";

    public string Unit { get; set; } = "";

    public long UnitPriceIdr { get; set; }

    public int Quantity { get; set; }

    public long LineTotalIdr { get; set; }

    /// <summary>Weight of the whole line.</summary>
    public int WeightGrams { get; set; }
}

/// <summary>A Stripe webhook event already handled: each event id is processed once.</summary>
public sealed class StripeEventRecord
{
    public string EventId { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTime ProcessedAtUtc { get; set; }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> e)
    {
        e.Property(o => o.Reference).HasMaxLength(20);
        e.Property(o => o.Token).HasMaxLength(64);
        e.Property(o => o.Culture).HasMaxLength(5);
        e.Property(o => o.CustomerName).HasMaxLength(200);
        e.Property(o => o.Email).HasMaxLength(320);
        e.Property(o => o.Phone).HasMaxLength(40);
        e.Property(o => o.AddressLine).HasMaxLength(500);
        e.Property(o => o.ProvinceCode).HasMaxLength(10);
        e.Property(o => o.ProvinceName).HasMaxLength(100);
        e.Property(o => o.CityCode).HasMaxLength(10);
        e.Property(o => o.CityName).HasMaxLength(100);
        e.Property(o => o.PostalCode).HasMaxLength(10);
        e.Property(o => o.Note).HasMaxLength(1000);
        e.Property(o => o.Courier).HasMaxLength(60);
        e.Property(o => o.TrackingNumber).HasMaxLength(100);
        e.Property(o => o.StripeSessionId).HasMaxLength(255);
        e.Property(o => o.StripePaymentIntentId).HasMaxLength(255);
        e.Property(o => o.StripeRefundId).HasMaxLength(255);
        e.Property(o => o.ReceiptFile).HasMaxLength(200);
        e.Property(o => o.ReceiptContentType).HasMaxLength(100);
        e.Property(o => o.SourceHash).HasMaxLength(64);
        e.HasIndex(o => o.Reference).IsUnique();
        e.HasIndex(o => o.Token).IsUnique();
        e.HasIndex(o => o.StripeSessionId).IsUnique();
        e.HasIndex(o => new { o.Status, o.CreatedAtUtc });
        e.HasIndex(o => new { o.Status, o.ExpiresAtUtc });
        e.HasIndex(o => o.Email);
        e.HasIndex(o => new { o.SourceHash, o.CreatedAtUtc });
        e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> e)
    {
        e.Property(l => l.ProductName).HasMaxLength(300);
        e.Property(l => l.Unit).HasMaxLength(60);
        e.HasOne<Catalog.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> e)
    {
        e.ToTable("StripeEvents");
        e.HasKey(x => x.EventId);
        e.Property(x => x.EventId).HasMaxLength(255);
        e.Property(x => x.Type).HasMaxLength(100);
    }
}
