using System.Linq.Expressions;
using System.Text.Json;
using IkmCatalog.Catalog;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Content;

/// <summary>A document and how to name it in a list: id, slug and title in both languages.</summary>
public sealed record DocumentRef(string Type, int Id, string Slug, LocalizedText Title);

/// <summary>
/// One kind of editable document, registered once in <see cref="DocumentTypes"/>: its name (stored in versions,
/// audit entries and the journals), its public route, its backoffice folder, whether search indexes it, its
/// draft, and the queries every feature needs (public now, slug taken, media used). The sitemap, the search
/// journal, media "used by", the dashboard and the editor read this instead of listing types by hand.
/// </summary>
public abstract class DocumentType
{
    public required string Name { get; init; }

    /// <summary>Public detail route name (see the site's route table): "product" → /produk/{slug}.</summary>
    public required string RouteName { get; init; }

    /// <summary>Backoffice folder: /backoffice/content/{Segment}.</summary>
    public required string Segment { get; init; }

    /// <summary>Kept in the search index (journalled on every change).</summary>
    public bool Indexed { get; init; }

    public abstract Type ClrType { get; }

    public abstract Type DraftType { get; }

    /// <summary>UI string key of the type's name ("content.type.product").</summary>
    public string LabelKey => "content.type." + Name.ToLowerInvariant();

    public abstract Document Create();

    /// <summary>The document with every relation its draft carries, tracked for changes.</summary>
    public abstract Task<Document?> LoadAsync(IkmDbContext db, int id, CancellationToken cancellationToken = default);

    public abstract IDraft DraftOf(Document document);

    public abstract IDraft ReadDraft(string json);

    public string WriteDraft(IDraft draft) => JsonSerializer.Serialize(draft, DraftType, DraftJson.Options);

    public abstract Task<bool> SlugTakenAsync(IkmDbContext db, string slug, int exceptId, CancellationToken cancellationToken = default);

    /// <summary>Documents of this type the public may see now: (slug, last change) for the sitemap.</summary>
    public abstract Task<List<(string Slug, DateTime UpdatedAtUtc)>> PublicSlugsAsync(IkmDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default);

    /// <summary>The current slug of the public document an old slug of this type redirects to.</summary>
    public abstract Task<string?> RedirectTargetAsync(IkmDbContext db, string oldSlug, DateTime nowUtc, CancellationToken cancellationToken = default);

    /// <summary>The row's state (draft, published, unpublished), without loading the document.</summary>
    public abstract Task<PublishState> StateAsync(IkmDbContext db, int id, CancellationToken cancellationToken = default);

    public abstract Task<bool> IsPublicAsync(IkmDbContext db, int id, DateTime nowUtc, CancellationToken cancellationToken = default);

    public abstract Task<List<DocumentRef>> UsingMediaAsync(IkmDbContext db, int mediaId, CancellationToken cancellationToken = default);

    public abstract Task<DocumentRef?> FindRefAsync(IkmDbContext db, int id, CancellationToken cancellationToken = default);

    public abstract Task<DocumentRef?> FindBySlugAsync(IkmDbContext db, string slug, CancellationToken cancellationToken = default);

    public abstract Task<(int Published, int Other)> CountAsync(IkmDbContext db, CancellationToken cancellationToken = default);
}

