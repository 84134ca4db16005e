using System.Net;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Site;

[Collection(SiteCollection.Name)]
public class PublicSiteTests(IkmWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/", "id")]
    [InlineData("/en", "en")]
    [InlineData("/katalog", "id")]
    [InlineData("/en/catalogue", "en")]
    [InlineData("/produsen", "id")]
    [InlineData("/en/producers", "en")]
    [InlineData("/berita", "id")]
    [InlineData("/en/stories", "en")]
    [InlineData("/agenda", "id")]
    [InlineData("/en/events", "en")]
    [InlineData("/sertifikasi", "id")]
    [InlineData("/en/certifications", "en")]
    public async Task Main_pages_render_in_their_language_with_hreflang_and_canonical(string url, string lang)
    {
        var page = await factory.GetDocumentAsync(_client, url);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("link[rel=canonical]"));
        Assert.Equal(["id", "en", "x-default"], page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")!));
        Assert.NotNull(page.QuerySelector("meta[property='og:title']"));
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Home_shows_featured_products_categories_a_producer_story_and_upcoming_events()
    {
        var page = await factory.GetDocumentAsync(_client, "/");

        Assert.InRange(page.QuerySelectorAll(".product-card").Length, 4, 8);
        Assert.True(page.QuerySelectorAll(".category-tiles li").Length >= 6);
        Assert.NotNull(page.QuerySelector(".story-feature h2"));
        Assert.NotEmpty(page.QuerySelectorAll(".event-list li"));
    }

    [Fact]
    public async Task Language_switch_links_to_the_same_page_in_the_other_language()
    {
        var slug = SeedFiles.Slugs("products.json", published: true).First();

        var indonesian = await factory.GetDocumentAsync(_client, $"/produk/{slug}");
        var english = await factory.GetDocumentAsync(_client, $"/en/products/{slug}");

        Assert.Equal($"/en/products/{slug}", indonesian.QuerySelector("a.lang-switch")!.GetAttribute("href"));
        Assert.Equal($"/produk/{slug}", english.QuerySelector("a.lang-switch")!.GetAttribute("href"));
        Assert.NotEqual(indonesian.QuerySelector("h1")!.TextContent, english.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Product_page_shows_price_or_inquiry_moq_producer_card_and_certificate_numbers()
    {
        var product = SeedFiles.Read("products.json").First(p => p.GetProperty("published").GetBoolean()
            && p.GetProperty("certifications").GetArrayLength() > 0);
        var slug = product.GetProperty("slug").GetString();

        var page = await factory.GetDocumentAsync(_client, $"/produk/{slug}");

        Assert.Equal(product.GetProperty("name").GetProperty("id").GetString(), page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".price-large"));
        Assert.Contains(product.GetProperty("certifications")[0].GetProperty("number").GetString()!, page.QuerySelector(".cert-list")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".producer-box a[href^='/produsen/']"));
        Assert.NotNull(page.QuerySelector(".gallery img[srcset][width][height][alt]"));
    }

    [Fact]
    public async Task Inquiry_only_products_show_no_price()
    {
        var slug = SeedFiles.Read("products.json").First(p => p.GetProperty("published").GetBoolean()
            && p.GetProperty("priceIdr").ValueKind == System.Text.Json.JsonValueKind.Null).GetProperty("slug").GetString();

        var page = await factory.GetDocumentAsync(_client, $"/en/products/{slug}");

        Assert.Equal("Price on request", page.QuerySelector(".price-large")!.TextContent.Trim());
    }

    [Fact]
    public async Task Expired_certificates_are_not_shown_as_badges()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var product = SeedFiles.Read("products.json").First(p => p.GetProperty("published").GetBoolean()
            && p.GetProperty("certifications").EnumerateArray().Any(c =>
                c.GetProperty("expiresOn").ValueKind == System.Text.Json.JsonValueKind.String
                && DateOnly.Parse(c.GetProperty("expiresOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < today));
        var expired = product.GetProperty("certifications").EnumerateArray().First(c =>
            c.GetProperty("expiresOn").ValueKind == System.Text.Json.JsonValueKind.String
            && DateOnly.Parse(c.GetProperty("expiresOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < today);

        var page = await factory.GetDocumentAsync(_client, $"/en/products/{product.GetProperty("slug").GetString()}");

        // Only verified certificates valid today are public; an expired one is the office's to chase, not a badge.
        Assert.Null(page.QuerySelector(".cert-expired"));
        Assert.DoesNotContain(expired.GetProperty("number").GetString()!, page.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task Drafts_and_unapproved_producers_are_never_public()
    {
        foreach (var slug in SeedFiles.Slugs("products.json", published: false))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/produk/{slug}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/products/{slug}")).StatusCode);
        }
        foreach (var slug in SeedFiles.Slugs("producers.json", published: false))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/en/producers/{slug}")).StatusCode);
            var catalogue = await _client.GetStringAsync("/api/v1/products?pageSize=100");
            Assert.DoesNotContain($"\"producerSlug\":\"{slug}\"", catalogue, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/produk/tidak-ada", "id", "Halaman tidak ditemukan")]
    [InlineData("/en/products/no-such-thing", "en", "Page not found")]
    [InlineData("/halaman/tidak-ada", "id", "Halaman tidak ditemukan")]
    public async Task Missing_pages_get_a_404_page_in_their_language(string url, string lang, string heading)
    {
        var response = await _client.GetAsync(url);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Producer_page_tells_the_story_and_lists_its_products()
    {
        var producer = SeedFiles.Slugs("producers.json", published: true).First();

        var page = await factory.GetDocumentAsync(_client, $"/en/producers/{producer}");

        Assert.NotEmpty(page.QuerySelectorAll(".product-card"));
        Assert.True(page.QuerySelector(".prose")!.TextContent.Trim().Length > 200);
    }

    [Fact]
    public async Task Stories_events_and_pages_open_from_their_lists()
    {
        var stories = await factory.GetDocumentAsync(_client, "/en/stories");
        var storyLink = stories.QuerySelector(".grid-stories a")!.GetAttribute("href")!;
        var story = await factory.GetDocumentAsync(_client, storyLink);
        Assert.True(story.QuerySelector(".prose")!.TextContent.Length > 200);

        var events = await factory.GetDocumentAsync(_client, "/agenda");
        var eventLink = events.QuerySelector(".event-card a")!.GetAttribute("href")!;
        var item = await factory.GetDocumentAsync(_client, eventLink);
        Assert.NotNull(item.QuerySelector("time[datetime]"));

        var about = await factory.GetDocumentAsync(_client, "/halaman/tentang");
        Assert.NotEmpty(about.QuerySelector(".prose")!.TextContent.Trim());
    }

    [Fact]
    public async Task Certification_page_explains_each_badge()
    {
        var page = await factory.GetDocumentAsync(_client, "/sertifikasi");

        Assert.Equal(["pirt", "bpom", "halal", "sni"], page.QuerySelectorAll("section.cert-explain").Select(s => s.Id!));
    }

    [Fact]
    public async Task Sitemap_lists_published_pages_in_both_languages_with_alternates()
    {
        var sitemap = await _client.GetStringAsync("/sitemap.xml");
        var published = SeedFiles.Slugs("products.json", published: true).First();
        var draft = SeedFiles.Slugs("products.json", published: false).First();

        Assert.Contains($"/produk/{published}</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains($"/en/products/{published}</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\"", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, sitemap, StringComparison.Ordinal);

        var robots = await _client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await _client.GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Theme_stylesheet_is_served()
    {
        var page = await factory.GetDocumentAsync(_client, "/");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var css = await _client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }
}
