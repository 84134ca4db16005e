using System.Globalization;
using System.Text.RegularExpressions;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Orders;

/// <summary>One row of the fee table as the officer types it; numbers arrive as text so a typo gets a message, not a 0.</summary>
public sealed class ShippingRateForm
{
    public string? ProvinceCode { get; set; }

    public string? MaxWeightGrams { get; set; }

    public string? FeeIdr { get; set; }
}

public sealed record ShippingRatesViewModel(IReadOnlyList<ShippingRate> Rates, ShippingRateForm Form, int? Editing);

/// <summary>Which province codes the fee table accepts.</summary>
public static partial class ShippingProvinces
{
    /// <summary>
    /// Until the regions data file is part of the application, a province code is checked for its form only: the
    /// two digits of the BPS code (e.g. "33" for Central Java). This is the one place to switch to the real list.
    /// </summary>
    public static bool IsKnown(string? code) => code is not null && TwoDigits().IsMatch(code);

    [GeneratedRegex("^[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigits();
}

/// <summary>
/// The office's shipping fee table, province by province: a fee for parcels up to each weight. Checkout uses the
/// smallest band that holds the order's weight; no band means the office confirms the fee.
/// </summary>
[Route("backoffice/orders/shipping")]
[Authorize(Roles = OrdersController.Sales)]
public sealed class ShippingRatesController(IkmDbContext db, TimeProvider clock, IStringLocalizer<UiStrings> text) : BackofficeController
{
    public const string AuditType = "shipping-rate";

    // The view lives with the orders, the feature it belongs to.
    private const string ViewPath = "~/Areas/Backoffice/Orders/Shipping.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(int? edit, CancellationToken cancellationToken)
    {
        var form = new ShippingRateForm();
        if (edit is { } id && await db.ShippingRates.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } rate)
        {
            form = new ShippingRateForm
            {
                ProvinceCode = rate.ProvinceCode,
                MaxWeightGrams = rate.MaxWeightGrams.ToString(CultureInfo.InvariantCulture),
                FeeIdr = rate.FeeIdr.ToString(CultureInfo.InvariantCulture),
            };
            return View(ViewPath, await ModelAsync(form, id, cancellationToken));
        }
        return View(ViewPath, await ModelAsync(form, null, cancellationToken));
    }

    [HttpPost("add")]
    public Task<IActionResult> Add(ShippingRateForm form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int id, ShippingRateForm form, CancellationToken cancellationToken) => SaveAsync(id, form, cancellationToken);

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var rate = await db.ShippingRates.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rate is null)
        {
            return NotFound();
        }
        db.ShippingRates.Remove(rate);
        db.AuditEntries.Add(Audit(rate, "delete"));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.shipping.deleted", rate.ProvinceCode, Grams(rate.MaxWeightGrams)].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(int? id, ShippingRateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ShippingRate? rate = null;
        if (id is { } existing)
        {
            rate = await db.ShippingRates.FirstOrDefaultAsync(r => r.Id == existing, cancellationToken);
            if (rate is null)
            {
                return NotFound();
            }
        }
        form.ProvinceCode = form.ProvinceCode?.Trim();
        if (!ShippingProvinces.IsKnown(form.ProvinceCode))
        {
            ModelState.AddModelError(nameof(form.ProvinceCode), text["backoffice.shipping.error.province"]);
        }
        if (!int.TryParse(Digits(form.MaxWeightGrams), NumberStyles.None, CultureInfo.InvariantCulture, out var grams) || grams is < 1 or > 1_000_000)
        {
            ModelState.AddModelError(nameof(form.MaxWeightGrams), text["backoffice.shipping.error.weight"]);
        }
        if (!long.TryParse(Digits(form.FeeIdr), NumberStyles.None, CultureInfo.InvariantCulture, out var fee) || fee > 100_000_000_000)
        {
            ModelState.AddModelError(nameof(form.FeeIdr), text["backoffice.shipping.error.fee"]);
        }
        if (ModelState.IsValid && await db.ShippingRates.AnyAsync(r => r.ProvinceCode == form.ProvinceCode && r.MaxWeightGrams == grams && r.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError(nameof(form.MaxWeightGrams), text["backoffice.shipping.error.duplicate", Grams(grams), form.ProvinceCode!]);
        }
        if (!ModelState.IsValid)
        {
            return View(ViewPath, await ModelAsync(form, id, cancellationToken));
        }

        var isNew = rate is null;
        rate ??= db.ShippingRates.Add(new ShippingRate()).Entity;
        rate.ProvinceCode = form.ProvinceCode!;
        rate.MaxWeightGrams = grams;
        rate.FeeIdr = fee;
        try
        {
            // The row first (a new one needs its id for the audit entry), both in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(Audit(rate, isNew ? "create" : "update"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same band a moment ago and the unique index caught it.
            db.ChangeTracker.Clear();
            if (!await db.ShippingRates.AnyAsync(r => r.ProvinceCode == form.ProvinceCode && r.MaxWeightGrams == grams, cancellationToken))
            {
                throw;
            }
            ModelState.AddModelError(nameof(form.MaxWeightGrams), text["backoffice.shipping.error.duplicate", Grams(grams), form.ProvinceCode!]);
            return View(ViewPath, await ModelAsync(form, id, cancellationToken));
        }
        TempData["Notice"] = text["backoffice.shipping.saved", rate.ProvinceCode, Grams(rate.MaxWeightGrams)].Value;
        return RedirectToAction(nameof(Index));
    }

    private AuditEntry Audit(ShippingRate rate, string action) => new()
    {
        DocumentType = AuditType, DocumentId = rate.Id, Action = action, User = UserName, AtUtc = clock.GetUtcNow().UtcDateTime,
        Detail = string.Create(CultureInfo.InvariantCulture, $"{rate.ProvinceCode} ≤{rate.MaxWeightGrams} g: IDR {rate.FeeIdr}"),
    };

    private async Task<ShippingRatesViewModel> ModelAsync(ShippingRateForm form, int? editing, CancellationToken cancellationToken)
    {
        var rates = await db.ShippingRates.AsNoTracking().OrderBy(r => r.ProvinceCode).ThenBy(r => r.MaxWeightGrams).ToListAsync(cancellationToken);
        return new ShippingRatesViewModel(rates, form, editing);
    }

    /// <summary>What people type for a number: "1.000", "1,000" or "1 000" all mean a thousand.</summary>
    private static string Digits(string? value) =>
        (value ?? "").Trim().Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    private static string Grams(int grams) => grams.ToString("N0", Views.ViewFormat.Format);
}
