using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkmCatalog.Inquiries;

/// <summary>Where an inquiry stands: new → forwarded → quoted → won / lost / closed.</summary>
public enum InquiryStatus
{
    New = 0,
    Forwarded = 1,
    Quoted = 2,
    Won = 3,
    Lost = 4,
    Closed = 5,
}

/// <summary>The Incoterms 2020 rules a buyer may ask a quote on.</summary>
public static class Incoterms
{
    public static readonly IReadOnlyList<string> All = ["EXW", "FCA", "FOB", "CFR", "CIF", "DAP", "DDP"];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

/// <summary>
/// A request for quotation from a buyer or exporter: who asks, for which products and terms. Saved before any email
/// is attempted; the buyer follows it through <see cref="Token"/> without an account.
/// </summary>
public sealed class Inquiry
{
    public int Id { get; set; }

    /// <summary>What the buyer quotes in correspondence, e.g. RFQ-2026-000123.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The unguessable part of the buyer's private status link.</summary>
    public string Token { get; set; } = "";

    /// <summary>The buyer's language ("id" or "en"): emails and the status page use it.</summary>
    public string Culture { get; set; } = "id";

    public string BuyerName { get; set; } = "";

    public string? Company { get; set; }

    public string Country { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Phone or WhatsApp, as typed.</summary>
    public string? Phone { get; set; }

    /// <summary>One of <see cref="Incoterms.All"/>.</summary>
    public string Incoterm { get; set; } = "FOB";

    /// <summary>Destination port or city.</summary>
    public string Destination { get; set; } = "";

    public DateOnly? TargetDate { get; set; }

    public bool SamplesWanted { get; set; }

    /// <summary>Certificates the buyer requires (Halal, BPOM, FDA, …), as typed.</summary>
    public string? CertificatesRequired { get; set; }

    public string? Message { get; set; }

    public DateTime ConsentAtUtc { get; set; }

    public InquiryStatus Status { get; set; }

    /// <summary>The sales officer (an <see cref="Backoffice.Editor"/> id) who handles it.</summary>
    public string? AssignedToId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When the office first acted for the buyer (forwarded, quoted or replied): first-response time.</summary>
    public DateTime? FirstResponseAtUtc { get; set; }

    /// <summary>A hash of the sender's network address, for per-address limits; never the address itself.</summary>
    public string? SourceHash { get; set; }

    public List<InquiryLine> Lines { get; set; } = [];

    public List<InquiryQuote> Quotes { get; set; } = [];

    public List<InquiryMessage> Messages { get; set; } = [];
}

/// <summary>One product asked for, with the name captured at the time so the inquiry reads the same later.</summary>
public sealed class InquiryLine
{
    public int Id { get; set; }

    public int InquiryId { get; set; }

    public int? ProductId { get; set; }

    public int? ProducerId { get; set; }

    public string ProductName { get; set; } = "";

    public int Quantity { get; set; }

    public string Unit { get; set; } = "";
}

/// <summary>A quote the office recorded for the buyer.</summary>
public sealed class InquiryQuote
{
    public int Id { get; set; }

    public int InquiryId { get; set; }

    /// <summary>Price in <see cref="Currency"/> per <see cref="PriceUnit"/>.</summary>
    public decimal Price { get; set; }

    /// <summary>ISO 4217: IDR or USD.</summary>
    public string Currency { get; set; } = "IDR";

    public string PriceUnit { get; set; } = "";

    public string Incoterm { get; set; } = "FOB";

    public DateOnly ValidUntil { get; set; }

    public int LeadTimeDays { get; set; }

    /// <summary>Shown to the buyer with the quote.</summary>
    public string? Note { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

public enum InquiryMessageKind
{
    /// <summary>Internal: only the office sees it.</summary>
    Note = 0,

    /// <summary>Written by the buyer on the status page.</summary>
    BuyerReply = 1,

    /// <summary>Written by the office to the buyer; shown on the status page.</summary>
    OfficeReply = 2,

    /// <summary>A record that the inquiry was forwarded to a producer.</summary>
    Forwarded = 3,
}

public sealed class InquiryMessage
{
    public int Id { get; set; }

    public int InquiryId { get; set; }

    public InquiryMessageKind Kind { get; set; }

    public string Body { get; set; } = "";

    /// <summary>The office member's name, or the buyer's.</summary>
    public string Author { get; set; } = "";

    public DateTime AtUtc { get; set; }

    /// <summary>For <see cref="InquiryMessageKind.Forwarded"/>: the producer it went to (its portal lists it).</summary>
    public int? ProducerId { get; set; }
}

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> e)
    {
        e.Property(i => i.Reference).HasMaxLength(20);
        e.Property(i => i.Token).HasMaxLength(64);
        e.Property(i => i.Culture).HasMaxLength(5);
        e.Property(i => i.BuyerName).HasMaxLength(200);
        e.Property(i => i.Company).HasMaxLength(200);
        e.Property(i => i.Country).HasMaxLength(100);
        e.Property(i => i.Email).HasMaxLength(320);
        e.Property(i => i.Phone).HasMaxLength(40);
        e.Property(i => i.Incoterm).HasMaxLength(3);
        e.Property(i => i.Destination).HasMaxLength(200);
        e.Property(i => i.CertificatesRequired).HasMaxLength(500);
        e.Property(i => i.Message).HasMaxLength(5000);
        e.Property(i => i.AssignedToId).HasMaxLength(450);
        e.Property(i => i.SourceHash).HasMaxLength(64);
        e.HasIndex(i => i.Reference).IsUnique();
        e.HasIndex(i => i.Token).IsUnique();
        e.HasIndex(i => new { i.Status, i.CreatedAtUtc });
        e.HasIndex(i => i.Email);
        e.HasIndex(i => new { i.SourceHash, i.CreatedAtUtc });
        e.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InquiryId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(i => i.Quotes).WithOne().HasForeignKey(q => q.InquiryId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(i => i.Messages).WithOne().HasForeignKey(m => m.InquiryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InquiryLineConfiguration : IEntityTypeConfiguration<InquiryLine>
{
    public void Configure(EntityTypeBuilder<InquiryLine> e)
    {
        e.Property(l => l.ProductName).HasMaxLength(300);
        e.Property(l => l.Unit).HasMaxLength(60);
        // Products and producers may be deleted later; the line keeps its captured name.
        e.HasOne<Catalog.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Producers.Producer>().WithMany().HasForeignKey(l => l.ProducerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InquiryQuoteConfiguration : IEntityTypeConfiguration<InquiryQuote>
{
    public void Configure(EntityTypeBuilder<InquiryQuote> e)
    {
        e.Property(q => q.Price).HasPrecision(18, 2);
        e.Property(q => q.Currency).HasMaxLength(3);
        e.Property(q => q.PriceUnit).HasMaxLength(60);
        e.Property(q => q.Incoterm).HasMaxLength(3);
        e.Property(q => q.Note).HasMaxLength(2000);
        e.Property(q => q.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class InquiryMessageConfiguration : IEntityTypeConfiguration<InquiryMessage>
{
    public void Configure(EntityTypeBuilder<InquiryMessage> e)
    {
        e.Property(m => m.Body).HasMaxLength(5000);
        e.Property(m => m.Author).HasMaxLength(200);
        e.HasIndex(m => m.ProducerId);
        e.HasOne<Producers.Producer>().WithMany().HasForeignKey(m => m.ProducerId).OnDelete(DeleteBehavior.SetNull);
    }
}
