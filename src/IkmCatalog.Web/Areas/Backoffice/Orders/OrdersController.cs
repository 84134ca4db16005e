using System.Text.RegularExpressions;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Web.Features.Orders;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace IkmCatalog.Web.Areas.Backoffice.Orders;

/// <summary>What an officer sends with a status change; which fields count depends on the change.</summary>
public sealed class OrderActionForm
{
    /// <summary>The status the officer's page showed: a different one now means someone else changed the order.</summary>
    public OrderStatus? Seen { get; set; }

    public string? Note { get; set; }

    public string? Courier { get; set; }

    public string? TrackingNumber { get; set; }
}

public sealed record OrderDetailViewModel(
    Order Order,
    IReadOnlyList<AuditEntry> History,
    IReadOnlyList<OrderStatus> Next,
    bool OnlineRefunds,
    OfficeTime Time)
{
    /// <summary>The action whose form was sent and refused, to show its messages and keep what was typed.</summary>
    public string? Posted { get; init; }

    public OrderActionForm Form { get; init; } = new();

    /// <summary>A refusal for the whole page: the order changed meanwhile, or the refund failed.</summary>
    public string? Alert { get; init; }
}

/// <summary>
/// Orders for the sales office: the list with filters and counts, one order with its lines, buyer, payment and
/// history, and the status changes the rules allow from where it is, each through <see cref="OrderWorkflow"/>.
/// </summary>
[Route("backoffice/orders")]
[Authorize(Roles = Sales)]
public sealed partial class OrdersController(
    IkmDbContext db, OrderWorkflow workflow, OfficeTime time, DataPaths paths, IStringLocalizer<UiStrings> text,
    ILogger<OrdersController> logger) : BackofficeController
{
    public const string Sales = $"{EditorRoles.Admin},{EditorRoles.SalesOfficer}";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? method, string? from, string? to, string? q, int page = 1,
        CancellationToken cancellationToken = default)
    {
        var query = new OrderListQuery(Blank(status), Blank(method), Blank(from), Blank(to), Blank(q), page);
        var fromError = OrderList.TryParseDay(query.From, out var first) ? null : text["backoffice.orders.error.date"].Value;
        var toError = OrderList.TryParseDay(query.To, out var last) ? null : text["backoffice.orders.error.date"].Value;
        if (first is not null && last is not null && last < first)
        {
            toError = text["backoffice.orders.error.date-order"].Value;
            last = null;
        }
        var (rows, total, current, pages) = await OrderList.FindAsync(db, time, query, first, last, cancellationToken);
        var counts = await OrderList.CountsAsync(db, cancellationToken);
        var awaiting = await db.Orders.AwaitingCheck().CountAsync(cancellationToken);
        return View(new OrderListViewModel(rows, current, pages, total, query, counts, awaiting, fromError, toError, time));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        var model = await DetailAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>The buyer's transfer receipt, from the private receipts folder, never from the public media.</summary>
    [HttpGet("{id:int}/receipt")]
    public async Task<IActionResult> Receipt(int id, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        // A stored name is a bare file name; anything with a folder in it is not served.
        if (order?.ReceiptFile is not { Length: > 0 } name || Path.GetFileName(name) != name)
        {
            return NotFound();
        }
        var file = Path.Combine(paths.Receipts, name);
        if (!System.IO.File.Exists(file))
        {
            return NotFound();
        }
        var contentType = order.ReceiptContentType is { Length: > 0 } type ? type : "application/octet-stream";
        // Pictures and PDFs open in the browser; anything else is downloaded, and never sniffed into something else.
        var inline = contentType is "image/jpeg" or "image/png" or "image/webp" or "application/pdf";
        Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName($"{order.Reference}{Path.GetExtension(name)}");
        Response.Headers.ContentDisposition = disposition.ToString();
        return PhysicalFile(file, contentType);
    }

    [HttpPost("{id:int}/paid")]
    public Task<IActionResult> MarkPaid(int id, OrderActionForm form, CancellationToken cancellationToken) =>
        MoveAsync(id, "paid", OrderStatus.Paid, form, (order, f) =>
        {
            if (order.PaymentMethod != PaymentMethod.BankTransfer)
            {
                return ("", text["backoffice.orders.error.paid-online"].Value);
            }
            return Limit(f.Note, 1000) ? null : ("Note", text["backoffice.orders.error.note-length"].Value);
        }, f => f.Note, null, cancellationToken);

    [HttpPost("{id:int}/processing")]
    public Task<IActionResult> StartProcessing(int id, OrderActionForm form, CancellationToken cancellationToken) =>
        MoveAsync(id, "processing", OrderStatus.Processing, form, (_, _) => null, _ => null, null, cancellationToken);

    [HttpPost("{id:int}/ship")]
    public Task<IActionResult> Ship(int id, OrderActionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Courier = form.Courier?.Trim();
        form.TrackingNumber = form.TrackingNumber?.Trim().ToUpperInvariant();
        return MoveAsync(id, "ship", OrderStatus.Shipped, form, (_, f) =>
        {
            if (string.IsNullOrEmpty(f.Courier))
            {
                return ("Courier", text["backoffice.orders.error.courier"].Value);
            }
            if (f.Courier.Length > 60)
            {
                return ("Courier", text["backoffice.orders.error.courier-length"].Value);
            }
            if (string.IsNullOrEmpty(f.TrackingNumber))
            {
                return ("TrackingNumber", text["backoffice.orders.error.tracking"].Value);
            }
            return TrackingPattern().IsMatch(f.TrackingNumber) ? null : ("TrackingNumber", text["backoffice.orders.error.tracking-format"].Value);
        }, f => $"{f.Courier} {f.TrackingNumber}", (order, f) =>
        {
            order.Courier = f.Courier;
            order.TrackingNumber = f.TrackingNumber;
        }, cancellationToken);
    }

    [HttpPost("{id:int}/complete")]
    public Task<IActionResult> Complete(int id, OrderActionForm form, CancellationToken cancellationToken) =>
        MoveAsync(id, "complete", OrderStatus.Completed, form, (_, _) => null, _ => null, null, cancellationToken);

    [HttpPost("{id:int}/cancel")]
    public Task<IActionResult> Cancel(int id, OrderActionForm form, CancellationToken cancellationToken) =>
        MoveAsync(id, "cancel", OrderStatus.Cancelled, form, (_, f) => Required(f.Note, "backoffice.orders.error.reason"),
            f => f.Note!.Trim(), null, cancellationToken);

    [HttpPost("{id:int}/refund")]
    public async Task<IActionResult> Refund(int id, OrderActionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }
        if (order.PaymentMethod == PaymentMethod.BankTransfer)
        {
            return await MoveAsync(id, "refund", OrderStatus.Refunded, form, (_, f) => Required(f.Note, "backoffice.orders.error.refund-note"),
                f => f.Note!.Trim(), null, cancellationToken);
        }

        // Stripe: the money goes back first; the status follows only when the provider said yes.
        if (await RefusalAsync(order, "refund", OrderStatus.Refunded, form, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (HttpContext.RequestServices.GetService<IOnlinePayment>() is not { } payments)
        {
            return await ShowAsync(id, "refund", form, text["backoffice.orders.error.refund-unavailable"].Value, StatusCodes.Status409Conflict, cancellationToken);
        }
        string refundId;
        try
        {
            refundId = await payments.RefundAsync(order, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRefundFailed(logger, e, order.Reference);
            return await ShowAsync(id, "refund", form, text["backoffice.orders.error.refund-failed", e.Message].Value, StatusCodes.Status502BadGateway, cancellationToken);
        }
        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        var result = await workflow.MoveAsync(id, OrderStatus.Refunded, UserName, note is null ? refundId : $"{refundId} {note}",
            o => o.StripeRefundId = refundId, cancellationToken);
        if (result != MoveResult.Moved)
        {
            // The money went back but someone changed the order meanwhile: keep the refund id so nothing is lost.
            db.ChangeTracker.Clear();
            await db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.StripeRefundId, refundId), cancellationToken);
            return await ShowAsync(id, "refund", form, text["backoffice.orders.error.changed"].Value, StatusCodes.Status409Conflict, cancellationToken);
        }
        TempData["Notice"] = text["backoffice.orders.done.refunded", order.Reference].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    /// <summary>
    /// Checks the form, then moves the order with the officer's name. A refusal re-shows the order with the message
    /// next to the field, or at the top when the order changed meanwhile; what was typed stays in the form.
    /// </summary>
    private async Task<IActionResult> MoveAsync(int id, string action, OrderStatus to, OrderActionForm form,
        Func<Order, OrderActionForm, (string Field, string Message)?> check, Func<OrderActionForm, string?> detail,
        Action<Order, OrderActionForm>? apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }
        if (await RefusalAsync(order, action, to, form, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (check(order, form) is { } problem)
        {
            if (problem.Field.Length == 0)
            {
                return await ShowAsync(id, action, form, problem.Message, StatusCodes.Status409Conflict, cancellationToken);
            }
            ModelState.AddModelError(problem.Field, problem.Message);
            return await ShowAsync(id, action, form, null, StatusCodes.Status200OK, cancellationToken);
        }
        var note = detail(form);
        var result = await workflow.MoveAsync(id, to, UserName, string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            apply is null ? null : o => apply(o, form), cancellationToken);
        if (result == MoveResult.NotFound)
        {
            return NotFound();
        }
        if (result == MoveResult.NotAllowed)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(id, action, form, text["backoffice.orders.error.changed"].Value, StatusCodes.Status409Conflict, cancellationToken);
        }
        TempData["Notice"] = text["backoffice.orders.done." + to.ToString().ToLowerInvariant(), order.Reference].Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    /// <summary>The page again with a refusal when the order is no longer where the officer saw it, or the rules forbid the change.</summary>
    private async Task<IActionResult?> RefusalAsync(Order order, string action, OrderStatus to, OrderActionForm form, CancellationToken cancellationToken)
    {
        if (form.Seen is { } seen && seen != order.Status)
        {
            return await ShowAsync(order.Id, action, form, text["backoffice.orders.error.changed"].Value, StatusCodes.Status409Conflict, cancellationToken);
        }
        if (!OrderStates.CanMove(order.Status, to))
        {
            return await ShowAsync(order.Id, action, form, text["backoffice.orders.error.not-allowed",
                text["backoffice.orders.status." + order.Status.ToString().ToLowerInvariant()].Value].Value, StatusCodes.Status409Conflict, cancellationToken);
        }
        return null;
    }

    private async Task<IActionResult> ShowAsync(int id, string action, OrderActionForm form, string? alert, int status, CancellationToken cancellationToken)
    {
        var model = await DetailAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }
        Response.StatusCode = status;
        // The refused form keeps what was typed; after a conflict the page shows the order as it is now.
        return View(nameof(Detail), model with { Posted = action, Form = form, Alert = alert });
    }

    private async Task<OrderDetailViewModel?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.Id)).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }
        var history = await workflow.HistoryAsync(id, cancellationToken);
        var online = HttpContext.RequestServices.GetService<IOnlinePayment>() is not null;
        return new OrderDetailViewModel(order, history, OrderStates.From(order.Status), online, time);
    }

    private (string, string)? Required(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ("Note", text[key].Value);
        }
        return Limit(value, 1000) ? null : ("Note", text["backoffice.orders.error.note-length"].Value);
    }

    private static bool Limit(string? value, int max) => value is null || value.Trim().Length <= max;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Couriers' tracking numbers: letters, digits and dashes (JNE, J&amp;T, SiCepat, Pos Indonesia).</summary>
    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{5,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund of order {Reference} failed.")]
    private static partial void LogRefundFailed(ILogger logger, Exception exception, string reference);
}
