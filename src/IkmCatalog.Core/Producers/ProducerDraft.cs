using IkmCatalog.Content;

namespace IkmCatalog.Producers;

/// <summary>Everything an editor edits on a producer's page, its certificates included.</summary>
public sealed class ProducerDraft : IDraft
{
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public int RegionId { get; set; }

    public LocalizedText Sector { get; set; } = new();

    public string? Nib { get; set; }

    public int? FoundedYear { get; set; }

    public int? Workforce { get; set; }

    public LocalizedText Capacity { get; set; } = new();

    public string? Association { get; set; }

    public string? WhatsApp { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Story { get; set; } = new();

    public int? ImageId { get; set; }

    LocalizedText IDraft.Title => new(Name, null);

    public static ProducerDraft From(Producer p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Slug = p.Slug, Name = p.Name, RegionId = p.RegionId, Sector = p.Sector, Nib = p.Nib, FoundedYear = p.FoundedYear,
            Workforce = p.Workforce, Capacity = p.Capacity, Association = p.Association, WhatsApp = p.WhatsApp, Email = p.Email,
            Address = p.Address, Summary = p.Summary, Story = p.Story, ImageId = p.ImageId,
        };
    }

    public void ApplyTo(Document document)
    {
        var p = (Producer)document;
        p.Slug = Slug;
        p.Name = Name.Trim();
        p.RegionId = RegionId;
        p.Sector = Sector;
        p.Nib = Blank(Nib);
        p.FoundedYear = FoundedYear;
        p.Workforce = Workforce;
        p.Capacity = Capacity;
        p.Association = Blank(Association);
        p.WhatsApp = Blank(WhatsApp);
        p.Email = Blank(Email);
        p.Address = Blank(Address);
        p.Summary = Summary;
        p.Story = Story;
        p.ImageId = ImageId;
    }

    public IEnumerable<DraftError> Validate(DateOnly today)
    {
        var errors = new List<DraftError>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new DraftError(nameof(Name), "content.error.required"));
        }
        else if (Name.Length > 200)
        {
            errors.Add(new DraftError(nameof(Name), "content.error.max-length", 200));
        }
        errors.AddRange(DraftRules.Slug(Slug));
        if (RegionId == 0)
        {
            errors.Add(new DraftError(nameof(RegionId), "content.error.required"));
        }
        errors.AddRange(DraftRules.RequiredIndonesian(nameof(Summary), Summary, 300));
        errors.AddRange(DraftRules.MaxLength(nameof(Story), Story, 20000));
        errors.AddRange(DraftRules.MaxLength(nameof(Sector), Sector, 200));
        if (Nib is { Length: > 0 } nib && !System.Text.RegularExpressions.Regex.IsMatch(nib.Trim(), @"^\d{13}$"))
        {
            errors.Add(new DraftError(nameof(Nib), "content.error.nib"));
        }
        if (FoundedYear is { } year && (year < 1900 || year > today.Year))
        {
            errors.Add(new DraftError(nameof(FoundedYear), "content.error.year"));
        }
        if (Workforce is < 0)
        {
            errors.Add(new DraftError(nameof(Workforce), "content.error.not-negative"));
        }
        if (WhatsApp is { Length: > 0 } wa && !System.Text.RegularExpressions.Regex.IsMatch(wa.Trim(), @"^\+?[0-9][0-9 \-]{7,20}$"))
        {
            errors.Add(new DraftError(nameof(WhatsApp), "content.error.phone"));
        }
        if (Email is { Length: > 0 } email && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim()))
        {
            errors.Add(new DraftError(nameof(Email), "content.error.email"));
        }
        return errors;
    }

    public IEnumerable<DraftReference> References() => [new(nameof(RegionId), typeof(Catalog.Region), RegionId)];

    public IEnumerable<int> MediaIds() => new[] { ImageId }.OfType<int>();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
