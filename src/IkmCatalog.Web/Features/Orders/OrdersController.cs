using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Orders;
using IkmCatalog.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Orders;

public sealed record OrderStatusViewModel(
    Order Order, IReadOnlyList<AuditEntry> History, BankTransferOptions Bank, bool PaidReturn, bool CancelledReturn,
    string? ReceiptError, bool ReceiptSaved, bool PaymentUnavailable = false);

/// <summary>The buyer's private order page (by token) and the transfer receipt upload.</summary>
public sealed class OrdersController(
    IkmDbContext db, TimeProvider clock, OrderWorkflow workflow, CheckoutEmails emails, DataPaths paths, FormGuard guard,
    IOptions<BankTransferOptions> bank) : SiteController(clock)
{
    public const long MaxReceiptBytes = 5 * 1024 * 1024;

    [HttpGet]
    public async Task<IActionResult> Status(string token, string? paid, string? cancelled, string? receipt, string? payment, CancellationToken cancellationToken)
    {
        var order = await FindAsync(token, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }
        // The payment provider sends the buyer back with ?paid=1 or ?cancelled=1: words for the page, never a status change.
        return await PageAsync(order, IsSet(paid), IsSet(cancelled), null, IsSet(receipt), cancellationToken, payment == "unavailable");
    }

    [HttpPost]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RequestSizeLimit(MaxReceiptBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxReceiptBytes + 64 * 1024)]
    public async Task<IActionResult> Receipt(string token, IFormFile? file, CancellationToken cancellationToken)
    {
        var order = await FindAsync(token, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }
        var verdict = guard.Check(Request.Form);
        var error = verdict != GuardVerdict.Accepted ? FormGuard.MessageKey(verdict)
            : order.Status != OrderStatus.Pending || order.PaymentMethod != PaymentMethod.BankTransfer ? "order.receipt.error.not-pending"
            : file is null || file.Length == 0 ? "order.receipt.error.missing"
            : file.Length > MaxReceiptBytes ? "order.receipt.error.too-large"
            : null;
        byte[]? content = null;
        SniffResult sniffed = default;
        if (error is null)
        {
            using var buffer = new MemoryStream();
            await file!.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
            sniffed = MediaSniffer.Inspect(content);
            if (sniffed.Type is not (SniffedType.Jpeg or SniffedType.Png or SniffedType.Pdf))
            {
                error = "order.receipt.error.type";
            }
        }
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await PageAsync(order, false, false, error, false, cancellationToken);
        }

        // A random name in the private receipts folder: never under wwwroot or the media library.
        Directory.CreateDirectory(paths.Receipts);
        var name = PublicIds.NewToken() + sniffed.Extension;
        await System.IO.File.WriteAllBytesAsync(Path.Combine(paths.Receipts, name), content!, cancellationToken);
        var tracked = await db.Orders.FirstAsync(o => o.Id == order.Id, cancellationToken);
        tracked.ReceiptFile = name;
        tracked.ReceiptContentType = sniffed.ContentType;
        tracked.ReceiptUploadedAtUtc = NowUtc;
        tracked.UpdatedAtUtc = NowUtc;
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = OrderWorkflow.AuditType, DocumentId = order.Id, Action = "receipt-uploaded", User = "buyer", AtUtc = NowUtc,
        });
        emails.ReceiptUploaded(tracked);
        await db.SaveChangesAsync(cancellationToken);
        return new SeeOtherResult(Url.Localized("order-status", new { token }) + "?receipt=1");
    }

    private static bool IsSet(string? flag) => flag is "1" or "true";

    private Task<Order?> FindAsync(string token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length > 64
            ? Task.FromResult<Order?>(null)
            : db.Orders.Include(o => o.Lines).AsNoTracking().FirstOrDefaultAsync(o => o.Token == token, cancellationToken);

    private async Task<IActionResult> PageAsync(Order order, bool paid, bool cancelled, string? receiptError, bool receiptSaved, CancellationToken cancellationToken, bool paymentUnavailable = false)
    {
        // A private page: not indexed, not kept by shared caches or the browser's history cache.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var history = await workflow.HistoryAsync(order.Id, cancellationToken);
        return View("Status", new OrderStatusViewModel(order, history, bank.Value, paid, cancelled, receiptError, receiptSaved, paymentUnavailable));
    }
}
