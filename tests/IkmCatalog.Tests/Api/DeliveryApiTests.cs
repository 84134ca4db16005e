using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Api;

[Collection(SiteCollection.Name)]
public class DeliveryApiTests(IkmWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Products_report_the_total_and_one_page_of_items()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=1");

        Assert.True(json.GetProperty("total").GetInt32() >= 40);
        Assert.Equal(1, json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Culture_selects_the_language_of_names()
    {
        var seed = SeedFiles.Read("products.json").First(p => p.GetProperty("published").GetBoolean());
        var slug = seed.GetProperty("slug").GetString();

        var id = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{slug}");
        var en = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{slug}?culture=en");

        Assert.Equal(seed.GetProperty("name").GetProperty("id").GetString(), id.GetProperty("product").GetProperty("name").GetString());
        Assert.Equal(seed.GetProperty("name").GetProperty("en").GetString(), en.GetProperty("product").GetProperty("name").GetString());
        Assert.EndsWith($"/en/products/{slug}", en.GetProperty("product").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", en.GetProperty("descriptionHtml").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Producers_are_listed_and_open_with_their_products()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/v1/producers?pageSize=100");
        var expected = SeedFiles.Slugs("producers.json", published: true).Count();
        var slug = list.GetProperty("items")[0].GetProperty("slug").GetString();

        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/producers/{slug}?culture=en");

        Assert.Equal(expected, list.GetProperty("total").GetInt32());
        Assert.NotEqual(0, detail.GetProperty("products").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/producers/no-such-producer")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_delivery_endpoints()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = json.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/products", out _));
        Assert.True(paths.TryGetProperty("/api/v1/products/{slug}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/producers", out _));
        Assert.True(paths.TryGetProperty("/api/v1/producers/{slug}", out _));
    }
}
