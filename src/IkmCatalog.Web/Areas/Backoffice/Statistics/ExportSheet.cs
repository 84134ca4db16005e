using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace IkmCatalog.Web.Areas.Backoffice.Statistics;

/// <summary>
/// A list to download: a header row and rows of cells. A cell is text, a whole number, a day (<see cref="DateOnly"/>),
/// a time already in the office's zone (<see cref="DateTime"/>) or empty (null).
/// </summary>
public sealed record ExportSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Characters that make a spreadsheet run a cell as a formula; CsvHelper's own list, used for XLSX too.</summary>
    private static readonly char[] FormulaStarts = ['=', '@', '+', '-', '\t', '\r'];

    /// <summary>Text a spreadsheet would run as a formula, with a leading apostrophe, as the CSV writer does.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>UTF-8 with a byte order mark (so Excel reads Indonesian names right), formula cells escaped.</summary>
    public byte[] ToCsv()
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, IkmCatalog.Web.Infrastructure.SpreadsheetCsv.Options, leaveOpen: true))
        {
            foreach (var header in Headers)
            {
                csv.WriteField(header);
            }
            csv.EndRecord();
            foreach (var row in Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        null => "",
                        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        DateTime at => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                        _ => cell.ToString() ?? "",
                    });
                }
                csv.EndRecord();
            }
            csv.Flush();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// One worksheet with a bold, frozen, filterable header; numbers and days as real cells, text always as text
    /// (a phone number keeps its leading zero). Column widths are set from the text, never measured with fonts.
    /// </summary>
    public byte[] ToXlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(Name);
        var widths = Headers.Select(h => h.Length).ToArray();
        for (var c = 0; c < Headers.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Neutralise(Headers[c]));
        }
        for (var r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r];
            for (var c = 0; c < row.Length && c < Headers.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case DateOnly day:
                        cell.SetValue(day.ToDateTime(TimeOnly.MinValue));
                        cell.Style.DateFormat.Format = "yyyy-mm-dd";
                        widths[c] = Math.Max(widths[c], 10);
                        break;
                    case DateTime at:
                        cell.SetValue(at);
                        cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
                        widths[c] = Math.Max(widths[c], 16);
                        break;
                    case int number:
                        cell.SetValue(number);
                        widths[c] = Math.Max(widths[c], number.ToString(CultureInfo.InvariantCulture).Length);
                        break;
                    case long number:
                        cell.SetValue(number);
                        cell.Style.NumberFormat.Format = "#,##0";
                        widths[c] = Math.Max(widths[c], number.ToString(CultureInfo.InvariantCulture).Length + 3);
                        break;
                    case var value:
                        var text = Neutralise(value.ToString() ?? "");
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        widths[c] = Math.Max(widths[c], text.Length);
                        break;
                }
            }
        }
        var header = sheet.Range(1, 1, 1, Headers.Count);
        header.Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Rows.Count + 1, Headers.Count).SetAutoFilter();
        for (var c = 0; c < Headers.Count; c++)
        {
            sheet.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 6, 60);
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
