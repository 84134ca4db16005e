using CsvHelper;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>
/// How every CSV export is written: UTF-8 with a byte order mark so Excel reads Indonesian names right, and every
/// text cell a spreadsheet would run as a formula (= + - @ …) escaped with a leading apostrophe.
/// </summary>
public static class SpreadsheetCsv
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
}
