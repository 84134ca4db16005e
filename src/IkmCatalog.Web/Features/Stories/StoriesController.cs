using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Stories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Stories;

public sealed record StoryListViewModel(IReadOnlyList<Story> Stories, StoryKind? Kind, int Page, int PageCount);

public sealed class StoriesController(IkmDbContext db, TimeProvider clock) : SiteController(clock)
{
    private const int PageSize = 9;

    public async Task<IActionResult> Index(string? kind, int page = 1, CancellationToken cancellationToken = default)
    {
        StoryKind? storyKind = kind switch { "kisah" or "story" => StoryKind.Story, "berita" or "news" => StoryKind.News, _ => null };
        var query = db.PublicStories(NowUtc);
        if (storyKind is { } k)
        {
            query = query.Where(s => s.Kind == k);
        }
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        page = Math.Clamp(page, 1, pageCount);
        var stories = await query.OrderByDescending(s => s.PublishedAtUtc).Skip((page - 1) * PageSize).Take(PageSize)
            .Include(s => s.Image).Include(s => s.Producer).AsNoTracking().ToListAsync(cancellationToken);
        return View(new StoryListViewModel(stories, storyKind, page, pageCount));
    }

    public async Task<IActionResult> Story(string slug, CancellationToken cancellationToken)
    {
        var story = await db.PublicStories(NowUtc).Where(s => s.Slug == slug)
            .Include(s => s.Image).Include(s => s.Producer).ThenInclude(p => p!.Region).Include(s => s.Region)
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return story is null ? await RedirectFromOldSlugAsync(db, DocumentTypes.Story, slug, cancellationToken) : View(story);
    }
}
