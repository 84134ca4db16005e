using System.Globalization;
using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features;

/// <summary>Base for the public site's controllers: the request's culture and clock.</summary>
public abstract class SiteController(TimeProvider clock) : Controller
{
    protected string Culture => Cultures.Normalize(CultureInfo.CurrentUICulture.Name);

    protected DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in the office's time zone.</summary>
    protected DateOnly Today => HttpContext.RequestServices.GetRequiredService<OfficeTime>().Today;

    /// <summary>
    /// A detail page not found under <paramref name="slug"/>: a 301 to the document's current slug when it is an
    /// old one (slug history), otherwise 404.
    /// </summary>
    protected async Task<IActionResult> RedirectFromOldSlugAsync(IkmDbContext db, DocumentType type, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var current = await type.RedirectTargetAsync(db, slug, NowUtc, cancellationToken);
        return current is null ? NotFound() : RedirectPermanent(Url.Localized(type.RouteName, new { slug = current }) + Request.QueryString);
    }
}
