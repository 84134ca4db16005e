using IkmCatalog.Content;

namespace IkmCatalog.Stories;

/// <summary>A producer's story or a news item as an editor writes it.</summary>
public sealed class StoryDraft : IDraft
{
    public string Slug { get; set; } = "";

    public StoryKind Kind { get; set; }

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Body { get; set; } = new();

    public int? ProducerId { get; set; }

    public int? RegionId { get; set; }

    public int? ImageId { get; set; }

    public static StoryDraft From(Story s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new()
        {
            Slug = s.Slug, Kind = s.Kind, Title = s.Title, Summary = s.Summary, Body = s.Body,
            ProducerId = s.ProducerId, RegionId = s.RegionId, ImageId = s.ImageId,
        };
    }

    public void ApplyTo(Document document)
    {
        var s = (Story)document;
        s.Slug = Slug;
        s.Kind = Kind;
        s.Title = Title;
        s.Summary = Summary;
        s.Body = Body;
        s.ProducerId = ProducerId;
        s.RegionId = RegionId;
        s.ImageId = ImageId;
    }

    public IEnumerable<DraftError> Validate(DateOnly today) =>
        DraftRules.RequiredIndonesian(nameof(Title), Title)
            .Concat(DraftRules.RequiredIndonesian(nameof(Summary), Summary, 300))
            .Concat(DraftRules.RequiredIndonesian(nameof(Body), Body, 50000))
            .Concat(DraftRules.Slug(Slug));

    public IEnumerable<DraftReference> References() =>
        new[] { ProducerId is { } p ? new DraftReference(nameof(ProducerId), typeof(Producers.Producer), p) : null,
            RegionId is { } r ? new DraftReference(nameof(RegionId), typeof(Catalog.Region), r) : null }.OfType<DraftReference>();

    public IEnumerable<int> MediaIds() => new[] { ImageId }.OfType<int>();
}
