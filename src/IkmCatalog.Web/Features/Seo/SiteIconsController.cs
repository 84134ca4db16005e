using System.Text.Json;
using IkmCatalog.Content;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features.Seo;

/// <summary>
/// The theme's icons where browsers look for them without asking the page (<c>/favicon.ico</c>, also on the
/// backoffice's pages) and the web app manifest in each language, so a phone can put the site on its home screen.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SiteIconsController(ActiveTheme theme, UiStrings strings, IWebHostEnvironment environment) : Controller
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromDays(1);

    [HttpGet("favicon.ico")]
    public IActionResult Favicon()
    {
        var file = environment.WebRootFileProvider.GetFileInfo(theme.IconPath("favicon.ico").TrimStart('/'));
        if (!file.Exists)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = $"public, max-age={(int)CacheFor.TotalSeconds}";
        return File(file.CreateReadStream(), "image/x-icon");
    }

    [HttpGet("manifest.webmanifest")]
    public IActionResult Manifest() => ManifestFor(Cultures.Indonesian);

    [HttpGet("en/manifest.webmanifest")]
    public IActionResult EnglishManifest() => ManifestFor(Cultures.English);

    private ContentResult ManifestFor(string culture)
    {
        var manifest = new
        {
            name = strings.Text(culture, "site.name") + " — " + strings.Text(culture, "site.office"),
            short_name = strings.Text(culture, "site.short-name"),
            description = strings.Text(culture, "site.description"),
            lang = culture,
            start_url = culture == Cultures.English ? "/en/" : "/",
            scope = "/",
            display = "standalone",
            theme_color = theme.Manifest.PrimaryColor,
            background_color = theme.BackgroundColor,
            icons = new object[]
            {
                new { src = theme.IconPath("icon-192.png"), sizes = "192x192", type = "image/png" },
                new { src = theme.IconPath("icon-512.png"), sizes = "512x512", type = "image/png" },
                new { src = "/_content/IkmCatalog.Themes/" + theme.Logo, sizes = "any", type = "image/svg+xml" },
            },
        };
        Response.Headers.CacheControl = $"public, max-age={(int)CacheFor.TotalSeconds}";
        return Content(JsonSerializer.Serialize(manifest), "application/manifest+json");
    }
}
