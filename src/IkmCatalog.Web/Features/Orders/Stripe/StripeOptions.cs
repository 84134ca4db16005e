using System.ComponentModel.DataAnnotations;

namespace IkmCatalog.Web.Features.Orders.Stripe;

/// <summary>
/// The "IkmCatalog:Stripe" section. Online payment is offered only when both secrets are set; without them the shop
/// takes bank transfers alone.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "IkmCatalog:Stripe";

    /// <summary>The secret API key (sk_live_… or sk_test_…), from a secret store or the environment, never the repository.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (whsec_…) shown in Stripe's dashboard for /stripe/webhook.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Another address for Stripe's API; only the tests set it, to a fake on loopback.</summary>
    [Url]
    public string? ApiBase { get; set; }

    /// <summary>
    /// Where Stripe's hosted payment page lives: checkout redirects the buyer's form there, so the page's content security
    /// policy allows it as a form target. Only the tests change it (to the fake's own payment page).
    /// </summary>
    [Url]
    public string PaymentPageOrigin { get; set; } = "https://checkout.stripe.com";

    /// <summary>How old a webhook's signed timestamp may be before it is refused as a replay (Stripe's default).</summary>
    [Range(1, 3600)]
    public int WebhookToleranceSeconds { get; set; } = 300;

    public bool Configured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}
