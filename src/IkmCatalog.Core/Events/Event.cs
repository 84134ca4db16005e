using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Media;

namespace IkmCatalog.Events;

public enum EventKind
{
    /// <summary>Bimbingan teknis (Bimtek) or other training.</summary>
    Training = 0,

    /// <summary>Kurasi: the office reviews products for quality, legality and market readiness.</summary>
    CurationDay = 1,

    Exhibition = 2,

    /// <summary>Studi banding.</summary>
    StudyVisit = 3,
}

public sealed class Event : Document
{
    public EventKind Kind { get; set; }

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    /// <summary>Markdown.</summary>
    public LocalizedText Body { get; set; } = new();

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    /// <summary>Offset of the venue's local time (WIB +7, WITA +8, WIT +9), for showing local times.</summary>
    public int UtcOffsetMinutes { get; set; } = 420;

    public string Venue { get; set; } = "";

    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public string? RegistrationUrl { get; set; }

    /// <summary>Whether and for whom the site takes registrations.</summary>
    public EventRegistrationMode RegistrationMode { get; set; }

    /// <summary>Confirmed places; past it registrations go on the waiting list. Null means no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>When the site stops taking registrations; null means at the start of the event.</summary>
    public DateTime? RegistrationClosesAtUtc { get; set; }

    public int? ImageId { get; set; }

    public MediaItem? Image { get; set; }

    public DateTimeOffset StartsLocal => new DateTimeOffset(StartsAtUtc, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(UtcOffsetMinutes));

    public DateTimeOffset EndsLocal => new DateTimeOffset(EndsAtUtc, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(UtcOffsetMinutes));
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.ConfigureDocument();
        e.Property(x => x.Venue).HasMaxLength(300);
        e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Image).WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => x.StartsAtUtc);
    }
}
