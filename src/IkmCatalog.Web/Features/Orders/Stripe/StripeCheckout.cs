using System.Globalization;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace IkmCatalog.Web.Features.Orders.Stripe;

/// <summary>
/// Pays orders through Stripe Checkout (a page hosted by Stripe) and refunds them. The order is marked paid by
/// <see cref="StripeWebhook"/> only, never here: a buyer reaching the success URL proves nothing.
/// </summary>
public sealed class StripeCheckout(StripeClient client, IkmDbContext db, UiStrings strings, IOptions<StripeOptions> options, ILogger<StripeCheckout> logger) : IOnlinePayment
{
    public string PaymentPageOrigin => options.Value.PaymentPageOrigin;

    /// <summary>
    /// Creates the Checkout Session for the order and returns Stripe's payment page. Asking again for the same order
    /// (the buyer pressed "pay" twice, or came back from Stripe's page) returns the same session: the idempotency key
    /// is the order's. Throws <see cref="OnlinePaymentException"/> when Stripe fails; the order stays pending and can
    /// still be paid by bank transfer.
    /// </summary>
    public async Task<string> StartAsync(Order order, string successUrl, string cancelUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var options = SessionFor(order, successUrl, cancelUrl, strings.Find(order.Culture, "orders.stripe.shipping") ?? "Ongkos kirim");
        Session session;
        try
        {
            session = await new SessionService(client).CreateAsync(options,
                new RequestOptions { IdempotencyKey = "order-" + order.Reference + "-checkout" }, cancellationToken);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException)
        {
            logger.LogWarning(e, "Stripe did not start paying for order {Reference}.", order.Reference);
            throw new OnlinePaymentException($"Stripe did not start paying for order {order.Reference}.", e);
        }
        // Saved at once, whatever the caller does next: the webhook finds the order by this id.
        await db.Orders.Where(o => o.Id == order.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.StripeSessionId, session.Id), cancellationToken);
        var entry = db.Entry(order);
        order.StripeSessionId = session.Id;
        if (entry.State != EntityState.Detached)
        {
            entry.Property(o => o.StripeSessionId).OriginalValue = session.Id;
        }
        return session.Url;
    }

    /// <summary>Refunds the whole payment; returns Stripe's refund id. Asking twice refunds once (same idempotency key).</summary>
    public async Task<string> RefundAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrEmpty(order.StripePaymentIntentId))
        {
            throw new InvalidOperationException($"Order {order.Reference} has no Stripe payment to refund.");
        }
        try
        {
            var refund = await new RefundService(client).CreateAsync(
                new RefundCreateOptions
                {
                    PaymentIntent = order.StripePaymentIntentId,
                    Metadata = new() { ["order_id"] = order.Id.ToString(CultureInfo.InvariantCulture), ["order_reference"] = order.Reference },
                },
                new RequestOptions { IdempotencyKey = "order-" + order.Reference + "-refund" }, cancellationToken);
            return refund.Id;
        }
        catch (Exception e) when (e is StripeException or HttpRequestException)
        {
            logger.LogWarning(e, "Stripe did not refund order {Reference}.", order.Reference);
            throw new OnlinePaymentException($"Stripe did not refund order {order.Reference}.", e);
        }
    }

    /// <summary>The session for an order: its lines and shipping in rupiah (Stripe units), the buyer's email and language.</summary>
    public static SessionCreateOptions SessionFor(Order order, string successUrl, string cancelUrl, string shippingName)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.ShippingIdr is null)
        {
            // The office has to confirm the fee first; the total is not final, so it cannot be paid online yet.
            throw new InvalidOperationException($"Order {order.Reference} has no confirmed shipping fee.");
        }
        var charged = order.Lines.Sum(l => l.UnitPriceIdr * l.Quantity) + order.ShippingIdr.Value;
        if (charged != order.TotalIdr)
        {
            // The webhook compares Stripe's total with the order's: a difference would leave a paid order pending.
            throw new InvalidOperationException($"Order {order.Reference}: lines and shipping come to {charged}, the total is {order.TotalIdr}.");
        }
        var id = order.Id.ToString(CultureInfo.InvariantCulture);
        var english = order.Culture == "en";
        var items = order.Lines.Select(l => new SessionLineItemOptions
        {
            Quantity = l.Quantity,
            PriceData = new SessionLineItemPriceDataOptions
            {
                Currency = StripeAmounts.Currency,
                UnitAmount = StripeAmounts.ToStripe(l.UnitPriceIdr),
                ProductData = new SessionLineItemPriceDataProductDataOptions { Name = l.ProductName },
            },
        }).ToList();
        if (order.ShippingIdr > 0)
        {
            items.Add(new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = StripeAmounts.Currency,
                    UnitAmount = StripeAmounts.ToStripe(order.ShippingIdr.Value),
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = shippingName },
                },
            });
        }
        var metadata = new Dictionary<string, string> { ["order_id"] = id, ["order_reference"] = order.Reference };
        return new SessionCreateOptions
        {
            Mode = "payment",
            LineItems = items,
            CustomerEmail = order.Email,
            ClientReferenceId = id,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Description = order.Reference,
                Metadata = new Dictionary<string, string>(metadata),
            },
            Locale = english ? "en" : "id",
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
        };
    }
}
