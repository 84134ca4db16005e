using System.Globalization;
using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Email;
using IkmCatalog.Orders;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using IkmCatalog.Web.Views;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Orders;

/// <summary>
/// The emails an order causes, queued in the outbox (saved by the caller's SaveChanges, with the order): the buyer's
/// in the buyer's language, the office's in Indonesian.
/// </summary>
public sealed class CheckoutEmails(
    EmailOutbox outbox, UiStrings strings, OfficeTime officeTime, IOptions<BankTransferOptions> bank,
    IOptions<IkmCatalogOptions> options, ActiveTheme theme)
{
    /// <summary>The office's address for notifications (configuration first, then the theme), or null.</summary>
    public string? OfficeEmail => options.Value.OfficeFor(theme).NotificationEmail;

    private static string Rupiah(long amount, string culture) => ViewFormat.Rupiah(amount, culture);

    /// <summary>An office-time date and time in the buyer's language, e.g. "2 Desember 2026 14.30 WIB".</summary>
    public string OfficeDateTime(DateTime utc, string culture)
    {
        var format = UiStrings.FormatFor(culture);
        return officeTime.ToLocal(utc).ToString("d MMMM yyyy HH.mm", format) + " " + Text(culture, "order.time-zone");
    }

    public void Received(Order order, string statusUrl)
    {
        ArgumentNullException.ThrowIfNull(order);
        var c = order.Culture;
        var body = new StringBuilder();
        body.AppendLine(Text(c, "order.email.greeting", order.CustomerName)).AppendLine();
        body.AppendLine(Text(c, "order.email.received", order.Reference)).AppendLine();
        AppendSummary(body, order, c);
        if (order.PaymentMethod == PaymentMethod.BankTransfer)
        {
            body.AppendLine().AppendLine(Text(c, "order.email.transfer-intro"));
            body.AppendLine(Text(c, "order.bank.name") + ": " + bank.Value.BankName);
            body.AppendLine(Text(c, "order.bank.account-name") + ": " + bank.Value.AccountName);
            body.AppendLine(Text(c, "order.bank.account-number") + ": " + bank.Value.AccountNumber);
            body.AppendLine(Text(c, "order.bank.amount") + ": " + Rupiah(order.TotalIdr, c));
            body.AppendLine(Text(c, "order.bank.reference") + ": " + order.Reference);
            if (order.ExpiresAtUtc is { } expires)
            {
                body.AppendLine(Text(c, "order.bank.expires", OfficeDateTime(expires, c)));
            }
            if (order.ShippingIdr is null)
            {
                body.AppendLine(Text(c, "order.email.shipping-later"));
            }
        }
        body.AppendLine().AppendLine(Text(c, "order.email.status-link")).AppendLine(statusUrl);
        outbox.Enqueue(new OutgoingEmail("order-received", order.Email, order.CustomerName,
            Text(c, "order.email.subject", order.Reference), body.ToString(), Culture: c));

        if (OfficeEmail is { } office)
        {
            const string id = Cultures.Indonesian;
            var note = new StringBuilder();
            note.AppendLine(Text(id, "order.office.new", order.Reference)).AppendLine();
            note.AppendLine($"{order.CustomerName} <{order.Email}>, {order.Phone}");
            note.AppendLine($"{order.AddressLine}, {order.CityName}, {order.ProvinceName} {order.PostalCode}");
            if (!string.IsNullOrWhiteSpace(order.Note))
            {
                note.AppendLine(Text(id, "checkout.field.note") + ": " + order.Note);
            }
            note.AppendLine(Text(id, "order.payment." + MethodKey(order.PaymentMethod))).AppendLine();
            AppendSummary(note, order, id);
            outbox.Enqueue(new OutgoingEmail("order-office", office, null, Text(id, "order.office.subject", order.Reference), note.ToString(), Culture: id));
        }
    }

    public void ReceiptUploaded(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (OfficeEmail is { } office)
        {
            const string id = Cultures.Indonesian;
            var body = Text(id, "order.office.receipt", order.Reference, order.CustomerName, Rupiah(order.TotalIdr, id));
            outbox.Enqueue(new OutgoingEmail("order-receipt", office, null, Text(id, "order.office.receipt-subject", order.Reference), body, Culture: id));
        }
    }

    public static string MethodKey(PaymentMethod method) => method == PaymentMethod.BankTransfer ? "bank-transfer" : "online";

    private void AppendSummary(StringBuilder body, Order order, string c)
    {
        foreach (var line in order.Lines)
        {
            body.AppendLine($"- {line.ProductName}: {line.Quantity} {line.Unit} × {Rupiah(line.UnitPriceIdr, c)} = {Rupiah(line.LineTotalIdr, c)}");
        }
        body.AppendLine(Text(c, "order.subtotal") + ": " + Rupiah(order.SubtotalIdr, c));
        body.AppendLine(Text(c, "order.shipping") + ": " + (order.ShippingIdr is { } s ? Rupiah(s, c) : Text(c, "order.shipping-by-office")));
        body.AppendLine(Text(c, "order.total") + ": " + Rupiah(order.TotalIdr, c) + (order.ShippingIdr is null ? " " + Text(c, "order.total-plus-shipping") : ""));
    }

    private string Text(string culture, string key, params object[] args) => strings.Text(culture, key, args);
}
