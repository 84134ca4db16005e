using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Events;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;

namespace IkmCatalog.Web.Published;

/// <summary>
/// The public site's content as it stands between two moments where a publishing window opens or closes
/// (<see cref="ValidFromUtc"/>, <see cref="ValidUntilUtc"/>): only rows public in that span, with the lookups and
/// orders the pages use. Immutable; built from <see cref="PublishedRows"/> without the database.
/// </summary>
public sealed class PublishedSnapshot
{
    private static readonly Comparison<Product> FeaturedFirst = (a, b) =>
        a.Featured != b.Featured ? (a.Featured ? -1 : 1) : a.Id.CompareTo(b.Id);

    private readonly Dictionary<int, Product> _products;
    private readonly Dictionary<string, Product> _productsBySlug;
    private readonly Dictionary<int, Product[]> _productsByCategory;
    private readonly Dictionary<int, Product[]> _productsByProducer;
    private readonly Dictionary<int, int> _countsByCategory;
    private readonly Dictionary<string, Producer> _producersBySlug;
    private readonly Dictionary<int, int> _productCountsByProducer;
    private readonly Dictionary<string, Story> _storiesBySlug;
    private readonly Dictionary<int, Story[]> _storiesByProducer;
    private readonly Dictionary<string, Event> _eventsBySlug;
    private readonly Dictionary<string, Page> _pagesBySlug;
    private readonly Dictionary<int, Category> _categoriesById;

    public PublishedSnapshot(PublishedRows rows, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows;
        (ValidFromUtc, ValidUntilUtc) = Window(rows, nowUtc);

        var products = rows.Products.Values.Where(p => p.IsPublicAt(nowUtc)).ToArray();
        _products = products.ToDictionary(p => p.Id);
        _productsBySlug = products.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        _productsByCategory = Grouped(products, p => p.CategoryId, FeaturedFirst);
        _productsByProducer = Grouped(products, p => p.ProducerId, FeaturedFirst);
        _productCountsByProducer = _productsByProducer.ToDictionary(g => g.Key, g => g.Value.Length);
        ProductCount = products.Length;
        Featured = [.. products.Where(p => p.Featured).OrderByDescending(p => p.PublishedAtUtc).ThenBy(p => p.Id)];

        Categories = rows.Categories;
        _categoriesById = rows.Categories.ToDictionary(c => c.Id);
        _countsByCategory = rows.Categories.ToDictionary(c => c.Id, c => Descendants(c).Sum(d => _productsByCategory.GetValueOrDefault(d.Id)?.Length ?? 0));
        Regions = rows.Regions;
        CertificationTypes = rows.CertificationTypes;

        Producers = [.. rows.Producers.Values.Where(p => p.IsPublic(nowUtc)).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)];
        _producersBySlug = Producers.ToDictionary(p => p.Slug, StringComparer.Ordinal);

        Stories = [.. rows.Stories.Values.Where(s => s.IsPublicAt(nowUtc)).OrderByDescending(s => s.PublishedAtUtc).ThenBy(s => s.Id)];
        _storiesBySlug = Stories.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        _storiesByProducer = Stories.Where(s => s.ProducerId is not null).GroupBy(s => s.ProducerId!.Value).ToDictionary(g => g.Key, g => g.ToArray());

