using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Orders;

/// <summary>Which status an order may move to from which.</summary>
public static class OrderStates
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Next = new()
    {
        [OrderStatus.Pending] = [OrderStatus.Paid, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Processing, OrderStatus.Refunded],
        [OrderStatus.Processing] = [OrderStatus.Shipped, OrderStatus.Refunded],
        [OrderStatus.Shipped] = [OrderStatus.Completed, OrderStatus.Refunded],
        [OrderStatus.Completed] = [OrderStatus.Refunded],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    };

    public static IReadOnlyList<OrderStatus> From(OrderStatus status) => Next[status];

    public static bool CanMove(OrderStatus from, OrderStatus to) => Next[from].Contains(to);

    /// <summary>The statuses an order may be in to move to <paramref name="to"/>.</summary>
    public static OrderStatus[] Into(OrderStatus to) => [.. Next.Where(kv => kv.Value.Contains(to)).Select(kv => kv.Key)];
}

/// <summary>A status change that happened, for the handlers that tell the buyer.</summary>
public sealed record OrderChange(Order Order, OrderStatus From, OrderStatus To, string User, string? Detail);

/// <summary>Told about each order status change inside its transaction (e.g. to queue the buyer's email).</summary>
public interface IOrderChangeHandler
{
    Task HandleAsync(OrderChange change, CancellationToken cancellationToken);
}

public enum MoveResult
{
    Moved,
    NotFound,
    /// <summary>The rules do not allow it from the order's current status (or another change got there first).</summary>
    NotAllowed,
}

/// <summary>
/// Moves orders between statuses. The move is a conditional update on the status the order had, so two deliveries
/// of the same payment, or an officer and a webhook at once, move it once; the audit entry and the handlers' work
/// (emails) commit in the same transaction.
/// </summary>
public sealed class OrderWorkflow(IkmDbContext db, TimeProvider clock, IEnumerable<IOrderChangeHandler> handlers)
{
    public const string AuditType = "order";

    /// <summary>
    /// Moves the order to <paramref name="to"/> if the rules allow it from its current status; <paramref name="apply"/>
    /// sets what goes with the change (paid time, tracking number, Stripe ids).
    /// </summary>
    public async Task<MoveResult> MoveAsync(int orderId, OrderStatus to, string user, string? detail = null,
        Action<Order>? apply = null, CancellationToken cancellationToken = default)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var order = await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return MoveResult.NotFound;
        }
        var from = order.Status;
        if (!OrderStates.CanMove(from, to))
        {
            return MoveResult.NotAllowed;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // Claim the change: only one of several racing callers finds the order still in its old status.
        var claimed = await db.Orders.Where(o => o.Id == orderId && o.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, to).SetProperty(o => o.UpdatedAtUtc, now), cancellationToken);
        if (claimed == 0)
        {
            return MoveResult.NotAllowed;
        }
        // The tracked copy matches the row again, then takes the change's own values.
        db.Entry(order).Property(o => o.Status).OriginalValue = to;
        order.Status = to;
        db.Entry(order).Property(o => o.UpdatedAtUtc).OriginalValue = now;
        order.UpdatedAtUtc = now;
        if (to == OrderStatus.Paid)
        {
            order.PaidAtUtc ??= now;
            order.ExpiresAtUtc = null;
        }
        apply?.Invoke(order);
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = AuditType, DocumentId = order.Id, Action = to.ToString().ToLowerInvariant(), User = user, AtUtc = now,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
        var change = new OrderChange(order, from, to, user, detail);
        foreach (var handler in handlers)
        {
            await handler.HandleAsync(change, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return MoveResult.Moved;
    }

    /// <summary>The order's history, oldest first, from the audit log.</summary>
    public Task<List<AuditEntry>> HistoryAsync(int orderId, CancellationToken cancellationToken = default) =>
        db.AuditEntries.AsNoTracking().Where(a => a.DocumentType == AuditType && a.DocumentId == orderId)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>Cancels bank-transfer orders left unpaid past their expiry; returns how many.</summary>
    public async Task<int> ExpireUnpaidAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending && o.PaymentMethod == PaymentMethod.BankTransfer && o.ExpiresAtUtc != null && o.ExpiresAtUtc <= now)
            .OrderBy(o => o.ExpiresAtUtc).ThenBy(o => o.Id).Select(o => o.Id).Take(200).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            if (await MoveAsync(id, OrderStatus.Cancelled, "system", "expired-unpaid", cancellationToken: cancellationToken) == MoveResult.Moved)
            {
                count++;
            }
        }
        return count;
    }
}
