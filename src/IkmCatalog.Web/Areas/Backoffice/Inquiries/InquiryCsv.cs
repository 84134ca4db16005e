using System.Globalization;
using CsvHelper;
using IkmCatalog.Content;

namespace IkmCatalog.Web.Areas.Backoffice.Inquiries;

/// <summary>
/// The inbox as a spreadsheet: UTF-8 with a byte order mark so Excel reads Indonesian names right, and every text
/// cell that a spreadsheet would run as a formula (= + - @) written with a leading apostrophe.
/// </summary>
public static class InquiryCsv
{
    /// <summary>The header keys, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "reference", "received", "status", "buyer", "company", "country", "email", "phone", "products", "incoterm",
        "destination", "assigned", "first-response-hours", "latest-quote",
    ];

    public static byte[] Write(IEnumerable<InquiryRow> rows, OfficeTime time, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(label);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, IkmCatalog.Web.Infrastructure.SpreadsheetCsv.Options, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column == "received" ? label("backoffice.inquiries.csv.received").Replace("{0}", time.ZoneName, StringComparison.Ordinal) : label("backoffice.inquiries.csv." + column));
            }
            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.Reference);
                csv.WriteField(time.ToLocal(row.CreatedAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                csv.WriteField(label("backoffice.inquiries.status." + InquiriesController.StatusKey(row.Status)));
                csv.WriteField(row.BuyerName);
                csv.WriteField(row.Company ?? "");
                csv.WriteField(row.Country);
                csv.WriteField(row.Email);
                csv.WriteField(row.Phone ?? "");
                csv.WriteField(row.Products);
                csv.WriteField(row.Incoterm);
                csv.WriteField(row.Destination);
                csv.WriteField(row.AssignedTo ?? "");
                csv.WriteField(row.FirstResponse is { } response ? response.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) : "");
                csv.WriteField(row.LatestQuote is { } quote
                    ? string.Create(CultureInfo.InvariantCulture, $"{InquiryEmails.Price(quote.Price, quote.Currency, CultureInfo.InvariantCulture)} / {quote.PriceUnit} {quote.Incoterm}, {quote.ValidUntil:yyyy-MM-dd}")
                    : "");
                csv.EndRecord();
            }
            csv.Flush();
        }
        return stream.ToArray();
    }
}
