using System.Net.Mail;
using System.Text.RegularExpressions;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Features.Events;

public sealed record EventListViewModel(IReadOnlyList<Event> Upcoming, IReadOnlyList<Event> Past);

/// <summary>
/// The events calendar, an event's page with its registration form, and a registrant's private page (status and
/// cancellation). A registration is saved, with its email in the outbox, before the person sees the result.
/// </summary>
public sealed partial class EventsController(
    IkmDbContext db, PublishedContent published, TimeProvider clock, EventRegistrations registrations, FormGuard guard, IStringLocalizer<UiStrings> t)
    : SiteController(clock)
{
    /// <summary>The view data key of the registration panel (the event view also serves the backoffice preview, without one).</summary>
    public const string PanelKey = "RegistrationPanel";

    private const string DoneKey = "event-registration.done";

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var events = (await published.AtAsync(now, cancellationToken)).Events;
        var upcoming = events.Where(e => e.EndsAtUtc >= now).ToList();
        var past = events.Where(e => e.EndsAtUtc < now).Reverse().Take(12).ToList();
        return View(new EventListViewModel(upcoming, past));
    }

    [HttpGet]
    public async Task<IActionResult> Event(string slug, CancellationToken cancellationToken)
    {
        var item = await LoadAsync(slug, cancellationToken);
        if (item is null)
        {
            return await RedirectFromOldSlugAsync(db, DocumentTypes.Event, slug, cancellationToken);
        }
        return await PageAsync(item, new RegistrationForm(), null, StatusCodes.Status200OK, cancellationToken);
    }

    [HttpPost]
    [ActionName("Event")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Register(string slug, RegistrationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await LoadAsync(slug, cancellationToken);
        if (item is null || item.RegistrationMode == EventRegistrationMode.None)
        {
            return NotFound();
        }
        var verdict = guard.Check(Request.Form);
        if (verdict != GuardVerdict.Accepted)
        {
            return await RefuseAsync(item, form, FormGuard.MessageKey(verdict), StatusCodes.Status400BadRequest, cancellationToken);
        }
        Validate(item, form);
        if (!ModelState.IsValid)
        {
            return await PageAsync(item, form, null, StatusCodes.Status200OK, cancellationToken);
        }
        if (await TooManyAsync(form.Email!.Trim(), cancellationToken))
        {
            return await RefuseAsync(item, form, FormGuard.TooManyKey, StatusCodes.Status429TooManyRequests, cancellationToken);
        }

        var result = await registrations.RegisterAsync(item.Id,
            new Registrant(form.Name!, form.Email!, form.Phone, form.Organisation, Culture, form.Business), cancellationToken);
        switch (result.Outcome)
        {
            case RegisterOutcome.Confirmed or RegisterOutcome.Waitlisted:
                TempData[DoneKey] = "registered";
                return SeeOther(Url.Localized("event-registration", new { token = result.Registration!.Token }));
            case RegisterOutcome.UnknownProducer:
                ModelState.AddModelError(nameof(form.Business), t["event-registration.validation.unknown-business"]);
                return await PageAsync(item, form, null, StatusCodes.Status200OK, cancellationToken);
            case RegisterOutcome.Duplicate:
                ModelState.AddModelError(nameof(form.Email), t["event-registration.validation.duplicate"]);
                return await PageAsync(item, form, null, StatusCodes.Status200OK, cancellationToken);
            case RegisterOutcome.Closed:
                return await RefuseAsync(item, form, "event-registration.closed", StatusCodes.Status409Conflict, cancellationToken);
            default:
                return NotFound();
        }
    }

    [HttpGet]
    public async Task<IActionResult> Registration(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var registration = await registrations.FindByTokenAsync(token, cancellationToken);
        if (registration is null)
        {
            return NotFound();
        }
        return View("Registration", await StatusModelAsync(registration, TempData[DoneKey] as string, cancellationToken));
    }

    [HttpPost]
    [ActionName("Registration")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Cancel(string token, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var registration = await registrations.FindByTokenAsync(token, cancellationToken);
        if (registration is null)
        {
            return NotFound();
        }
        if (registration.Event.EndsAtUtc <= NowUtc)
        {
            // The event is over: what happened there is the office's record now.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Registration", await StatusModelAsync(registration, null, cancellationToken));
        }
        var result = await registrations.CancelByTokenAsync(token, cancellationToken);
        TempData[DoneKey] = result.Outcome == CancelOutcome.Cancelled ? "cancelled" : null;
        return SeeOther(Url.Localized("event-registration", new { token }));
    }

    private async Task<RegistrationStatusModel> StatusModelAsync(EventRegistration registration, string? done, CancellationToken cancellationToken) =>
        new(registration, await registrations.PositionAsync(registration, cancellationToken),
            registration.Status != RegistrationStatus.Cancelled && registration.Event.EndsAtUtc > NowUtc, done);

    private async Task<Event?> LoadAsync(string slug, CancellationToken cancellationToken) =>
        (await published.AtAsync(NowUtc, cancellationToken)).Event(slug);

    private async Task<IActionResult> PageAsync(Event item, RegistrationForm form, string? refusalKey, int status, CancellationToken cancellationToken)
    {
        if (item.RegistrationMode != EventRegistrationMode.None)
        {
            // The places taken come with the published event: every save of a registration journals a refresh of it.
            var (confirmed, waitlisted, _) = (await published.AtAsync(NowUtc, cancellationToken)).Figures(item.Id);
            ViewData[PanelKey] = new RegistrationPanel(item, EventRegistrations.IsOpen(item, NowUtc), confirmed, waitlisted, form, refusalKey, ProducerSignUpUrl());
        }
        Response.StatusCode = status;
        return View("Event", item);
    }

    private Task<IActionResult> RefuseAsync(Event item, RegistrationForm form, string key, int status, CancellationToken cancellationToken)
    {
        // What was typed stays; one message at the top says what to do.
        ModelState.Clear();
        return PageAsync(item, form, key, status, cancellationToken);
    }

    /// <summary>The producer registration page when the site has one, else its plain path.</summary>
    private string ProducerSignUpUrl() =>
        Url.RouteUrl(SiteRoutes.RouteName("register-producer", Culture)) ?? "/daftar-ikm";

    private void Validate(Event item, RegistrationForm form)
    {
        if (!string.IsNullOrWhiteSpace(form.Email) && ModelState.GetFieldValidationState(nameof(form.Email)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            var email = form.Email.Trim();
            if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
            {
                ModelState.AddModelError(nameof(form.Email), t["validation.email", t["event-registration.form.email"]]);
            }
        }
        if (!string.IsNullOrWhiteSpace(form.Phone) && !PhonePattern().IsMatch(form.Phone.Trim()))
        {
            ModelState.AddModelError(nameof(form.Phone), t["event-registration.validation.phone"]);
        }
        if (item.RegistrationMode == EventRegistrationMode.Producers && string.IsNullOrWhiteSpace(form.Business))
        {
            ModelState.AddModelError(nameof(form.Business), t["validation.required", t["event-registration.form.business"]]);
        }
    }

    private async Task<bool> TooManyAsync(string email, CancellationToken cancellationToken)
    {
        var dayAgo = NowUtc.AddDays(-1);
        var lowered = email.ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL, where lower() on both sides works on SQLite and PostgreSQL alike
        var fromEmail = await db.EventRegistrations.CountAsync(r => r.Email.ToLower() == lowered && r.RegisteredAtUtc > dayAgo, cancellationToken);
#pragma warning restore CA1862
        return fromEmail >= guard.Options.PerEmailPerDay;
    }

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>Digits with the usual separators and an optional leading +, at least six digits.</summary>
    [GeneratedRegex(@"^\+?(?=(?:\D*\d){6})[0-9 ()\-./]{6,29}$")]
    private static partial Regex PhonePattern();
}
