using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using IkmCatalog.Web.Features.Catalog;
using IkmCatalog.Web.Features.Producers;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>A public page's controller, view and model, built around a draft instead of the live row.</summary>
public sealed record PreviewPage(string Controller, string View, object Model);

/// <summary>
/// Loads a document as the public page would (untracked, with what the page shows), lays a draft's values and
/// relations over it, and builds the public page's model. Nothing is saved.
/// </summary>
public static class DraftPreview
{
    public static async Task<PreviewPage?> BuildAsync(IkmDbContext db, DocumentType type, int id, string? snapshot, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(type);
        var draft = snapshot is null ? null : type.ReadDraft(snapshot);
        switch (type.Name)
        {
            case nameof(Product):
            {
                var product = await db.Products.Where(p => p.Id == id).WithCardData()
                    .Include(p => p.Producer).ThenInclude(p => p.Image)
                    .AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
                if (product is null)
                {
                    return null;
                }
                if (draft is not null)
                {
                    draft.ApplyTo(product);
                    var media = product.Images.Select(i => i.MediaItemId).ToList();
                    var items = await db.Media.AsNoTracking().Where(m => media.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
                    foreach (var image in product.Images)
                    {
                        image.MediaItem = items[image.MediaItemId];
                    }
                    product.Producer = await db.Producers.Where(p => p.Id == product.ProducerId).Include(p => p.Region)
                        .Include(p => p.Certifications).Include(p => p.Image).AsNoTracking().AsSplitQuery().FirstAsync(cancellationToken);
                    product.Category = await db.Categories.AsNoTracking().FirstAsync(c => c.Id == product.CategoryId, cancellationToken);
                }
                return new PreviewPage("Catalog", "Product", await CatalogController.PageModelAsync(db, product, nowUtc, cancellationToken));
            }
            case nameof(Producer):
            {
                var producer = await db.Producers.Where(p => p.Id == id).Include(p => p.Region).Include(p => p.Image)
                    .Include(p => p.Certifications).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
                if (producer is null)
                {
                    return null;
                }
                if (draft is not null)
                {
                    draft.ApplyTo(producer);
                    producer.Region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == producer.RegionId, cancellationToken);
                    producer.Image = producer.ImageId is { } image ? await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == image, cancellationToken) : null;
                }
                return new PreviewPage("Producers", "Producer", await ProducersController.PageModelAsync(db, producer, nowUtc, cancellationToken));
            }
            case nameof(Story):
            {
                var story = await db.Stories.Where(s => s.Id == id).Include(s => s.Image).Include(s => s.Producer).ThenInclude(p => p!.Region)
                    .Include(s => s.Region).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
                if (story is null)
                {
                    return null;
                }
                if (draft is not null)
                {
                    draft.ApplyTo(story);
                    story.Image = story.ImageId is { } image ? await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == image, cancellationToken) : null;
                    story.Producer = story.ProducerId is { } producer ? await db.Producers.Include(p => p.Region).AsNoTracking().FirstOrDefaultAsync(p => p.Id == producer, cancellationToken) : null;
                    story.Region = story.RegionId is { } region ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == region, cancellationToken) : null;
                }
                story.PublishedAtUtc ??= nowUtc;
                return new PreviewPage("Stories", "Story", story);
            }
            case nameof(Event):
            {
                var item = await db.Events.Where(e => e.Id == id).Include(e => e.Region).Include(e => e.Image).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
                if (item is null)
                {
                    return null;
                }
                if (draft is not null)
                {
                    draft.ApplyTo(item);
                    item.Image = item.ImageId is { } image ? await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == image, cancellationToken) : null;
                    item.Region = item.RegionId is { } region ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == region, cancellationToken) : null;
                }
                return new PreviewPage("Events", "Event", item);
            }
            case nameof(Page):
            {
                var page = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (page is null)
                {
                    return null;
                }
                draft?.ApplyTo(page);
                return new PreviewPage("Pages", "Page", page);
            }
            default:
                return null;
        }
    }
}
