using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Events;

public sealed record EventListViewModel(IReadOnlyList<Event> Upcoming, IReadOnlyList<Event> Past);

public sealed class EventsController(IkmDbContext db, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var events = db.Events.Published(now).Include(e => e.Region).Include(e => e.Image).AsNoTracking();
        var upcoming = await events.Where(e => e.EndsAtUtc >= now).OrderBy(e => e.StartsAtUtc).ToListAsync(cancellationToken);
        var past = await events.Where(e => e.EndsAtUtc < now).OrderByDescending(e => e.StartsAtUtc).Take(12).ToListAsync(cancellationToken);
        return View(new EventListViewModel(upcoming, past));
    }

    public async Task<IActionResult> Event(string slug, CancellationToken cancellationToken)
    {
        var item = await db.Events.Published(NowUtc).Where(e => e.Slug == slug)
            .Include(e => e.Region).Include(e => e.Image).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return item is null ? await RedirectFromOldSlugAsync(db, DocumentTypes.Event, slug, cancellationToken) : View(item);
    }
}
