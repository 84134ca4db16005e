using System.Globalization;
using CsvHelper;
using IkmCatalog.Content;
using IkmCatalog.Events;

namespace IkmCatalog.Web.Areas.Backoffice.EventRegistrations;

/// <summary>
/// An event's registrations as a spreadsheet, written like the inquiries' export: UTF-8 with a byte order mark, and
/// any cell a spreadsheet would run as a formula (= + - @) written with a leading apostrophe.
/// </summary>
public static class RegistrationCsv
{
    /// <summary>The header keys, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "name", "email", "phone", "organisation", "producer", "status", "registered", "promoted", "cancelled", "attended", "language",
    ];

    public static byte[] Write(IEnumerable<EventRegistration> rows, OfficeTime time, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(label);
        string When(DateTime? utc) => utc is { } value ? time.ToLocal(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, IkmCatalog.Web.Infrastructure.SpreadsheetCsv.Options, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(label("backoffice.registrations.csv." + column));
            }
            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.Name);
                csv.WriteField(row.Email);
                csv.WriteField(row.Phone ?? "");
                csv.WriteField(row.Organisation ?? "");
                csv.WriteField(row.Producer?.Name ?? "");
                csv.WriteField(label("event-registration.state." + row.Status.ToString().ToLowerInvariant()));
                csv.WriteField(When(row.RegisteredAtUtc));
                csv.WriteField(When(row.PromotedAtUtc));
                csv.WriteField(When(row.CancelledAtUtc));
                csv.WriteField(row.Attended switch
                {
                    true => label("backoffice.registrations.present"),
                    false => label("backoffice.registrations.absent"),
                    null => "",
                });
                csv.WriteField(row.Culture);
                csv.EndRecord();
            }
            csv.Flush();
        }
        return stream.ToArray();
    }
}
