using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Media;
using IkmCatalog.Producers;

namespace IkmCatalog.Certifications;

public enum CertificationType
{
    /// <summary>SPP-IRT / PIRT: home-industry food production permit from the district health office.</summary>
    Pirt = 0,

    /// <summary>BPOM MD/ML: registration with the national food and drug agency.</summary>
    Bpom = 1,

    /// <summary>Halal certificate from BPJPH.</summary>
    Halal = 2,

    /// <summary>SNI: Indonesian national standard product certificate.</summary>
    Sni = 3,

    Other = 9,
}

public enum CertificationValidity
{
    Valid = 0,
    ExpiringSoon = 1,
    Expired = 2,
}

/// <summary>A certificate held for a product or, when it covers everything it makes, for a producer.</summary>
public sealed partial class Certification
{
    /// <summary>How long before expiry a certificate is flagged as expiring soon.</summary>
    public const int ExpiringSoonDays = 90;

    public int Id { get; set; }

    public CertificationType Type { get; set; }

    public string Number { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    /// <summary>Null when the certificate does not expire (e.g. halal certificates since 2023).</summary>
    public DateOnly? ExpiresOn { get; set; }

    public int? ProductId { get; set; }

    public Product? Product { get; set; }

    public int? ProducerId { get; set; }

    public Producer? Producer { get; set; }

    public int? DocumentMediaId { get; set; }

    public MediaItem? DocumentMedia { get; set; }

    public string? VerifiedBy { get; set; }

    public DateTime? VerifiedAtUtc { get; set; }

    /// <summary>Who entered it: an officer's or a producer's account name.</summary>
    public string? EnteredBy { get; set; }

    /// <summary>Set when an officer refused to verify it (with <see cref="ReviewNote"/> saying why).</summary>
    public DateTime? RejectedAtUtc { get; set; }

    public string? ReviewNote { get; set; }

    /// <summary>Day the 90-days-before-expiry reminder went out (once per expiry date).</summary>
    public DateOnly? Reminder90SentOn { get; set; }

    /// <summary>Day the 30-days-before-expiry reminder went out.</summary>
    public DateOnly? Reminder30SentOn { get; set; }

    public CertificationValidity ValidityOn(DateOnly today) =>
        ExpiresOn is not { } expires ? CertificationValidity.Valid
        : expires < today ? CertificationValidity.Expired
        : expires <= today.AddDays(ExpiringSoonDays) ? CertificationValidity.ExpiringSoon
        : CertificationValidity.Valid;

    public bool IsValidOn(DateOnly today) => ExpiresOn is null || ExpiresOn >= today;

    /// <summary>
    /// The one rule for what the public sees (badges, filters, facets, the API): verified by an officer, not
    /// rejected since, and valid today. <see cref="PublicOn"/> is the same rule for database queries.
    /// </summary>
    public bool IsPublicOn(DateOnly today) => VerifiedAtUtc != null && RejectedAtUtc == null && IsValidOn(today);

    /// <summary><see cref="IsPublicOn"/> as an expression EF Core translates (also inside <c>p.Certifications.AsQueryable().Any(...)</c>).</summary>
    public static Expression<Func<Certification, bool>> PublicOn(DateOnly today) =>
        c => c.VerifiedAtUtc != null && c.RejectedAtUtc == null && (c.ExpiresOn == null || c.ExpiresOn >= today);

    /// <summary>Checks a certificate number against the format its issuer uses.</summary>
    public static bool IsWellFormedNumber(CertificationType type, string number) => type switch
    {
        CertificationType.Pirt => PirtNumber().IsMatch(number),
        CertificationType.Bpom => BpomNumber().IsMatch(number),
        CertificationType.Halal => HalalNumber().IsMatch(number),
        CertificationType.Sni => SniNumber().IsMatch(number),
        _ => !string.IsNullOrWhiteSpace(number),
    };

    public static string Code(CertificationType type) => type switch
    {
        CertificationType.Pirt => "pirt",
        CertificationType.Bpom => "bpom",
        CertificationType.Halal => "halal",
        CertificationType.Sni => "sni",
        _ => "other",
    };

    public static CertificationType? FromCode(string? code) => code?.ToLowerInvariant() switch
    {
        "pirt" or "spp-irt" => CertificationType.Pirt,
        "bpom" => CertificationType.Bpom,
        "halal" => CertificationType.Halal,
        "sni" => CertificationType.Sni,
        "other" => CertificationType.Other,
        _ => null,
    };

    // SPP-IRT: 13 digits, a dash and the two-digit expiry year ("2063573010123-26"); older permits have 15 digits.
    [GeneratedRegex(@"^(P-IRT\s*(No\.?)?\s*)?\d{12,15}(-\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PirtNumber();

    // BPOM RI MD/ML followed by 12 digits.
    [GeneratedRegex(@"^(BPOM\s+RI\s+)?(MD|ML)\s*\d{12}$", RegexOptions.IgnoreCase)]
    private static partial Regex BpomNumber();

    // BPJPH: "ID" and 17 digits; older MUI certificates: 14-16 digits.
    [GeneratedRegex(@"^(ID\d{17}|\d{14,16})$", RegexOptions.IgnoreCase)]
    private static partial Regex HalalNumber();

    // SPPT-SNI certificate number or the standard it conforms to.
    [GeneratedRegex(@"^(SPPT[- ]SNI\s+\S.*|SNI\s+\d{2,5}(-\d+)?:\d{4}.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SniNumber();
}

/// <summary>What a certification badge means, for the page that explains the badges.</summary>
public sealed class CertificationTypeInfo
{
    public int Id { get; set; }

    public CertificationType Type { get; set; }

    public LocalizedText Name { get; set; } = new();

    public LocalizedText Issuer { get; set; } = new();

    /// <summary>Markdown.</summary>
    public LocalizedText Description { get; set; } = new();

    public string NumberExample { get; set; } = "";
}

internal sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> e)
    {
        e.Property(c => c.Number).HasMaxLength(80);
        e.Property(c => c.Issuer).HasMaxLength(200);
        e.Property(c => c.EnteredBy).HasMaxLength(256);
        e.Property(c => c.ReviewNote).HasMaxLength(1000);
        e.HasIndex(c => c.ExpiresOn);
        e.HasOne(c => c.Product).WithMany(p => p.Certifications).HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(c => c.Producer).WithMany(p => p.Certifications).HasForeignKey(c => c.ProducerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(c => c.DocumentMedia).WithMany().HasForeignKey(c => c.DocumentMediaId).OnDelete(DeleteBehavior.SetNull);
        e.ToTable(t => t.HasCheckConstraint("CK_Certification_Owner", "\"ProductId\" IS NOT NULL OR \"ProducerId\" IS NOT NULL"));
    }
}

internal sealed class CertificationTypeInfoConfiguration : IEntityTypeConfiguration<CertificationTypeInfo>
{
    public void Configure(EntityTypeBuilder<CertificationTypeInfo> e) => e.HasIndex(c => c.Type).IsUnique();
}
