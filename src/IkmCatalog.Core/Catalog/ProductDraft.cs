using IkmCatalog.Content;

namespace IkmCatalog.Catalog;

/// <summary>A product photo as the draft places it: which media item, in which position (the list order), with what alt text.</summary>
public sealed class ImageDraft
{
    public int MediaItemId { get; set; }

    public LocalizedText Alt { get; set; } = new();
}

/// <summary>Everything an editor edits on a product, its photos and certificates included.</summary>
public sealed class ProductDraft : IDraft
{
    public string Slug { get; set; } = "";

    public int ProducerId { get; set; }

    public int CategoryId { get; set; }

    public LocalizedText Name { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Description { get; set; } = new();

    public long? PriceIdr { get; set; }

    public LocalizedText Unit { get; set; } = new();

    public bool Retail { get; set; }

    public int Moq { get; set; } = 1;

    public LocalizedText MoqUnit { get; set; } = new();

    public bool ExportReady { get; set; }

    public string? HsCode { get; set; }

    public int? ShelfLifeDays { get; set; }

    public LocalizedText Packaging { get; set; } = new();

    public int WeightGrams { get; set; }

    public Availability Availability { get; set; }

    public bool Featured { get; set; }

    public List<ImageDraft> Images { get; set; } = [];

    LocalizedText IDraft.Title => Name;

    public static ProductDraft From(Product p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Slug = p.Slug, ProducerId = p.ProducerId, CategoryId = p.CategoryId, Name = p.Name, Summary = p.Summary,
            Description = p.Description, PriceIdr = p.PriceIdr, Unit = p.Unit, Retail = p.Retail, Moq = p.Moq,
            MoqUnit = p.MoqUnit, ExportReady = p.ExportReady, HsCode = p.HsCode, ShelfLifeDays = p.ShelfLifeDays,
            Packaging = p.Packaging, WeightGrams = p.WeightGrams, Availability = p.Availability, Featured = p.Featured,
            Images = [.. p.Images.OrderBy(i => i.SortOrder).Select(i => new ImageDraft { MediaItemId = i.MediaItemId, Alt = i.Alt })],
        };
    }

    public void ApplyTo(Document document)
    {
        var p = (Product)document;
        p.Slug = Slug;
        p.ProducerId = ProducerId;
        p.CategoryId = CategoryId;
        p.Name = Name;
        p.Summary = Summary;
        p.Description = Description;
        p.PriceIdr = PriceIdr;
        p.Unit = Unit;
        p.Retail = Retail;
        p.Moq = Moq;
        p.MoqUnit = MoqUnit;
        p.ExportReady = ExportReady;
        p.HsCode = string.IsNullOrWhiteSpace(HsCode) ? null : HsCode.Trim();
        p.ShelfLifeDays = ShelfLifeDays;
        p.Packaging = Packaging;
        p.WeightGrams = WeightGrams;
        p.Availability = Availability;
        p.Featured = Featured;

        var images = new List<ProductImage>();
        for (var i = 0; i < Images.Count; i++)
        {
            var image = p.Images.FirstOrDefault(x => x.MediaItemId == Images[i].MediaItemId && !images.Contains(x)) ?? new ProductImage { MediaItemId = Images[i].MediaItemId };
            image.SortOrder = i;
            image.Alt = Images[i].Alt;
            images.Add(image);
        }
        p.Images.RemoveAll(x => !images.Contains(x));
        p.Images.AddRange(images.Where(x => !p.Images.Contains(x)));
    }

    public IEnumerable<DraftError> Validate(DateOnly today)
    {
        var errors = new List<DraftError>();
        errors.AddRange(DraftRules.RequiredIndonesian(nameof(Name), Name));
        errors.AddRange(DraftRules.RequiredIndonesian(nameof(Summary), Summary, 300));
        errors.AddRange(DraftRules.MaxLength(nameof(Description), Description, 20000));
        errors.AddRange(DraftRules.Slug(Slug));
        if (ProducerId == 0)
        {
            errors.Add(new DraftError(nameof(ProducerId), "content.error.required"));
        }
        if (CategoryId == 0)
        {
            errors.Add(new DraftError(nameof(CategoryId), "content.error.required"));
        }
        if (PriceIdr is < 0)
        {
            errors.Add(new DraftError(nameof(PriceIdr), "content.error.not-negative"));
        }
        if (PriceIdr is not null && string.IsNullOrWhiteSpace(Unit.Indonesian))
        {
            errors.Add(new DraftError("Unit.Indonesian", "content.error.unit-with-price"));
        }
        if (Retail && PriceIdr is null)
        {
            errors.Add(new DraftError(nameof(PriceIdr), "content.error.retail-needs-price"));
        }
        if (Moq < 1)
        {
            errors.Add(new DraftError(nameof(Moq), "content.error.at-least-one"));
        }
        if (WeightGrams < 0)
        {
            errors.Add(new DraftError(nameof(WeightGrams), "content.error.not-negative"));
        }
        if (ShelfLifeDays is < 0)
        {
            errors.Add(new DraftError(nameof(ShelfLifeDays), "content.error.not-negative"));
        }
        if (HsCode is { Length: > 0 } hs && !System.Text.RegularExpressions.Regex.IsMatch(hs.Trim(), @"^\d{4}(\.?\d{2}){0,3}$"))
        {
            errors.Add(new DraftError(nameof(HsCode), "content.error.hs-code"));
        }
        for (var i = 0; i < Images.Count; i++)
        {
            errors.AddRange(DraftRules.MaxLength($"Images[{i}].Alt", Images[i].Alt, 300));
        }
        return errors;
    }

    public IEnumerable<DraftReference> References() =>
    [
        new(nameof(ProducerId), typeof(Producers.Producer), ProducerId),
        new(nameof(CategoryId), typeof(Category), CategoryId),
    ];

    public IEnumerable<int> MediaIds() => Images.Select(i => i.MediaItemId);
}
