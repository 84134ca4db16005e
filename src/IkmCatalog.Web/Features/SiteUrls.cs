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
        var root = string.IsNullOrEmpty(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : configured.TrimEnd('/');
        return root + (path.StartsWith('/') ? path : "/" + path);
    }
}
