using IkmCatalog.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Certifications;

/// <summary>Explains each certification badge, so a buyer knows what PIRT, BPOM MD, Halal or SNI promise.</summary>
public sealed class CertificationsController(IkmDbContext db, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.CertificationTypes.AsNoTracking().OrderBy(c => c.Type).ToListAsync(cancellationToken));
}
