namespace IkmCatalog.Content;

/// <summary>
/// The office's own clock: its time zone (Asia/Jakarta unless configured), what "today" is there, and the
/// Indonesian zone name (WIB, WITA, WIT) shown next to every time an editor reads or types.
/// </summary>
public sealed class OfficeTime(TimeProvider clock, TimeZoneInfo zone)
{
    public const string DefaultZone = "Asia/Jakarta";

    public OfficeTime(TimeProvider clock, string zoneId) : this(clock, TimeZoneInfo.FindSystemTimeZoneById(zoneId))
    {
    }

    public TimeZoneInfo Zone { get; } = zone;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime LocalNow => ToLocal(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time typed in the office (datetime-local input) as UTC.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC instant the office's <paramref name="day"/> begins.</summary>
    public DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9); otherwise the UTC offset.</summary>
    public string ZoneName => ZoneNameFor(Zone.GetUtcOffset(UtcNow));

    public static string ZoneNameFor(TimeSpan offset) => offset.TotalHours switch
    {
        7 => "WIB",
        8 => "WITA",
        9 => "WIT",
        _ => "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture),
    };
}
