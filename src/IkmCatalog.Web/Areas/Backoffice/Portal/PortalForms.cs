using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Inquiries;
using IkmCatalog.Media;
using IkmCatalog.Producers;

namespace IkmCatalog.Web.Areas.Backoffice.Portal;

/// <summary>What a producer may change on its own page; the rest (name, slug, region, NIB, status…) stays the office's.</summary>
public sealed class PortalProducerForm
{
    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Story { get; set; } = new();

    public LocalizedText Capacity { get; set; } = new();

    public int? Workforce { get; set; }

    public string? WhatsApp { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public bool RemovePhoto { get; set; }

    /// <summary>The version the form was opened on: someone's later save is a conflict, not overwritten.</summary>
    public int BasedOn { get; set; }

    public static PortalProducerForm From(ProducerDraft d, int basedOn) => new()
    {
        Summary = d.Summary, Story = d.Story, Capacity = d.Capacity, Workforce = d.Workforce, WhatsApp = d.WhatsApp,
        Email = d.Email, Address = d.Address, BasedOn = basedOn,
    };

    public void ApplyTo(ProducerDraft d)
    {
        d.Summary = Summary;
        d.Story = Story;
        d.Capacity = Capacity;
        d.Workforce = Workforce;
        d.WhatsApp = WhatsApp;
        d.Email = Email;
        d.Address = Address;
        if (RemovePhoto)
        {
            d.ImageId = null;
        }
    }
}

/// <summary>What a producer may change on its product; slug, producer, curation, retail and featuring stay the office's.</summary>
public sealed class PortalProductForm
{
    public LocalizedText Name { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Description { get; set; } = new();

    public long? PriceIdr { get; set; }

    public LocalizedText Unit { get; set; } = new();

    public int Moq { get; set; } = 1;

    public LocalizedText MoqUnit { get; set; } = new();

    public LocalizedText Packaging { get; set; } = new();

    public int WeightGrams { get; set; }

    public Availability Availability { get; set; }

    /// <summary>Chosen for a new product only; an existing product keeps the office's category.</summary>
    public int CategoryId { get; set; }

    /// <summary>Media ids of photos to take off the product.</summary>
    public List<int> RemoveImages { get; set; } = [];

    public int BasedOn { get; set; }

    public static PortalProductForm From(ProductDraft d, int basedOn) => new()
    {
        Name = d.Name, Summary = d.Summary, Description = d.Description, PriceIdr = d.PriceIdr, Unit = d.Unit, Moq = d.Moq,
        MoqUnit = d.MoqUnit, Packaging = d.Packaging, WeightGrams = d.WeightGrams, Availability = d.Availability,
        CategoryId = d.CategoryId, BasedOn = basedOn,
    };

    public void ApplyTo(ProductDraft d, bool isNew)
    {
        d.Name = Name;
        d.Summary = Summary;
        d.Description = Description;
        d.PriceIdr = PriceIdr;
        d.Unit = Unit;
        d.Moq = Moq;
        d.MoqUnit = MoqUnit;
        d.Packaging = Packaging;
        d.WeightGrams = WeightGrams;
        d.Availability = Availability;
        if (isNew)
        {
            d.CategoryId = CategoryId;
        }
        d.Images.RemoveAll(i => RemoveImages.Contains(i.MediaItemId));
    }
}

public sealed class PortalCertificateForm
{
    public CertificationType Type { get; set; }

    public string Number { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>"producer", or the id of one of the producer's products.</summary>
    public string For { get; set; } = "producer";
}

/// <summary>Where a document of the producer stands: public, a draft waiting at the office, or returned with a comment.</summary>
public sealed record PortalStatus(bool Public, PublishState State, ReviewState? Review, string? ReviewComment)
{
    public bool Pending => Review is not null;
}

public sealed record PortalProductRow(int Id, LocalizedText Name, PortalStatus Status);

public sealed record PortalCertificateRow(Certification Certificate, string Holder, bool Pending);

public sealed record PortalInquiryRow(int Id, string Reference, DateTime CreatedAtUtc, DateTime ForwardedAtUtc, InquiryStatus Status, IReadOnlyList<InquiryLine> Lines);

public sealed record PortalHomeViewModel(
    string ProducerName, string Slug, PortalStatus Status, IReadOnlyList<PortalProductRow> Products,
    IReadOnlyList<PortalCertificateRow> Certificates, IReadOnlyList<PortalInquiryRow> Inquiries, DateOnly Today);

public sealed record PortalProducerViewModel(string ProducerName, PortalProducerForm Form, PortalStatus Status, MediaItem? Photo);

public sealed record PortalProductViewModel(
    int? Id, PortalProductForm Form, PortalStatus? Status, IReadOnlyList<MediaItem> Photos, IReadOnlyList<(Category Category, int Depth)> Categories);

public sealed record PortalCertificatesViewModel(
    IReadOnlyList<PortalCertificateRow> Certificates, PortalCertificateForm Form, IReadOnlyList<(int Id, string Name)> Products, DateOnly Today);

public sealed record PortalInquiryViewModel(Inquiry Inquiry, DateTime ForwardedAtUtc, string? OfficeNote);
