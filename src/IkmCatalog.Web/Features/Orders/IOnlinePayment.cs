using IkmCatalog.Orders;

namespace IkmCatalog.Web.Features.Orders;

/// <summary>
/// Online payment of a pending order (Stripe Checkout). Registered only when configured: without it, checkout offers
/// bank transfer alone and everything else works.
/// </summary>
public interface IOnlinePayment
{
    /// <summary>The origin of the provider's payment page, which the checkout form's redirect must be allowed to reach.</summary>
    string PaymentPageOrigin { get; }

    /// <summary>
    /// Starts paying for <paramref name="order"/> (saved, status pending) and returns the URL to send the buyer to.
    /// Never marks the order paid: only the provider's verified notification does.
    /// </summary>
    Task<string> StartAsync(Order order, string successUrl, string cancelUrl, CancellationToken cancellationToken);

    /// <summary>Refunds an order paid online, in full; returns the provider's refund id.</summary>
    Task<string> RefundAsync(Order order, CancellationToken cancellationToken);
}

/// <summary>
/// The provider could not be reached or refused the request; the order is unchanged. Checkout then offers the saved
/// order for bank transfer (UI string "orders.stripe.unavailable") instead of an error page.
/// </summary>
public sealed class OnlinePaymentException(string message, Exception? inner = null) : Exception(message, inner);
