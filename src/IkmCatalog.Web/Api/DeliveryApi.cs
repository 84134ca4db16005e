using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Producers;
using IkmCatalog.Search;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Features.Catalog;
using IkmCatalog.Web.Features.Listing;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Media;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Api;

/// <summary>Read-only JSON for partners and apps: published content only, in the requested culture.</summary>
public static class DeliveryApi
{
    public static IHostApplicationBuilder AddDeliveryApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "IkmCatalog delivery API";
            document.Info.Description = "Published products and producers of the office's IKM catalogue, in Indonesian (id) or English (en).";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").WithTags("Delivery").RequireRateLimiting(RateLimits.Api);
        api.MapGet("/products", ListProducts).WithName("ListProducts")
            .WithSummary("Published products, paged and filtered like the catalogue page.");
        api.MapGet("/products/{slug}", GetProduct).WithName("GetProduct");
        api.MapGet("/producers", ListProducers).WithName("ListProducers");
        api.MapGet("/producers/{slug}", GetProducer).WithName("GetProducer");
        return app;
    }

    private static async Task<Results<Ok<PagedResult<ProductDto>>, ValidationProblem>> ListProducts(
        CatalogSearch search, PublishedContent published, TimeProvider clock, HttpContext http, string? culture,
        [AsParameters] ListingQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Problems() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, detail: "Some parameters are out of range; see errors for what is allowed.");
        }
        var lang = Cultures.Normalize(culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var listing = await ProductListing.RunAsync(search, published, query.ToRequest(lang, now, idsOnly: true), cancellationToken);
        var today = DateOnly.FromDateTime(now);
        return TypedResults.Ok(new PagedResult<ProductDto>(listing.Results.Total, listing.Results.Request.Page, listing.Results.Request.PageSize,
            [.. listing.Items.Select(i => ProductDto.From(i.Product, lang, today, http))]));
    }

    private static async Task<Results<Ok<ProductDetailDto>, NotFound>> GetProduct(
        PublishedContent published, TimeProvider clock, HttpContext http, MarkdownRenderer markdown, string slug, string? culture, CancellationToken cancellationToken)
    {
        var lang = Cultures.Normalize(culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var product = (await published.AtAsync(now, cancellationToken)).Product(slug);
        return product is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(ProductDetailDto.From(product, lang, DateOnly.FromDateTime(now), http, markdown));
    }

    private static async Task<Ok<PagedResult<ProducerDto>>> ListProducers(
        PublishedContent published, TimeProvider clock, HttpContext http, string? culture, string? region,
        int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var lang = Cultures.Normalize(culture);
        var now = clock.GetUtcNow().UtcDateTime;
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, ListingQuery.MaxPageSize);
        IEnumerable<Producer> query = (await published.AtAsync(now, cancellationToken)).Producers;
        if (!string.IsNullOrWhiteSpace(region))
        {
            query = query.Where(p => p.Region.Slug == region);
        }
        var all = query.ToList();
        var total = all.Count;
        // Bounded, so a huge page number neither overflows nor walks far past the end.
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize) + 1);
        var producers = all.Skip((page - 1) * pageSize).Take(pageSize);
        var today = DateOnly.FromDateTime(now);
        return TypedResults.Ok(new PagedResult<ProducerDto>(total, page, pageSize, [.. producers.Select(p => ProducerDto.From(p, lang, today, http))]));
    }

    private static async Task<Results<Ok<ProducerDetailDto>, NotFound>> GetProducer(
        PublishedContent published, TimeProvider clock, HttpContext http, MarkdownRenderer markdown, string slug, string? culture, CancellationToken cancellationToken)
    {
        var lang = Cultures.Normalize(culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var content = await published.AtAsync(now, cancellationToken);
        var producer = content.Producer(slug);
        if (producer is null)
        {
            return TypedResults.NotFound();
        }
        var products = content.ProductsOf(producer.Id).OrderBy(p => p.Id);
        var today = DateOnly.FromDateTime(now);
        return TypedResults.Ok(new ProducerDetailDto(ProducerDto.From(producer, lang, today, http),
            markdown.ToHtml(producer.Story.For(lang)), [.. products.Select(p => ProductDto.From(p, lang, today, http))]));
    }
}

public sealed record PagedResult<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

public sealed record CertificationDto(string Type, string Number, string Issuer, DateOnly IssuedOn, DateOnly? ExpiresOn, bool Valid)
{
    public static CertificationDto From(Certification c, DateOnly today) =>
        new(Certification.Code(c.Type), c.Number, c.Issuer, c.IssuedOn, c.ExpiresOn, c.IsValidOn(today));
}

public sealed record ProductDto(
    string Slug, string Name, string Summary, long? PriceIdr, string Unit, bool Retail, int Moq, string MoqUnit,
    bool ExportReady, string Category, string CategorySlug, string Producer, string ProducerSlug, string Region,
    string Availability, IReadOnlyList<CertificationDto> Certifications, string? ImageUrl, string Url)
{
    public static ProductDto From(Product p, string culture, DateOnly today, HttpContext http) => new(
        p.Slug, p.Name.For(culture), p.Summary.For(culture), p.PriceIdr, p.Unit.For(culture), p.Retail, p.Moq,
        p.MoqUnit.For(culture), p.ExportReady, p.Category.Name.For(culture), p.Category.Slug, p.Producer.Name,
        p.Producer.Slug, p.Producer.Region.Name, p.Availability.ToString(),
        [.. p.PublicCertifications(today).Select(c => CertificationDto.From(c, today))],
        p.Images.FirstOrDefault() is { } image ? SiteUrls.Absolute(http, MediaUrls.Preset(http, image.MediaItem, "card")) : null,
        SiteUrls.Absolute(http, culture == Cultures.English ? $"/en/products/{p.Slug}" : $"/produk/{p.Slug}"));
}

public sealed record ProductDetailDto(
    ProductDto Product, string DescriptionHtml, string? HsCode, int? ShelfLifeDays, string Packaging, int WeightGrams,
    string? CurationGrade, DateOnly? CuratedOn, IReadOnlyList<string> Images)
{
    public static ProductDetailDto From(Product p, string culture, DateOnly today, HttpContext http, MarkdownRenderer markdown) => new(
        ProductDto.From(p, culture, today, http), markdown.ToHtml(p.Description.For(culture)), p.HsCode, p.ShelfLifeDays,
        p.Packaging.For(culture), p.WeightGrams, p.CurationGrade, p.CuratedOn,
        [.. p.Images.Select(i => SiteUrls.Absolute(http, MediaUrls.Preset(http, i.MediaItem, "gallery")))]);
}

public sealed record ProducerDto(
    string Slug, string Name, string Region, string Province, string Sector, string Status, int? FoundedYear,
    string? Association, string Summary, IReadOnlyList<CertificationDto> Certifications, string Url)
{
    public static ProducerDto From(Producer p, string culture, DateOnly today, HttpContext http) => new(
        p.Slug, p.Name, p.Region.Name, p.Region.Province, p.Sector.For(culture), p.Status.ToString(), p.FoundedYear,
        p.Association, p.Summary.For(culture), [.. p.Certifications.Where(c => c.IsPublicOn(today)).Select(c => CertificationDto.From(c, today))],
        SiteUrls.Absolute(http, culture == Cultures.English ? $"/en/producers/{p.Slug}" : $"/produsen/{p.Slug}"));
}

public sealed record ProducerDetailDto(ProducerDto Producer, string StoryHtml, IReadOnlyList<ProductDto> Products);
