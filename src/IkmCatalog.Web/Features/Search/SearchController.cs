using IkmCatalog.Catalog;
using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Features.Catalog;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Search;

/// <summary>A found product with what its card shows.</summary>
public sealed record SearchResultItem(SearchHit Hit, Product Product);

public sealed record SearchViewModel(
    SearchParameters Parameters,
    SearchResults Results,
    IReadOnlyList<SearchResultItem> Items,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<Region> Regions,
    string Path,
    IQueryCollection Query)
{
    /// <summary>This search with one parameter set (or removed when null), back on the first page.</summary>
    public string With(string key, string? value)
    {
        var query = new QueryBuilder(Query.Where(q => q.Key != key && q.Key != "page" && !string.IsNullOrEmpty(q.Value))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(key, value);
        }
        return Path + query.ToQueryString();
    }

    /// <summary>Only the words, every filter removed.</summary>
    public string WithoutFilters() => string.IsNullOrEmpty(Parameters.Q) ? Path : Path + new QueryBuilder { { "q", Parameters.Q } }.ToQueryString();

    public string CategoryName(string slug, string culture) =>
        Categories.FirstOrDefault(c => c.Slug == slug)?.Name.For(culture) ?? slug;

    public string RegionName(string slug) => Regions.FirstOrDefault(r => r.Slug == slug)?.Name ?? slug;
}

public sealed class SearchController(CatalogSearch search, IkmDbContext db, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(
        string? q, string? category, string? region, string? certification, bool? expired, bool? exportReady, bool? retail,
        long? minPrice, long? maxPrice, string? sort, int page = 1, CancellationToken cancellationToken = default)
    {
        var parameters = new SearchParameters
        {
            Q = q, Category = category, Region = region, Certification = certification, Expired = expired == true,
            ExportReady = exportReady == true ? true : null, Retail = retail == true ? true : null,
            MinPrice = minPrice, MaxPrice = maxPrice, Sort = sort, Page = page,
        };
        var results = search.Search(parameters.ToRequest(Culture, NowUtc, withProducersAndStories: true));
        var items = await db.LoadHitsAsync(results.Items, NowUtc, cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return View(new SearchViewModel(parameters, results, items, categories, regions, Request.Path, Request.Query));
    }
}

public static class SearchHitLoading
{
    /// <summary>The found products with their card data, in the order the search ranked them.</summary>
    public static async Task<List<SearchResultItem>> LoadHitsAsync(this IkmDbContext db, IReadOnlyList<SearchHit> hits, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var ids = hits.Where(h => h.Type == SearchDocumentTypes.Product).Select(h => h.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        // The database has the last word on what is public (the index may be a poll behind).
        var products = await db.PublicProducts(nowUtc).Where(p => ids.Contains(p.Id)).WithCardData()
            .AsNoTracking().AsSplitQuery().ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. hits.Where(h => h.Type == SearchDocumentTypes.Product && products.ContainsKey(h.Id)).Select(h => new SearchResultItem(h, products[h.Id]))];
    }
}
