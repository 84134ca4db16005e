using CsvHelper;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Certificates;

public sealed record GapViewModel(GapReport Report, string? Sector, string? Region);

/// <summary>
/// Which producers and products lack PIRT, BPOM, Halal or SNI, by sector and by region (<see cref="CertificateGaps"/>
/// says what applies to what), and the producers to invite for the type the officer picks, also as a spreadsheet.
/// </summary>
[Route("backoffice/certificates/gaps")]
[Authorize(Roles = CertificateRoles.Programme)]
public sealed class CertificateGapsController(CertificateGaps gaps, OfficeTime time, IStringLocalizer<UiStrings> text) : BackofficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? type, string? sector, string? region, CancellationToken cancellationToken)
    {
        var report = await gaps.BuildAsync(time.Today, TypeOf(type), Blank(sector), Blank(region), cancellationToken);
        return View(new GapViewModel(report, Blank(sector), Blank(region)));
    }

    [HttpGet("invite.csv")]
    public async Task<IActionResult> Csv(string? type, string? sector, string? region, CancellationToken cancellationToken)
    {
        var report = await gaps.BuildAsync(time.Today, TypeOf(type), Blank(sector), Blank(region), cancellationToken);
        var name = $"undangan-{Certification.Code(report.Type)}-{time.Today:yyyy-MM-dd}.csv";
        return File(GapCsv.Write(report.Invitees, key => text[key].Value), "text/csv; charset=utf-8", name);
    }

    private static CertificationType TypeOf(string? code) =>
        Certification.FromCode(code) is { } type && CertificateGaps.Types.Contains(type) ? type : CertificationType.Halal;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// The invitation list as a spreadsheet, written like the inquiry export: UTF-8 with a byte order mark for Excel,
/// and a cell a spreadsheet would run as a formula (= + - @) escaped with a leading apostrophe.
/// </summary>
public static class GapCsv
{
    public static readonly IReadOnlyList<string> Columns = ["producer", "region", "sector", "whatsapp", "email", "address", "products"];

    public static byte[] Write(IEnumerable<GapInvitee> invitees, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(invitees);
        ArgumentNullException.ThrowIfNull(label);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, IkmCatalog.Web.Infrastructure.SpreadsheetCsv.Options, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(label("certificates.gaps.csv." + column));
            }
            csv.EndRecord();
            foreach (var i in invitees)
            {
                csv.WriteField(i.Name);
                csv.WriteField(i.Region);
                csv.WriteField(i.Sector);
                csv.WriteField(i.WhatsApp ?? "");
                csv.WriteField(i.Email ?? "");
                csv.WriteField(i.Address ?? "");
                csv.WriteField(string.Join("; ", i.ProductsLacking));
                csv.EndRecord();
            }
            csv.Flush();
        }
        return stream.ToArray();
    }
}
