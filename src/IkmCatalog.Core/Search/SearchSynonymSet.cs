using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkmCatalog.Search;

/// <summary>
/// The editors' synonym list, in the database so every node searches with the same one: a single row holding the
/// lines as the editors typed them (Solr format). Saved together with a <see cref="IndexJournalActions.Synonyms"/>
/// journal entry, on which every node reloads it.
/// </summary>
public sealed class SearchSynonymSet
{
    /// <summary>The one row's id.</summary>
    public const int TheList = 1;

    public int Id { get; set; } = TheList;

    /// <summary>The lines, "a, b, c" (same meaning) or "a => b" (replacement), "#" starting a comment.</summary>
    public string Text { get; set; } = "";

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}

internal sealed class SearchSynonymSetConfiguration : IEntityTypeConfiguration<SearchSynonymSet>
{
    public void Configure(EntityTypeBuilder<SearchSynonymSet> e)
    {
        e.ToTable("SearchSynonyms");
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.UpdatedBy).HasMaxLength(200);
    }
}