        Events = [.. rows.Events.Values.Where(e => e.IsPublic(nowUtc)).OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Id)];
        _eventsBySlug = Events.ToDictionary(e => e.Slug, StringComparer.Ordinal);

        Pages = [.. rows.Pages.Values.Where(p => p.IsPublic(nowUtc)).OrderBy(p => p.Id)];
        _pagesBySlug = Pages.ToDictionary(p => p.Slug, StringComparer.Ordinal);
    }

    public PublishedRows Rows { get; }

    /// <summary>HTML of partials showing this snapshot's content (product pages): evicted with it.</summary>
    public Views.HtmlMemo RenderedHtml { get; } = new();

    /// <summary>The first moment this snapshot is right for (a publishing window opened or closed then).</summary>
    public DateTime ValidFromUtc { get; }

    /// <summary>The next moment a publishing window opens or closes: from then on, another snapshot applies.</summary>
    public DateTime ValidUntilUtc { get; }

    public bool Covers(DateTime nowUtc) => nowUtc >= ValidFromUtc && nowUtc < ValidUntilUtc;

    public int ProductCount { get; }

    /// <summary>Featured public products, most recently published first.</summary>
    public IReadOnlyList<Product> Featured { get; }

    /// <summary>Public producers by name.</summary>
    public IReadOnlyList<Producer> Producers { get; }

    /// <summary>Public stories and news, most recently published first.</summary>
    public IReadOnlyList<Story> Stories { get; }

    /// <summary>Public events by start.</summary>
    public IReadOnlyList<Event> Events { get; }

    public IReadOnlyList<Page> Pages { get; }

    /// <summary>Every category by sort order (the tree through Parent and Children).</summary>
    public IReadOnlyList<Category> Categories { get; }

    /// <summary>Every region by name.</summary>
    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<CertificationTypeInfo> CertificationTypes { get; }

    public Product? Product(string slug) => _productsBySlug.GetValueOrDefault(slug);

    public Product? Product(int id) => _products.GetValueOrDefault(id);

    /// <summary>
    /// Cards for product ids found elsewhere (the search index), in the given order, without the ones not public now.
    /// </summary>
    public IReadOnlyList<Product> ProductCards(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var cards = new List<Product>();
        foreach (var id in ids)
        {
            if (_products.TryGetValue(id, out var product))
            {
                cards.Add(product);
            }
        }
        return cards;
    }

    /// <summary>A public producer's public products, featured first, then by id.</summary>
    public IReadOnlyList<Product> ProductsOf(int producerId) => _productsByProducer.GetValueOrDefault(producerId) ?? [];

    /// <summary>Public products of the category itself (not its descendants), featured first, then by id.</summary>
    public IReadOnlyList<Product> ProductsIn(int categoryId) => _productsByCategory.GetValueOrDefault(categoryId) ?? [];

    public int ProductCountOf(int producerId) => _productCountsByProducer.GetValueOrDefault(producerId);

    /// <summary>Public products in the category and every category below it.</summary>
    public int ProductCountIn(int categoryId) => _countsByCategory.GetValueOrDefault(categoryId);

    /// <summary>
    /// Up to <paramref name="count"/> other public products of the same category, then of the same producer, each
    /// group featured first and then by id.
    /// </summary>
    public IReadOnlyList<Product> Related(Product product, int count)
    {
        ArgumentNullException.ThrowIfNull(product);
        var related = new List<Product>(count);
        foreach (var p in ProductsIn(product.CategoryId).Concat(ProductsOf(product.ProducerId).Where(p => p.CategoryId != product.CategoryId)))
        {
            if (related.Count == count)
            {
                break;
            }
            if (p.Id != product.Id)
            {
                related.Add(p);
            }
        }
        return related;
    }

    public Category? Category(int id) => _categoriesById.GetValueOrDefault(id);

    /// <summary>The category and its ancestors, root first.</summary>
    public IReadOnlyList<Category> Breadcrumb(int categoryId)
    {
        var trail = new List<Category>();
        for (var c = Category(categoryId); c is not null && trail.Count < _categoriesById.Count; c = c.ParentId is { } parent ? Category(parent) : null)
        {
            trail.Insert(0, c);
        }
        return trail;
    }

    public Producer? Producer(string slug) => _producersBySlug.GetValueOrDefault(slug);

    public Story? Story(string slug) => _storiesBySlug.GetValueOrDefault(slug);

    /// <summary>A producer's public stories, most recently published first.</summary>
    public IReadOnlyList<Story> StoriesOf(int producerId) => _storiesByProducer.GetValueOrDefault(producerId) ?? [];

    public Event? Event(string slug) => _eventsBySlug.GetValueOrDefault(slug);

    public EventFigures Figures(int eventId) => Rows.EventFigures.GetValueOrDefault(eventId) ?? EventFigures.None;

    public Page? Page(string slug) => _pagesBySlug.GetValueOrDefault(slug);

    /// <summary>The public documents of a registered document type (by its name), by id: what the sitemap lists.</summary>
    public IEnumerable<Document> Documents(string typeName) => typeName switch
    {
        "Product" => _products.Values.OrderBy(p => p.Id),
        "Producer" => Producers.OrderBy(p => p.Id),
        "Story" => Stories.OrderBy(s => s.Id),
        "Event" => Events.OrderBy(e => e.Id),
        "Page" => Pages,
        _ => [],
    };

    private static List<Category> Descendants(Category category)
    {
        var all = new List<Category> { category };
        for (var i = 0; i < all.Count && all.Count < 10_000; i++)
        {
            all.AddRange(all[i].Children);
        }
        return all;
    }

    private static Dictionary<int, Product[]> Grouped(IEnumerable<Product> products, Func<Product, int> key, Comparison<Product> order) =>
        products.GroupBy(key).ToDictionary(g => g.Key, g =>
        {
            var items = g.ToArray();
            Array.Sort(items, order);
            return items;
        });

    /// <summary>The span around <paramref name="nowUtc"/> in which no publishing window of any row opens or closes.</summary>
    private static (DateTime From, DateTime Until) Window(PublishedRows rows, DateTime nowUtc)
    {
        var from = DateTime.MinValue;
        var until = DateTime.MaxValue;
        void Consider(DateTime? moment)
        {
            if (moment is not { } m)
            {
                return;
            }
            if (m <= nowUtc && m > from)
            {
                from = m;
            }
            else if (m > nowUtc && m < until)
            {
                until = m;
            }
        }
        foreach (var d in rows.Products.Values.Concat<Document>(rows.Producers.Values).Concat(rows.Stories.Values).Concat(rows.Events.Values).Concat(rows.Pages.Values))
        {
            Consider(d.PublishAtUtc);
            Consider(d.UnpublishAtUtc);
        }
        return (from, until);
    }
}
