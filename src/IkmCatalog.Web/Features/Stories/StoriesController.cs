using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Stories;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Features.Stories;

public sealed record StoryListViewModel(IReadOnlyList<Story> Stories, StoryKind? Kind, int Page, int PageCount);

public sealed class StoriesController(IkmDbContext db, PublishedContent published, TimeProvider clock) : SiteController(clock)
{
    private const int PageSize = 9;

    public async Task<IActionResult> Index(string? kind, int page = 1, CancellationToken cancellationToken = default)
    {
        StoryKind? storyKind = kind switch { "kisah" or "story" => StoryKind.Story, "berita" or "news" => StoryKind.News, _ => null };
        var content = await published.AtAsync(NowUtc, cancellationToken);
        var stories = storyKind is { } k ? [.. content.Stories.Where(s => s.Kind == k)] : content.Stories;
        var pageCount = Math.Max(1, (int)Math.Ceiling(stories.Count / (double)PageSize));
        page = Math.Clamp(page, 1, pageCount);
        return View(new StoryListViewModel([.. stories.Skip((page - 1) * PageSize).Take(PageSize)], storyKind, page, pageCount));
    }

    public async Task<IActionResult> Story(string slug, CancellationToken cancellationToken)
    {
        var story = (await published.AtAsync(NowUtc, cancellationToken)).Story(slug);
        return story is null ? await RedirectFromOldSlugAsync(db, DocumentTypes.Story, slug, cancellationToken) : View(story);
    }
}
