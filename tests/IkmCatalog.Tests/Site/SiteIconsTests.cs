using System.Buffers.Binary;
using System.Text.Json;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Site;

/// <summary>The theme's favicon, touch icon and web app manifest, in both languages and for every theme.</summary>
[Collection(SiteCollection.Name)]
public class SiteIconsTests(IkmWebFactory factory)
{
    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static async Task AssertIconsAsync(IkmWebFactory app, string theme)
    {
        var client = app.CreateClient();

        var favicon = await client.GetAsync("/favicon.ico");
        Assert.Equal(System.Net.HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal("image/x-icon", favicon.Content.Headers.ContentType!.MediaType);
        var ico = await favicon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, ico[..4]); // an icon resource
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(ico.AsSpan(4))); // 16, 32 and 48 px

        foreach (var (home, culture, startUrl) in new[] { ("/", "id", "/"), ("/en/", "en", "/en/") })
        {
            var page = await app.GetDocumentAsync(client, home);
            var manifestUrl = page.QuerySelector("link[rel=manifest]")!.GetAttribute("href")!;
            Assert.Equal("/favicon.ico", page.QuerySelector("link[rel=icon][sizes]")!.GetAttribute("href"));
            Assert.Contains($"/{theme}/logo.svg", page.QuerySelector("link[rel=icon][type='image/svg+xml']")!.GetAttribute("href"), StringComparison.Ordinal);
            var touch = await client.GetByteArrayAsync(page.QuerySelector("link[rel=apple-touch-icon]")!.GetAttribute("href"));
            Assert.Equal((180, 180), PngSize(touch));

            var response = await client.GetAsync(manifestUrl);
            Assert.Equal("application/manifest+json", response.Content.Headers.ContentType!.MediaType);
            using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = manifest.RootElement;
            Assert.Equal(culture, root.GetProperty("lang").GetString());
            Assert.Equal(startUrl, root.GetProperty("start_url").GetString());
            Assert.Equal("standalone", root.GetProperty("display").GetString());
            Assert.Equal(page.QuerySelector("meta[name=theme-color]")!.GetAttribute("content"), root.GetProperty("theme_color").GetString());
            Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("background_color").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("short_name").GetString()));
            Assert.StartsWith(page.QuerySelector(".brand-text strong")!.TextContent.Trim(), root.GetProperty("name").GetString(), StringComparison.Ordinal);
            var sizes = new List<string>();
            foreach (var icon in root.GetProperty("icons").EnumerateArray().Where(i => i.GetProperty("type").GetString() == "image/png"))
            {
                var src = icon.GetProperty("src").GetString()!;
                Assert.Contains($"/{theme}/icons/", src, StringComparison.Ordinal);
                var (width, height) = PngSize(await client.GetByteArrayAsync(src));
                Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
                sizes.Add($"{width}x{height}");
            }
            Assert.Equal(["192x192", "512x512"], sizes);
        }
    }

    [Fact]
    public async Task The_default_theme_serves_its_favicon_touch_icon_and_manifest_in_both_languages() =>
        await AssertIconsAsync(factory, "default");

    [Fact]
    public async Task Other_themes_serve_icons_drawn_from_their_own_logo()
    {
        foreach (var theme in new[] { "kendari", "malang" })
        {
            using var app = IkmWebFactory.With(new() { ["IkmCatalog:Theme"] = theme });
            await AssertIconsAsync(app, theme);
        }
    }

    [Fact]
    public async Task The_backoffice_sign_in_page_finds_a_favicon()
    {
        var client = factory.CreateClient();
        var signIn = await factory.GetDocumentAsync(client, "/backoffice/login");

        // Browsers ask /favicon.ico of any page that names no icon, as the sign-in page does.
        var icon = signIn.QuerySelector("link[rel~=icon]")?.GetAttribute("href") ?? "/favicon.ico";
        var response = await client.GetAsync(icon);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("image/", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }
}
