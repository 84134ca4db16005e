using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Web.Features.Catalog;
using IkmCatalog.Web.Features.Orders;
using IkmCatalog.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Cart;

public sealed record CartViewModel(CartContents Contents, IReadOnlyDictionary<int, string> LineErrors);

public sealed record CheckoutViewModel(
    CartContents Contents, CheckoutForm Form, IndonesianRegions Regions, bool OnlineOffered, long? Shipping, string? FormError)
{
    public long Total => Contents.Subtotal + (Shipping ?? 0);
}

/// <summary>The cart (add, change, remove) and checkout: the order is saved before anyone is told about it.</summary>
public sealed class CartController(
    IkmDbContext db, TimeProvider clock, IndonesianRegions regions, FormGuard guard, OfficeTime officeTime,
    CheckoutEmails emails, IOptions<BankTransferOptions> bank) : SiteController(clock)
{
    /// <summary>The key under which the product page shows an add-to-cart error next to the quantity.</summary>
    public const string AddErrorKey = "cart.add-error";

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new CartViewModel(await CartStore.LoadAsync(db, HttpContext, NowUtc, cancellationToken), new Dictionary<int, string>()));

    [HttpPost]
    public async Task<IActionResult> Add(int productId, string? quantity, CancellationToken cancellationToken)
    {
        var product = await db.PublicProducts(NowUtc).Where(p => p.Id == productId)
            .WithCardData().Include(p => p.Producer).ThenInclude(p => p.Image)
            .AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return NotFound();
        }
        var error = !CartStore.IsBuyable(product) ? "cart.error.not-for-sale" : QuantityError(quantity, product, out _);
        var cart = await CartStore.FindAsync(db, HttpContext, cancellationToken);
        var already = cart?.Lines.FirstOrDefault(l => l.ProductId == productId)?.Quantity ?? 0;
        if (error is null && already + ParseQuantity(quantity) > CartStore.MaxQuantity)
        {
            error = "cart.error.quantity-max";
        }
        if (error is not null)
        {
            ViewData[AddErrorKey] = error;
            ViewData["cart.quantity"] = quantity;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("/Features/Catalog/Product.cshtml", await CatalogController.PageModelAsync(db, product, NowUtc, cancellationToken));
        }
        cart = await CartStore.FindOrCreateAsync(db, HttpContext, NowUtc, cancellationToken);
        var line = cart.Lines.FirstOrDefault(l => l.ProductId == productId);
        if (line is null)
        {
            cart.Lines.Add(new CartLine { ProductId = productId, Quantity = ParseQuantity(quantity), PriceIdrWhenAdded = product.PriceIdr!.Value, AddedAtUtc = NowUtc });
        }
        else
        {
            line.Quantity += ParseQuantity(quantity);
            line.PriceIdrWhenAdded = product.PriceIdr!.Value;
        }
        cart.UpdatedAtUtc = NowUtc;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectSeeOther(Url.Localized("cart") + "?added=" + productId);
    }

    [HttpPost]
    public async Task<IActionResult> Update(int productId, string? quantity, CancellationToken cancellationToken)
    {
        var contents = await CartStore.LoadAsync(db, HttpContext, NowUtc, cancellationToken);
        var item = contents.Items.FirstOrDefault(i => i.Product.Id == productId);
        if (item is null)
        {
            return RedirectSeeOther(Url.Localized("cart"));
        }
        var value = 0;
        var error = item.State != LineState.Available ? "cart.error.not-for-sale" : QuantityError(quantity, item.Product, out value);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), new CartViewModel(contents, new Dictionary<int, string> { [productId] = error }));
        }
        item.Line.Quantity = value;
        contents.Cart!.UpdatedAtUtc = NowUtc;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectSeeOther(Url.Localized("cart"));
    }

    [HttpPost]
    public async Task<IActionResult> Remove(int productId, CancellationToken cancellationToken)
    {
        var cart = await CartStore.FindAsync(db, HttpContext, cancellationToken);
        if (cart?.Lines.FirstOrDefault(l => l.ProductId == productId) is { } line)
        {
            cart.Lines.Remove(line);
            cart.UpdatedAtUtc = NowUtc;
            await db.SaveChangesAsync(cancellationToken);
        }
        return RedirectSeeOther(Url.Localized("cart"));
    }

    /// <summary>The regencies and cities of a province, for the checkout form's script.</summary>
    [HttpGet]
    public IActionResult Cities(string? province) =>
        Json(regions.CitiesOf(province).Select(c => new { code = c.Code, name = c.Name }));

    [HttpGet]
    public async Task<IActionResult> Checkout(string? province, CancellationToken cancellationToken)
    {
        var contents = await CartStore.LoadAsync(db, HttpContext, NowUtc, cancellationToken);
        if (contents.IsEmpty)
        {
            return RedirectSeeOther(Url.Localized("cart"));
        }
        var form = new CheckoutForm { Province = regions.Find(province)?.Code, Payment = "bank-transfer" };
        return View(await ModelAsync(contents, form, null, cancellationToken));
    }

    [HttpPost]
    [ActionName("Checkout")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> CheckoutPost([FromForm] CheckoutForm form, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var contents = await CartStore.LoadAsync(db, HttpContext, NowUtc, cancellationToken);
        if (contents.IsEmpty)
        {
            return RedirectSeeOther(Url.Localized("cart"));
        }
        var payment = HttpContext.RequestServices.GetService<IOnlinePayment>();
        if (refresh)
        {
            // "Choose province" without JavaScript: the same form again, the city list now for that province.
            if (regions.FindCity(form.Province, form.City) is null)
            {
                form.City = null;
            }
            return View(await ModelAsync(contents, form, null, cancellationToken));
        }
        form.Validate(regions, payment is not null);
        var formError = await RefusalAsync(contents, form, cancellationToken);
        if (form.Errors.Count > 0 || formError is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await ModelAsync(contents, form, formError ?? "checkout.error.fix-fields", cancellationToken));
        }

        var order = await PlaceOrderAsync(contents, form, payment is not null && form.Payment == "online", cancellationToken);
        var statusUrl = SiteUrls.Absolute(HttpContext, Url.Localized("order-status", new { token = order.Token }));
        if (order.PaymentMethod == PaymentMethod.Stripe && payment is not null)
        {
            try
            {
                var target = await payment.StartAsync(order, statusUrl + "?paid=1", statusUrl + "?cancelled=1", cancellationToken);
                return RedirectSeeOther(target);
            }
            catch (OnlinePaymentException)
            {
                // The order is saved: it waits for a bank transfer instead, and its page says why.
                await FallBackToTransferAsync(order, cancellationToken);
                return RedirectSeeOther(Url.Localized("order-status", new { token = order.Token, payment = "unavailable" }));
            }
        }
        return RedirectSeeOther(Url.Localized("order-status", new { token = order.Token }));
    }

    /// <summary>An online payment that could not start: the pending order is paid by bank transfer, with its deadline.</summary>
    private async Task FallBackToTransferAsync(Order order, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var expires = now.AddDays(bank.Value.ExpiryDays);
        var moved = await db.Orders
            .Where(o => o.Id == order.Id && o.Status == OrderStatus.Pending && o.PaymentMethod == PaymentMethod.Stripe && o.StripeSessionId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentMethod, PaymentMethod.BankTransfer)
                .SetProperty(o => o.ExpiresAtUtc, expires).SetProperty(o => o.UpdatedAtUtc, now), cancellationToken);
        if (moved > 0)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                DocumentType = OrderWorkflow.AuditType, DocumentId = order.Id, Action = "online-payment-unavailable", User = "system", AtUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Robots, limits, and a cart that changed under the buyer: a message for the whole form, or null.</summary>
    private async Task<string?> RefusalAsync(CartContents contents, CheckoutForm form, CancellationToken cancellationToken)
    {
        var verdict = guard.Check(Request.Form);
        if (verdict != GuardVerdict.Accepted)
        {
            return FormGuard.MessageKey(verdict);
        }
        if (!contents.CanCheckout)
        {
            return "checkout.error.unavailable";
        }
        if (form.Prices != contents.PriceStamp)
        {
            return "checkout.error.prices-moved";
        }
        if (contents.Available.Any(i => i.PriceChanged) && !form.AcceptPrices)
        {
            form.Errors[nameof(CheckoutForm.AcceptPrices)] = "checkout.error.accept-prices";
        }
        var source = PublicIds.HashAddress(HttpContext.Connection.RemoteIpAddress?.ToString());
        var hourAgo = NowUtc.AddHours(-1);
        var dayAgo = NowUtc.AddDays(-1);
        if (await db.Orders.CountAsync(o => o.SourceHash == source && o.CreatedAtUtc > hourAgo, cancellationToken) >= guard.Options.PerAddressPerHour
            || (form.Email is { Length: > 0 } email
                && await db.Orders.CountAsync(o => o.Email == email && o.CreatedAtUtc > dayAgo, cancellationToken) >= guard.Options.PerEmailPerDay))
        {
            return FormGuard.TooManyKey;
        }
        return null;
    }

    private async Task<Order> PlaceOrderAsync(CartContents contents, CheckoutForm form, bool online, CancellationToken cancellationToken)
    {
        var province = regions.Find(form.Province)!;
        var city = regions.FindCity(form.Province, form.City)!;
        var lines = contents.Available.Select(i => new OrderLine
        {
            ProductId = i.Product.Id, ProductName = i.Product.Name.For(Culture), Unit = i.Product.Unit.For(Culture),
            UnitPriceIdr = i.CurrentPrice, Quantity = i.Line.Quantity, LineTotalIdr = i.LineTotal, WeightGrams = i.WeightGrams,
        }).ToList();
        var weight = lines.Sum(l => l.WeightGrams);
        var subtotal = lines.Sum(l => l.LineTotalIdr);
        var shipping = await ShippingFees.ForAsync(db, province.Code, weight, cancellationToken);
        var token = PublicIds.NewToken();
        var order = new Order
        {
            // A unique placeholder until the id is known, in the same transaction.
            Reference = "NEW-" + token[..16], Token = token, Culture = Culture, Status = OrderStatus.Pending,
            PaymentMethod = online ? PaymentMethod.Stripe : PaymentMethod.BankTransfer,
            CustomerName = form.Name!, Email = form.Email!, Phone = form.Phone!, AddressLine = form.Address!,
            ProvinceCode = province.Code, ProvinceName = province.Name, CityCode = city.Code, CityName = city.Name,
            PostalCode = form.PostalCode!, Note = form.Note, SubtotalIdr = subtotal, ShippingIdr = shipping,
            TotalIdr = subtotal + (shipping ?? 0), WeightGrams = weight, CreatedAtUtc = NowUtc, UpdatedAtUtc = NowUtc,
            ExpiresAtUtc = online ? null : NowUtc.AddDays(bank.Value.ExpiryDays),
            SourceHash = PublicIds.HashAddress(HttpContext.Connection.RemoteIpAddress?.ToString()),
            Lines = lines,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        order.Reference = PublicIds.Reference("ORD", officeTime.ToLocal(NowUtc).Year, order.Id);
        db.Carts.Remove(contents.Cart!);
        emails.Received(order, SiteUrls.Absolute(HttpContext, Url.Localized("order-status", new { token = order.Token })));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Response.Cookies.Delete(CartStore.CookieName);
        return order;
    }

    private async Task<CheckoutViewModel> ModelAsync(CartContents contents, CheckoutForm form, string? formError, CancellationToken cancellationToken)
    {
        var payment = HttpContext.RequestServices.GetService<IOnlinePayment>();
        var online = payment is not null;
        if (payment is not null)
        {
            // Placing an order paid online ends in a redirect to the provider's page, which form-action must allow.
            SecurityHeaders.AllowFormTarget(HttpContext, payment.PaymentPageOrigin);
        }
        long? shipping = regions.Find(form.Province) is { } province
            ? await ShippingFees.ForAsync(db, province.Code, contents.WeightGrams, cancellationToken)
            : null;
        return new CheckoutViewModel(contents, form, regions, online, shipping, formError);
    }

    private static int ParseQuantity(string? quantity) =>
        int.TryParse(quantity, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string? QuantityError(string? quantity, IkmCatalog.Catalog.Product product, out int value)
    {
        value = ParseQuantity(quantity);
        if (value <= 0)
        {
            return "cart.error.quantity";
        }
        if (value < product.Moq)
        {
            return "cart.error.below-moq";
        }
        return value > CartStore.MaxQuantity ? "cart.error.quantity-max" : null;
    }

    private static SeeOtherResult RedirectSeeOther(string url) => new(url);
}
