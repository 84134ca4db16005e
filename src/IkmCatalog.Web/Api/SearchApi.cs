using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Features.Catalog;
using IkmCatalog.Web.Features.Listing;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Api;

/// <summary>Full-text search and autocomplete as JSON, next to the delivery API and under the same rate limit.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/search").WithTags("Search").RequireRateLimiting(RateLimits.Api);
        api.MapGet("", Search).WithName("Search")
            .WithSummary("Published products matching the words, with filters, order, paging and facet counts over all results.");
        api.MapGet("/suggest", Suggest).WithName("SuggestSearch")
            .WithSummary("Up to 8 product and producer names starting with the typed words, for autocomplete.");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> Search(
        CatalogSearch search, PublishedContent published, TimeProvider clock, UiStrings strings, HttpContext http, string? culture,
        [AsParameters] ListingQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Problems() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, detail: "Some parameters are out of range; see errors for what is allowed.");
        }
        var lang = Cultures.Normalize(culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var listing = await ProductListing.RunAsync(search, published, query.ToRequest(lang, now), cancellationToken);
        var content = await published.AtAsync(now, cancellationToken);
        var (results, items) = (listing.Results, listing.Items);
        var categories = content.Categories.ToDictionary(c => c.Slug, c => c.Name.For(lang));
        var regions = content.Regions.ToDictionary(r => r.Slug, r => r.Name);
        var today = DateOnly.FromDateTime(now);
        string Label(string key) => strings.Find(lang, key) ?? key;

        var facets = new SearchFacetsDto(
            [.. results.Facets.Category.Select(v => new FacetDto(v.Value, categories.GetValueOrDefault(v.Value, v.Value), v.Count))],
            [.. results.Facets.Region.Select(v => new FacetDto(v.Value, regions.GetValueOrDefault(v.Value, v.Value), v.Count))],
            [.. results.Facets.Certification.Select(v => new FacetDto(v.Value, Label("cert." + v.Value), v.Count))],
            [.. results.Facets.ExportReady.Select(v => new FacetDto(v.Value, Label(v.Value == "true" ? "search.export-ready" : "search.not-export-ready"), v.Count))]);
        return TypedResults.Ok(new SearchResponse(
            results.Total, results.Request.Page, results.Request.PageSize,
            [.. items.Select(i => new SearchItemDto(
                i.Product.Slug, i.Product.Name.For(lang), i.Product.Producer.Name, i.Product.Category.Name.For(lang), i.Product.PriceIdr,
                [.. i.Product.PublicCertifications(today).Select(c => CertificationDto.From(c, today))],
                SiteUrls.Absolute(http, lang == Cultures.English ? $"/en/products/{i.Product.Slug}" : $"/produk/{i.Product.Slug}"),
                i.Hit.NameHtml, i.Hit.SnippetHtml))],
            facets, results.DidYouMean));
    }

    private static Ok<SuggestResponse> Suggest(CatalogSearch search, TimeProvider clock, string? q, string? culture)
    {
        var lang = Cultures.Normalize(culture);
        var suggestions = search.Suggest(q, lang, clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new SuggestResponse(q ?? "", [.. suggestions.Select(s => new SuggestionDto(s.Name, s.Type, UrlOf(s, lang)))]));
    }

    private static string UrlOf(Suggestion s, string culture) => (s.Type, culture) switch
    {
        (SearchDocumentTypes.Producer, Cultures.English) => $"/en/producers/{s.Slug}",
        (SearchDocumentTypes.Producer, _) => $"/produsen/{s.Slug}",
        (_, Cultures.English) => $"/en/products/{s.Slug}",
        _ => $"/produk/{s.Slug}",
    };
}

/// <summary>nameHtml and snippetHtml are HTML-encoded text whose only markup is &lt;mark&gt; around matched words.</summary>
public sealed record SearchItemDto(
    string Slug, string Name, string Producer, string Category, long? Price, IReadOnlyList<CertificationDto> Certifications, string Url,
    string NameHtml, string SnippetHtml);

public sealed record FacetDto(string Value, string Label, int Count);

public sealed record SearchFacetsDto(
    IReadOnlyList<FacetDto> Category, IReadOnlyList<FacetDto> Region, IReadOnlyList<FacetDto> Certification, IReadOnlyList<FacetDto> ExportReady);

public sealed record SearchResponse(int Total, int Page, int PageSize, IReadOnlyList<SearchItemDto> Items, SearchFacetsDto Facets, string? DidYouMean);

public sealed record SuggestionDto(string Name, string Type, string Url);

public sealed record SuggestResponse(string Query, IReadOnlyList<SuggestionDto> Items);
