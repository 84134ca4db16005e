using System.Globalization;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Orders;

/// <summary>The list's filters as the query string carries them; dates are the office's calendar days, both inclusive.</summary>
public sealed record OrderListQuery(string? Status, string? Method, string? From, string? To, string? Q, int Page = 1)
{
    /// <summary>Pending bank transfers whose buyer uploaded a receipt: the office has a transfer to check.</summary>
    public const string AwaitingCheck = "awaiting-check";
}

public sealed record OrderListViewModel(
    IReadOnlyList<Order> Rows,
    int Page,
    int Pages,
    int Total,
    OrderListQuery Query,
    IReadOnlyDictionary<OrderStatus, int> Counts,
    int AwaitingCheck,
    string? FromError,
    string? ToError,
    OfficeTime Time);

/// <summary>Finds orders for the backoffice list: filters, counts per status, 30 a page, newest first.</summary>
public static class OrderList
{
    public const int PageSize = 30;

    public static bool TryParseDay(string? value, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        return false;
    }

    public static IQueryable<Order> AwaitingCheck(this IQueryable<Order> orders) =>
        orders.Where(o => o.Status == OrderStatus.Pending && o.PaymentMethod == PaymentMethod.BankTransfer && o.ReceiptFile != null);

    /// <summary>The orders matching the filters that could be read; <paramref name="from"/> and <paramref name="to"/> are already checked.</summary>
    public static async Task<(List<Order> Rows, int Total, int Page, int Pages)> FindAsync(
        IkmDbContext db, OfficeTime time, OrderListQuery query, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(query);
        var orders = db.Orders.AsNoTracking();
        if (query.Status == OrderListQuery.AwaitingCheck)
        {
            orders = orders.AwaitingCheck();
        }
        else if (Enum.TryParse<OrderStatus>(query.Status, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(query.Status, out _))
        {
            orders = orders.Where(o => o.Status == status);
        }
        if (Enum.TryParse<PaymentMethod>(query.Method, ignoreCase: true, out var method) && Enum.IsDefined(method) && !int.TryParse(query.Method, out _))
        {
            orders = orders.Where(o => o.PaymentMethod == method);
        }
        if (from is { } first)
        {
            var start = time.StartOfDayUtc(first);
            orders = orders.Where(o => o.CreatedAtUtc >= start);
        }
        if (to is { } last)
        {
            var end = time.StartOfDayUtc(last.AddDays(1));
            orders = orders.Where(o => o.CreatedAtUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Lower-cased on both sides: LIKE is case-sensitive on PostgreSQL and not on SQLite.
            var pattern = LikePattern.Contains(query.Q.Trim().ToLowerInvariant());
            orders = orders.Where(o => EF.Functions.Like(o.Reference.ToLower(), pattern, "\\")
                || EF.Functions.Like(o.CustomerName.ToLower(), pattern, "\\")
                || EF.Functions.Like(o.Email.ToLower(), pattern, "\\"));
        }
        var total = await orders.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await orders.OrderByDescending(o => o.CreatedAtUtc).ThenByDescending(o => o.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (rows, total, page, pages);
    }

    public static async Task<Dictionary<OrderStatus, int>> CountsAsync(IkmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = await db.Orders.GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
    }
}
