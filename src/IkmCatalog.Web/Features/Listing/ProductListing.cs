using IkmCatalog.Catalog;
using IkmCatalog.Search;
using IkmCatalog.Web.Published;

namespace IkmCatalog.Web.Features.Listing;

/// <summary>A listed product: how the index found it (name and snippet with the matched words) and what its card shows.</summary>
public sealed record ListingItem(SearchHit Hit, Product Product);

/// <summary>One page of a listing: the index's results (total, facets, paging) and the products on the page.</summary>
public sealed record ListingResult(SearchResults Results, IReadOnlyList<ListingItem> Items);

/// <summary>The one listing engine: every product listing asks the search index, then loads its page's cards.</summary>
public static class ProductListing
{
    /// <summary>
    /// Runs the request on the index, then takes the page's cards from this node's published content in memory (no
    /// SQL); a product the index still lists but that is no longer public drops out.
    /// </summary>
    public static async Task<ListingResult> RunAsync(CatalogSearch search, PublishedContent published, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(request);
        var results = search.Search(request);
        var hits = results.Items.Where(h => h.Type == SearchDocumentTypes.Product).ToList();
        var content = await published.AtAsync(request.NowUtc, cancellationToken);
        var products = content.ProductCards(hits.Select(h => h.Id)).ToDictionary(p => p.Id);
        return new ListingResult(results, [.. hits.Where(h => products.ContainsKey(h.Id)).Select(h => new ListingItem(h, products[h.Id]))]);
    }
}

/// <summary>What a listing says when its page shows nothing: no match at all, or a page beyond the last with a way back.</summary>
public sealed record ListingEmptyModel(string MessageKey, int Total, int Page, string FirstPageUrl)
{
    public bool BeyondLastPage => Total > 0 && Page > 1;
}
