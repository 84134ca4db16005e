using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Published;

/// <summary>An event's registration figures: places taken, the waiting list, and the producers recorded as present.</summary>
public sealed record EventFigures(int Confirmed, int Waitlisted, IReadOnlySet<int> AttendedProducerIds)
{
    public static EventFigures None { get; } = new(0, 0, new HashSet<int>());
}

/// <summary>
/// Every row whose state is Published, with what the public pages show, as loaded from the database. Never changed
/// after it is built (a change builds a new one, copying the dictionaries); whether a row is public NOW is decided
/// by <see cref="PublishedSnapshot"/> with the rule of <see cref="PublicRules"/>. Entity objects are shared between
/// readers and must be treated as read-only.
/// </summary>
public sealed class PublishedRows
{
    public required IReadOnlyDictionary<int, Product> Products { get; init; }

    public required IReadOnlyDictionary<int, Producer> Producers { get; init; }

    public required IReadOnlyDictionary<int, Story> Stories { get; init; }

    public required IReadOnlyDictionary<int, Event> Events { get; init; }

    public required IReadOnlyDictionary<int, Page> Pages { get; init; }

    public required IReadOnlyDictionary<int, EventFigures> EventFigures { get; init; }

    /// <summary>Every category (the tree linked through Parent and Children), by sort order.</summary>
    public required IReadOnlyList<Category> Categories { get; init; }

    /// <summary>Every region, by name.</summary>
    public required IReadOnlyList<Region> Regions { get; init; }

    public required IReadOnlyList<CertificationTypeInfo> CertificationTypes { get; init; }

    /// <summary>When these rows were read (for the operators' log and tests).</summary>
    public DateTime LoadedAtUtc { get; init; }
}

