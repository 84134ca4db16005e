using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Catalog;

/// <summary>Shared product queries: what a card needs, a category with its descendants, the certificates the public sees.</summary>
public static class CatalogQueries
{
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
