using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Email;
using IkmCatalog.Producers;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Registration;

/// <summary>
/// The emails a registration causes: to the applicant in their language (received, accepted, returned, declined) and
/// to the office in Indonesian. Only composed here; the caller enqueues them with its change.
/// </summary>
public sealed class RegistrationEmails(UiStrings strings, IOptions<IkmCatalogOptions> options, ActiveTheme theme)
{
    private OfficeOptions Office => options.Value.OfficeFor(theme);

    public OutgoingEmail Acknowledgement(ProducerApplication application, string statusUrl)
    {
        ArgumentNullException.ThrowIfNull(application);
        var culture = application.Culture;
        var body = new StringBuilder()
            .AppendLine(Text(culture, "registration.email.greeting", application.OwnerName)).AppendLine()
            .AppendLine(Text(culture, "registration.email.received", application.BusinessName, application.Reference)).AppendLine()
            .AppendLine(Text(culture, "registration.email.follow"))
            .AppendLine(statusUrl).AppendLine()
            .AppendLine(Text(culture, "registration.email.next")).AppendLine();
        Close(body, culture);
        return new OutgoingEmail("registration-received", application.Email, application.OwnerName,
            Text(culture, "registration.email.received-subject", application.Reference), body.ToString(), Culture: culture);
    }

    /// <summary>The office's notice of a new (or corrected) application, or null when no office address is configured.</summary>
    public OutgoingEmail? OfficeNotice(ProducerApplication application, string regionName, string backofficeUrl)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (Office.NotificationEmail is not { } to)
        {
            return null;
        }
        const string id = Cultures.Indonesian;
        var corrected = application.Revision > 1;
        var sector = KbliSectors.Find(application.KbliCode);
        var body = new StringBuilder()
            .AppendLine(Text(id, corrected ? "registration.email.office.corrected" : "registration.email.office.intro", application.Reference, application.Revision)).AppendLine()
            .AppendLine(Field(id, "registration.form.business-name", application.BusinessName))
            .AppendLine(Field(id, "registration.form.owner", application.OwnerName))
            .AppendLine(Field(id, "registration.form.nib", application.Nib))
            .AppendLine(Field(id, "registration.form.kbli", sector is null ? application.KbliCode : KbliSectors.Describe(sector, id)))
            .AppendLine(Field(id, "registration.form.region", regionName))
            .AppendLine(Field(id, "registration.form.email", application.Email))
            .AppendLine(Field(id, "registration.form.phone", application.Phone))
            .AppendLine(Text(id, "registration.email.office.counts", application.Products.Count, application.Certificates.Count)).AppendLine()
            .AppendLine(Text(id, "registration.email.office.open")).AppendLine(backofficeUrl);
        return new OutgoingEmail(corrected ? "registration-office-corrected" : "registration-office", to, Office.Name,
            Text(id, corrected ? "registration.email.office.corrected-subject" : "registration.email.office.subject", application.Reference, application.BusinessName),
            body.ToString(), Culture: id);
    }

    /// <summary>The office's decision (accepted, returned or declined), with its comment, in the applicant's language.</summary>
    public OutgoingEmail Decision(ProducerApplication application, string statusUrl)
    {
        ArgumentNullException.ThrowIfNull(application);
        var culture = application.Culture;
        var what = application.Status.ToString().ToLowerInvariant();
        var body = new StringBuilder()
            .AppendLine(Text(culture, "registration.email.greeting", application.OwnerName)).AppendLine()
            .AppendLine(Text(culture, $"registration.email.{what}", application.BusinessName, application.Reference)).AppendLine();
        if (!string.IsNullOrWhiteSpace(application.OfficeComment))
        {
            body.AppendLine(Text(culture, "registration.email.comment")).AppendLine(application.OfficeComment).AppendLine();
        }
        body.AppendLine(Text(culture, "registration.email.follow")).AppendLine(statusUrl).AppendLine();
        Close(body, culture);
        return new OutgoingEmail($"registration-{what}", application.Email, application.OwnerName,
            Text(culture, $"registration.email.{what}-subject", application.Reference), body.ToString(), Culture: culture);
    }

    private void Close(StringBuilder body, string culture)
    {
        body.AppendLine(Text(culture, "registration.email.closing")).AppendLine(Office.Name ?? Text(culture, "site.name"));
        if (Office.NotificationEmail is { } email)
        {
            body.AppendLine(email);
        }
    }

    private string Field(string culture, string labelKey, string? value) =>
        $"{Text(culture, labelKey)}: {(string.IsNullOrWhiteSpace(value) ? "-" : value)}";

    private string Text(string culture, string key, params object?[] arguments) => strings.Text(culture, key, arguments);
}
