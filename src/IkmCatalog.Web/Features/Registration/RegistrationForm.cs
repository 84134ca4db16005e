using System.ComponentModel.DataAnnotations;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Producers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IkmCatalog.Web.Features.Registration;

/// <summary>
/// What the registration form posts. Numbers and dates arrive as text so a typo gets our own message in the page's
/// language; files arrive with a ticket for each one already accepted, so a form shown again keeps its uploads.
/// </summary>
public sealed class RegistrationForm
{
    public const int MaxProducts = 5;

    public const int MaxCertificates = 3;

    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.business-name")]
    public string? BusinessName { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.owner")]
    public string? OwnerName { get; set; }

    [StringLength(20, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.nib")]
    public string? Nib { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(5, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.kbli")]
    public string? KbliCode { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(12, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.region")]
    public string? RegionId { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(500, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.address")]
    public string? Address { get; set; }

    [StringLength(4, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.founded")]
    public string? FoundedYear { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(7, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.workforce")]
    public string? Workforce { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.capacity")]
    public string? Capacity { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(30, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.phone")]
    public string? Phone { get; set; }

    /// <summary>Not "Website": that name is the robots' honeypot.</summary>
    [StringLength(300, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.website")]
    public string? WebsiteUrl { get; set; }

    [StringLength(4000, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.form.about")]
    public string? About { get; set; }

    public List<ProductForm> Products { get; set; } = [];

    public List<CertificateForm> Certificates { get; set; } = [];

    public bool Consent { get; set; }

    public IReadOnlyList<ProductForm> PaddedProducts() =>
        [.. Products.Take(MaxProducts), .. Enumerable.Range(0, Math.Max(0, MaxProducts - Products.Count)).Select(_ => new ProductForm())];

    public IReadOnlyList<CertificateForm> PaddedCertificates() =>
        [.. Certificates.Take(MaxCertificates), .. Enumerable.Range(0, Math.Max(0, MaxCertificates - Certificates.Count)).Select(_ => new CertificateForm())];

    /// <summary>The form as the applicant sent it last, for correcting a returned application.</summary>
    public static RegistrationForm From(ProducerApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return new()
        {
            BusinessName = a.BusinessName, OwnerName = a.OwnerName, Nib = a.Nib, KbliCode = a.KbliCode,
            RegionId = a.RegionId.ToString(invariant), Address = a.Address, FoundedYear = a.FoundedYear?.ToString(invariant),
            Workforce = a.Workforce.ToString(invariant), Capacity = a.Capacity, Email = a.Email, Phone = a.Phone,
            WebsiteUrl = a.Website, About = a.About, Consent = true,
            Products = [.. a.Products.OrderBy(p => p.SortOrder).Select(p => new ProductForm
            {
                Name = p.Name, Description = p.Description, Price = p.PriceIdr?.ToString(invariant), Unit = p.Unit,
                PhotoId = p.PhotoMediaId, PhotoName = p.PhotoMedia?.OriginalFileName,
            })],
            Certificates = [.. a.Certificates.OrderBy(c => c.Id).Select(c => new CertificateForm
            {
                Type = Certification.Code(c.Type), Number = c.Number, Issuer = c.Issuer,
                IssuedOn = c.IssuedOn?.ToString("yyyy-MM-dd", invariant), ExpiresOn = c.ExpiresOn?.ToString("yyyy-MM-dd", invariant),
                ScanId = c.ScanMediaId, ScanName = c.ScanMedia?.OriginalFileName,
            })],
        };
    }
}

/// <summary>One product the business makes, with at most one photo.</summary>
public sealed class ProductForm
{
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.product.name")]
    public string? Name { get; set; }

    [StringLength(2000, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.product.description")]
    public string? Description { get; set; }

    [StringLength(15, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.product.price")]
    public string? Price { get; set; }

    [StringLength(50, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.product.unit")]
    public string? Unit { get; set; }

    public IFormFile? Photo { get; set; }

    /// <summary>A signed note of a photo this applicant already uploaded (see <see cref="UploadTickets"/>).</summary>
    [StringLength(400)]
    public string? PhotoTicket { get; set; }

    /// <summary>Ticked to drop the photo kept from an earlier try.</summary>
    public bool RemovePhoto { get; set; }

    [BindNever]
    public int? PhotoId { get; set; }

    [BindNever]
    public string? PhotoName { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(Price) && string.IsNullOrWhiteSpace(Unit) && Photo is not { Length: > 0 } && PhotoId is null;
}

/// <summary>A certificate or permit the business holds, with an optional scan (PDF or photo).</summary>
public sealed class CertificateForm
{
    [StringLength(10)]
    public string? Type { get; set; }

    [StringLength(80, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.certificate.number")]
    public string? Number { get; set; }

    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.certificate.issuer")]
    public string? Issuer { get; set; }

    [StringLength(10, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.certificate.issued-on")]
    public string? IssuedOn { get; set; }

    [StringLength(10, ErrorMessage = "validation.max-length")]
    [Display(Name = "registration.certificate.expires-on")]
    public string? ExpiresOn { get; set; }

    public IFormFile? Scan { get; set; }

    [StringLength(400)]
    public string? ScanTicket { get; set; }

    public bool RemoveScan { get; set; }

    [BindNever]
    public int? ScanId { get; set; }

    [BindNever]
    public string? ScanName { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Type) && string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Issuer)
        && string.IsNullOrWhiteSpace(IssuedOn) && string.IsNullOrWhiteSpace(ExpiresOn) && Scan is not { Length: > 0 } && ScanId is null;
}

/// <summary>The form page (new or a correction): the form as typed, the choices it offers, where it posts, and why it was refused.</summary>
public sealed record RegistrationPageModel(RegistrationForm Form, IReadOnlyList<Region> Regions, string Action, string? RefusalKey, bool Correction)
{
    /// <summary>Set when the refusal is a duplicate: the message explains, per the culture, what to do.</summary>
    public string? DuplicateMessage { get; init; }
}

/// <summary>The applicant's status page: where it stands, the office's comment, and the form again when it was returned.</summary>
public sealed record RegistrationStatusModel(ProducerApplication Application, string RegionName, string? JustSent, RegistrationPageModel? Correction);

public static class RegistrationWords
{
    /// <summary>The UI string key for an application status in words.</summary>
    public static string StatusKey(ApplicationStatus status) => "registration.status." + status.ToString().ToLowerInvariant();

    public static string CertificateKey(CertificationType type) => "registration.certificate.type." + Certification.Code(type);
}
