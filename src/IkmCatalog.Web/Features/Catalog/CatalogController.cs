using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Features.Listing;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Published;
using IkmCatalog.Web.Views;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Features.Catalog;

public sealed record CatalogViewModel(
    ListingQuery Query,
    ListingResult Listing,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<Region> Regions,
    Category? CurrentCategory,
    IReadOnlyList<FilterChip> Filters);

/// <summary>
/// An active filter of the catalogue as a removable chip: what it says, the listing's query values without it, and for
/// an empty result how many products that listing would find.
/// </summary>
public sealed record FilterChip(string Name, string Label, IReadOnlyDictionary<string, object?> WithoutValues, int? CountWithout);

public sealed record ProductViewModel(
    Product Product,
    IReadOnlyList<Certification> Certifications,
    IReadOnlyList<Product> Related,
    IReadOnlyList<Category> Breadcrumb,
    HtmlMemo? Memo = null,
    DateOnly Today = default);

// No database in the constructor: a public page reads published content from memory, and opening a context is a
// noticeable part of a product page's time; only an old slug asks the database where the product went.
public sealed class CatalogController(CatalogSearch search, PublishedContent published, TimeProvider clock,
    IStringLocalizer<UiStrings> t) : SiteController(clock)
{
    public async Task<IActionResult> Index([FromQuery] ListingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The catalogue lists without words: words belong to the search page.
        var parameters = query.ForPage() with { Q = null };
        var listing = await ProductListing.RunAsync(search, published, parameters.ToRequest(Culture, NowUtc, idsOnly: true), cancellationToken);
        var content = await published.AtAsync(NowUtc, cancellationToken);
        var categories = content.Categories;
        var regions = content.Regions;
        var chips = parameters.ActiveFilters.Select(name => new FilterChip(name, FilterLabel(parameters, name, categories, regions),
            parameters.Without(name).RouteValues(),
            // Only an empty result asks which filter to drop, and how much each would bring back.
            listing.Results.Total == 0 ? search.Search(parameters.Without(name).ToRequest(Culture, NowUtc, idsOnly: true) with { PageSize = 1 }).Total : null)).ToList();
        return View(new CatalogViewModel(parameters, listing, categories, regions, categories.FirstOrDefault(c => c.Slug == parameters.Category), chips));
    }

    private string FilterLabel(ListingQuery query, string name, IReadOnlyList<Category> categories, IReadOnlyList<Region> regions) => name switch
    {
        "category" => categories.FirstOrDefault(c => c.Slug == query.Category)?.Name.For(Culture) ?? query.Category!,
        "region" => regions.FirstOrDefault(r => r.Slug == query.Region)?.Name ?? query.Region!,
        "certification" => t["cert." + query.Certification],
        "minPrice" => t["catalog.chip.min-price", ViewFormat.Rupiah(query.MinPrice!.Value, Culture)],
        "maxPrice" => t["catalog.chip.max-price", ViewFormat.Rupiah(query.MaxPrice!.Value, Culture)],
        "exportReady" => t["catalog.chip.export-ready"],
        "retail" => t["catalog.chip.retail"],
        _ => name,
    };

    public async Task<IActionResult> Product(string slug, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var content = await published.AtAsync(now, cancellationToken);
        var product = content.Product(slug);
        if (product is null)
        {
            return await RedirectFromOldSlugAsync(HttpContext.RequestServices.GetRequiredService<IkmDbContext>(), DocumentTypes.Product, slug, cancellationToken);
        }
        var today = DateOnly.FromDateTime(now);
        return View(new ProductViewModel(product, [.. product.PublicCertifications(today)],
            content.Related(product, 4), content.Breadcrumb(product.CategoryId), content.RenderedHtml, today));
    }

    /// <summary>The product page's model around a draft product, from the database (the backoffice's preview; the public page reads published content).</summary>
    public static async Task<ProductViewModel> PageModelAsync(IkmDbContext db, Product product, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(product);
        var related = await db.PublicProducts(nowUtc)
            .Where(p => p.Id != product.Id && (p.CategoryId == product.CategoryId || p.ProducerId == product.ProducerId))
            .OrderBy(p => p.CategoryId == product.CategoryId ? 0 : 1).ThenByDescending(p => p.Featured).ThenBy(p => p.Id)
            .Take(4).WithCardData().AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);

        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var breadcrumb = new List<Category>();
        for (var c = categories.FirstOrDefault(x => x.Id == product.CategoryId); c is not null; c = categories.FirstOrDefault(x => x.Id == c.ParentId))
        {
            breadcrumb.Insert(0, c);
        }
        return new ProductViewModel(product, [.. product.PublicCertifications(DateOnly.FromDateTime(nowUtc))], related, breadcrumb);
    }
}
