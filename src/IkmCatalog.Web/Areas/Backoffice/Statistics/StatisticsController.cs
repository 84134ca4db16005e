using System.Globalization;
using IkmCatalog.Backoffice;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Statistics;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Statistics;

/// <summary>The period as typed ("2026-01") and what was wrong with it (a string key), so the form shows it back.</summary>
public sealed record StatisticsPeriod(string From, string To, string? FromError, string? ToError, bool Shortened);

public sealed record StatisticsPageModel(ProgrammeFigures Programme, ActivityFigures Activity, StatisticsPeriod Period, bool CanExport);

/// <summary>
/// The office's statistics: the programme today over every record (published or not), the activity month by month
/// with the money, and the registers to download for reports.
/// </summary>
[Route("backoffice/statistics")]
public sealed class StatisticsController(ProgrammeStatistics statistics, ProgrammeLists lists, OfficeTime time, IStringLocalizer<UiStrings> text) : BackofficeController
{
    /// <summary>Admin, Editor and Curator: the lists hold producers' contact details, which sales and writers do not need.</summary>
    public const string Programme = IkmCatalog.Backoffice.EditorRoles.Programme;

    public static readonly IReadOnlyList<string> Lists = ["producers", "products", "certificates"];

    public static readonly IReadOnlyList<string> Formats = ["xlsx", "csv"];

    [HttpGet("")]
    public async Task<IActionResult> Index(string? from, string? to, CancellationToken cancellationToken = default)
    {
        var thisMonth = new DateOnly(time.Today.Year, time.Today.Month, 1);
        var (fromMonth, fromError) = ParseMonth(from, thisMonth.AddMonths(-11));
        var (toMonth, toError) = ParseMonth(to, thisMonth);
        if (fromError is null && toError is null && toMonth < fromMonth)
        {
            toError = "backoffice.statistics.error.order";
        }
        if (fromError is not null || toError is not null)
        {
            (fromMonth, toMonth) = (thisMonth.AddMonths(-11), thisMonth);
        }
        var months = ProgrammeStatistics.Months(fromMonth, toMonth);
        var period = new StatisticsPeriod(
            fromError is null ? Month(months[0]) : from ?? "",
            toError is null ? Month(toMonth) : to ?? "",
            fromError, toError, Shortened: months[0] != fromMonth);
        var programme = await statistics.ProgrammeAsync(StatisticsScope.Office, cancellationToken);
        var activity = await statistics.ActivityAsync(months[0], months[^1], cancellationToken);
        var canExport = Programme.Split(',').Any(User.IsInRole);
        return View(new StatisticsPageModel(programme, activity, period, canExport));
    }

    [HttpGet("export/{list}.{format}")]
    [Authorize(Roles = Programme)]
    public async Task<IActionResult> Export(string list, string format, CancellationToken cancellationToken = default)
    {
        if (!Lists.Contains(list) || !Formats.Contains(format))
        {
            return NotFound();
        }
        var sheet = list switch
        {
            "producers" => ProducerSheet(await lists.ProducersAsync(cancellationToken)),
            "products" => ProductSheet(await lists.ProductsAsync(cancellationToken)),
            _ => CertificateSheet(await lists.CertificatesAsync(cancellationToken)),
        };
        var name = string.Create(CultureInfo.InvariantCulture, $"{list}-{time.Today:yyyy-MM-dd}.{format}");
        return format == "csv"
            ? File(sheet.ToCsv(), "text/csv; charset=utf-8", name)
            : File(sheet.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public static readonly IReadOnlyList<string> ProducerColumns =
    [
        "id", "name", "slug", "state", "status", "sector", "region", "province", "nib", "founded", "workforce", "association",
        "whatsapp", "email", "address", "products", "created",
    ];

    public static readonly IReadOnlyList<string> ProductColumns =
    [
        "id", "name", "name-en", "slug", "state", "producer", "category", "price", "unit", "retail", "moq", "moq-unit", "export-ready",
        "hs-code", "grade", "curated-on", "availability",
    ];

    public static readonly IReadOnlyList<string> CertificateColumns =
    [
        "id", "type", "number", "issuer", "issued", "expires", "producer", "product", "standing", "verified-by", "verified-at",
    ];

    private ExportSheet ProducerSheet(List<ProducerListRow> rows) => new(
        Label("backoffice.statistics.export.producers"),
        Headers(ProducerColumns),
        [.. rows.Select(p => new object?[]
        {
            p.Id, p.Name, p.Slug, Label("content.state." + p.State), Label("producer.status." + p.Status.ToString().ToLowerInvariant()),
            p.Sector, p.Region, p.Province, p.Nib, p.FoundedYear, p.Workforce, p.Association, p.WhatsApp, p.Email, p.Address,
            p.Products, time.ToLocal(p.CreatedAtUtc),
        })]);

    private ExportSheet ProductSheet(List<ProductListRow> rows) => new(
        Label("backoffice.statistics.export.products"),
        Headers(ProductColumns),
        [.. rows.Select(p => new object?[]
        {
            p.Id, p.Name, p.NameEnglish, p.Slug, Label("content.state." + p.State), p.Producer, p.Category, p.PriceIdr, p.Unit,
            YesNo(p.Retail), p.Moq, p.MoqUnit, YesNo(p.ExportReady), p.HsCode, p.CurationGrade, p.CuratedOn,
            Label("content.availability." + p.Availability),
        })]);

    private ExportSheet CertificateSheet(List<CertificateListRow> rows) => new(
        Label("backoffice.statistics.export.certificates"),
        Headers(CertificateColumns),
        [.. rows.Select(c => new object?[]
        {
            c.Id, Label("cert." + Certification.Code(c.Type)), c.Number, c.Issuer, c.IssuedOn, c.ExpiresOn, c.Producer, c.Product,
            Label("backoffice.statistics.standing." + c.StandingOn(time.Today).ToString().ToLowerInvariant()), c.VerifiedBy,
            c.VerifiedAtUtc is { } verified ? time.ToLocal(verified) : null,
        })]);

    private List<string> Headers(IReadOnlyList<string> columns) =>
        [.. columns.Select(c => c is "created" or "verified-at"
            ? Label("backoffice.statistics.column." + c).Replace("{0}", time.ZoneName, StringComparison.Ordinal)
            : Label("backoffice.statistics.column." + c))];

    private string YesNo(bool value) => Label(value ? "backoffice.statistics.yes" : "backoffice.statistics.no");

    private string Label(string key) => text[key].Value;

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A month as the month input sends it ("2026-01"); blank means the default.</summary>
    private static (DateOnly Month, string? Error) ParseMonth(string? value, DateOnly fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (fallback, null);
        }
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 2000
            ? (month, null)
            : (fallback, "backoffice.statistics.error.month");
    }
}
