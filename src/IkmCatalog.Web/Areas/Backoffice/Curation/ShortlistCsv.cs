using System.Globalization;
using CsvHelper;
using IkmCatalog.Certifications;
using IkmCatalog.Web.Features.Catalog;

namespace IkmCatalog.Web.Areas.Backoffice.Curation;

/// <summary>
/// A round's shortlist as a spreadsheet for the event organiser, written like the inquiries export: UTF-8 with a
/// byte order mark, formula-like text cells neutralised with a leading apostrophe.
/// </summary>
public static class ShortlistCsv
{
    /// <summary>The header keys, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "rank", "product", "producer", "region", "grade", "score", "decision", "certificates", "price", "moq", "link",
    ];

    /// <param name="label">A text in the officer's language by key.</param>
    /// <param name="link">The public address of a product.</param>
    public static byte[] Write(IEnumerable<RoundEntry> shortlist, string culture, DateOnly today, Func<string, string> label, Func<RoundEntry, string> link)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(link);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, IkmCatalog.Web.Infrastructure.SpreadsheetCsv.Options, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(label("backoffice.rounds.csv." + column));
            }
            csv.EndRecord();
            var rank = 0;
            foreach (var entry in shortlist)
            {
                var (assessment, product) = (entry.Assessment, entry.Product);
                csv.WriteField((++rank).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(product.Name.For(culture));
                csv.WriteField(product.Producer.Name);
                csv.WriteField($"{product.Producer.Region.Name}, {product.Producer.Region.Province}");
                csv.WriteField(assessment.Grade);
                csv.WriteField(assessment.Score.ToString("0.00", CultureInfo.InvariantCulture));
                csv.WriteField(label("backoffice.curation.decision." + CurationViews.DecisionKey(assessment.Decision)));
                csv.WriteField(string.Join("; ", product.PublicCertifications(today)
                    .Select(c => $"{label("cert." + Certification.Code(c.Type))} {c.Number}".Trim())));
                csv.WriteField(product.PriceIdr is { } price
                    ? string.Create(CultureInfo.InvariantCulture, $"{price} IDR / {product.Unit.For(culture)}")
                    : label("product.inquiry-only"));
                csv.WriteField(string.Create(CultureInfo.InvariantCulture, $"{product.Moq} {product.MoqUnit.For(culture)}").Trim());
                csv.WriteField(link(entry));
                csv.EndRecord();
            }
            csv.Flush();
        }
        return stream.ToArray();
    }
}
