using System.Net;
using IkmCatalog.Orders;
using IkmCatalog.Web.Features.Orders.Stripe;

namespace IkmCatalog.Tests.Orders;

/// <summary>
/// Stripe's notifications: only signed, fresh ones count; each event once; an order is paid once, and only when
/// Stripe itself (read again, not the event's copy) says the session paid this order in full.
/// </summary>
public sealed class StripeWebhookTests(StripeHost host) : IClassFixture<StripeHost>
{
    private const string Completed = "checkout.session.completed";

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A pending order with a session Stripe knows as <paramref name="paymentStatus"/>, for the whole total.</summary>
    private async Task<(Order Order, FakeSession Session)> OrderWithSessionAsync(string paymentStatus = "paid")
    {
        var sessionId = NewId("cs_test_");
        var order = await StripeOrders.CreateAsync(host, sessionId);
        var session = host.Fake.Add(sessionId, order.Id, StripeAmounts.ToStripe(order.TotalIdr), paymentStatus, NewId("pi_test_"));
        session.OrderReference = order.Reference;
        return (order, session);
    }

    private async Task AssertUntouchedAsync(Order order, string eventId)
    {
        var saved = await host.OrderAsync(order.Id);
        Assert.Equal(OrderStatus.Pending, saved.Status);
        Assert.Null(saved.PaidAtUtc);
        Assert.Empty(await host.HistoryAsync(order.Id));
        Assert.DoesNotContain(eventId, await host.EventIdsAsync());
    }

    [Fact]
    public async Task A_signed_completed_event_marks_the_order_paid_with_its_payment_intent_an_audit_entry_and_the_event_recorded()
    {
        var (order, session) = await OrderWithSessionAsync();
        var eventId = NewId("evt_");

        var response = await host.DeliverAsync(StripeFake.Event(eventId, Completed, session));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await host.OrderAsync(order.Id);
        Assert.Equal(OrderStatus.Paid, saved.Status);
        Assert.NotNull(saved.PaidAtUtc);
        Assert.Equal(session.PaymentIntent, saved.StripePaymentIntentId);
        Assert.Equal(["paid"], await host.HistoryAsync(order.Id));
        Assert.Contains(eventId, await host.EventIdsAsync());
        // The session was read again from Stripe, not taken from the event.
        Assert.Contains(host.Fake.Requests, r => r.Method == "GET" && r.Path == "/v1/checkout/sessions/" + session.Id);
    }

