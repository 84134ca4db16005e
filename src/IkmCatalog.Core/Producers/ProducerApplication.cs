using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Media;

namespace IkmCatalog.Producers;

/// <summary>Where a registration stands: submitted → returned for correction ⇄ submitted → accepted or declined.</summary>
public enum ApplicationStatus
{
    Submitted = 0,

    /// <summary>Sent back to the applicant with the office's comment; the applicant corrects it through their link.</summary>
    Returned = 1,

    /// <summary>The producer exists (as registered) and <see cref="ProducerApplication.ProducerId"/> points at it.</summary>
    Accepted = 2,

    Declined = 3,
}

/// <summary>
/// A small industry's request to be registered with the office. Anyone with a product may apply, permits or
/// not; the applicant follows and corrects it through <see cref="Token"/> without an account.
/// </summary>
public sealed class ProducerApplication
{
    public int Id { get; set; }

    /// <summary>What the applicant quotes in correspondence, e.g. REG-2026-000123.</summary>
    public string Reference { get; set; } = "";

    /// <summary>The unguessable part of the applicant's private link.</summary>
    public string Token { get; set; } = "";

    /// <summary>The applicant's language ("id" or "en"): emails and the status page use it.</summary>
    public string Culture { get; set; } = "id";

    public ApplicationStatus Status { get; set; }

    /// <summary>Times the applicant has sent it (1 at first; each correction adds one).</summary>
    public int Revision { get; set; } = 1;

    public DateTime SubmittedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>The officer who accepted, returned or declined it last.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>What the office asks to correct, or why it declined: shown to the applicant.</summary>
    public string? OfficeComment { get; set; }

    /// <summary>Set when accepted.</summary>
    public int? ProducerId { get; set; }

    public Producer? Producer { get; set; }

    public string BusinessName { get; set; } = "";

    public string OwnerName { get; set; } = "";

    /// <summary>Nomor Induk Berusaha, when the business has one (13 digits).</summary>
    public string? Nib { get; set; }

    /// <summary>KBLI 2020 code of the main activity (5 digits), e.g. 10793.</summary>
    public string KbliCode { get; set; } = "";

    /// <summary>Regency or city.</summary>
    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    public string Address { get; set; } = "";

    public int? FoundedYear { get; set; }

    public int Workforce { get; set; }

    /// <summary>Production capacity in the applicant's words, e.g. "500 bungkus per minggu".</summary>
    public string Capacity { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Telephone or WhatsApp number.</summary>
    public string Phone { get; set; } = "";

    public string? Website { get; set; }

    /// <summary>The applicant's own words about the business.</summary>
    public string? About { get; set; }

    /// <summary>Hash of the address it came from (rate limits, abuse review), never the address itself.</summary>
    public string? AddressHash { get; set; }

    public List<ApplicationProduct> Products { get; set; } = [];

    public List<ApplicationCertificate> Certificates { get; set; } = [];
}

/// <summary>A product the applicant makes, with a photo checked like any upload.</summary>
public sealed class ApplicationProduct
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public int SortOrder { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public long? PriceIdr { get; set; }

    public string? Unit { get; set; }

    public int? PhotoMediaId { get; set; }

    public MediaItem? PhotoMedia { get; set; }
}

/// <summary>A certificate or permit the applicant says they hold (verified by the office once registered).</summary>
public sealed class ApplicationCertificate
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public CertificationType Type { get; set; }

    public string Number { get; set; } = "";

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public int? ScanMediaId { get; set; }

    public MediaItem? ScanMedia { get; set; }
}

internal sealed class ProducerApplicationConfiguration : IEntityTypeConfiguration<ProducerApplication>
{
    public void Configure(EntityTypeBuilder<ProducerApplication> e)
    {
        e.Property(a => a.Reference).HasMaxLength(30);
        e.Property(a => a.Token).HasMaxLength(64);
        e.Property(a => a.Culture).HasMaxLength(5);
        e.Property(a => a.DecidedBy).HasMaxLength(256);
        e.Property(a => a.OfficeComment).HasMaxLength(4000);
        e.Property(a => a.BusinessName).HasMaxLength(200);
        e.Property(a => a.OwnerName).HasMaxLength(200);
        e.Property(a => a.Nib).HasMaxLength(20);
        e.Property(a => a.KbliCode).HasMaxLength(5);
        e.Property(a => a.Address).HasMaxLength(500);
        e.Property(a => a.Capacity).HasMaxLength(200);
        e.Property(a => a.Email).HasMaxLength(200);
        e.Property(a => a.Phone).HasMaxLength(30);
        e.Property(a => a.Website).HasMaxLength(300);
        e.Property(a => a.About).HasMaxLength(4000);
        e.Property(a => a.AddressHash).HasMaxLength(64);
        e.HasIndex(a => a.Token).IsUnique();
        e.HasIndex(a => a.Reference).IsUnique();
        e.HasIndex(a => a.Email);
        e.HasIndex(a => a.Nib);
        e.HasIndex(a => new { a.Status, a.SubmittedAtUtc });
        e.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.Producer).WithMany().HasForeignKey(a => a.ProducerId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(a => a.Products).WithOne().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(a => a.Certificates).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationProductConfiguration : IEntityTypeConfiguration<ApplicationProduct>
{
    public void Configure(EntityTypeBuilder<ApplicationProduct> e)
    {
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Description).HasMaxLength(2000);
        e.Property(p => p.Unit).HasMaxLength(50);
        e.HasOne(p => p.PhotoMedia).WithMany().HasForeignKey(p => p.PhotoMediaId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApplicationCertificateConfiguration : IEntityTypeConfiguration<ApplicationCertificate>
{
    public void Configure(EntityTypeBuilder<ApplicationCertificate> e)
    {
        e.Property(c => c.Number).HasMaxLength(80);
        e.Property(c => c.Issuer).HasMaxLength(200);
        e.HasOne(c => c.ScanMedia).WithMany().HasForeignKey(c => c.ScanMediaId).OnDelete(DeleteBehavior.SetNull);
    }
}
