using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features.Pages;

public sealed class PagesController(IkmDbContext db, PublishedContent published, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Page(string slug, CancellationToken cancellationToken)
    {
        var page = (await published.AtAsync(NowUtc, cancellationToken)).Page(slug);
        return page is null ? await RedirectFromOldSlugAsync(db, DocumentTypes.Page, slug, cancellationToken) : View(page);
    }
}
