using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Dashboard;

public sealed record DashboardViewModel(
    string DisplayName,
    int PublishedProducts,
    int DraftProducts,
    int Producers,
    int MediaItems,
    int ExpiringCertifications,
    IReadOnlyList<AuditEntry> RecentActivity);

[Route("backoffice")]
public sealed class DashboardController(IkmDbContext db, TimeProvider clock) : BackofficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var soon = today.AddDays(IkmCatalog.Certifications.Certification.ExpiringSoonDays);
        var editor = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == UserName, cancellationToken);
        var model = new DashboardViewModel(
            DisplayName: editor?.DisplayName is { Length: > 0 } name ? name : UserName,
            PublishedProducts: await db.Products.CountAsync(p => p.State == PublishState.Published, cancellationToken),
            DraftProducts: await db.Products.CountAsync(p => p.State != PublishState.Published, cancellationToken),
            Producers: await db.Producers.CountAsync(cancellationToken),
            MediaItems: await db.Media.CountAsync(cancellationToken),
            ExpiringCertifications: await db.Certifications.CountAsync(c => c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= soon, cancellationToken),
            RecentActivity: await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.AtUtc).Take(10).ToListAsync(cancellationToken));
        return View(model);
    }
}