/// <summary>Reads <see cref="PublishedRows"/> from the database: everything at once, or only some documents into a copy of the current rows.</summary>
public static class PublishedLoader
{
    public static async Task<PublishedRows> LoadAllAsync(IkmDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var categories = await db.Categories.AsNoTrackingWithIdentityResolution().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var types = await db.CertificationTypes.AsNoTracking().OrderBy(t => t.Type).ToListAsync(cancellationToken);
        var shared = new Shared(categories, regions);

        var producers = shared.Link(await Producers(db).ToListAsync(cancellationToken)).ToDictionary(p => p.Id);
        var products = shared.Link(await Products(db).ToListAsync(cancellationToken), producers).ToDictionary(p => p.Id);
        var stories = shared.Link(await Stories(db).ToListAsync(cancellationToken), producers).ToDictionary(s => s.Id);
        var events = shared.Link(await Events(db).ToListAsync(cancellationToken)).ToDictionary(e => e.Id);
        var pages = await db.Pages.AsNoTracking().Where(p => p.State == PublishState.Published).ToDictionaryAsync(p => p.Id, cancellationToken);
        var figures = await FiguresAsync(db, db.EventRegistrations, cancellationToken);
        return new PublishedRows
        {
            Products = products, Producers = producers, Stories = stories, Events = events, Pages = pages, EventFigures = figures,
            Categories = categories, Regions = regions, CertificationTypes = types, LoadedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// A copy of <paramref name="current"/> with the given documents read again (a row no longer published, or
    /// deleted, drops out). A producer brings its products and stories along: they show its name, region and certificates.
    /// </summary>
    public static async Task<PublishedRows> RefreshAsync(IkmDbContext db, PublishedRows current, ChangedDocuments changed, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changed);
        var shared = new Shared(current.Categories, current.Regions);
        changed.AddShowingMedia(current);

        var producers = current.Producers;
        if (changed.Producers.Count > 0)
        {
            var ids = changed.Producers;
            producers = Replace(current.Producers, ids, shared.Link(await Producers(db).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken)), p => p.Id);
        }

        var products = current.Products;
        var productIds = changed.Products;
        var producerIds = changed.Producers;
        if (productIds.Count > 0 || producerIds.Count > 0)
        {
            var loaded = shared.Link(await Products(db).Where(p => productIds.Contains(p.Id) || producerIds.Contains(p.ProducerId)).ToListAsync(cancellationToken), producers);
            // Also every product held under a producer that changed, even one the database no longer lists there.
            var dropped = productIds.Concat(current.Products.Values.Where(p => producerIds.Contains(p.ProducerId)).Select(p => p.Id)).ToHashSet();
            products = Replace(current.Products, dropped, loaded, p => p.Id);
        }

        var stories = current.Stories;
        var storyIds = changed.Stories;
        if (storyIds.Count > 0 || producerIds.Count > 0)
        {
            var loaded = shared.Link(await Stories(db).Where(s => storyIds.Contains(s.Id) || (s.ProducerId != null && producerIds.Contains(s.ProducerId.Value))).ToListAsync(cancellationToken), producers);
            var dropped = storyIds.Concat(current.Stories.Values.Where(s => s.ProducerId is { } p && producerIds.Contains(p)).Select(s => s.Id)).ToHashSet();
            stories = Replace(current.Stories, dropped, loaded, s => s.Id);
        }

        var events = current.Events;
        var figures = current.EventFigures;
        var eventIds = changed.Events;
        if (eventIds.Count > 0)
        {
            events = Replace(current.Events, eventIds, shared.Link(await Events(db).Where(e => eventIds.Contains(e.Id)).ToListAsync(cancellationToken)), e => e.Id);
            var fresh = await FiguresAsync(db, db.EventRegistrations.Where(r => eventIds.Contains(r.EventId)), cancellationToken);
            var copy = current.EventFigures.Where(f => !eventIds.Contains(f.Key)).ToDictionary();
            foreach (var (id, f) in fresh)
            {
                copy[id] = f;
            }
            figures = copy;
        }

        var pages = current.Pages;
        var pageIds = changed.Pages;
        if (pageIds.Count > 0)
        {
            pages = Replace(current.Pages, pageIds,
                await db.Pages.AsNoTracking().Where(p => p.State == PublishState.Published && pageIds.Contains(p.Id)).ToListAsync(cancellationToken), p => p.Id);
        }

        return new PublishedRows
        {
            Products = products, Producers = producers, Stories = stories, Events = events, Pages = pages, EventFigures = figures,
            Categories = current.Categories, Regions = current.Regions, CertificationTypes = current.CertificationTypes, LoadedAtUtc = nowUtc,
        };
    }

    private static IQueryable<Producer> Producers(IkmDbContext db) =>
        db.Producers.AsNoTracking().Where(p => p.State == PublishState.Published)
            .Include(p => p.Image).Include(p => p.Certifications).AsSplitQuery();

    /// <summary>Everything a product card and page show, except the shared rows (producer, category) linked afterwards.</summary>
    private static IQueryable<Product> Products(IkmDbContext db) =>
        db.Products.AsNoTracking().Where(p => p.State == PublishState.Published && p.Producer.State == PublishState.Published)
            .Include(p => p.Images.OrderBy(i => i.SortOrder)).ThenInclude(i => i.MediaItem)
            .Include(p => p.Certifications).AsSplitQuery();

    private static IQueryable<Story> Stories(IkmDbContext db) =>
        db.Stories.AsNoTracking().Where(s => s.State == PublishState.Published).Include(s => s.Image);

    private static IQueryable<Event> Events(IkmDbContext db) =>
        db.Events.AsNoTracking().Where(e => e.State == PublishState.Published).Include(e => e.Image);

    private static async Task<Dictionary<int, EventFigures>> FiguresAsync(IkmDbContext db, IQueryable<EventRegistration> registrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = await registrations.Where(r => r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => new { r.EventId, r.Status }).Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var attended = await registrations.Where(r => r.Attended == true && r.ProducerId != null)
            .Select(r => new { r.EventId, ProducerId = r.ProducerId!.Value }).ToListAsync(cancellationToken);
        return counts.Select(c => c.EventId).Concat(attended.Select(a => a.EventId)).Distinct().ToDictionary(id => id, id => new EventFigures(
            counts.Where(c => c.EventId == id && c.Status == RegistrationStatus.Confirmed).Sum(c => c.Count),
            counts.Where(c => c.EventId == id && c.Status == RegistrationStatus.Waitlisted).Sum(c => c.Count),
            attended.Where(a => a.EventId == id).Select(a => a.ProducerId).ToHashSet()));
    }

