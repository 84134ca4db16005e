using IkmCatalog.Catalog;
using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Features.Listing;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Search;

public sealed record SearchViewModel(
    ListingQuery Parameters,
    SearchResults Results,
    IReadOnlyList<ListingItem> Items,
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

public sealed class SearchController(CatalogSearch search, PublishedContent published, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index([FromQuery] ListingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = query.ForPage();
        var listing = await ProductListing.RunAsync(search, published, parameters.ToRequest(Culture, NowUtc, withProducersAndStories: true), cancellationToken);
        var content = await published.AtAsync(NowUtc, cancellationToken);
        var categories = content.Categories;
        var regions = content.Regions;
        return View(new SearchViewModel(parameters, listing.Results, listing.Items, categories, regions, Request.Path, Request.Query));
    }
}
