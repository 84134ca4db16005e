using IkmCatalog.Content;
using IkmCatalog.Email;
using IkmCatalog.Events;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Events;

/// <summary>
/// Tells a registrant, in the language they registered in, that they have a place, are on the waiting list (and
/// where), moved up into a place, or were cancelled; each email carries their private status link. Queued in the
/// outbox inside <see cref="EventRegistrations"/>' transaction.
/// </summary>
public sealed partial class RegistrationEmails(
    EmailOutbox outbox,
    UiStrings strings,
    LinkGenerator links,
    IHttpContextAccessor http,
    IOptions<IkmCatalogOptions> options,
    ActiveTheme theme,
    ILogger<RegistrationEmails> logger) : IRegistrationNotifier
{
    public void Notify(EventRegistration registration, Event item, RegistrationNotice notice, int waitlistPosition)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(item);
        var culture = Cultures.Normalize(registration.Culture);
        var step = notice.ToString().ToLowerInvariant();
        var format = UiStrings.FormatFor(culture);
        var when = item.StartsLocal.ToString("d MMMM yyyy, HH.mm", format) + " " + strings.Text(culture, "event.timezone." + item.UtcOffsetMinutes);
        var values = new object[] { registration.Name, item.Title.For(culture), when, item.Venue, waitlistPosition, StatusLink(registration.Token, culture) };
        var body = strings.Text(culture, $"event-registration.email.{step}.body", values)
            + "\n\n" + strings.Text(culture, "event-registration.email.footer", values)
            + "\n" + (options.Value.OfficeFor(theme).Name ?? strings.Text(culture, "site.name"));
        var result = outbox.Enqueue(new OutgoingEmail("event-registration-" + step, registration.Email, registration.Name,
            strings.Text(culture, $"event-registration.email.{step}.subject", values), body, Culture: culture));
        if (result.Status != EnqueueStatus.Queued)
        {
            // The registration stands regardless; the office sees it in the list.
            LogNotQueued(logger, registration.Id, result.Status);
        }
    }

    /// <summary>The registrant's absolute status link (configured public base URL, else the current request's host).</summary>
    public string StatusLink(string token, string culture) =>
        SiteUrls.Root(options.Value.PublicBaseUrl, http.HttpContext)
        + (links.GetPathByRouteValues(SiteRoutes.RouteName("event-registration", culture), new { token }) ?? "/");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event registration {Id}: email not queued ({Status}).")]
    private static partial void LogNotQueued(ILogger logger, int id, EnqueueStatus status);
}

public static class EventRegistrationServices
{
    /// <summary>Registrations for events: places, the waiting list and the registrants' emails.</summary>
    public static IHostApplicationBuilder AddEventRegistrations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<EventRegistrations>();
        builder.Services.AddScoped<IRegistrationNotifier, RegistrationEmails>();
        return builder;
    }
}
