using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Listing;

/// <summary>
/// The catalogue, the search page and both APIs list on the index through one query string and one order
/// vocabulary, list what the former SQL listing listed, and never fail on a page out of range.
/// </summary>
[Collection(SiteCollection.Name)]
public class ListingEndpointTests(IkmWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Filters => new()
    {
        "",
        "category=makanan-ringan",
        "category=keripik-tempe",
        "region=kota-malang",
        "certification=halal",
        "certification=pirt&exportReady=true",
        "exportReady=false",
        "retail=true",
        "minPrice=20000&maxPrice=60000",
        "category=tenun-busana&region=kota-kendari",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_products_api_lists_what_the_former_sql_listing_listed_in_every_order(string filters)
    {
        foreach (var sort in new[] { "newest", "price-asc", "price-desc", "name" })
        {
            foreach (var culture in new[] { Cultures.Indonesian, Cultures.English })
            {
                var expected = await LegacyAsync(filters, sort, culture);
                var listed = await ApiSlugsAsync($"/api/v1/products?pageSize=100&culture={culture}&sort={sort}&{filters}");

                Assert.True(expected.SequenceEqual(listed), $"{filters} sort={sort} culture={culture}: expected {string.Join(",", expected)} but got {string.Join(",", listed)}");
            }
        }
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("price-asc")]
    [InlineData("price-desc")]
    [InlineData("name")]
    public async Task Every_listing_orders_the_same_way(string sort)
    {
        var expected = await LegacyAsync("", sort, Cultures.Indonesian);

        var products = await ApiSlugsAsync($"/api/v1/products?pageSize=100&sort={sort}");
        var search = await ApiSlugsAsync($"/api/v1/search?pageSize=100&sort={sort}");
        var catalogue = await PageSlugsAsync($"/katalog?sort={sort}");
        var searchPage = await PageSlugsAsync($"/cari?sort={sort}");

        Assert.Equal(expected, products);
        Assert.Equal(expected, search);
        Assert.Equal(expected.Take(12), catalogue);
        Assert.Equal(expected.Take(12), searchPage);
    }

    [Fact]
    public async Task Name_order_follows_the_language_of_the_page()
    {
        var indonesian = await LegacyAsync("", "name", Cultures.Indonesian);
        var english = await LegacyAsync("", "name", Cultures.English);

        Assert.NotEqual(indonesian.Take(12), english.Take(12));
        Assert.Equal(indonesian.Take(12), await PageSlugsAsync("/katalog?sort=name"));
        Assert.Equal(english.Take(12), await PageSlugsAsync("/en/catalogue?sort=name"));
        Assert.Equal(english, await ApiSlugsAsync("/api/v1/search?pageSize=100&culture=en&sort=name"));
    }

    [Fact]
    public async Task Words_are_ordered_by_relevance_unless_another_order_is_chosen()
    {
        var relevance = await _client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=keripik+tempe&pageSize=100");
        var byDefault = await ApiSlugsAsync("/api/v1/search?q=keripik+tempe&pageSize=100");
        var byPrice = await _client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=keripik+tempe&pageSize=100&sort=price-asc");
        var prices = byPrice.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("price").ValueKind == JsonValueKind.Null ? long.MaxValue : i.GetProperty("price").GetInt64()).ToList();

        Assert.Equal(byDefault, await ApiSlugsAsync("/api/v1/search?q=keripik+tempe&pageSize=100&sort=relevance"));
        Assert.Contains("tempe", relevance.GetProperty("items")[0].GetProperty("slug").GetString(), StringComparison.Ordinal);
        Assert.Equal(prices.Order(), prices);
        var page = await factory.GetDocumentAsync(_client, "/cari?q=keripik+tempe");
        Assert.Equal("relevance", page.QuerySelector("#s-sort option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/katalog", "#f-sort", "newest")]
    [InlineData("/en/catalogue", "#f-sort", "newest")]
    [InlineData("/cari", "#s-sort", "newest")]
    [InlineData("/cari?q=kopi", "#s-sort", "relevance")]
    public async Task Pages_offer_the_one_vocabulary_and_fall_back_to_the_default_for_an_unknown_order(string url, string select, string fallback)
    {
        var page = await factory.GetDocumentAsync(_client, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "sort=cheapest");

        var offered = page.QuerySelectorAll(select + " option").Select(o => o.GetAttribute("value")).ToList();
        var expected = fallback == "relevance"
            ? new[] { "relevance", "newest", "price-asc", "price-desc", "name" }
            : ["newest", "price-asc", "price-desc", "name"];
        Assert.Equal(expected, offered);
        Assert.Equal(fallback, page.QuerySelector(select + " option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/katalog?page=2147483647")]
    [InlineData("/katalog?page=99")]
    [InlineData("/en/catalogue?page=100&sort=name")]
    [InlineData("/cari?q=keripik&page=2147483647")]
    [InlineData("/cari?page=50")]
    public async Task A_page_beyond_the_last_says_so_and_links_to_the_first(string url)
    {
        var page = await factory.GetDocumentAsync(_client, url);

        Assert.Empty(page.QuerySelectorAll(".product-card, .search-result"));
        var back = page.QuerySelector(".results p.empty a")!;
        Assert.DoesNotContain("page=", back.GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/katalog?page=0")]
    [InlineData("/katalog?page=-2147483648&pageSize=-1")]
    [InlineData("/cari?q=kopi&page=-1&pageSize=2147483647")]
    [InlineData("/en/catalogue?minPrice=90000&maxPrice=10000")]
    public async Task Pages_out_of_range_show_the_first_page(string url)
    {
        var page = await factory.GetDocumentAsync(_client, url);

        Assert.NotEmpty(page.QuerySelectorAll(".product-card, .search-result"));
        Assert.Equal("1", page.QuerySelector(".pager [aria-current=page]")?.TextContent ?? "1");
    }

    [Theory]
    [InlineData("/api/v1/products?sort=cheapest", "sort", "price-asc")]
    [InlineData("/api/v1/search?q=kopi&sort=cheapest", "sort", "relevance")]
    [InlineData("/api/v1/products?page=0", "page", "between 1 and 100")]
    [InlineData("/api/v1/products?page=2147483647", "page", "between 1 and 100")]
    [InlineData("/api/v1/search?page=101", "page", "between 1 and 100")]
    [InlineData("/api/v1/products?pageSize=0", "pageSize", "between 1 and 100")]
    [InlineData("/api/v1/search?pageSize=101", "pageSize", "between 1 and 100")]
    [InlineData("/api/v1/products?minPrice=50000&maxPrice=10000", "minPrice", "maxPrice")]
    [InlineData("/api/v1/search?minPrice=-1", "minPrice", "0 or more")]
    [InlineData("/api/v1/products?certification=iso", "certification", "halal")]
    public async Task The_apis_answer_invalid_parameters_with_a_problem_saying_what_is_allowed(string url, string parameter, string allowed)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.Contains(allowed, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_allowed_page_is_an_empty_page_not_an_error()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/v1/products?page=100&pageSize=100");

        Assert.Equal(100, json.GetProperty("page").GetInt32());
        Assert.Empty(json.GetProperty("items").EnumerateArray());
        Assert.True(json.GetProperty("total").GetInt32() > 0);
    }

    private async Task<List<string>> LegacyAsync(string filters, string sort, string culture)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(filters);
        string? Get(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        var filter = new LegacySqlListing.Filter(
            Get("category"), Get("region"), Get("certification"),
            Get("exportReady") is { } e ? bool.Parse(e) : null, Get("retail") is { } r ? bool.Parse(r) : null,
            Get("minPrice") is { } min ? long.Parse(min, System.Globalization.CultureInfo.InvariantCulture) : null,
            Get("maxPrice") is { } max ? long.Parse(max, System.Globalization.CultureInfo.InvariantCulture) : null,
            sort);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        return await LegacySqlListing.SlugsAsync(db, filter, DateTime.UtcNow, culture);
    }

    private async Task<List<string>> ApiSlugsAsync(string url)
    {
        var json = await _client.GetFromJsonAsync<JsonElement>(url);
        return [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];
    }

    private async Task<List<string>> PageSlugsAsync(string url)
    {
        var page = await factory.GetDocumentAsync(_client, url);
        return [.. page.QuerySelectorAll(".product-card a.card-link, .search-result-title a")
            .Select(a => a.GetAttribute("href")!.Split('?')[0].Split('/').Last()).Distinct()];
    }
}
