using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Media;

/// <summary>What the pages and the delivery API emit: signed, responsive image markup whose every URL works.</summary>
[Collection(MediaCollection.Name)]
public class ResponsiveImageTests(MediaWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string PublishedProductSlug() =>
        SeedFiles.Read("products.json").First(p => p.GetProperty("published").GetBoolean()).GetProperty("slug").GetString()!;

    private async Task<(int Width, int Height, string Type)> FetchAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("image/webp,*/*");
        var response = await _client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        using var image = TestImages.Decode(await response.Content.ReadAsByteArrayAsync());
        return (image.Width, image.Height, response.Content.Headers.ContentType!.MediaType!);
    }

    [Fact]
    public async Task Product_gallery_images_have_a_signed_srcset_intrinsic_size_lazy_loading_and_alt_text()
    {
        var page = await factory.GetDocumentAsync(_client, $"/produk/{PublishedProductSlug()}");
        var images = page.QuerySelectorAll(".gallery img").ToList();

        Assert.NotEmpty(images);
        var first = images[0];
        Assert.Equal("eager", first.GetAttribute("loading"));
        Assert.All(images.Skip(1), i => Assert.Equal("lazy", i.GetAttribute("loading")));
        Assert.All(images, i => Assert.Equal("async", i.GetAttribute("decoding")));
        Assert.All(images, i => Assert.False(string.IsNullOrWhiteSpace(i.GetAttribute("alt"))));
        var width = int.Parse(first.GetAttribute("width")!, CultureInfo.InvariantCulture);
        var height = int.Parse(first.GetAttribute("height")!, CultureInfo.InvariantCulture);
        Assert.Equal(4.0 / 3, width / (double)height, 2); // the gallery preset's proportions
        Assert.NotNull(first.GetAttribute("sizes"));

        var candidates = first.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')).ToList();
        Assert.True(candidates.Count >= 3, first.GetAttribute("srcset"));
        foreach (var candidate in candidates)
        {
            var (w, h, type) = await FetchAsync(candidate[0]);
            Assert.Contains("&sig=", candidate[0], StringComparison.Ordinal);
            Assert.Equal(candidate[1], $"{w}w");
            Assert.Equal(4.0 / 3, w / (double)h, 1);
            Assert.Equal("image/webp", type);
        }
    }

    [Fact]
    public async Task Alt_text_follows_the_page_language()
    {
        var product = SeedFiles.Read("products.json").First(p => p.GetProperty("published").GetBoolean());
        var slug = product.GetProperty("slug").GetString();

        var id = await factory.GetDocumentAsync(_client, $"/produk/{slug}");
        var en = await factory.GetDocumentAsync(_client, $"/en/products/{slug}");

        Assert.Equal(product.GetProperty("name").GetProperty("id").GetString(), id.QuerySelector(".gallery img")!.GetAttribute("alt"));
        Assert.Equal(product.GetProperty("name").GetProperty("en").GetString(), en.QuerySelector(".gallery img")!.GetAttribute("alt"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/katalog")]
    [InlineData("/produsen")]
    [InlineData("/berita")]
    [InlineData("/en/events")]
    public async Task Every_image_on_public_pages_is_a_signed_ikm_img_that_loads(string url)
    {
        var page = await factory.GetDocumentAsync(_client, url);
        var media = page.QuerySelectorAll("img").Where(i => i.GetAttribute("src")!.StartsWith("/media/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(media);
        Assert.All(media, i =>
        {
            Assert.NotNull(i.GetAttribute("srcset"));
            Assert.NotNull(i.GetAttribute("width"));
            Assert.NotNull(i.GetAttribute("height"));
            Assert.Contains("&sig=", i.GetAttribute("src")!, StringComparison.Ordinal);
        });
        await FetchAsync(media[0].GetAttribute("src")!);
    }

    [Fact]
    public async Task The_delivery_api_and_open_graph_give_absolute_signed_image_urls_that_load()
    {
        var products = await _client.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=3");
        var imageUrl = products.GetProperty("items")[0].GetProperty("imageUrl").GetString()!;
        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{products.GetProperty("items")[0].GetProperty("slug").GetString()}");
        var gallery = detail.GetProperty("images").EnumerateArray().Select(e => e.GetString()!).ToList();
        var page = await factory.GetDocumentAsync(_client, $"/produk/{PublishedProductSlug()}");
        var ogImage = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;

        foreach (var url in gallery.Prepend(imageUrl).Append(ogImage))
        {
            Assert.StartsWith("http://localhost/media/", url, StringComparison.Ordinal);
            Assert.Contains("&sig=", url, StringComparison.Ordinal);
            await FetchAsync(url);
        }
    }
}
