using IkmCatalog.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features;

public static class SiteUrls
{
    /// <summary>Absolute URL for canonical links, Open Graph and the sitemap: the configured public base URL, else the request's host.</summary>
    public static string Absolute(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configured = context.RequestServices.GetRequiredService<IOptions<IkmCatalogOptions>>().Value.PublicBaseUrl;
        return Root(configured, context) + (path.StartsWith('/') ? path : "/" + path);
    }

    /// <summary>A public page's absolute URL in a given language (e.g. a buyer's status page, in the buyer's language).</summary>
    public static string Page(HttpContext context, string routeName, string culture, object? values)
    {
        ArgumentNullException.ThrowIfNull(context);
        var links = context.RequestServices.GetRequiredService<LinkGenerator>();
        return Absolute(context, links.GetPathByRouteValues(SiteRoutes.RouteName(routeName, culture), values) ?? "/");
    }

    /// <summary>
    /// The site's root: the configured public base URL, else the host of the current request when it can be trusted
    /// (see <see cref="Proxy.IsTrustedHost"/>: a forged Host header must not reach links); otherwise, and in jobs
    /// running in the background, an empty root, so a bare path.
    /// </summary>
    public static string Root(string? publicBaseUrl, HttpContext? context) =>
        !string.IsNullOrEmpty(publicBaseUrl) ? publicBaseUrl.TrimEnd('/')
        : context?.Request is { Host.HasValue: true } request && Proxy.IsTrustedHost(context) ? $"{request.Scheme}://{request.Host}{request.PathBase}"
        : "";

    /// <summary>Whether <see cref="Root"/> gives an absolute root for this request.</summary>
    public static bool HasAbsoluteRoot(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Root(context.RequestServices.GetRequiredService<IOptions<IkmCatalogOptions>>().Value.PublicBaseUrl, context).Length > 0;
    }
}
