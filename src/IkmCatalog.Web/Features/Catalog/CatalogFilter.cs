using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Catalog;

/// <summary>What a buyer narrows the catalogue by; the same filter serves the pages and the delivery API.</summary>
public sealed record CatalogFilter
{
    public const int DefaultPageSize = 12;
    public const int MaxPageSize = 100;

    public string? Category { get; init; }

    public string? Region { get; init; }

    /// <summary>Certification type code (pirt, bpom, halal, sni); only certificates valid today count.</summary>
    public string? Certification { get; init; }

    public bool? ExportReady { get; init; }

    public bool? Retail { get; init; }

    public long? MinPrice { get; init; }

    public long? MaxPrice { get; init; }

    /// <summary>newest (default), price-asc, price-desc, name.</summary>
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public static readonly IReadOnlyList<string> Sorts = ["newest", "price-asc", "price-desc", "name"];

    public CatalogFilter Normalized() => this with
    {
        Page = Math.Max(1, Page),
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize),
        Sort = Sort is not null && Sorts.Contains(Sort) ? Sort : "newest",
        MinPrice = MinPrice is < 0 ? 0 : MinPrice,
    };

    public bool IsEmpty => Category is null && Region is null && Certification is null && ExportReady is null
        && Retail is null && MinPrice is null && MaxPrice is null;
}

public sealed record CatalogPage(int Total, IReadOnlyList<Product> Items, CatalogFilter Filter)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Filter.PageSize));
}

public static class CatalogQueries
{
    public static async Task<CatalogPage> FindProductsAsync(this IkmDbContext db, CatalogFilter filter, DateTime nowUtc, string culture, CancellationToken cancellationToken = default)
    {
        filter = filter.Normalized();
        var today = DateOnly.FromDateTime(nowUtc);
        var query = db.PublicProducts(nowUtc);

        if (!string.IsNullOrEmpty(filter.Category))
        {
            var ids = await db.CategoryWithDescendantsAsync(filter.Category, cancellationToken);
            query = query.Where(p => ids.Contains(p.CategoryId));
        }
        if (!string.IsNullOrEmpty(filter.Region))
        {
            query = query.Where(p => p.Producer.Region.Slug == filter.Region);
        }
        if (IkmCatalog.Certifications.Certification.FromCode(filter.Certification) is { } type)
        {
            var shown = IkmCatalog.Certifications.Certification.PublicOn(today);
            query = query.Where(p =>
                p.Certifications.AsQueryable().Where(shown).Any(c => c.Type == type)
                || p.Producer.Certifications.AsQueryable().Where(shown).Any(c => c.Type == type));
        }
        if (filter.ExportReady is { } exportReady)
        {
            query = query.Where(p => p.ExportReady == exportReady);
        }
        if (filter.Retail is { } retail)
        {
            query = query.Where(p => p.Retail == retail);
        }
        if (filter.MinPrice is { } min)
        {
            query = query.Where(p => p.PriceIdr != null && p.PriceIdr >= min);
        }
        if (filter.MaxPrice is { } max)
        {
            query = query.Where(p => p.PriceIdr != null && p.PriceIdr <= max);
        }

        var total = await query.CountAsync(cancellationToken);
        var english = culture == IkmCatalog.Content.Cultures.English;
        query = filter.Sort switch
        {
            // Inquiry-only products (no price) go last whichever way prices are sorted.
            "price-asc" => query.OrderBy(p => p.PriceIdr == null).ThenBy(p => p.PriceIdr).ThenBy(p => p.Id),
            "price-desc" => query.OrderBy(p => p.PriceIdr == null).ThenByDescending(p => p.PriceIdr).ThenBy(p => p.Id),
            "name" => english
                ? query.OrderBy(p => p.Name.English ?? p.Name.Indonesian).ThenBy(p => p.Id)
                : query.OrderBy(p => p.Name.Indonesian).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.PublishedAtUtc).ThenByDescending(p => p.Id),
        };
        var items = await query
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .WithCardData()
            .AsNoTracking()
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new CatalogPage(total, items, filter);
    }

    /// <summary>Everything a product card shows: producer and region, category, first image, certificates.</summary>
    public static IQueryable<Product> WithCardData(this IQueryable<Product> query) => query
        .Include(p => p.Producer).ThenInclude(p => p.Region)
        .Include(p => p.Producer).ThenInclude(p => p.Certifications)
        .Include(p => p.Category)
        .Include(p => p.Images.OrderBy(i => i.SortOrder)).ThenInclude(i => i.MediaItem)
        .Include(p => p.Certifications);

    public static async Task<List<int>> CategoryWithDescendantsAsync(this IkmDbContext db, string slug, CancellationToken cancellationToken = default)
    {
        var all = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Slug }).ToListAsync(cancellationToken);
        var root = all.FirstOrDefault(c => c.Slug == slug);
        if (root is null)
        {
            return [];
        }
        var result = new List<int> { root.Id };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(all.Where(c => c.ParentId == result[i]).Select(c => c.Id));
        }
        return result;
    }

    /// <summary>
    /// Certificates the public sees for a product (verified and valid <paramref name="today"/>): its own, plus the
    /// producer's that cover all its products.
    /// </summary>
    public static IEnumerable<IkmCatalog.Certifications.Certification> PublicCertifications(this Product product, DateOnly today) =>
        product.Certifications.Concat(product.Producer?.Certifications ?? [])
            .Where(c => c.IsPublicOn(today))
            .GroupBy(c => (c.Type, c.Number)).Select(g => g.First())
            .OrderBy(c => c.Type);
}
