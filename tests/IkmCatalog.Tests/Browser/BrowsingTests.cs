using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class BrowsingTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/", "Katalog", "Terapkan")]
    [InlineData("/en", "Catalogue", "Apply")]
    public async Task A_buyer_browses_from_home_to_a_filtered_catalogue_a_product_and_its_producer(string home, string catalogueLink, string apply)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(home);

        await page.GetByRole(AriaRole.Navigation, new() { Name = home == "/" ? "Menu utama" : "Main menu" })
            .GetByRole(AriaRole.Link, new() { Name = catalogueLink, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(home == "/" ? "/katalog" : "/en/catalogue", StringComparison.Ordinal));

        var total = await page.Locator(".result-count").TextContentAsync();
        await page.SelectOptionAsync("#f-region", "kota-kendari");
        await page.GetByRole(AriaRole.Button, new() { Name = apply }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("region=kota-kendari", StringComparison.Ordinal));
        Assert.NotEqual(total, await page.Locator(".result-count").TextContentAsync());
        var metas = await page.Locator(".product-card .card-meta").AllTextContentsAsync();
        Assert.NotEmpty(metas);
        Assert.All(metas, m => Assert.Contains("Kota Kendari", m, StringComparison.Ordinal));

        var firstCard = page.Locator(".product-card").First;
        var productName = (await firstCard.Locator(".card-title").TextContentAsync())!.Trim();
        await firstCard.Locator("a.card-link").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(productName);
        await Expect(page.Locator(".cert-list, .product-info")).Not.ToHaveCountAsync(0);

        var producerLink = page.Locator(".producer-box a").First;
        var producerName = (await producerLink.TextContentAsync())!.Trim();
        await producerLink.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(producerName);
        await Expect(page.Locator(".product-card")).Not.ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_opens_the_same_page_in_english()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/produsen");

        await page.Locator("a.lang-switch").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/en/producers", StringComparison.Ordinal));
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("IKM producers");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_pages_do_not_scroll_sideways()
    {
        var page = await browser.NewPageAsync(width: 375, height: 740);
        foreach (var url in new[] { "/", "/katalog", "/en/producers" })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} overflows by {overflow}px");
        }
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en")]
    [InlineData("/katalog")]
    [InlineData("/en/catalogue?exportReady=true")]
    [InlineData("/produsen")]
    [InlineData("/en/stories")]
    [InlineData("/agenda")]
    [InlineData("/en/certifications")]
    public async Task Main_pages_have_no_serious_accessibility_violations(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Product_and_producer_pages_have_no_serious_accessibility_violations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/catalogue");
        await page.Locator(".product-card a.card-link").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/en/products/", StringComparison.Ordinal));
        var product = await page.RunAxe();
        await page.Locator(".producer-box a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/en/producers/", StringComparison.Ordinal));
        var producer = await page.RunAxe();

        Assert.DoesNotContain(product.Violations.Concat(producer.Violations), v => v.Impact is "serious" or "critical");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_whatsapp_link_of_a_product_is_visible_and_easy_to_tap()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/produk/keripik-tempe-original-bu-sri");

        var whatsApp = page.GetByRole(AriaRole.Link, new() { Name = "WhatsApp Keripik Tempe Bu Sri Sanan" });
        await whatsApp.ScrollIntoViewIfNeededAsync();
        await Expect(whatsApp).ToBeVisibleAsync();
        var box = (await whatsApp.BoundingBoxAsync())!;
        Assert.True(box.Width >= 24 && box.Height >= 24, $"the WhatsApp link is {box.Width}×{box.Height} px");
        Assert.StartsWith("https://wa.me/6281233450718?text=", await whatsApp.GetAttributeAsync("href"), StringComparison.Ordinal);

        var result = await page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
