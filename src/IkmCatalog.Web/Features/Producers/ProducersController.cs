using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using IkmCatalog.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Producers;

public sealed record ProducerListViewModel(IReadOnlyList<ProducerCard> Producers, IReadOnlyList<Region> Regions, string? Region);

public sealed record ProducerCard(Producer Producer, int ProductCount);

/// <param name="TookPartIn">Past public events where the office recorded the producer as present, newest first.</param>
public sealed record ProducerViewModel(Producer Producer, IReadOnlyList<Product> Products, IReadOnlyList<Certification> Certifications, IReadOnlyList<Story> Stories,
    IReadOnlyList<Event> TookPartIn);

public sealed class ProducersController(IkmDbContext db, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(string? region, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var query = db.Producers.Published(now);
        if (!string.IsNullOrWhiteSpace(region))
        {
            query = query.Where(p => p.Region.Slug == region);
        }
        var producers = await query.OrderBy(p => p.Name).Include(p => p.Region).Include(p => p.Image)
            .AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.PublicProducts(now).GroupBy(p => p.ProducerId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var cards = producers.Select(p => new ProducerCard(p, counts.GetValueOrDefault(p.Id))).ToList();
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return View(new ProducerListViewModel(cards, regions, region));
    }

    public async Task<IActionResult> Producer(string slug, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var producer = await db.Producers.Published(now).Where(p => p.Slug == slug)
            .Include(p => p.Region).Include(p => p.Image).Include(p => p.Certifications)
            .AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (producer is null)
        {
            return await RedirectFromOldSlugAsync(db, DocumentTypes.Producer, slug, cancellationToken);
        }
        return View(await PageModelAsync(db, producer, now, cancellationToken));
    }

    /// <summary>The producer page's model around a loaded producer (the public page and the backoffice's preview).</summary>
    public static async Task<ProducerViewModel> PageModelAsync(IkmDbContext db, Producer producer, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(producer);
        var products = await db.PublicProducts(now).Where(p => p.ProducerId == producer.Id)
            .OrderByDescending(p => p.Featured).ThenBy(p => p.Id)
            .WithCardData().AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now);
        var productCertificates = products.SelectMany(p => p.Certifications);
        var certifications = producer.Certifications.Concat(productCertificates)
            .Where(c => c.IsPublicOn(today))
            .GroupBy(c => (c.Type, c.Number)).Select(g => g.First()).OrderBy(c => c.Type).ToList();
        var stories = await db.PublicStories(now).Where(s => s.ProducerId == producer.Id)
            .OrderByDescending(s => s.PublishedAtUtc).Include(s => s.Image).AsNoTracking().ToListAsync(cancellationToken);
        var attended = db.EventRegistrations.Where(r => r.ProducerId == producer.Id && r.Attended == true).Select(r => r.EventId);
        var tookPartIn = await db.Events.Published(now).Where(e => e.EndsAtUtc < now && attended.Contains(e.Id))
            .OrderByDescending(e => e.StartsAtUtc).AsNoTracking().ToListAsync(cancellationToken);
        return new ProducerViewModel(producer, products, certifications, stories, tookPartIn);
    }
}
