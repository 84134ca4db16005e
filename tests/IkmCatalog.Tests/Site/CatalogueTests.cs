using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Site;

[Collection(SiteCollection.Name)]
public class CatalogueTests(IkmWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> ProductsAsync(string query)
    {
        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/products?pageSize=100&{query}");
        return json;
    }

    [Fact]
    public async Task Catalogue_pages_through_all_published_products()
    {
        var published = SeedFiles.Slugs("products.json", published: true).ToHashSet();
        var seen = new List<string>();
        var first = await factory.GetDocumentAsync(_client, "/katalog");
        var pages = first.QuerySelectorAll(".pager a:not([rel])").Select(a => a.GetAttribute("href")!).Prepend("/katalog").Distinct().ToList();

        foreach (var url in pages)
        {
            var page = await factory.GetDocumentAsync(_client, url);
            seen.AddRange(page.QuerySelectorAll(".product-card a.card-link").Select(a => a.GetAttribute("href")!.Split('/').Last()));
        }

        Assert.True(pages.Count >= 2, "expected more than one page of products");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(published, seen.ToHashSet());
    }

    [Fact]
    public async Task Category_filter_includes_child_categories()
    {
        var categories = SeedFiles.Read("categories.json");
        var parent = categories.First(c => categories.Any(x => x.GetProperty("parent").ValueKind == JsonValueKind.String
            && x.GetProperty("parent").GetString() == c.GetProperty("slug").GetString()));
        var family = categories.Where(c => c.GetProperty("parent").ValueKind == JsonValueKind.String
            && c.GetProperty("parent").GetString() == parent.GetProperty("slug").GetString())
            .Select(c => c.GetProperty("slug").GetString()).Append(parent.GetProperty("slug").GetString()).ToHashSet();
        var expected = SeedFiles.Read("products.json").Count(p => p.GetProperty("published").GetBoolean()
            && family.Contains(p.GetProperty("category").GetString()) && IsPublicProducer(p.GetProperty("producer").GetString()!));

        var result = await ProductsAsync($"category={parent.GetProperty("slug").GetString()}");

        Assert.Equal(expected, result.GetProperty("total").GetInt32());
        Assert.All(result.GetProperty("items").EnumerateArray(), i => Assert.Contains(i.GetProperty("categorySlug").GetString(), family));
    }

    [Fact]
    public async Task Region_export_and_price_filters_narrow_the_results()
    {
        var all = await ProductsAsync("");
        var malang = await ProductsAsync("region=kota-malang");
        var export = await ProductsAsync("exportReady=true");
        var cheap = await ProductsAsync("maxPrice=30000");

        Assert.InRange(malang.GetProperty("total").GetInt32(), 1, all.GetProperty("total").GetInt32() - 1);
        Assert.All(malang.GetProperty("items").EnumerateArray(), i => Assert.Equal("Kota Malang", i.GetProperty("region").GetString()));
        Assert.All(export.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("exportReady").GetBoolean()));
        Assert.All(cheap.GetProperty("items").EnumerateArray(), i => Assert.InRange(i.GetProperty("priceIdr").GetInt64(), 0, 30000));
        Assert.True(cheap.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task Certification_filter_counts_only_valid_certificates()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var result = await ProductsAsync("certification=halal");

        Assert.True(result.GetProperty("total").GetInt32() > 0);
        Assert.All(result.GetProperty("items").EnumerateArray(), item =>
            Assert.Contains(item.GetProperty("certifications").EnumerateArray(), c =>
                c.GetProperty("type").GetString() == "halal" && c.GetProperty("valid").GetBoolean()));

        // A product whose only halal certificate has expired must not be counted.
        var expiredOnly = SeedFiles.Read("products.json").Where(p => p.GetProperty("published").GetBoolean()).Where(p =>
        {
            var halal = p.GetProperty("certifications").EnumerateArray().Where(c => c.GetProperty("type").GetString()!.Equals("halal", StringComparison.OrdinalIgnoreCase)).ToList();
            return halal.Count > 0 && halal.All(c => c.GetProperty("expiresOn").ValueKind == JsonValueKind.String
                && DateOnly.Parse(c.GetProperty("expiresOn").GetString()!, CultureInfo.InvariantCulture) < today);
        }).Select(p => p.GetProperty("slug").GetString()).ToHashSet();
        var slugs = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToHashSet();
        var wronglyCounted = expiredOnly.Intersect(slugs).Where(s => !ProducerHasValidHalal(s!)).ToList();
        Assert.True(wronglyCounted.Count == 0, "counted with an expired halal certificate: " + string.Join(", ", wronglyCounted));
    }

    [Fact]
    public async Task Price_sort_orders_prices_and_puts_inquiry_only_last()
    {
        var result = await ProductsAsync("sort=price-asc");
        var prices = result.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("priceIdr").ValueKind == JsonValueKind.Null ? long.MaxValue : i.GetProperty("priceIdr").GetInt64()).ToList();

        Assert.Equal(prices.Order().ToList(), prices);
        Assert.Contains(long.MaxValue, prices);
    }

    [Fact]
    public async Task Catalogue_page_keeps_filters_in_the_url_and_in_the_form()
    {
        var page = await factory.GetDocumentAsync(_client, "/en/catalogue?region=kota-kendari&sort=price-desc");

        Assert.Equal("kota-kendari", page.QuerySelector("#f-region option[selected]")!.GetAttribute("value"));
        Assert.Equal("price-desc", page.QuerySelector("#f-sort option[selected]")!.GetAttribute("value"));
        Assert.All(page.QuerySelectorAll(".product-card .card-meta"), m => Assert.Contains("Kendari", m.TextContent, StringComparison.Ordinal));
    }

    private static bool IsPublicProducer(string slug) =>
        SeedFiles.Read("producers.json").Any(p => p.GetProperty("slug").GetString() == slug && p.GetProperty("published").GetBoolean());

    private static bool ProducerHasValidHalal(string productSlug)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var producerSlug = SeedFiles.Read("products.json").First(p => p.GetProperty("slug").GetString() == productSlug).GetProperty("producer").GetString();
        var producer = SeedFiles.Read("producers.json").First(p => p.GetProperty("slug").GetString() == producerSlug);
        return producer.GetProperty("certifications").EnumerateArray().Any(c => c.GetProperty("type").GetString()!.Equals("halal", StringComparison.OrdinalIgnoreCase)
            && (c.GetProperty("expiresOn").ValueKind == JsonValueKind.Null
                || DateOnly.Parse(c.GetProperty("expiresOn").GetString()!, CultureInfo.InvariantCulture) >= today));
    }
}
