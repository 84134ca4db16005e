using System.Globalization;
using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Email;
using IkmCatalog.Inquiries;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Inquiries;

/// <summary>
/// The emails an inquiry causes: the buyer's acknowledgement in the buyer's language, and the office's notices in
/// Indonesian. Only composed here; the caller enqueues them with its change.
/// </summary>
public sealed class InquiryEmails(UiStrings strings, IOptions<IkmCatalogOptions> options, ActiveTheme theme)
{
    /// <summary>The office's address: configuration over the theme's defaults, as the site's footer shows it.</summary>
    public string? OfficeEmail => Office.NotificationEmail;

    private OfficeOptions Office => options.Value.OfficeFor(theme);

    public OutgoingEmail BuyerAcknowledgement(Inquiry inquiry, string statusUrl)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var culture = inquiry.Culture;
        var body = new StringBuilder()
            .AppendLine(Text(culture, "inquiry.email.buyer.greeting", inquiry.BuyerName)).AppendLine()
            .AppendLine(Text(culture, "inquiry.email.buyer.received", inquiry.Reference)).AppendLine()
            .AppendLine(Text(culture, "inquiry.email.buyer.follow"))
            .AppendLine(statusUrl).AppendLine()
            .AppendLine(Text(culture, "inquiry.email.buyer.summary"));
        AppendLines(body, inquiry);
        body.AppendLine(Text(culture, "inquiry.email.terms", inquiry.Incoterm, inquiry.Destination)).AppendLine()
            .AppendLine(Text(culture, "inquiry.email.buyer.closing"))
            .AppendLine(Office.Name ?? Text(culture, "site.name"));
        return new OutgoingEmail("inquiry-received", inquiry.Email, inquiry.BuyerName,
            Text(culture, "inquiry.email.buyer.subject", inquiry.Reference), body.ToString(), Culture: culture);
    }

    /// <summary>The office's notice of a new inquiry, or null when no office address is configured.</summary>
    public OutgoingEmail? OfficeNotification(Inquiry inquiry, string backofficeUrl)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        if (OfficeEmail is not { } to)
        {
            return null;
        }
        const string id = Cultures.Indonesian;
        var body = new StringBuilder()
            .AppendLine(Text(id, "inquiry.email.office.intro", inquiry.Reference)).AppendLine()
            .AppendLine(Field(id, "inquiry.form.name", inquiry.BuyerName))
            .AppendLine(Field(id, "inquiry.form.company", inquiry.Company))
            .AppendLine(Field(id, "inquiry.form.country", inquiry.Country))
            .AppendLine(Field(id, "inquiry.form.email", inquiry.Email))
            .AppendLine(Field(id, "inquiry.form.phone", inquiry.Phone))
            .AppendLine(Text(id, "inquiry.email.office.buyer-language." + Cultures.Normalize(inquiry.Culture), inquiry.Culture))
            .AppendLine()
            .AppendLine(Text(id, "inquiry.email.office.products"));
        AppendLines(body, inquiry);
        body.AppendLine(Field(id, "inquiry.form.incoterm", inquiry.Incoterm))
            .AppendLine(Field(id, "inquiry.form.destination", inquiry.Destination))
            .AppendLine(Field(id, "inquiry.form.target-date", inquiry.TargetDate?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(id))))
            .AppendLine(Field(id, "inquiry.form.samples", Text(id, inquiry.SamplesWanted ? "inquiry.yes" : "inquiry.no")))
            .AppendLine(Field(id, "inquiry.form.certificates", inquiry.CertificatesRequired));
        if (inquiry.Message is { Length: > 0 } message)
        {
            body.AppendLine().AppendLine(Text(id, "inquiry.form.message") + ":").AppendLine(message);
        }
        body.AppendLine().AppendLine(Text(id, "inquiry.email.office.open")).AppendLine(backofficeUrl);
        return new OutgoingEmail("inquiry-office", to, Office.Name,
            Text(id, "inquiry.email.office.subject", inquiry.Reference, inquiry.BuyerName, inquiry.Country), body.ToString(), Culture: id);
    }

    /// <summary>The office's notice that the buyer replied on the status page, or null without an office address.</summary>
    public OutgoingEmail? OfficeReplyNotification(Inquiry inquiry, string reply, string backofficeUrl)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        if (OfficeEmail is not { } to)
        {
            return null;
        }
        const string id = Cultures.Indonesian;
        var body = new StringBuilder()
            .AppendLine(Text(id, "inquiry.email.reply.intro", inquiry.BuyerName, inquiry.Reference)).AppendLine()
            .AppendLine(reply).AppendLine()
            .AppendLine(Text(id, "inquiry.email.office.open")).AppendLine(backofficeUrl);
        return new OutgoingEmail("inquiry-buyer-reply", to, Office.Name,
            Text(id, "inquiry.email.reply.subject", inquiry.Reference, inquiry.BuyerName), body.ToString(), Culture: id);
    }

    private void AppendLines(StringBuilder body, Inquiry inquiry)
    {
        var format = UiStrings.FormatFor(inquiry.Culture);
        foreach (var line in inquiry.Lines)
        {
            body.Append("- ").Append(line.ProductName).Append(": ").Append(line.Quantity.ToString("N0", format)).Append(' ').AppendLine(line.Unit);
        }
        body.AppendLine();
    }

    private string Field(string culture, string labelKey, string? value) =>
        $"{Text(culture, labelKey)}: {(string.IsNullOrWhiteSpace(value) ? "-" : value)}";

    private string Text(string culture, string key, params object?[] arguments) => strings.Text(culture, key, arguments);
}
