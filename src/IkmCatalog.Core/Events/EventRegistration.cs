using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using IkmCatalog.Producers;

namespace IkmCatalog.Events;

/// <summary>Who may register for an event on the site.</summary>
public enum EventRegistrationMode
{
    /// <summary>No registration on the site (or only through <see cref="Event.RegistrationUrl"/>).</summary>
    None = 0,

    /// <summary>Registered producers only (e.g. a Bimtek or a curation day).</summary>
    Producers = 1,

    /// <summary>Anyone (e.g. an exhibition's visitors or a public seminar).</summary>
    Public = 2,
}

public enum RegistrationStatus
{
    Confirmed = 0,

    /// <summary>Past capacity: promoted in order when a confirmed place is cancelled.</summary>
    Waitlisted = 1,

    Cancelled = 2,
}

/// <summary>A place asked for at an event, confirmed or on the waiting list, and whether the person came.</summary>
public sealed class EventRegistration
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public Event Event { get; set; } = null!;

    /// <summary>The producer registering (required when the event is for producers).</summary>
    public int? ProducerId { get; set; }

    public Producer? Producer { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string? Phone { get; set; }

    /// <summary>Business or organisation, as typed.</summary>
    public string? Organisation { get; set; }

    /// <summary>The registrant's language ("id" or "en").</summary>
    public string Culture { get; set; } = "id";

    /// <summary>The unguessable part of the registrant's private link (to see the status or cancel).</summary>
    public string Token { get; set; } = "";

    public RegistrationStatus Status { get; set; }

    public DateTime RegisteredAtUtc { get; set; }

    public DateTime? PromotedAtUtc { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    /// <summary>Null until attendance is recorded.</summary>
    public bool? Attended { get; set; }

    public string? AttendanceBy { get; set; }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> e)
    {
        e.Property(r => r.Name).HasMaxLength(200);
        e.Property(r => r.Email).HasMaxLength(200);
        e.Property(r => r.Phone).HasMaxLength(30);
        e.Property(r => r.Organisation).HasMaxLength(200);
        e.Property(r => r.Culture).HasMaxLength(5);
        e.Property(r => r.Token).HasMaxLength(64);
        e.Property(r => r.AttendanceBy).HasMaxLength(256);
        e.HasIndex(r => r.Token).IsUnique();
        e.HasIndex(r => new { r.EventId, r.Status, r.RegisteredAtUtc });
        e.HasIndex(r => new { r.EventId, r.Email });
        e.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.Producer).WithMany().HasForeignKey(r => r.ProducerId).OnDelete(DeleteBehavior.SetNull);
    }
}
