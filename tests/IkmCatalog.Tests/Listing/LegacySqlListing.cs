using IkmCatalog.Catalog;
using IkmCatalog.Data;
using IkmCatalog.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using CertificationRules = IkmCatalog.Certifications.Certification;

namespace IkmCatalog.Tests.Listing;

/// <summary>
/// The catalogue's former listing in SQL, kept as the reference the index's listing is compared with: the same
/// filters must give the same products in the same order.
/// </summary>
public static class LegacySqlListing
{
    public sealed record Filter(
        string? Category = null, string? Region = null, string? Certification = null, bool? ExportReady = null,
        bool? Retail = null, long? MinPrice = null, long? MaxPrice = null, string Sort = "newest");

    public static async Task<List<string>> SlugsAsync(IkmDbContext db, Filter filter, DateTime nowUtc, string culture)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var query = db.PublicProducts(nowUtc);
        if (filter.Category is not null)
        {
            var ids = await db.CategoryWithDescendantsAsync(filter.Category);
            query = query.Where(p => ids.Contains(p.CategoryId));
        }
        if (filter.Region is not null)
        {
            query = query.Where(p => p.Producer.Region.Slug == filter.Region);
        }
        if (CertificationRules.FromCode(filter.Certification) is { } type)
        {
            var shown = CertificationRules.PublicOn(today);
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
        var english = culture == IkmCatalog.Content.Cultures.English;
        IQueryable<Product> ordered = filter.Sort switch
        {
            "price-asc" => query.OrderBy(p => p.PriceIdr == null).ThenBy(p => p.PriceIdr).ThenBy(p => p.Id),
            "price-desc" => query.OrderBy(p => p.PriceIdr == null).ThenByDescending(p => p.PriceIdr).ThenBy(p => p.Id),
            "name" => english
                ? query.OrderBy(p => p.Name.English ?? p.Name.Indonesian).ThenBy(p => p.Id)
                : query.OrderBy(p => p.Name.Indonesian).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.PublishedAtUtc).ThenByDescending(p => p.Id),
        };
        return await ordered.Select(p => p.Slug).ToListAsync();
    }
}