    private static Dictionary<int, T> Replace<T>(IReadOnlyDictionary<int, T> current, IEnumerable<int> removed, IEnumerable<T> loaded, Func<T, int> key)
    {
        var copy = new Dictionary<int, T>(current);
        foreach (var id in removed)
        {
            copy.Remove(id);
        }
        foreach (var item in loaded)
        {
            copy[key(item)] = item;
        }
        return copy;
    }

    /// <summary>
    /// Points every loaded row at one object per category, region and producer, so a rename shows everywhere and
    /// the snapshot holds each once. Only freshly loaded rows are touched, before anyone reads them.
    /// </summary>
    private sealed class Shared(IReadOnlyList<Category> categories, IReadOnlyList<Region> regions)
    {
        private readonly Dictionary<int, Category> _categories = categories.ToDictionary(c => c.Id);
        private readonly Dictionary<int, Region> _regions = regions.ToDictionary(r => r.Id);

        public List<Producer> Link(List<Producer> producers)
        {
            foreach (var p in producers)
            {
                p.Region = _regions.GetValueOrDefault(p.RegionId)!;
            }
            return producers;
        }

        public IEnumerable<Product> Link(List<Product> products, IReadOnlyDictionary<int, Producer> producers)
        {
            foreach (var p in products)
            {
                // A product whose producer is not published (yet) cannot be public; its producer's publication reloads it.
                if (producers.TryGetValue(p.ProducerId, out var producer) && _categories.TryGetValue(p.CategoryId, out var category))
                {
                    p.Producer = producer;
                    p.Category = category;
                    yield return p;
                }
            }
        }

        public IEnumerable<Story> Link(List<Story> stories, IReadOnlyDictionary<int, Producer> producers)
        {
            foreach (var s in stories)
            {
                s.Region = s.RegionId is { } r ? _regions.GetValueOrDefault(r) : null;
                if (s.ProducerId is not { } producerId)
                {
                    yield return s;
                }
                else if (producers.TryGetValue(producerId, out var producer))
                {
                    s.Producer = producer;
                    yield return s;
                }
            }
        }

        public List<Event> Link(List<Event> events)
        {
            foreach (var e in events)
            {
                e.Region = e.RegionId is { } r ? _regions.GetValueOrDefault(r) : null;
            }
            return events;
        }
    }
}

/// <summary>The documents a batch of journal entries names, by type.</summary>
public sealed class ChangedDocuments
{
    public HashSet<int> Products { get; } = [];

    public HashSet<int> Producers { get; } = [];

    public HashSet<int> Stories { get; } = [];

    public HashSet<int> Events { get; } = [];

    public HashSet<int> Pages { get; } = [];

    /// <summary>Media items changed or deleted: every document showing one is read again.</summary>
    public HashSet<int> Media { get; } = [];

    public int Count => Products.Count + Producers.Count + Stories.Count + Events.Count + Pages.Count + Media.Count;

    /// <summary>Adds the documents of <paramref name="rows"/> that show one of <see cref="Media"/>.</summary>
    public void AddShowingMedia(PublishedRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (Media.Count == 0)
        {
            return;
        }
        Products.UnionWith(rows.Products.Values.Where(p => p.Images.Any(i => Media.Contains(i.MediaItemId))).Select(p => p.Id));
        Producers.UnionWith(rows.Producers.Values.Where(p => p.ImageId is { } m && Media.Contains(m)).Select(p => p.Id));
        Stories.UnionWith(rows.Stories.Values.Where(s => s.ImageId is { } m && Media.Contains(m)).Select(s => s.Id));
        Events.UnionWith(rows.Events.Values.Where(e => e.ImageId is { } m && Media.Contains(m)).Select(e => e.Id));
    }
}
