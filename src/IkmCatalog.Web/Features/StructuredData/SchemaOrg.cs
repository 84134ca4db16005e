using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using IkmCatalog.Catalog;
using IkmCatalog.Events;
using IkmCatalog.Media;
using IkmCatalog.Producers;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Media;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features.StructuredData;

/// <summary>
/// schema.org JSON-LD for search engines: <c>Product</c> with its <c>Offer</c>, <c>Organization</c> (the office),
/// <c>LocalBusiness</c> (a producer), <c>Event</c> and <c>BreadcrumbList</c>, in the page's language.
/// </summary>
public static class SchemaOrg
{
    private const string Vocabulary = "https://schema.org";

    // Escapes <, >, & and quotes as \uXXXX, so text such as "</script>" in a product name cannot end the script element;
    // letters of every script stay readable.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The <c>&lt;script type="application/ld+json"&gt;</c> element (data, not script: CSP does not apply).</summary>
    public static IHtmlContent Script(JsonObject thing)
    {
        ArgumentNullException.ThrowIfNull(thing);
        return new HtmlString($"<script type=\"application/ld+json\">{thing.ToJsonString(Json)}</script>");
    }

    /// <summary>
    /// A product. A price makes an <c>Offer</c> in IDR with the stock state; a product sold on request has no
    /// <c>offers</c> at all: schema.org allows an Offer without price, but search engines report it as an error
    /// and show no price anyway, while the page's "ask for a quotation" is no offer at a known price.
    /// </summary>
    public static JsonObject Product(HttpContext http, IUrlHelper url, Product product, string culture)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(product);
        var page = SiteUrls.Absolute(http, url.Localized("product", new { slug = product.Slug }));
        var thing = Thing("Product");
        thing["name"] = product.Name.For(culture);
        thing["description"] = product.Summary.For(culture);
        thing["url"] = page;
        thing["sku"] = product.Id.ToString(CultureInfo.InvariantCulture);
        if (product.Images.Count > 0)
        {
            thing["image"] = new JsonArray([.. product.Images.Select(i => (JsonNode)Image(http, i.MediaItem))]);
        }
        thing["brand"] = new JsonObject { ["@type"] = "Brand", ["name"] = product.Producer.Name };
        thing["manufacturer"] = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = product.Producer.Name,
            ["url"] = SiteUrls.Absolute(http, url.Localized("producer", new { slug = product.Producer.Slug })),
        };
        if (product.PriceIdr is { } price)
        {
            thing["offers"] = new JsonObject
            {
                ["@type"] = "Offer",
                ["price"] = price,
                ["priceCurrency"] = "IDR",
                ["availability"] = $"{Vocabulary}/{product.Availability}", // InStock, MadeToOrder, OutOfStock: schema.org's own names
                ["url"] = page,
            };
        }
        return thing;
    }

    /// <summary>The office, on the home page.</summary>
    public static JsonObject Organization(HttpContext http, IUrlHelper url, OfficeOptions office, string siteName, string logoPath)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(office);
        var thing = Thing("Organization");
        thing["name"] = string.IsNullOrWhiteSpace(office.Name) ? siteName : office.Name;
        thing["url"] = SiteUrls.Absolute(http, url.Localized("home"));
        thing["logo"] = SiteUrls.Absolute(http, logoPath);
        if (!string.IsNullOrWhiteSpace(office.Address))
        {
            thing["address"] = new JsonObject { ["@type"] = "PostalAddress", ["streetAddress"] = office.Address, ["addressCountry"] = "ID" };
        }
        var telephone = Telephone(office.Phone);
        var contact = new JsonObject { ["@type"] = "ContactPoint", ["contactType"] = "customer service", ["availableLanguage"] = new JsonArray("id", "en") };
        if (telephone is not null)
        {
            thing["telephone"] = telephone;
            contact["telephone"] = telephone;
        }
        if (office.NotificationEmail is { } email)
        {
            thing["email"] = email;
            contact["email"] = email;
        }
        if (contact.ContainsKey("telephone") || contact.ContainsKey("email"))
        {
            thing["contactPoint"] = contact;
        }
        return thing;
    }

    /// <summary>A producer: its workshop as a local business (only what its page shows publicly).</summary>
    public static JsonObject LocalBusiness(HttpContext http, IUrlHelper url, Producer producer, string culture)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(producer);
        var thing = Thing("LocalBusiness");
        thing["name"] = producer.Name;
        thing["description"] = producer.Summary.For(culture);
        thing["url"] = SiteUrls.Absolute(http, url.Localized("producer", new { slug = producer.Slug }));
        if (producer.Image is not null)
        {
            thing["image"] = Image(http, producer.Image);
        }
        var address = new JsonObject { ["@type"] = "PostalAddress" };
        if (!string.IsNullOrWhiteSpace(producer.Address))
        {
            address["streetAddress"] = producer.Address;
        }
        address["addressLocality"] = producer.Region.Name;
        address["addressRegion"] = producer.Region.Province;
        address["addressCountry"] = "ID";
        thing["address"] = address;
        // The page's WhatsApp button makes this number public; the e-mail address likewise.
        if (ProducerContact.InternationalDigits(producer.WhatsApp) is { } digits)
        {
            thing["telephone"] = "+" + digits;
        }
        if (!string.IsNullOrWhiteSpace(producer.Email))
        {
            thing["email"] = producer.Email.Trim();
        }
        return thing;
    }

    /// <summary>What an event page knows of registration: taken on the site (open, full) or on another site.</summary>
    public sealed record Registration(bool OnSite, bool Open, bool Full, DateTime? ClosesAtUtc);

    /// <summary>
    /// An event, its times with the venue's UTC offset. Registration on the site (free: the site takes no payment for
    /// it) is an <c>Offer</c> of price 0, sold out when the places are taken; registration elsewhere an Offer with only its URL.
    /// </summary>
    public static JsonObject Event(HttpContext http, IUrlHelper url, Event item, string culture, OfficeOptions office, string siteName, Registration? registration)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(office);
        var page = SiteUrls.Absolute(http, url.Localized("event", new { slug = item.Slug }));
        var thing = Thing("Event");
        thing["name"] = item.Title.For(culture);
        thing["description"] = item.Summary.For(culture);
        thing["url"] = page;
        thing["startDate"] = item.StartsLocal.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        thing["endDate"] = item.EndsLocal.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        thing["eventStatus"] = $"{Vocabulary}/EventScheduled";
        thing["eventAttendanceMode"] = $"{Vocabulary}/OfflineEventAttendanceMode";
        var address = new JsonObject { ["@type"] = "PostalAddress" };
        if (item.Region is { } region)
        {
            address["addressLocality"] = region.Name;
            address["addressRegion"] = region.Province;
        }
        else
        {
            address["streetAddress"] = item.Venue;
        }
        address["addressCountry"] = "ID";
        thing["location"] = new JsonObject { ["@type"] = "Place", ["name"] = item.Venue, ["address"] = address };
        if (item.Image is not null)
        {
            thing["image"] = new JsonArray(Image(http, item.Image));
        }
        thing["organizer"] = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = string.IsNullOrWhiteSpace(office.Name) ? siteName : office.Name,
            ["url"] = SiteUrls.Absolute(http, url.Localized("home")),
        };
        if (registration is { OnSite: true, Open: true })
        {
            var offer = new JsonObject
            {
                ["@type"] = "Offer",
                ["url"] = page,
                ["price"] = 0,
                ["priceCurrency"] = "IDR",
                ["availability"] = $"{Vocabulary}/{(registration.Full ? "SoldOut" : "InStock")}",
            };
            if (registration.ClosesAtUtc is { } closes)
            {
                offer["validThrough"] = new DateTimeOffset(DateTime.SpecifyKind(closes, DateTimeKind.Utc)).ToOffset(TimeSpan.FromMinutes(item.UtcOffsetMinutes))
                    .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            }
            thing["offers"] = offer;
        }
        else if (registration is { OnSite: false, Open: true } && item.RegistrationUrl is { } external)
        {
            // Places and fees are the other site's business: only where to register is known here.
            thing["offers"] = new JsonObject { ["@type"] = "Offer", ["url"] = external };
        }
        return thing;
    }

    /// <summary>The trail to a page: (name, path) from the top; the last is the page itself.</summary>
    public static JsonObject Breadcrumbs(HttpContext http, IEnumerable<(string Name, string Path)> trail)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(trail);
        var items = new JsonArray();
        foreach (var (name, path) in trail)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = items.Count + 1,
                ["name"] = name,
                ["item"] = SiteUrls.Absolute(http, path),
            });
        }
        var thing = Thing("BreadcrumbList");
        thing["itemListElement"] = items;
        return thing;
    }

    private static JsonObject Thing(string type) => new() { ["@context"] = Vocabulary, ["@type"] = type };

    private static string Image(HttpContext http, MediaItem item) => SiteUrls.Absolute(http, MediaUrls.Preset(http, item, "gallery"));

    private static string? Telephone(string? number) =>
        ProducerContact.InternationalDigits(number) is { } digits ? "+" + digits : null;
}
