using IkmCatalog.Content;

namespace IkmCatalog.Pages;

/// <summary>A free-standing page as an editor writes it.</summary>
public sealed class PageDraft : IDraft
{
    public string Slug { get; set; } = "";

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Body { get; set; } = new();

    public static PageDraft From(Page p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new() { Slug = p.Slug, Title = p.Title, Body = p.Body };
    }

    public void ApplyTo(Document document)
    {
        var p = (Page)document;
        p.Slug = Slug;
        p.Title = Title;
        p.Body = Body;
    }

    public IEnumerable<DraftError> Validate(DateOnly today) =>
        DraftRules.RequiredIndonesian(nameof(Title), Title)
            .Concat(DraftRules.RequiredIndonesian(nameof(Body), Body, 50000))
            .Concat(DraftRules.Slug(Slug));

    public IEnumerable<int> MediaIds() => [];

    public IEnumerable<DraftReference> References() => [];
}
