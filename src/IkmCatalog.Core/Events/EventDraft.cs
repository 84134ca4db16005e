using IkmCatalog.Content;

namespace IkmCatalog.Events;

/// <summary>A training, curation day, exhibition or study visit as an editor announces it.</summary>
public sealed class EventDraft : IDraft
{
    public string Slug { get; set; } = "";

    public EventKind Kind { get; set; }

    public LocalizedText Title { get; set; } = new();

    public LocalizedText Summary { get; set; } = new();

    public LocalizedText Body { get; set; } = new();

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    /// <summary>The venue's zone: 420 (WIB), 480 (WITA) or 540 (WIT).</summary>
    public int UtcOffsetMinutes { get; set; } = 420;

    public string Venue { get; set; } = "";

    public int? RegionId { get; set; }

    public string? RegistrationUrl { get; set; }

    public EventRegistrationMode RegistrationMode { get; set; }

    /// <summary>Confirmed places (at least 1); empty for no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>When the site stops taking registrations; empty for the start of the event.</summary>
    public DateTime? RegistrationClosesAtUtc { get; set; }

    public int? ImageId { get; set; }

    public static EventDraft From(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new()
        {
            Slug = e.Slug, Kind = e.Kind, Title = e.Title, Summary = e.Summary, Body = e.Body, StartsAtUtc = e.StartsAtUtc,
            EndsAtUtc = e.EndsAtUtc, UtcOffsetMinutes = e.UtcOffsetMinutes, Venue = e.Venue, RegionId = e.RegionId,
            RegistrationUrl = e.RegistrationUrl, ImageId = e.ImageId, RegistrationMode = e.RegistrationMode, Capacity = e.Capacity,
            RegistrationClosesAtUtc = e.RegistrationClosesAtUtc,
        };
    }

    public void ApplyTo(Document document)
    {
        var e = (Event)document;
        e.Slug = Slug;
        e.Kind = Kind;
        e.Title = Title;
        e.Summary = Summary;
        e.Body = Body;
        e.StartsAtUtc = DateTime.SpecifyKind(StartsAtUtc, DateTimeKind.Utc);
        e.EndsAtUtc = DateTime.SpecifyKind(EndsAtUtc, DateTimeKind.Utc);
        e.UtcOffsetMinutes = UtcOffsetMinutes;
        e.Venue = Venue.Trim();
        e.RegionId = RegionId;
        e.RegistrationUrl = string.IsNullOrWhiteSpace(RegistrationUrl) ? null : RegistrationUrl.Trim();
        e.ImageId = ImageId;
        e.RegistrationMode = RegistrationMode;
        e.Capacity = Capacity;
        e.RegistrationClosesAtUtc = RegistrationClosesAtUtc is { } closes ? DateTime.SpecifyKind(closes, DateTimeKind.Utc) : null;
    }

    public IEnumerable<DraftError> Validate(DateOnly today)
    {
        var errors = new List<DraftError>();
        errors.AddRange(DraftRules.RequiredIndonesian(nameof(Title), Title));
        errors.AddRange(DraftRules.RequiredIndonesian(nameof(Summary), Summary, 300));
        errors.AddRange(DraftRules.MaxLength(nameof(Body), Body, 50000));
        errors.AddRange(DraftRules.Slug(Slug));
        if (StartsAtUtc == default)
        {
            errors.Add(new DraftError(nameof(StartsAtUtc), "content.error.required"));
        }
        if (EndsAtUtc == default)
        {
            errors.Add(new DraftError(nameof(EndsAtUtc), "content.error.required"));
        }
        else if (EndsAtUtc < StartsAtUtc)
        {
            errors.Add(new DraftError(nameof(EndsAtUtc), "content.error.ends-before-start"));
        }
        if (UtcOffsetMinutes is not (420 or 480 or 540))
        {
            errors.Add(new DraftError(nameof(UtcOffsetMinutes), "content.error.zone"));
        }
        if (string.IsNullOrWhiteSpace(Venue))
        {
            errors.Add(new DraftError(nameof(Venue), "content.error.required"));
        }
        else if (Venue.Length > 300)
        {
            errors.Add(new DraftError(nameof(Venue), "content.error.max-length", 300));
        }
        if (RegistrationUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            errors.Add(new DraftError(nameof(RegistrationUrl), "content.error.url"));
        }
        if (!Enum.IsDefined(RegistrationMode))
        {
            errors.Add(new DraftError(nameof(RegistrationMode), "content.error.invalid-value"));
        }
        if (Capacity is < 1 or > 100_000)
        {
            errors.Add(new DraftError(nameof(Capacity), "content.error.capacity"));
        }
        if (RegistrationClosesAtUtc is { } closes && EndsAtUtc != default && closes >= EndsAtUtc)
        {
            errors.Add(new DraftError(nameof(RegistrationClosesAtUtc), "content.error.registration-closes-after-end"));
        }
        return errors;
    }

    public IEnumerable<DraftReference> References() =>
        RegionId is { } r ? [new DraftReference(nameof(RegionId), typeof(Catalog.Region), r)] : [];

    public IEnumerable<int> MediaIds() => new[] { ImageId }.OfType<int>();
}