    [Fact]
    public async Task An_unsigned_event_is_refused_and_changes_nothing()
    {
        var (order, session) = await OrderWithSessionAsync();
        var eventId = NewId("evt_");

        var response = await host.DeliverAsync(StripeFake.Event(eventId, Completed, session), signature: "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUntouchedAsync(order, eventId);
    }

    [Fact]
    public async Task An_event_signed_with_another_secret_is_refused_and_changes_nothing()
    {
        var (order, session) = await OrderWithSessionAsync();
        var eventId = NewId("evt_");
        var payload = StripeFake.Event(eventId, Completed, session);

        var response = await host.DeliverAsync(payload, StripeSignatures.Sign(payload, "whsec_someone_else", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUntouchedAsync(order, eventId);
    }

    [Fact]
    public async Task An_event_altered_after_signing_is_refused_and_changes_nothing()
    {
        var (order, session) = await OrderWithSessionAsync();
        var eventId = NewId("evt_");
        var signedFor = StripeFake.Event(eventId, "checkout.session.expired", session);
        var tampered = signedFor.Replace("checkout.session.expired", Completed, StringComparison.Ordinal);

        var response = await host.DeliverAsync(tampered, StripeSignatures.Sign(signedFor, StripeHost.WebhookSecret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUntouchedAsync(order, eventId);
    }

    [Fact]
    public async Task An_event_signed_more_than_five_minutes_ago_is_refused_as_a_replay()
    {
        var (order, session) = await OrderWithSessionAsync();
        var eventId = NewId("evt_");
        var payload = StripeFake.Event(eventId, Completed, session);

        var response = await host.DeliverAsync(payload, StripeSignatures.Sign(payload, StripeHost.WebhookSecret, DateTimeOffset.UtcNow.AddSeconds(-301 - 60)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUntouchedAsync(order, eventId);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_event_is_refused()
    {
        const string payload = "{\"id\": \"evt_broken\", \"data\": ";

        var response = await host.DeliverAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evt_broken", await host.EventIdsAsync());
    }

    [Fact]
    public async Task The_same_event_delivered_twice_pays_the_order_once()
    {
        var (order, session) = await OrderWithSessionAsync();
        var payload = StripeFake.Event(NewId("evt_"), Completed, session);

        var first = await host.DeliverAsync(payload);
        var second = await host.DeliverAsync(payload);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await host.OrderAsync(order.Id)).Status);
        Assert.Equal(["paid"], await host.HistoryAsync(order.Id));
        Assert.Single(host.Fake.Requests, r => r.Method == "GET" && r.Path == "/v1/checkout/sessions/" + session.Id);
    }

    [Fact]
    public async Task Two_different_events_for_one_session_delivered_at_once_pay_the_order_once()
    {
        var (order, session) = await OrderWithSessionAsync();
        var completed = NewId("evt_");
        var succeeded = NewId("evt_");

        var responses = await Task.WhenAll(
            Task.Run(() => host.DeliverAsync(StripeFake.Event(completed, Completed, session))),
            Task.Run(() => host.DeliverAsync(StripeFake.Event(succeeded, "checkout.session.async_payment_succeeded", session))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(OrderStatus.Paid, (await host.OrderAsync(order.Id)).Status);
        Assert.Equal(["paid"], await host.HistoryAsync(order.Id));
        var recorded = await host.EventIdsAsync();
        Assert.Contains(completed, recorded);
        Assert.Contains(succeeded, recorded);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_at_once_is_processed_once()
    {
        var (order, session) = await OrderWithSessionAsync();
        var payload = StripeFake.Event(NewId("evt_"), Completed, session);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => host.DeliverAsync(payload))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["paid"], await host.HistoryAsync(order.Id));
    }

    [Fact]
    public async Task A_completed_event_claiming_paid_while_stripe_says_unpaid_leaves_the_order_pending_until_the_payment_succeeds()
    {
        // A delayed payment method: the session completes unpaid, the money arrives later.
        var (order, session) = await OrderWithSessionAsync(paymentStatus: "unpaid");
        var claimed = session.Copy();
        claimed.PaymentStatus = "paid";
        var completedId = NewId("evt_");

        var first = await host.DeliverAsync(StripeFake.Event(completedId, Completed, claimed));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await host.OrderAsync(order.Id)).Status);
        Assert.Empty(await host.HistoryAsync(order.Id));
        Assert.Contains(completedId, await host.EventIdsAsync());

        session.PaymentStatus = "paid";
        session.Status = "complete";
        var later = await host.DeliverAsync(StripeFake.Event(NewId("evt_"), "checkout.session.async_payment_succeeded", session));

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var paid = await host.OrderAsync(order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(session.PaymentIntent, paid.StripePaymentIntentId);
        Assert.Equal(["paid"], await host.HistoryAsync(order.Id));
    }

    [Fact]
    public async Task A_failed_delayed_payment_is_noted_on_the_order_which_stays_pending()
    {
        var (order, session) = await OrderWithSessionAsync(paymentStatus: "unpaid");

        var response = await host.DeliverAsync(StripeFake.Event(NewId("evt_"), "checkout.session.async_payment_failed", session));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await host.OrderAsync(order.Id)).Status);
        Assert.Equal(["payment-failed"], await host.HistoryAsync(order.Id));
    }

    [Fact]
    public async Task A_session_paid_for_less_than_the_order_total_does_not_pay_the_order_and_is_noted_for_the_office()
    {
        var (order, session) = await OrderWithSessionAsync();
        session.AmountTotal = StripeAmounts.ToStripe(order.TotalIdr - 18_000);

        var response = await host.DeliverAsync(StripeFake.Event(NewId("evt_"), Completed, session));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await host.OrderAsync(order.Id)).Status);
        Assert.Equal(["payment-unmatched"], await host.HistoryAsync(order.Id));
    }

    [Fact]
    public async Task A_session_stripe_reports_for_another_order_does_not_pay_this_one()
    {
        var (order, session) = await OrderWithSessionAsync();
        session.ClientReferenceId = (order.Id + 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await host.DeliverAsync(StripeFake.Event(NewId("evt_"), Completed, session));

        Assert.Equal(OrderStatus.Pending, (await host.OrderAsync(order.Id)).Status);
        Assert.Equal(["payment-unmatched"], await host.HistoryAsync(order.Id));
    }

    [Fact]
    public async Task An_expired_session_cancels_the_order_still_waiting_for_it()
    {
        var (order, session) = await OrderWithSessionAsync(paymentStatus: "unpaid");
        session.Status = "expired";

        var response = await host.DeliverAsync(StripeFake.Event(NewId("evt_"), "checkout.session.expired", session));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Cancelled, (await host.OrderAsync(order.Id)).Status);
        Assert.Equal(["cancelled"], await host.HistoryAsync(order.Id));
    }

    [Fact]
    public async Task An_event_for_a_session_no_order_has_is_acknowledged_and_changes_nothing()
    {
        var stranger = host.Fake.Add(NewId("cs_test_"), orderId: 999_999, amountTotal: 1_000_000);
        var eventId = NewId("evt_");

        var response = await host.DeliverAsync(StripeFake.Event(eventId, Completed, stranger));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(eventId, await host.EventIdsAsync());
    }

    [Fact]
    public async Task When_stripe_cannot_be_asked_the_event_fails_so_stripe_retries_and_the_retry_pays_the_order()
    {
        var (order, session) = await OrderWithSessionAsync();
        var eventId = NewId("evt_");
        var payload = StripeFake.Event(eventId, Completed, session);
        HttpResponseMessage failed;
        host.Fake.Down = true;
        try
        {
            failed = await host.DeliverAsync(payload);
        }
        finally
        {
            host.Fake.Down = false;
        }

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await host.OrderAsync(order.Id)).Status);
        Assert.DoesNotContain(eventId, await host.EventIdsAsync());

        var retried = await host.DeliverAsync(payload);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await host.OrderAsync(order.Id)).Status);
    }
}
