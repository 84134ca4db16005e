using System.Text;
using System.Xml;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features.Seo;

/// <summary>sitemap.xml (both languages, with hreflang alternates) and robots.txt.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SeoController(PublishedContent published, TimeProvider clock) : Controller
{
    // Without a trusted root (no PublicBaseUrl, an unknown Host) robots.txt names no sitemap and the sitemap is not
    // served: its addresses must be absolute, and the request's Host could be forged.
    [HttpGet("robots.txt")]
    public ContentResult Robots() => Content(
        "User-agent: *\nDisallow: /backoffice/\nDisallow: /api/\nAllow: /\n"
            + (SiteUrls.HasAbsoluteRoot(HttpContext) ? $"\nSitemap: {Absolute("/sitemap.xml")}\n" : ""),
        "text/plain", Encoding.UTF8);

    [HttpGet("sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        if (!SiteUrls.HasAbsoluteRoot(HttpContext))
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = new List<(string Route, object? Values, DateTime? Modified)>
        {
            ("home", null, null), ("catalog", null, null), ("producers", null, null), ("stories", null, null),
            ("events", null, null), ("certifications", null, null),
        };
        var content = await published.AtAsync(now, cancellationToken);
        foreach (var type in DocumentTypes.All)
        {
            entries.AddRange(content.Documents(type.Name)
                .Select(d => (type.RouteName, (object?)new { slug = d.Slug }, (DateTime?)d.UpdatedAtUtc)));
        }

        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        const string xhtml = "http://www.w3.org/1999/xhtml";
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", ns);
            writer.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            foreach (var (route, values, modified) in entries)
            {
                foreach (var culture in Cultures.All)
                {
                    writer.WriteStartElement("url", ns);
                    writer.WriteElementString("loc", ns, Absolute(Url.Localized(route, values, culture)));
                    if (modified is { } m)
                    {
                        writer.WriteElementString("lastmod", ns, m.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    foreach (var alternate in Cultures.All)
                    {
                        writer.WriteStartElement("xhtml", "link", xhtml);
                        writer.WriteAttributeString("rel", "alternate");
                        writer.WriteAttributeString("hreflang", alternate);
                        writer.WriteAttributeString("href", Absolute(Url.Localized(route, values, alternate)));
                        writer.WriteEndElement();
                    }
                    writer.WriteEndElement();
                }
            }
            writer.WriteEndElement();
        }
        return Content(builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml", Encoding.UTF8);
    }

    private string Absolute(string path) => SiteUrls.Absolute(HttpContext, path);
}
