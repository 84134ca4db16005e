using IkmCatalog.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>The product gallery: thumbnails, the full-screen viewer by keyboard, and plain links without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public class GalleryBrowserTests(BrowserFixture browser)
{
    /// <summary>A published product with at least two photos.</summary>
    private static string ProductWithPhotos() =>
        SeedFiles.Read("products.json").First(p => p.GetProperty("published").GetBoolean() && p.GetProperty("images").GetArrayLength() >= 2)
            .GetProperty("slug").GetString()!;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task The_viewer_opens_moves_and_closes_by_keyboard_and_gives_focus_back()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        var errors = new List<string>(); // a CSP refusal (of the script or the JSON-LD blocks) shows here
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"/produk/{ProductWithPhotos()}");
        var main = page.Locator("[data-gallery-main]");
        var viewer = page.Locator("dialog.viewer");

        for (var i = 0; i < 60 && !await main.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(main).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(viewer).ToBeVisibleAsync();
        Assert.True(await viewer.EvaluateAsync<bool>("d => d.open && d.contains(document.activeElement)"));
        await Expect(page.Locator("[data-viewer-counter]")).ToHaveTextAsync("1 / 2");
        var image = page.Locator("[data-viewer-image]");
        var first = await image.EvaluateAsync<string>("i => i.currentSrc || i.src");
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("[data-viewer-counter]")).ToHaveTextAsync("2 / 2");
        await Expect(image).Not.ToHaveAttributeAsync("src", first);
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("[data-viewer-counter]")).ToHaveTextAsync("1 / 2");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("[data-viewer-counter]")).ToHaveTextAsync("2 / 2");

        await page.Keyboard.PressAsync("Escape");
        await Expect(viewer).ToBeHiddenAsync();
        await Expect(main).ToBeFocusedAsync();
        // The page now shows the photo last viewed.
        await Expect(page.Locator(".gallery-thumbs a").Nth(1)).ToHaveAttributeAsync("aria-current", "true");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_thumbnail_switches_the_main_photo_and_the_viewer_speaks_english_on_english_pages()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/en/products/{ProductWithPhotos()}");
        var mainImage = page.Locator("[data-gallery-main] img");
        var before = await mainImage.GetAttributeAsync("src");
        var thumbs = page.Locator(".gallery-thumbs a");
        await Expect(thumbs.Nth(0)).ToHaveAttributeAsync("aria-current", "true");

        await thumbs.Nth(1).ClickAsync();

        await Expect(mainImage).Not.ToHaveAttributeAsync("src", before!);
        await Expect(thumbs.Nth(1)).ToHaveAttributeAsync("aria-current", "true");
        await Expect(thumbs.Nth(0)).Not.ToHaveAttributeAsync("aria-current", "true");
        Assert.EndsWith(new Uri(browser.BaseUrl).Authority + $"/en/products/{ProductWithPhotos()}", page.Url.TrimEnd('/'), StringComparison.Ordinal);

        await page.Locator("[data-gallery-main]").ClickAsync();
        var viewer = page.GetByRole(AriaRole.Dialog);
        await Expect(viewer).ToBeVisibleAsync();
        await Expect(page.Locator("[data-viewer-counter]")).ToHaveTextAsync("2 / 2");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Next photo" })).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Previous photo" })).ToBeVisibleAsync();
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Next photo" }).ClickAsync();
        await Expect(page.Locator("[data-viewer-counter]")).ToHaveTextAsync("1 / 2");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Close photo viewer" }).ClickAsync();
        await Expect(viewer).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_a_thumbnail_is_a_link_to_the_large_photo()
    {
        var page = await browser.NewPageAsync(javaScript: false, width: 390, height: 844);
        await page.GotoAsync($"/produk/{ProductWithPhotos()}");

        await page.Locator(".gallery-thumbs a").Nth(1).ClickAsync();

        Assert.Contains("/media/", page.Url, StringComparison.Ordinal);
        var size = await page.EvaluateAsync<int[]>("() => { const i = document.querySelector('img'); return [i.naturalWidth, i.naturalHeight]; }");
        Assert.True(size[0] >= 1000, $"{size[0]}×{size[1]}");
        await page.Context.CloseAsync();
    }
}
