using System.ComponentModel.DataAnnotations;
using IkmCatalog.Inquiries;

namespace IkmCatalog.Web.Features.Inquiries;

/// <summary>
/// What the request-for-quotation form posts. Numbers and dates arrive as text so a typo gets our own message in the
/// page's language instead of the framework's English one.
/// </summary>
public sealed class InquiryForm
{
    public const int MaxLines = 5;

    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.name")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.company")]
    public string? Company { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(100, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.country")]
    public string? Country { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(320, ErrorMessage = "validation.max-length")]
    [EmailAddress(ErrorMessage = "validation.email")]
    [Display(Name = "inquiry.form.email")]
    public string? Email { get; set; }

    [StringLength(40, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.phone")]
    public string? Phone { get; set; }

    public List<InquiryLineForm> Lines { get; set; } = [];

    [Required(ErrorMessage = "validation.required")]
    [Display(Name = "inquiry.form.incoterm")]
    public string? Incoterm { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.destination")]
    public string? Destination { get; set; }

    /// <summary>yyyy-MM-dd, as a date input sends it.</summary>
    [StringLength(10, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.target-date")]
    public string? TargetDate { get; set; }

    public bool SamplesWanted { get; set; }

    [StringLength(500, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.certificates")]
    public string? CertificatesRequired { get; set; }

    [StringLength(5000, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.message")]
    public string? Message { get; set; }

    public bool Consent { get; set; }

    /// <summary>The producer the buyer came from (a slug), kept so the form offers that producer's products again.</summary>
    [StringLength(200)]
    public string? Producer { get; set; }

    /// <summary>Lines 1..<see cref="MaxLines"/>, padded with blank ones so the page always has them all.</summary>
    public IReadOnlyList<InquiryLineForm> PaddedLines() =>
        [.. Lines.Take(MaxLines), .. Enumerable.Range(0, Math.Max(0, MaxLines - Lines.Count)).Select(_ => new InquiryLineForm())];
}

/// <summary>One product asked for: one of the listed products (by slug) or a free description, a quantity and a unit.</summary>
public sealed class InquiryLineForm
{
    [StringLength(200)]
    public string? ProductSlug { get; set; }

    [StringLength(300, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.line.other")]
    public string? ProductName { get; set; }

    [StringLength(12, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.line.quantity")]
    public string? Quantity { get; set; }

    [StringLength(60, ErrorMessage = "validation.max-length")]
    [Display(Name = "inquiry.form.line.unit")]
    public string? Unit { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(ProductSlug) && string.IsNullOrWhiteSpace(ProductName)
        && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(Unit);
}

/// <summary>A product the form offers in its lists, with what the buyer must know before asking: its minimum order.</summary>
public sealed record OfferedProduct(int Id, int ProducerId, string Slug, string Name, string ProducerName, int Moq, string MoqUnit);

/// <summary>The form page: the form as typed, the products offered, and why a submission was refused (a UI string key).</summary>
public sealed record InquiryPageModel(InquiryForm Form, IReadOnlyList<OfferedProduct> Offered, string? ProducerName, string? RefusalKey);

/// <summary>The buyer's status page and its reply box.</summary>
public sealed record InquiryStatusModel(Inquiry Inquiry, IReadOnlyList<InquiryMessage> Conversation, DateOnly Today, string? JustSent, string? Reply, string? RefusalKey);

public static class InquiryStatusWords
{
    /// <summary>The UI string key for a status in words.</summary>
    public static string Key(InquiryStatus status) => "inquiry.status." + status.ToString().ToLowerInvariant();
}
