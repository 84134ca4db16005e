using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Stories;
using IkmCatalog.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Home;

public sealed record HomeViewModel(
    IReadOnlyList<Product> Featured,
    IReadOnlyList<CategoryTile> Categories,
    Story? ProducerStory,
    IReadOnlyList<Story> News,
    IReadOnlyList<Event> UpcomingEvents,
    int ProductCount,
    int ProducerCount);

public sealed record CategoryTile(Category Category, int ProductCount);

public sealed class HomeController(IkmDbContext db, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var featured = await db.PublicProducts(now).Where(p => p.Featured)
            .OrderByDescending(p => p.PublishedAtUtc).ThenBy(p => p.Id).Take(8)
            .WithCardData().AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);

        var categories = await db.Categories.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var tiles = new List<CategoryTile>();
        foreach (var category in categories)
        {
            var ids = await db.CategoryWithDescendantsAsync(category.Slug, cancellationToken);
            tiles.Add(new CategoryTile(category, await db.PublicProducts(now).CountAsync(p => ids.Contains(p.CategoryId), cancellationToken)));
        }

        var stories = db.PublicStories(now).Include(s => s.Image).Include(s => s.Producer).AsNoTracking();
        var producerStory = await stories.Where(s => s.Kind == StoryKind.Story).OrderByDescending(s => s.PublishedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var news = await stories.Where(s => s.Kind == StoryKind.News).OrderByDescending(s => s.PublishedAtUtc).Take(3).ToListAsync(cancellationToken);
        var events = await db.Events.Published(now).Where(e => e.EndsAtUtc >= now).OrderBy(e => e.StartsAtUtc).Take(3)
            .Include(e => e.Region).AsNoTracking().ToListAsync(cancellationToken);

        return View(new HomeViewModel(featured, tiles, producerStory, news, events,
            await db.PublicProducts(now).CountAsync(cancellationToken),
            await db.Producers.Published(now).CountAsync(cancellationToken)));
    }
}
