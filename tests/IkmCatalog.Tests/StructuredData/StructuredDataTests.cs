using System.Text.Json;
using AngleSharp.Html.Dom;
using IkmCatalog.Catalog;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.StructuredData;

/// <summary>The schema.org JSON-LD of public pages, parsed as a search engine reads it, in both languages.</summary>
public class StructuredDataTests(IkmWebFactory factory) : IClassFixture<IkmWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement Published(string file, Func<JsonElement, bool>? where = null) =>
        SeedFiles.Read(file).First(e => e.GetProperty("published").GetBoolean() && (where?.Invoke(e) ?? true));

    private static string Text(JsonElement e, string culture) => e.GetProperty(culture).GetString()!;

    /// <summary>Every JSON-LD block of the page, each parsed on its own (a broken one fails here).</summary>
    private async Task<List<JsonElement>> BlocksAsync(string url)
    {
        var page = await factory.GetDocumentAsync(_client, url);
        return page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement.Clone())
            .ToList();
    }

    private static JsonElement Single(List<JsonElement> blocks, string type)
    {
        var found = Assert.Single(blocks, b => b.GetProperty("@type").GetString() == type);
        Assert.Equal("https://schema.org", found.GetProperty("@context").GetString());
        return found;
    }

    private static void AssertAbsolute(JsonElement value) =>
        Assert.True(Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", value.ToString());

    private static void AssertBreadcrumbs(List<JsonElement> blocks, string pagePath, params string[] names)
    {
        var items = Single(blocks, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(names, items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("position").GetInt32()));
        Assert.All(items, i =>
        {
            Assert.Equal("ListItem", i.GetProperty("@type").GetString());
            AssertAbsolute(i.GetProperty("item"));
        });
        Assert.EndsWith(pagePath, items[^1].GetProperty("item").GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "/produk/")]
    [InlineData("en", "/en/products/")]
    public async Task A_product_with_a_price_is_a_product_with_brand_and_an_offer_in_rupiah(string culture, string prefix)
    {
        var product = Published("products.json", p => p.GetProperty("priceIdr").ValueKind == JsonValueKind.Number);
        var producer = Published("producers.json", p => p.GetProperty("slug").GetString() == product.GetProperty("producer").GetString());
        var slug = product.GetProperty("slug").GetString()!;

        var blocks = await BlocksAsync(prefix + slug);

        var thing = Single(blocks, "Product");
        Assert.Equal(Text(product.GetProperty("name"), culture), thing.GetProperty("name").GetString());
        Assert.Equal(Text(product.GetProperty("summary"), culture), thing.GetProperty("description").GetString());
        Assert.False(string.IsNullOrWhiteSpace(thing.GetProperty("sku").GetString()));
        AssertAbsolute(thing.GetProperty("url"));
        var images = thing.GetProperty("image").EnumerateArray().ToList();
        Assert.Equal(product.GetProperty("images").GetArrayLength(), images.Count);
        Assert.All(images, AssertAbsolute);
        Assert.Equal("Brand", thing.GetProperty("brand").GetProperty("@type").GetString());
        Assert.Equal(producer.GetProperty("name").GetString(), thing.GetProperty("brand").GetProperty("name").GetString());
        Assert.Equal("Organization", thing.GetProperty("manufacturer").GetProperty("@type").GetString());
        var offer = thing.GetProperty("offers");
        Assert.Equal("Offer", offer.GetProperty("@type").GetString());
        Assert.Equal(product.GetProperty("priceIdr").GetInt64(), offer.GetProperty("price").GetInt64());
        Assert.Equal("IDR", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal("https://schema.org/" + product.GetProperty("availability").GetString(), offer.GetProperty("availability").GetString());
        Assert.Equal(thing.GetProperty("url").GetString(), offer.GetProperty("url").GetString());
        AssertBreadcrumbs(blocks, prefix + slug, [.. BreadcrumbNames(blocks).SkipLast(1), Text(product.GetProperty("name"), culture)]);
    }

    private static IEnumerable<string> BreadcrumbNames(List<JsonElement> blocks) =>
        Single(blocks, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().Select(i => i.GetProperty("name").GetString()!);

    [Fact]
    public async Task A_product_out_of_stock_says_so_and_one_on_request_has_no_offer()
    {
        var onRequest = Published("products.json", p => p.GetProperty("priceIdr").ValueKind == JsonValueKind.Null);
        var blocks = await BlocksAsync("/produk/" + onRequest.GetProperty("slug").GetString());
        var thing = Single(blocks, "Product");
        Assert.False(thing.TryGetProperty("offers", out _));
        Assert.Equal("Brand", thing.GetProperty("brand").GetProperty("@type").GetString());

        // Not the product the other tests read or rename.
        var priced = SeedFiles.Read("products.json").Where(p => p.GetProperty("published").GetBoolean() && p.GetProperty("priceIdr").ValueKind == JsonValueKind.Number).Skip(1).First();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            var product = await db.Products.SingleAsync(p => p.Slug == priced.GetProperty("slug").GetString());
            product.Availability = Availability.OutOfStock;
            await db.SaveChangesAsync();
        }
        var after = Single(await BlocksAsync("/en/products/" + priced.GetProperty("slug").GetString()), "Product");
        Assert.Equal("https://schema.org/OutOfStock", after.GetProperty("offers").GetProperty("availability").GetString());
    }

    [Fact]
    public async Task A_product_name_with_a_closing_script_tag_stays_inside_its_json()
    {
        const string Name = "Keripik </script><script>alert(1)</script> & <b>pedas</b>";
        var slug = SeedFiles.Read("products.json").Last(p => p.GetProperty("published").GetBoolean()).GetProperty("slug").GetString()!;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            var product = await db.Products.SingleAsync(p => p.Slug == slug);
            product.Name = new IkmCatalog.Content.LocalizedText(Name, product.Name.English);
            await db.SaveChangesAsync();
        }

        var html = await _client.GetStringAsync("/produk/" + slug);
        var page = await factory.GetDocumentAsync(_client, "/produk/" + slug);

        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        var blocks = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement).ToList();
        Assert.Equal(Name, Single(blocks, "Product").GetProperty("name").GetString());
        Assert.Equal(Name, BreadcrumbNames(blocks).Last());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en")]
    public async Task The_home_page_describes_the_office_as_an_organization(string url)
    {
        var thing = Single(await BlocksAsync(url), "Organization");

        Assert.False(string.IsNullOrWhiteSpace(thing.GetProperty("name").GetString()));
        AssertAbsolute(thing.GetProperty("url"));
        Assert.EndsWith(url, thing.GetProperty("url").GetString()!, StringComparison.Ordinal);
        AssertAbsolute(thing.GetProperty("logo"));
        Assert.Equal("PostalAddress", thing.GetProperty("address").GetProperty("@type").GetString());
        var contact = thing.GetProperty("contactPoint");
        Assert.Equal("ContactPoint", contact.GetProperty("@type").GetString());
        Assert.StartsWith("+62", contact.GetProperty("telephone").GetString(), StringComparison.Ordinal);
        Assert.Contains("@", contact.GetProperty("email").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "/produsen/")]
    [InlineData("en", "/en/producers/")]
    public async Task A_producer_page_is_a_local_business_with_its_region(string culture, string prefix)
    {
        var producer = Published("producers.json", p => p.TryGetProperty("whatsapp", out var w) && w.ValueKind == JsonValueKind.String);
        var region = SeedFiles.Read("regions.json").First(r => r.GetProperty("slug").GetString() == producer.GetProperty("region").GetString());
        var slug = producer.GetProperty("slug").GetString()!;

        var blocks = await BlocksAsync(prefix + slug);

        var thing = Single(blocks, "LocalBusiness");
        Assert.Equal(producer.GetProperty("name").GetString(), thing.GetProperty("name").GetString());
        Assert.Equal(Text(producer.GetProperty("summary"), culture), thing.GetProperty("description").GetString());
        AssertAbsolute(thing.GetProperty("url"));
        AssertAbsolute(thing.GetProperty("image"));
        var address = thing.GetProperty("address");
        Assert.Equal("PostalAddress", address.GetProperty("@type").GetString());
        Assert.Equal(region.GetProperty("name").GetString(), address.GetProperty("addressLocality").GetString());
        Assert.Equal(region.GetProperty("province").GetString(), address.GetProperty("addressRegion").GetString());
        Assert.Equal("ID", address.GetProperty("addressCountry").GetString());
        Assert.StartsWith("+62", thing.GetProperty("telephone").GetString(), StringComparison.Ordinal);
        AssertBreadcrumbs(blocks, prefix + slug, [.. BreadcrumbNames(blocks).SkipLast(2), region.GetProperty("name").GetString()!, producer.GetProperty("name").GetString()!]);
    }

    [Theory]
    [InlineData("id", "/agenda/")]
    [InlineData("en", "/en/events/")]
    public async Task An_event_page_is_an_event_with_local_times_a_place_and_an_organizer(string culture, string prefix)
    {
        var item = Published("events.json", e => e.TryGetProperty("region", out var r) && r.ValueKind == JsonValueKind.String);
        var slug = item.GetProperty("slug").GetString()!;
        var starts = DateTimeOffset.Parse(item.GetProperty("startsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var blocks = await BlocksAsync(prefix + slug);

        var thing = Single(blocks, "Event");
        Assert.Equal(Text(item.GetProperty("title"), culture), thing.GetProperty("name").GetString());
        Assert.Equal(Text(item.GetProperty("summary"), culture), thing.GetProperty("description").GetString());
        var start = thing.GetProperty("startDate").GetString()!;
        Assert.Equal(starts, DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith(starts.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture), start, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.Parse(thing.GetProperty("endDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > starts);
        Assert.Equal("https://schema.org/EventScheduled", thing.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", thing.GetProperty("eventAttendanceMode").GetString());
        var location = thing.GetProperty("location");
        Assert.Equal("Place", location.GetProperty("@type").GetString());
        Assert.Equal(item.GetProperty("venue").GetString(), location.GetProperty("name").GetString());
        Assert.Equal("PostalAddress", location.GetProperty("address").GetProperty("@type").GetString());
        Assert.Equal("Organization", thing.GetProperty("organizer").GetProperty("@type").GetString());
        AssertAbsolute(thing.GetProperty("url"));
        AssertBreadcrumbs(blocks, prefix + slug, [.. BreadcrumbNames(blocks).SkipLast(1), Text(item.GetProperty("title"), culture)]);
    }

    [Fact]
    public async Task Registration_on_the_site_is_a_free_offer_and_registration_elsewhere_an_offer_with_its_address()
    {
        var external = SeedFiles.Read("events.json").Where(e => e.GetProperty("published").GetBoolean() && e.TryGetProperty("registrationUrl", out var u) && u.ValueKind == JsonValueKind.String)
            .MaxBy(e => DateTimeOffset.Parse(e.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture))!;
        var onSite = SeedFiles.Read("events.json").First(e => e.GetProperty("published").GetBoolean() && e.TryGetProperty("capacity", out var c) && c.ValueKind == JsonValueKind.Number
            && DateTimeOffset.Parse(e.GetProperty("startsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            var item = await db.Events.SingleAsync(e => e.Slug == onSite.GetProperty("slug").GetString());
            item.RegistrationMode = IkmCatalog.Events.EventRegistrationMode.Public;
            item.RegistrationUrl = null;
            await db.SaveChangesAsync();
        }

        var offer = Single(await BlocksAsync("/en/events/" + onSite.GetProperty("slug").GetString()), "Event").GetProperty("offers");
        Assert.Equal("Offer", offer.GetProperty("@type").GetString());
        Assert.Equal(0, offer.GetProperty("price").GetInt32());
        Assert.Equal("IDR", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal("https://schema.org/InStock", offer.GetProperty("availability").GetString());
        Assert.EndsWith("/en/events/" + onSite.GetProperty("slug").GetString(), offer.GetProperty("url").GetString()!, StringComparison.Ordinal);
        Assert.True(offer.TryGetProperty("validThrough", out _));

        var elsewhere = Single(await BlocksAsync("/agenda/" + external.GetProperty("slug").GetString()), "Event").GetProperty("offers");
        Assert.Equal(external.GetProperty("registrationUrl").GetString(), elsewhere.GetProperty("url").GetString());
        Assert.False(elsewhere.TryGetProperty("price", out _));
    }

    [Theory]
    [InlineData("id", "/berita/")]
    [InlineData("en", "/en/stories/")]
    public async Task A_story_page_has_its_breadcrumbs(string culture, string prefix)
    {
        var story = Published("stories.json");
        var slug = story.GetProperty("slug").GetString()!;

        var blocks = await BlocksAsync(prefix + slug);

        Assert.Equal(2, BreadcrumbNames(blocks).Count());
        AssertBreadcrumbs(blocks, prefix + slug, [BreadcrumbNames(blocks).First(), Text(story.GetProperty("title"), culture)]);
    }
}
