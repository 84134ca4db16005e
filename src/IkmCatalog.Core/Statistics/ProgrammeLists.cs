using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Producers;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Statistics;

public sealed record ProducerListRow(
    int Id, string Name, string Slug, PublishState State, ProducerStatus Status, string Sector, string Region, string Province,
    string? Nib, int? FoundedYear, int? Workforce, string? Association, string? WhatsApp, string? Email, string? Address,
    int Products, DateTime CreatedAtUtc);

public sealed record ProductListRow(
    int Id, string Name, string? NameEnglish, string Slug, PublishState State, string Producer, string Category, long? PriceIdr,
    string Unit, bool Retail, int Moq, string MoqUnit, bool ExportReady, string? HsCode, string? CurationGrade, DateOnly? CuratedOn,
    Availability Availability);

/// <summary>Where a certificate stands for the office: not yet checked, refused, or checked and valid, expiring or expired.</summary>
public enum CertificateStanding
{
    Unverified = 0,
    Rejected = 1,
    Valid = 2,
    ExpiringSoon = 3,
    Expired = 4,
}

public sealed record CertificateListRow(
    int Id, CertificationType Type, string Number, string Issuer, DateOnly IssuedOn, DateOnly? ExpiresOn, string Producer, string? Product,
    string? VerifiedBy, DateTime? VerifiedAtUtc, DateTime? RejectedAtUtc)
{
    public CertificateStanding StandingOn(DateOnly today)
    {
        if (RejectedAtUtc is not null && VerifiedAtUtc is null)
        {
            return CertificateStanding.Rejected;
        }
        if (VerifiedAtUtc is null)
        {
            return CertificateStanding.Unverified;
        }
        return ExpiresOn is not { } expires ? CertificateStanding.Valid
            : expires < today ? CertificateStanding.Expired
            : expires <= today.AddDays(Certification.ExpiringSoonDays) ? CertificateStanding.ExpiringSoon
            : CertificateStanding.Valid;
    }
}

/// <summary>The office's registers as lists to export: every producer, product and certificate, published or not.</summary>
public sealed class ProgrammeLists(IkmDbContext db)
{
    public Task<List<ProducerListRow>> ProducersAsync(CancellationToken cancellationToken = default) =>
        db.Producers.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProducerListRow(p.Id, p.Name, p.Slug, p.State, p.Status, p.Sector.Indonesian, p.Region.Name, p.Region.Province,
                p.Nib, p.FoundedYear, p.Workforce, p.Association, p.WhatsApp, p.Email, p.Address, p.Products.Count, p.CreatedAtUtc))
            .ToListAsync(cancellationToken);

    public Task<List<ProductListRow>> ProductsAsync(CancellationToken cancellationToken = default) =>
        db.Products.AsNoTracking().OrderBy(p => p.Producer.Name).ThenBy(p => p.Name.Indonesian).ThenBy(p => p.Id)
            .Select(p => new ProductListRow(p.Id, p.Name.Indonesian, p.Name.English, p.Slug, p.State, p.Producer.Name, p.Category.Name.Indonesian,
                p.PriceIdr, p.Unit.Indonesian, p.Retail, p.Moq, p.MoqUnit.Indonesian, p.ExportReady, p.HsCode, p.CurationGrade, p.CuratedOn,
                p.Availability))
            .ToListAsync(cancellationToken);

    public Task<List<CertificateListRow>> CertificatesAsync(CancellationToken cancellationToken = default) =>
        db.Certifications.AsNoTracking().OrderBy(c => c.Type).ThenBy(c => c.Id)
            .Select(c => new CertificateListRow(c.Id, c.Type, c.Number, c.Issuer, c.IssuedOn, c.ExpiresOn,
                c.Producer != null ? c.Producer.Name : c.Product!.Producer.Name,
                c.Product != null ? c.Product.Name.Indonesian : null,
                c.VerifiedBy, c.VerifiedAtUtc, c.RejectedAtUtc))
            .ToListAsync(cancellationToken);
}
