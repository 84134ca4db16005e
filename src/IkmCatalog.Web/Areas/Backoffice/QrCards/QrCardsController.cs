using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Producers;
using IkmCatalog.Web.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace IkmCatalog.Web.Areas.Backoffice.QrCards;

/// <summary>One card: a product as a visitor at a booth sees it, and the code that opens its page.</summary>
public sealed record QrCard(Product Product, string Url, string QrPng);

public sealed record QrCardSheet(Producer Producer, string Culture, IReadOnlyList<QrCard> Cards);

/// <summary>
/// Printable A4 sheets of product cards for exhibitions: each card has the product's photo, name, price or minimum
/// order and a QR code to its public page (where the quote form is one click away), in the language the office prints.
/// </summary>
[Route("backoffice/producers")]
public sealed class QrCardsController(IkmDbContext db, TimeProvider clock) : BackofficeController
{
    [HttpGet("{id:int}/cards")]
    public async Task<IActionResult> Cards(int id, string? lang, CancellationToken cancellationToken)
    {
        var culture = Cultures.Normalize(lang);
        var producer = await db.Producers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (producer is null)
        {
            return NotFound();
        }
        var products = await db.PublicProducts(clock.GetUtcNow().UtcDateTime).Where(p => p.ProducerId == id)
            .OrderByDescending(p => p.Featured).ThenBy(p => p.Id)
            .Include(p => p.Images.OrderBy(i => i.SortOrder)).ThenInclude(i => i.MediaItem)
            .AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        var cards = products.Select(p =>
        {
            var url = SiteUrls.Page(HttpContext, "product", culture, new { slug = p.Slug });
            return new QrCard(p, url, QrPng(url));
        }).ToList();
        return View(new QrCardSheet(producer, culture, cards));
    }

    /// <summary>A QR code (error correction M, which survives a smudge) as a PNG data URI: no file, no inline script or style.</summary>
    public static string QrPng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
