using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using IkmCatalog.Content;

namespace IkmCatalog.Pages;

/// <summary>A free-standing page such as "Tentang" or "Cara Memesan".</summary>
public sealed class Page : Document
{
    public LocalizedText Title { get; set; } = new();

    /// <summary>Markdown.</summary>
    public LocalizedText Body { get; set; } = new();
}

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> e) => e.ConfigureDocument();
}
