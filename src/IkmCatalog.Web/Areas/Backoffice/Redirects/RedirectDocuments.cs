using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;

namespace IkmCatalog.Web.Areas.Backoffice.Redirects;

/// <summary>A document a redirect can lead to, as the redirects page shows it.</summary>
public sealed class RedirectTarget
{
    public int Id { get; init; }

    public string Slug { get; init; } = "";

    public string Name { get; init; } = "";

    public string? EnglishName { get; init; }

    public string NameFor(string culture) =>
        Cultures.IsEnglish(culture) && !string.IsNullOrWhiteSpace(EnglishName) ? EnglishName : Name;
}

/// <summary>
/// The document types that have public addresses and so may have old slugs, and where each one's documents are.
/// The only place that maps a type name to its entity set, so a document-type registry can replace it whole.
/// </summary>
public static class RedirectDocuments
{
    /// <summary>Type names as <see cref="SlugRedirect.DocumentType"/> and <see cref="AuditEntry.DocumentType"/> store them.</summary>
    public static readonly IReadOnlyList<string> Types =
        [nameof(Product), nameof(Producer), nameof(Story), nameof(Event), nameof(Page)];

    public static bool IsKnown(string? type) => type is not null && Types.Contains(type, StringComparer.Ordinal);

    /// <summary>The documents of <paramref name="type"/> (one of <see cref="Types"/>), with slug and name.</summary>
    public static IQueryable<RedirectTarget> Of(IkmDbContext db, string type)
    {
        ArgumentNullException.ThrowIfNull(db);
        return type switch
        {
            nameof(Product) => db.Products.Select(d => new RedirectTarget { Id = d.Id, Slug = d.Slug, Name = d.Name.Indonesian, EnglishName = d.Name.English }),
            nameof(Producer) => db.Producers.Select(d => new RedirectTarget { Id = d.Id, Slug = d.Slug, Name = d.Name }),
            nameof(Story) => db.Stories.Select(d => new RedirectTarget { Id = d.Id, Slug = d.Slug, Name = d.Title.Indonesian, EnglishName = d.Title.English }),
            nameof(Event) => db.Events.Select(d => new RedirectTarget { Id = d.Id, Slug = d.Slug, Name = d.Title.Indonesian, EnglishName = d.Title.English }),
            nameof(Page) => db.Pages.Select(d => new RedirectTarget { Id = d.Id, Slug = d.Slug, Name = d.Title.Indonesian, EnglishName = d.Title.English }),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a document type with public addresses."),
        };
    }
}
