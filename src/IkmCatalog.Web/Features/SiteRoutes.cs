using System.Collections.Frozen;
using IkmCatalog.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace IkmCatalog.Web.Features;

/// <summary>
/// The public site's URLs in both languages: Indonesian paths at "/", English ones under "/en/". Every route is
/// registered twice, named "{name}.id" and "{name}.en", so links and the language switch find the twin page.
/// </summary>
public static class SiteRoutes
{
    public sealed record Route(string Name, string Indonesian, string English, string Controller, string Action);

    public static readonly IReadOnlyList<Route> All =
    [
        new("home", "", "en", "Home", "Index"),
        new("catalog", "katalog", "en/catalogue", "Catalog", "Index"),
        new("product", "produk/{slug}", "en/products/{slug}", "Catalog", "Product"),
        new("search", "cari", "en/search", "Search", "Index"),
        new("producers", "produsen", "en/producers", "Producers", "Index"),
        new("producer", "produsen/{slug}", "en/producers/{slug}", "Producers", "Producer"),
        new("stories", "berita", "en/stories", "Stories", "Index"),
        new("story", "berita/{slug}", "en/stories/{slug}", "Stories", "Story"),
        new("events", "agenda", "en/events", "Events", "Index"),
        new("event", "agenda/{slug}", "en/events/{slug}", "Events", "Event"),
        new("event-registration", "acara/pendaftaran/{token}", "en/events/registration/{token}", "Events", "Registration"),
        new("certifications", "sertifikasi", "en/certifications", "Certifications", "Index"),
        new("statistics", "statistik", "en/statistics", "Statistics", "Index"),
        new("page", "halaman/{slug}", "en/pages/{slug}", "Pages", "Page"),
        // Buyers act: requests for quotation, the cart and checkout, and their private status pages.
        new("rfq", "permintaan-penawaran", "en/request-a-quote", "Inquiries", "Index"),
        new("rfq-status", "permintaan-penawaran/status/{token}", "en/request-a-quote/status/{token}", "Inquiries", "Status"),
        new("cart", "keranjang", "en/cart", "Cart", "Index"),
        new("cart-add", "keranjang/tambah", "en/cart/add", "Cart", "Add"),
        new("cart-update", "keranjang/ubah", "en/cart/update", "Cart", "Update"),
        new("cart-remove", "keranjang/hapus", "en/cart/remove", "Cart", "Remove"),
        new("checkout", "keranjang/pembayaran", "en/cart/checkout", "Cart", "Checkout"),
        new("cart-cities", "keranjang/kota", "en/cart/cities", "Cart", "Cities"),
        new("order-status", "pesanan/{token}", "en/orders/{token}", "Orders", "Status"),
        new("order-receipt", "pesanan/{token}/bukti-transfer", "en/orders/{token}/receipt", "Orders", "Receipt"),
        // Producers apply to join the office's programme, and follow their application by its private link.
        new("registration", "daftar-ikm", "en/register-your-business", "Registration", "Index"),
        new("registration-status", "daftar-ikm/status/{token}", "en/register-your-business/status/{token}", "Registration", "Status"),
    ];

    public static IEndpointRouteBuilder MapPublicSite(this IEndpointRouteBuilder app)
    {
        foreach (var route in All)
        {
            foreach (var culture in Cultures.All)
            {
                app.MapControllerRoute(
                    name: RouteName(route.Name, culture),
                    pattern: culture == Cultures.English ? route.English : route.Indonesian,
                    defaults: new { controller = route.Controller, action = route.Action, culture });
            }
        }
        return app;
    }

    public static string RouteName(string name, string culture) => $"{name}.{Cultures.Normalize(culture)}";

    /// <summary>URL of a named page in the given culture (the current one when null).</summary>
    public static string Localized(this IUrlHelper url, string name, object? values = null, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        culture ??= System.Globalization.CultureInfo.CurrentUICulture.Name;
        if (values is null && FixedPaths.TryGetValue((name, Cultures.Normalize(culture)), out var path))
        {
            // A page without parameters has one path: no link generation for the header's and footer's links.
            var pathBase = url.ActionContext.HttpContext.Request.PathBase;
            return pathBase.HasValue ? pathBase.ToUriComponent() + path : path.Length == 0 ? "/" : path;
        }
        return url.RouteUrl(RouteName(name, culture), values) ?? "/";
    }

    /// <summary>The path of every route without parameters, per language, after the path base (the home page's is empty).</summary>
    private static readonly FrozenDictionary<(string Name, string Culture), string> FixedPaths =
        All.SelectMany(route => Cultures.All.Select(culture => (route, culture, pattern: culture == Cultures.English ? route.English : route.Indonesian)))
            .Where(r => !r.pattern.Contains('{', StringComparison.Ordinal))
            .ToDictionary(r => (r.route.Name, r.culture), r => r.pattern.Length == 0 ? "" : "/" + r.pattern)
            .ToFrozenDictionary();

    /// <summary>The same page in the other language (query string kept), or that language's home page.</summary>
    public static string Twin(this IUrlHelper url, HttpContext context, string culture)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(context);
        var routeName = context.GetEndpoint()?.Metadata.GetMetadata<RouteNameMetadata>()?.RouteName;
        if (routeName is null || !routeName.Contains('.', StringComparison.Ordinal))
        {
            return url.Localized("home", culture: culture);
        }
        var values = new RouteValueDictionary(context.GetRouteData().Values);
        values.Remove("controller");
        values.Remove("action");
        values.Remove("culture");
        var path = url.RouteUrl(RouteName(routeName[..routeName.LastIndexOf('.')], culture), values) ?? "/";
        return path + context.Request.QueryString;
    }
}
