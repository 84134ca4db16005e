using System.Globalization;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace IkmCatalog.Web.Features.Orders.Stripe;

public enum WebhookOutcome
{
    /// <summary>Handled now (the order may or may not have changed); Stripe gets 200.</summary>
    Processed,

    /// <summary>This event id was handled before; 200, nothing done.</summary>
    AlreadyProcessed,

    /// <summary>Not an event we act on, or a session of no order of ours; 200, nothing done.</summary>
    Ignored,

    /// <summary>Unsigned, wrongly signed, altered or too old; 400, nothing done.</summary>
    Refused,

    /// <summary>Stripe's API did not answer when the session was read again; 500 so Stripe delivers the event again.</summary>
    StripeUnavailable,
}

/// <summary>
/// Stripe's notifications about Checkout Sessions. Each event id is handled once (its <see cref="StripeEventRecord"/>
/// commits with the change it causes); the event's copy of the session is not trusted, since events arrive late,
/// twice or out of order: the session is read again from Stripe and the order is paid only when Stripe says it is
/// paid, for this order, in full. The move itself goes through <see cref="OrderWorkflow"/>, whose conditional update
/// lets one of several racing deliveries win.
/// </summary>
/// <remarks>
/// An expired session (the buyer left Stripe's page; Checkout Sessions expire after 24 hours) cancels the order if it
/// is still pending: its buyer is told by the order's change handlers and can order again or choose bank transfer,
/// and goods held for it are released instead of waiting for an officer.
/// </remarks>
public sealed class StripeWebhook(
    IkmDbContext db, OrderWorkflow workflow, StripeClient client, IOptions<StripeOptions> options, TimeProvider clock,
    ILogger<StripeWebhook> logger)
{
    public const string User = "stripe";

    private static readonly HashSet<string> Handled =
    [
        EventTypes.CheckoutSessionCompleted, EventTypes.CheckoutSessionAsyncPaymentSucceeded,
        EventTypes.CheckoutSessionAsyncPaymentFailed, EventTypes.CheckoutSessionExpired,
    ];

    public async Task<WebhookOutcome> HandleAsync(string json, string signature, CancellationToken cancellationToken)
    {
        Event stripeEvent;
        try
        {
            var settings = options.Value;
            stripeEvent = EventUtility.ConstructEvent(json, signature, settings.WebhookSecret,
                tolerance: settings.WebhookToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is StripeException or Newtonsoft.Json.JsonException or System.Text.Json.JsonException)
        {
            // Unsigned, altered, too old, or (signed but) not an event.
            logger.LogWarning("Refused a Stripe webhook: {Reason}", e.Message);
            return WebhookOutcome.Refused;
        }
        if (!Handled.Contains(stripeEvent.Type) || stripeEvent.Data.Object is not Session notified)
        {
            return WebhookOutcome.Ignored;
        }
        if (await db.StripeEvents.AnyAsync(e => e.EventId == stripeEvent.Id, cancellationToken))
        {
            return WebhookOutcome.AlreadyProcessed;
        }
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.StripeSessionId == notified.Id, cancellationToken);
        if (order is null)
        {
            logger.LogWarning("Stripe event {EventId} ({Type}) is about session {SessionId}, which no order has.", stripeEvent.Id, stripeEvent.Type, notified.Id);
            return WebhookOutcome.Ignored;
        }

        Session session;
        try
        {
            session = await new SessionService(client).GetAsync(notified.Id, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException)
        {
            logger.LogWarning(e, "Could not read Stripe session {SessionId} for event {EventId}; Stripe will deliver it again.", notified.Id, stripeEvent.Id);
            return WebhookOutcome.StripeUnavailable;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.StripeEvents.Add(new StripeEventRecord { EventId = stripeEvent.Id, Type = stripeEvent.Type, ProcessedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            // The record first: a second delivery of this event stops here (or waits here for the first to commit).
            await db.SaveChangesAsync(cancellationToken);
            await ApplyAsync(stripeEvent, order, session, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same event committed its record first.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await db.StripeEvents.AsNoTracking().AnyAsync(e => e.EventId == stripeEvent.Id, CancellationToken.None))
            {
                return WebhookOutcome.AlreadyProcessed;
            }
            throw;
        }
        return WebhookOutcome.Processed;
    }

    private async Task ApplyAsync(Event stripeEvent, Order order, Session session, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Type)
        {
            case EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded:
                var problem = PaidInFull(order, session);
                if (problem is not null)
                {
                    // "unpaid" is normal for a completed session paid by a delayed method (e.g. a bank debit): its
                    // async_payment_succeeded event pays the order later. Anything else needs a person.
                    if (session.PaymentStatus != "unpaid")
                    {
                        logger.LogError("Stripe session {SessionId} for order {Reference} not accepted as payment: {Problem}", session.Id, order.Reference, problem);
                        Note(order, "payment-unmatched", $"{session.Id}: {problem}");
                    }
                    return;
                }
                var moved = await workflow.MoveAsync(order.Id, OrderStatus.Paid, User, session.PaymentIntentId ?? session.Id,
                    o => o.StripePaymentIntentId = session.PaymentIntentId, cancellationToken);
                if (moved != MoveResult.Moved)
                {
                    logger.LogInformation("Order {Reference} was not moved to paid by {EventId}: {Result}.", order.Reference, stripeEvent.Id, moved);
                }
                return;
            case EventTypes.CheckoutSessionAsyncPaymentFailed:
                Note(order, "payment-failed", session.Id);
                return;
            case EventTypes.CheckoutSessionExpired:
                if (session.Status == "expired" && session.PaymentStatus == "unpaid")
                {
                    await workflow.MoveAsync(order.Id, OrderStatus.Cancelled, User, "checkout-expired", cancellationToken: cancellationToken);
                }
                return;
            default:
                return;
        }
    }

    /// <summary>Null when the session pays this order in full; otherwise what is wrong.</summary>
    public static string? PaidInFull(Order order, Session session)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(session);
        if (session.PaymentStatus is not ("paid" or "no_payment_required"))
        {
            return $"payment status {session.PaymentStatus}";
        }
        if (session.Id != order.StripeSessionId || session.ClientReferenceId != order.Id.ToString(CultureInfo.InvariantCulture))
        {
            return $"session belongs to order {session.ClientReferenceId}";
        }
        if (!string.Equals(session.Currency, StripeAmounts.Currency, StringComparison.OrdinalIgnoreCase)
            || session.AmountTotal != StripeAmounts.ToStripe(order.TotalIdr))
        {
            return $"amount {session.AmountTotal} {session.Currency}, order total {StripeAmounts.ToStripe(order.TotalIdr)} {StripeAmounts.Currency}";
        }
        return null;
    }

    private void Note(Order order, string action, string detail) => db.AuditEntries.Add(new AuditEntry
    {
        DocumentType = OrderWorkflow.AuditType, DocumentId = order.Id, Action = action, User = User,
        AtUtc = clock.GetUtcNow().UtcDateTime, Detail = detail.Length > 1000 ? detail[..1000] : detail,
    });
}
