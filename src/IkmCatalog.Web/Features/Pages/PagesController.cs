using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Pages;

public sealed class PagesController(IkmDbContext db, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Page(string slug, CancellationToken cancellationToken)
    {
        var page = await db.Pages.Published(NowUtc).AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        return page is null ? await RedirectFromOldSlugAsync(db, DocumentTypes.Page, slug, cancellationToken) : View(page);
    }
}
