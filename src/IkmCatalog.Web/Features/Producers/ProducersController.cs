using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using IkmCatalog.Web.Features.Catalog;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Producers;

public sealed record ProducerListViewModel(IReadOnlyList<ProducerCard> Producers, IReadOnlyList<Region> Regions, string? Region);

public sealed record ProducerCard(Producer Producer, int ProductCount);

/// <param name="TookPartIn">Past public events where the office recorded the producer as present, newest first.</param>
public sealed record ProducerViewModel(Producer Producer, IReadOnlyList<Product> Products, IReadOnlyList<Certification> Certifications, IReadOnlyList<Story> Stories,
    IReadOnlyList<Event> TookPartIn);

public sealed class ProducersController(IkmDbContext db, PublishedContent published, TimeProvider clock) : SiteController(clock)
{
    public async Task<IActionResult> Index(string? region, CancellationToken cancellationToken)
    {
        var content = await published.AtAsync(NowUtc, cancellationToken);
        var producers = string.IsNullOrWhiteSpace(region) ? content.Producers : content.Producers.Where(p => p.Region.Slug == region);
        var cards = producers.Select(p => new ProducerCard(p, content.ProductCountOf(p.Id))).ToList();
        return View(new ProducerListViewModel(cards, content.Regions, region));
    }

    public async Task<IActionResult> Producer(string slug, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var content = await published.AtAsync(now, cancellationToken);
        var producer = content.Producer(slug);
        if (producer is null)
        {
            return await RedirectFromOldSlugAsync(db, DocumentTypes.Producer, slug, cancellationToken);
        }
        var products = content.ProductsOf(producer.Id);
        var tookPartIn = content.Events.Where(e => e.EndsAtUtc < now && content.Figures(e.Id).AttendedProducerIds.Contains(producer.Id))
            .OrderByDescending(e => e.StartsAtUtc).ToList();
        return View(new ProducerViewModel(producer, products, PublicCertifications(producer, products, now), content.StoriesOf(producer.Id), tookPartIn));
    }

    /// <summary>The producer page's model around a draft producer, from the database (the backoffice's preview; the public page reads published content).</summary>
    public static async Task<ProducerViewModel> PageModelAsync(IkmDbContext db, Producer producer, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(producer);
        var products = await db.PublicProducts(now).Where(p => p.ProducerId == producer.Id)
            .OrderByDescending(p => p.Featured).ThenBy(p => p.Id)
            .WithCardData().AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        var certifications = PublicCertifications(producer, products, now);
        var stories = await db.PublicStories(now).Where(s => s.ProducerId == producer.Id)
            .OrderByDescending(s => s.PublishedAtUtc).Include(s => s.Image).AsNoTracking().ToListAsync(cancellationToken);
        var attended = db.EventRegistrations.Where(r => r.ProducerId == producer.Id && r.Attended == true).Select(r => r.EventId);
        var tookPartIn = await db.Events.Published(now).Where(e => e.EndsAtUtc < now && attended.Contains(e.Id))
            .OrderByDescending(e => e.StartsAtUtc).AsNoTracking().ToListAsync(cancellationToken);
        return new ProducerViewModel(producer, products, certifications, stories, tookPartIn);
    }

    /// <summary>The producer's own certificates and its products', public today, one per type and number.</summary>
    private static List<Certification> PublicCertifications(Producer producer, IEnumerable<Product> products, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        return [.. producer.Certifications.Concat(products.SelectMany(p => p.Certifications))
            .Where(c => c.IsPublicOn(today))
            .GroupBy(c => (c.Type, c.Number)).Select(g => g.First()).OrderBy(c => c.Type)];
    }
}
