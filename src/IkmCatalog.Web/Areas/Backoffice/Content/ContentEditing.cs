using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Producers;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>Who may do what with content (the backoffice's roles, in one place).</summary>
public static class ContentRoles
{
    /// <summary>Edit, save drafts, send to publish, preview, read history.</summary>
    public const string Writers = $"{IkmCatalog.Backoffice.EditorRoles.Admin},{IkmCatalog.Backoffice.EditorRoles.Editor},{IkmCatalog.Backoffice.EditorRoles.Writer}";

    /// <summary>Publish, unpublish, schedule, delete, roll back, return a sent draft.</summary>
    public const string Publishers = $"{IkmCatalog.Backoffice.EditorRoles.Admin},{IkmCatalog.Backoffice.EditorRoles.Editor}";
}

/// <summary>Where a document stands, as its list row and edit page show it.</summary>
public sealed record ContentStatus(
    PublishState State,
    bool Public,
    ContentVersion? PendingDraft,
    IReadOnlyList<ScheduledAction> Schedules,
    int LatestVersion)
{
    public bool ChangedSincePublishing => State == PublishState.Published && PendingDraft is not null;
}

/// <summary>The choices an edit form offers: categories as a tree, producers, regions, recent photos.</summary>
public sealed record EditorLookups(
    IReadOnlyList<(Category Category, int Depth)> Categories,
    IReadOnlyList<(int Id, string Name)> Producers,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<MediaItem> Photos,
    IReadOnlyDictionary<int, MediaItem> Media)
{
    /// <summary>What a list's filters offer: categories and regions, no photos.</summary>
    public static async Task<EditorLookups> ForFiltersAsync(IkmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new EditorLookups(await CategoryTreeAsync(db, cancellationToken), [],
            await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken), [], new Dictionary<int, MediaItem>());
    }

    public static async Task<EditorLookups> LoadAsync(IkmDbContext db, IDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        var producers = (await db.Producers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name)).ToList();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var photos = await db.Media.AsNoTracking().Where(m => m.Kind == MediaKind.Image)
            .OrderByDescending(m => m.UploadedAtUtc).ThenByDescending(m => m.Id).Take(24).ToListAsync(cancellationToken);
        var used = draft.MediaIds().Distinct().ToList();
        var media = await db.Media.AsNoTracking().Where(m => used.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return new EditorLookups(await CategoryTreeAsync(db, cancellationToken), producers, regions, photos, media);
    }

    /// <summary>Categories in tree order, each with its depth.</summary>
    private static async Task<List<(Category, int)>> CategoryTreeAsync(IkmDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var tree = new List<(Category, int)>();
        void Add(int? parent, int depth)
        {
            foreach (var c in categories.Where(c => c.ParentId == parent))
            {
                tree.Add((c, depth));
                Add(c.Id, depth + 1);
            }
        }
        Add(null, 0);
        return tree;
    }
}

public sealed record ContentEditViewModel(
    DocumentType Type,
    int? Id,
    IDraft Draft,
    int BasedOn,
    ContentStatus? Status,
    EditorLookups Lookups,
    string? PublicUrl,
    OfficeTime Time);

public sealed record ContentListRow(DocumentRef Document, PublishState State, DateTime UpdatedAtUtc, bool MissingEnglish, bool HasDraft, ReviewState Review, DateTime? ScheduledAtUtc);

public sealed record ContentListViewModel(
    DocumentType Type,
    ContentListQuery Query,
    IReadOnlyList<ContentListRow> Rows,
    int Total,
    int Page,
    int Pages,
    EditorLookups? Lookups,
    OfficeTime Time);

/// <summary>The list page's filters, bound from the query string.</summary>
public sealed class ContentListQuery
{
    public string? Q { get; set; }

    /// <summary>draft, published, unpublished, scheduled, changed, review.</summary>
    public string? Status { get; set; }

    /// <summary>A category's slug: it and everything below it.</summary>
    public string? Category { get; set; }

    public int? Region { get; set; }

    public bool MissingEnglish { get; set; }

    public bool MissingImage { get; set; }

    public bool ExpiredCertificate { get; set; }

    /// <summary>updated (default), title, created.</summary>
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;
}
