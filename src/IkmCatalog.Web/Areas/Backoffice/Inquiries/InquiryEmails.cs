using System.Globalization;
using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Email;
using IkmCatalog.Inquiries;
using IkmCatalog.Producers;
using IkmCatalog.Web.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Inquiries;

/// <summary>
/// The inbox's emails, written in the reader's language whatever language the officer works in: producers read
/// Indonesian, buyers the language they asked in. Only text here; the controller enqueues them with its change.
/// </summary>
public sealed class InquiryEmails(UiStrings strings, string officeName)
{
    public const string ForwardKind = "inquiry-forward";
    public const string QuoteKind = "inquiry-quote";
    public const string ReplyKind = "inquiry-reply";

    /// <summary>The request's details for the producer, in Indonesian; never the buyer's private status link.</summary>
    public OutgoingEmail Forward(Inquiry inquiry, Producer producer, string? note, string officer)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(producer);
        const string culture = Cultures.Indonesian;
        var format = Format(culture);
        var body = new StringBuilder()
            .AppendLine(Text(culture, "inquiry-mail.forward.greeting", producer.Name)).AppendLine()
            .AppendLine(Text(culture, "inquiry-mail.forward.intro", inquiry.Reference)).AppendLine()
            .AppendLine(Text(culture, "inquiry-mail.products"));
        foreach (var line in inquiry.Lines.OrderBy(l => l.Id))
        {
            body.AppendLine(string.Create(format, $"- {line.ProductName}: {line.Quantity:N0} {line.Unit}").TrimEnd());
        }
        body.AppendLine()
            .AppendLine(Text(culture, "inquiry-mail.buyer", inquiry.Company is { Length: > 0 } company ? $"{inquiry.BuyerName} ({company})" : inquiry.BuyerName))
            .AppendLine(Text(culture, "inquiry-mail.country", inquiry.Country))
            .AppendLine(Text(culture, "inquiry-mail.incoterm", inquiry.Incoterm, inquiry.Destination));
        if (inquiry.TargetDate is { } target)
        {
            body.AppendLine(Text(culture, "inquiry-mail.target-date", target.ToString("d MMMM yyyy", format)));
        }
        body.AppendLine(Text(culture, inquiry.SamplesWanted ? "inquiry-mail.samples-yes" : "inquiry-mail.samples-no"));
        if (!string.IsNullOrWhiteSpace(inquiry.CertificatesRequired))
        {
            body.AppendLine(Text(culture, "inquiry-mail.certificates", inquiry.CertificatesRequired));
        }
        if (!string.IsNullOrWhiteSpace(inquiry.Message))
        {
            body.AppendLine().AppendLine(Text(culture, "inquiry-mail.message")).AppendLine(inquiry.Message);
        }
        if (!string.IsNullOrWhiteSpace(note))
        {
            body.AppendLine().AppendLine(Text(culture, "inquiry-mail.forward.note", officer)).AppendLine(note);
        }
        body.AppendLine().AppendLine(Text(culture, "inquiry-mail.forward.ask", inquiry.Reference))
            .AppendLine().AppendLine(Text(culture, "inquiry-mail.regards")).AppendLine(officer).AppendLine(officeName);
        return new OutgoingEmail(ForwardKind, producer.Email!.Trim(), producer.Name,
            Text(culture, "inquiry-mail.forward.subject", inquiry.Reference, producer.Name), body.ToString(), Culture: culture);
    }

    /// <summary>The quote for the buyer in the buyer's language, with the link to their status page.</summary>
    public OutgoingEmail Quote(Inquiry inquiry, InquiryQuote quote, string statusUrl)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(quote);
        var culture = Cultures.Normalize(inquiry.Culture);
        var format = Format(culture);
        var body = new StringBuilder()
            .AppendLine(Text(culture, "inquiry-mail.buyer-greeting", inquiry.BuyerName)).AppendLine()
            .AppendLine(Text(culture, "inquiry-mail.quote.intro", inquiry.Reference)).AppendLine()
            .AppendLine(Text(culture, "inquiry-mail.quote.price", Price(quote.Price, quote.Currency, format), quote.PriceUnit))
            .AppendLine(Text(culture, "inquiry-mail.quote.incoterm", quote.Incoterm))
            .AppendLine(Text(culture, "inquiry-mail.quote.valid-until", quote.ValidUntil.ToString("d MMMM yyyy", format)))
            .AppendLine(Text(culture, "inquiry-mail.quote.lead-time", quote.LeadTimeDays.ToString(format)));
        if (!string.IsNullOrWhiteSpace(quote.Note))
        {
            body.AppendLine().AppendLine(quote.Note);
        }
        body.AppendLine().AppendLine(Text(culture, "inquiry-mail.status-link")).AppendLine(statusUrl)
            .AppendLine().AppendLine(Text(culture, "inquiry-mail.regards")).AppendLine(officeName);
        return new OutgoingEmail(QuoteKind, inquiry.Email, inquiry.BuyerName, Text(culture, "inquiry-mail.quote.subject", inquiry.Reference), body.ToString(), Culture: culture);
    }

    /// <summary>The office's reply for the buyer in the buyer's language, with the link to their status page.</summary>
    public OutgoingEmail Reply(Inquiry inquiry, string message, string officer, string statusUrl)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var culture = Cultures.Normalize(inquiry.Culture);
        var body = new StringBuilder()
            .AppendLine(Text(culture, "inquiry-mail.buyer-greeting", inquiry.BuyerName)).AppendLine()
            .AppendLine(Text(culture, "inquiry-mail.reply.intro", officer, inquiry.Reference)).AppendLine()
            .AppendLine(message).AppendLine()
            .AppendLine(Text(culture, "inquiry-mail.status-link")).AppendLine(statusUrl)
            .AppendLine().AppendLine(Text(culture, "inquiry-mail.regards")).AppendLine(officer).AppendLine(officeName);
        return new OutgoingEmail(ReplyKind, inquiry.Email, inquiry.BuyerName, Text(culture, "inquiry-mail.reply.subject", inquiry.Reference), body.ToString(), Culture: culture);
    }

    public static string Price(decimal price, string currency, IFormatProvider format) =>
        currency == "IDR" ? string.Create(format, $"IDR {price:N0}") : string.Create(format, $"{currency} {price:N2}");

    public static CultureInfo Format(string culture) => UiStrings.FormatFor(culture);

    private string Text(string culture, string key, params object?[] values) => strings.Text(culture, key, values);
}
