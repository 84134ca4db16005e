namespace IkmCatalog.Web.Areas.Backoffice.Audit;

/// <summary>
/// The office's clock: Western Indonesian Time (WIB). Staff read and filter the log by their own calendar days,
/// not by UTC ones, so an action at 06.30 WIB belongs to that day and not to the evening before.
/// </summary>
public static class OfficeTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>A stored UTC time (the database hands it back without a kind) in the office's time.</summary>
    public static DateTimeOffset FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>The UTC instant the office's <paramref name="day"/> begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
