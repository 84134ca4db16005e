using System.ComponentModel.DataAnnotations;
using IkmCatalog.Events;

namespace IkmCatalog.Web.Features.Events;

/// <summary>What the registration form on an event's page posts.</summary>
public sealed class RegistrationForm
{
    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "event-registration.form.name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [EmailAddress(ErrorMessage = "validation.email")]
    [Display(Name = "event-registration.form.email")]
    public string? Email { get; set; }

    [StringLength(30, ErrorMessage = "validation.max-length")]
    [Display(Name = "event-registration.form.phone")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "event-registration.form.organisation")]
    public string? Organisation { get; set; }

    /// <summary>For producers' events: the business's NIB or the email the office has on record for it.</summary>
    [StringLength(200, ErrorMessage = "validation.max-length")]
    [Display(Name = "event-registration.form.business")]
    public string? Business { get; set; }
}

/// <summary>The registration part of an event's page: places, whether it is open, the form as typed and why a submission was refused.</summary>
public sealed record RegistrationPanel(
    Event Event, bool Open, int Confirmed, int Waitlisted, RegistrationForm Form, string? RefusalKey, string ProducerSignUpUrl)
{
    public int? PlacesLeft => Event.Capacity is { } capacity ? Math.Max(0, capacity - Confirmed) : null;

    public bool Full => PlacesLeft == 0;

    public bool ForProducers => Event.RegistrationMode == EventRegistrationMode.Producers;
}

/// <summary>The registrant's private page.</summary>
public sealed record RegistrationStatusModel(EventRegistration Registration, int WaitlistPosition, bool CanCancel, string? JustDone);
