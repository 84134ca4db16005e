using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace IkmCatalog.Web.Areas.Backoffice.QrCards;

/// <summary>One card: a product as a visitor at a booth sees it, and the code that opens its page.</summary>
public sealed record QrCard(Product Product, string Url, string QrPng);

/// <summary>A sheet of cards with the texts around it (in the officer's language; the cards are in <paramref name="Culture"/>).</summary>
public sealed record QrCardSheet(string Title, string BackUrl, string BackText, string EmptyText, string Culture, IReadOnlyList<QrCard> Cards);

/// <summary>
/// Printable A4 sheets of product cards for exhibitions: each card has the product's photo, name, price or minimum
/// order and a QR code to its public page (where the quote form is one click away), in the language the office prints.
/// A sheet is made for a producer here, and for a curation round's shortlist from the curation pages.
/// </summary>
[Route("backoffice/producers")]
public sealed class QrCardsController(IkmDbContext db, TimeProvider clock, IStringLocalizer<UiStrings> text) : BackofficeController
{
    public const string SheetView = "~/Areas/Backoffice/QrCards/Cards.cshtml";

    [HttpGet("{id:int}/cards")]
    public async Task<IActionResult> Cards(int id, string? lang, CancellationToken cancellationToken)
    {
        var culture = Cultures.Normalize(lang);
        var producer = await db.Producers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (producer is null)
        {
            return NotFound();
        }
        var productIds = await db.PublicProducts(clock.GetUtcNow().UtcDateTime).Where(p => p.ProducerId == id)
            .OrderByDescending(p => p.Featured).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var cards = await CardsAsync(db, HttpContext, clock.GetUtcNow().UtcDateTime, culture, productIds, cancellationToken);
        return View(SheetView, new QrCardSheet(text["backoffice.qr-cards.title", producer.Name], $"/backoffice/content/producers/{producer.Id}",
            text["backoffice.qr-cards.back"], text["backoffice.qr-cards.none"], culture, cards));
    }

    /// <summary>
    /// Cards for <paramref name="productIds"/> in that order, leaving out any product that is not public now (its
    /// code would open a missing page).
    /// </summary>
    public static async Task<IReadOnlyList<QrCard>> CardsAsync(
        IkmDbContext db, HttpContext http, DateTime nowUtc, string culture, IReadOnlyList<int> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(productIds);
        var products = await db.PublicProducts(nowUtc).Where(p => productIds.Contains(p.Id))
            .Include(p => p.Producer)
            .Include(p => p.Images.OrderBy(i => i.SortOrder)).ThenInclude(i => i.MediaItem)
            .AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        var position = productIds.Select((id, index) => (id, index)).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.First().index);
        return [.. products.OrderBy(p => position[p.Id]).Select(p =>
        {
            var url = SiteUrls.Page(http, "product", culture, new { slug = p.Slug });
            return new QrCard(p, url, QrPng(url));
        })];
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
