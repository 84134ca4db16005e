using IkmCatalog.Catalog;
using IkmCatalog.Events;
using IkmCatalog.Stories;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Mvc;

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

public sealed class HomeController(PublishedContent published, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var content = await published.AtAsync(now, cancellationToken);
        var tiles = content.Categories.Where(c => c.ParentId == null)
            .Select(c => new CategoryTile(c, content.ProductCountIn(c.Id))).ToList();
        var producerStory = content.Stories.FirstOrDefault(s => s.Kind == StoryKind.Story);
        var news = content.Stories.Where(s => s.Kind == StoryKind.News).Take(3).ToList();
        var events = content.Events.Where(e => e.EndsAtUtc >= now).Take(3).ToList();
        return View(new HomeViewModel([.. content.Featured.Take(8)], tiles, producerStory, news, events,
            content.ProductCount, content.Producers.Count));
    }
}
