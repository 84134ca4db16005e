using Microsoft.AspNetCore.Routing;
using IkmCatalog.Orders;
using IkmCatalog.Tests.Email;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Features.Orders;
using IkmCatalog.Web.Features.Orders.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Orders;

/// <summary>Starting a Stripe Checkout payment and refunding it, against Stripe's API faked on loopback.</summary>
public sealed class StripeCheckoutTests(StripeHost host) : IClassFixture<StripeHost>
{
    private const string Success = "https://etalase.example.go.id/pesanan/abc?bayar=sukses";

    private const string Cancel = "https://etalase.example.go.id/pesanan/abc?bayar=batal";

    private Task<string> StartAsync(int orderId) => host.InScopeAsync(async (services, db) =>
    {
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId);
        return await services.GetRequiredService<IOnlinePayment>().StartAsync(order, Success, Cancel, CancellationToken.None);
    });

    [Fact]
    public async Task A_checkout_session_charges_the_lines_and_shipping_in_rupiah_hundredths_and_is_saved_on_the_order()
    {
        var order = await StripeOrders.CreateAsync(host, sessionId: null);

        var url = await StartAsync(order.Id);

        var request = Assert.Single(host.Fake.Requests, r => r.Method == "POST" && r.Path == "/v1/checkout/sessions" && r.Form["client_reference_id"] == order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("order-" + order.Reference + "-checkout", request.IdempotencyKey);
        var form = request.Form;
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("sari@contoh.co.id", form["customer_email"]);
        Assert.Equal(order.Reference, form["metadata[order_reference]"]);
        Assert.Equal(order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), form["metadata[order_id]"]);
        Assert.Equal(Success, form["success_url"]);
        Assert.Equal(Cancel, form["cancel_url"]);
        Assert.Equal("id", form["locale"]);
        // Rp 25.000 is 2500000 for Stripe: IDR is a two-decimal currency in its API.
        Assert.Equal(("idr", "2500000", "2", "Bandeng Presto Juwana"), Line(form, 0));
        Assert.Equal(("idr", "4750000", "1", "Wingko Babat Kelapa Muda"), Line(form, 1));
        Assert.Equal(("idr", "1800000", "1", "Ongkos kirim"), Line(form, 2));
        Assert.False(form.ContainsKey("line_items[3][quantity]"));

        var session = host.Fake.Sessions.Values.Single(s => s.ClientReferenceId == order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(StripeAmounts.ToStripe(115_500), session.AmountTotal);
        Assert.Equal(session.Url, url);
        var saved = await host.OrderAsync(order.Id);
        Assert.Equal(session.Id, saved.StripeSessionId);
        Assert.Equal(OrderStatus.Pending, saved.Status);
    }

    [Fact]
    public async Task An_english_buyer_gets_stripes_page_in_english_with_an_english_shipping_line()
    {
        var order = await StripeOrders.CreateAsync(host, sessionId: null, culture: "en");

        await StartAsync(order.Id);

        var form = host.Fake.Requests.Single(r => r.Path == "/v1/checkout/sessions" && r.Form["metadata[order_reference]"] == order.Reference).Form;
        Assert.Equal("en", form["locale"]);
        Assert.Equal("Shipping", form["line_items[2][price_data][product_data][name]"]);
    }

    [Fact]
    public async Task When_stripe_is_down_starting_a_payment_fails_clearly_and_the_order_stays_pending_without_a_session()
    {
        var order = await StripeOrders.CreateAsync(host, sessionId: null);
        host.Fake.Down = true;
        try
        {
            await Assert.ThrowsAsync<OnlinePaymentException>(() => StartAsync(order.Id));
        }
        finally
        {
            host.Fake.Down = false;
        }

        var saved = await host.OrderAsync(order.Id);
        Assert.Equal(OrderStatus.Pending, saved.Status);
        Assert.Null(saved.StripeSessionId);
    }

    [Fact]
    public async Task An_order_whose_shipping_fee_is_not_confirmed_cannot_be_paid_online()
    {
        var order = await StripeOrders.CreateAsync(host, sessionId: null);
        await host.InScopeAsync((_, db) => db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ShippingIdr, (long?)null)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(order.Id));

        Assert.DoesNotContain(host.Fake.Requests, r => r.Path == "/v1/checkout/sessions" && r.Form["metadata[order_reference]"] == order.Reference);
    }

    [Fact]
    public async Task A_refund_asks_stripe_to_refund_the_payment_intent_once_per_order()
    {
        var order = await StripeOrders.CreateAsync(host, sessionId: "cs_test_refund_" + Guid.NewGuid().ToString("N")[..8]);
        var intent = "pi_test_" + Guid.NewGuid().ToString("N")[..12];
        await host.InScopeAsync((_, db) => db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.StripePaymentIntentId, intent).SetProperty(o => o.Status, OrderStatus.Paid)));

        var refundId = await host.InScopeAsync(async (services, db) =>
            await services.GetRequiredService<IOnlinePayment>().RefundAsync(await db.Orders.SingleAsync(o => o.Id == order.Id), CancellationToken.None));

        Assert.Equal("re_test_" + intent["pi_test_".Length..], refundId);
        var request = Assert.Single(host.Fake.Requests, r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == intent);
        Assert.Equal("POST", request.Method);
        Assert.Equal("order-" + order.Reference + "-refund", request.IdempotencyKey);
    }

    [Fact]
    public async Task An_order_never_paid_online_cannot_be_refunded_through_stripe()
    {
        var order = await StripeOrders.CreateAsync(host, sessionId: null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.InScopeAsync(async (services, db) =>
            await services.GetRequiredService<IOnlinePayment>().RefundAsync(await db.Orders.SingleAsync(o => o.Id == order.Id), CancellationToken.None)));
    }

    [Fact]
    public async Task Without_stripe_keys_there_is_no_online_payment_and_no_webhook()
    {
        using var plain = IkmWebFactory.With(OutboxTests.Settings(seed: false));
        await using (var scope = plain.Services.CreateAsyncScope())
        {
            Assert.Null(scope.ServiceProvider.GetService<IOnlinePayment>());
            Assert.Null(scope.ServiceProvider.GetService<StripeWebhook>());
        }
        Assert.DoesNotContain(Webhooks(plain), e => e.RoutePattern.RawText == StripePayments.WebhookPath);
        Assert.Contains(Webhooks(host.Factory), e => e.RoutePattern.RawText == StripePayments.WebhookPath);
        // The host with keys has both.
        await using var configured = host.Factory.Services.CreateAsyncScope();
        Assert.IsType<StripeCheckout>(configured.ServiceProvider.GetService<IOnlinePayment>());
    }

    [Fact]
    public void Only_one_of_the_two_stripe_secrets_stops_the_application_from_starting()
    {
        var settings = OutboxTests.Settings(seed: false);
        settings["IkmCatalog:Stripe:SecretKey"] = "sk_test_only";
        using var half = IkmWebFactory.With(settings);

        var error = Assert.ThrowsAny<Exception>(() => half.Services);

        Assert.Contains("IkmCatalog:Stripe:WebhookSecret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_buyer_sent_to_stripes_page_who_pays_comes_back_to_the_success_url_and_the_webhook_pays_the_order()
    {
        var order = await StripeOrders.CreateAsync(host, sessionId: null);
        var url = await StartAsync(order.Id);
        using var buyer = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var page = await buyer.GetStringAsync(url);
        Assert.Contains("Rp 115.500", page, StringComparison.Ordinal);
        var sessionId = (await host.OrderAsync(order.Id)).StripeSessionId!;
        using var pay = new StringContent("");
        var back = await buyer.PostAsync($"{host.Fake.Url}/pay/{sessionId}/complete", pay);

        Assert.Equal(System.Net.HttpStatusCode.SeeOther, back.StatusCode);
        Assert.Equal(Success, back.Headers.Location?.ToString());
        Assert.Equal(OrderStatus.Pending, (await host.OrderAsync(order.Id)).Status); // coming back proves nothing
        var webhook = await host.DeliverAsync(StripeFake.Event("evt_" + Guid.NewGuid().ToString("N")[..16], "checkout.session.completed", host.Fake.Sessions[sessionId]));
        Assert.Equal(System.Net.HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await host.OrderAsync(order.Id)).Status);
    }

    private static IEnumerable<RouteEndpoint> Webhooks(IkmWebFactory factory) =>
        factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();

    private static (string, string, string, string) Line(Dictionary<string, string> form, int i) => (
        form[$"line_items[{i}][price_data][currency]"], form[$"line_items[{i}][price_data][unit_amount]"],
        form[$"line_items[{i}][quantity]"], form[$"line_items[{i}][price_data][product_data][name]"]);
}