public sealed class DocumentType<TDocument, TDraft> : DocumentType
    where TDocument : Document, new()
    where TDraft : class, IDraft
{
    public required Func<IQueryable<TDocument>, IQueryable<TDocument>> Include { get; init; }

    public required Func<TDocument, TDraft> ToDraft { get; init; }

    /// <summary>Published, inside its window, and whatever else the type needs (a product's producer public too).</summary>
    public required Func<IkmDbContext, DateTime, IQueryable<TDocument>> Public { get; init; }

    public required Expression<Func<TDocument, LocalizedText>> Title { get; init; }

    public required Func<int, Expression<Func<TDocument, bool>>> UsesMedia { get; init; }

    public override Type ClrType => typeof(TDocument);

    public override Type DraftType => typeof(TDraft);

    public override Document Create() => new TDocument();

    public override async Task<Document?> LoadAsync(IkmDbContext db, int id, CancellationToken cancellationToken = default) =>
        await Include(db.Set<TDocument>()).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public override IDraft DraftOf(Document document) => ToDraft((TDocument)document);

    public override IDraft ReadDraft(string json) =>
        JsonSerializer.Deserialize<TDraft>(json, DraftJson.Options) ?? throw new JsonException($"An empty {Name} draft.");

    public override Task<bool> SlugTakenAsync(IkmDbContext db, string slug, int exceptId, CancellationToken cancellationToken = default) =>
        db.Set<TDocument>().AnyAsync(d => d.Slug == slug && d.Id != exceptId, cancellationToken);

    public override async Task<List<(string Slug, DateTime UpdatedAtUtc)>> PublicSlugsAsync(IkmDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        [.. (await Public(db, nowUtc).OrderBy(d => d.Id).Select(d => new { d.Slug, d.UpdatedAtUtc }).ToListAsync(cancellationToken))
            .Select(d => (d.Slug, d.UpdatedAtUtc))];

    public override Task<string?> RedirectTargetAsync(IkmDbContext db, string oldSlug, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        db.SlugRedirects.Where(r => r.DocumentType == Name && r.OldSlug == oldSlug)
            .Join(Public(db, nowUtc), r => r.DocumentId, d => d.Id, (r, d) => d.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    public override Task<PublishState> StateAsync(IkmDbContext db, int id, CancellationToken cancellationToken = default) =>
        db.Set<TDocument>().Where(d => d.Id == id).Select(d => d.State).FirstOrDefaultAsync(cancellationToken);

    public override Task<bool> IsPublicAsync(IkmDbContext db, int id, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        Public(db, nowUtc).AnyAsync(d => d.Id == id, cancellationToken);

    public override Task<List<DocumentRef>> UsingMediaAsync(IkmDbContext db, int mediaId, CancellationToken cancellationToken = default) =>
        Refs(db.Set<TDocument>().Where(UsesMedia(mediaId))).ToListAsync(cancellationToken);

    public override Task<DocumentRef?> FindRefAsync(IkmDbContext db, int id, CancellationToken cancellationToken = default) =>
        Refs(db.Set<TDocument>().Where(d => d.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public override Task<DocumentRef?> FindBySlugAsync(IkmDbContext db, string slug, CancellationToken cancellationToken = default) =>
        Refs(db.Set<TDocument>().Where(d => d.Slug == slug)).FirstOrDefaultAsync(cancellationToken);

    public override async Task<(int Published, int Other)> CountAsync(IkmDbContext db, CancellationToken cancellationToken = default)
    {
        var published = await db.Set<TDocument>().CountAsync(d => d.State == PublishState.Published, cancellationToken);
        return (published, await db.Set<TDocument>().CountAsync(cancellationToken) - published);
    }

    /// <summary>Id, slug and title as one SQL projection.</summary>
    public IQueryable<DocumentRef> Refs(IQueryable<TDocument> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var d = Title.Parameters[0];
        var projection = Expression.Lambda<Func<TDocument, DocumentRef>>(
            Expression.New(
                typeof(DocumentRef).GetConstructors()[0],
                Expression.Constant(Name),
                Expression.Property(d, nameof(Document.Id)),
                Expression.Property(d, nameof(Document.Slug)),
                Title.Body),
            d);
        return query.AsNoTracking().Select(projection);
    }
}

/// <summary>Every editable document type, in the order the backoffice lists them.</summary>
public static class DocumentTypes
{
    public static readonly DocumentType<Product, ProductDraft> Product = new()
    {
        Name = nameof(Catalog.Product), RouteName = "product", Segment = "products", Indexed = true,
        Include = q => q.Include(p => p.Images.OrderBy(i => i.SortOrder)).Include(p => p.Certifications),
        ToDraft = ProductDraft.From,
        Public = (db, now) => db.PublicProducts(now),
        Title = p => p.Name,
        UsesMedia = id => p => p.Images.Any(i => i.MediaItemId == id) || p.Certifications.Any(c => c.DocumentMediaId == id),
    };

    public static readonly DocumentType<Producer, ProducerDraft> Producer = new()
    {
        Name = nameof(Producers.Producer), RouteName = "producer", Segment = "producers", Indexed = true,
        Include = q => q.Include(p => p.Certifications),
        ToDraft = ProducerDraft.From,
        Public = (db, now) => db.Producers.Published(now),
        Title = p => new LocalizedText(p.Name, null),
        UsesMedia = id => p => p.ImageId == id || p.Certifications.Any(c => c.DocumentMediaId == id),
    };

    public static readonly DocumentType<Story, StoryDraft> Story = new()
    {
        Name = nameof(Stories.Story), RouteName = "story", Segment = "stories", Indexed = true,
        Include = q => q,
        ToDraft = StoryDraft.From,
        Public = (db, now) => db.PublicStories(now),
        Title = s => s.Title,
        UsesMedia = id => s => s.ImageId == id,
    };

    public static readonly DocumentType<Event, EventDraft> Event = new()
    {
        Name = nameof(Events.Event), RouteName = "event", Segment = "events",
        Include = q => q,
        ToDraft = EventDraft.From,
        Public = (db, now) => db.Events.Published(now),
        Title = e => e.Title,
        UsesMedia = id => e => e.ImageId == id,
    };

    public static readonly DocumentType<Page, PageDraft> Page = new()
    {
        Name = nameof(Pages.Page), RouteName = "page", Segment = "pages",
        Include = q => q,
        ToDraft = PageDraft.From,
        Public = (db, now) => db.Pages.Published(now),
        Title = p => p.Title,
        UsesMedia = _ => p => false,
    };

    public static readonly IReadOnlyList<DocumentType> All = [Product, Producer, Story, Event, Page];

    public static DocumentType? Find(string? name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public static DocumentType? ForSegment(string? segment) => All.FirstOrDefault(t => string.Equals(t.Segment, segment, StringComparison.Ordinal));

    public static DocumentType Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return All.First(t => t.ClrType == document.GetType());
    }
}

internal static class DraftJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { PropertyNameCaseInsensitive = true };
}
