using System.Globalization;
using IkmCatalog.Certifications;
using IkmCatalog.Statistics;
using IkmCatalog.Web.Infrastructure.Charts;
using IkmCatalog.Web.Views;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Features.Statistics;

/// <summary>The statistics' figures as charts in the page's language, for the public page and the backoffice alike.</summary>
public sealed class StatisticsCharts(IStringLocalizer text, string culture)
{
    private string L(string key) => text[key].Value;

    public Chart ByStatus(ProgrammeFigures figures) => Bars("chart-status", L("statistics.by-status.title"), L("statistics.column.status"),
        figures.ByStatus.Select(s => (L("producer.status." + s.Key), (long)s.Count)));

    public Chart ByProvince(ProgrammeFigures figures) => Bars("chart-province", L("statistics.by-province.title"), L("statistics.column.province"),
        figures.ByProvince.Select(p => (p.Label.For(culture), (long)p.Count)));

    public Chart ByRegion(ProgrammeFigures figures) => Bars("chart-region", L("statistics.by-region.title"), L("statistics.column.region"),
        figures.ByRegion.Select(r => (r.Label.For(culture), (long)r.Count)));

    public Chart BySector(ProgrammeFigures figures) => Bars("chart-sector", L("statistics.by-sector.title"), L("statistics.column.sector"),
        figures.BySector.Select(s => (s.Key.Length == 0 ? L("statistics.sector-unknown") : s.Label.For(culture), (long)s.Count)));

    public Chart ProducerCoverage(ProgrammeFigures figures) => Bars("chart-cert-producers", L("statistics.coverage.producers.title"), L("statistics.column.certificate"),
        figures.Coverage.Select(c => (L("cert." + Certification.Code(c.Type)), (long)c.Producers)), L("statistics.column.producers"));

    public Chart ProductCoverage(ProgrammeFigures figures) => Bars("chart-cert-products", L("statistics.coverage.products.title"), L("statistics.column.certificate"),
        figures.Coverage.Select(c => (L("cert." + Certification.Code(c.Type)), (long)c.Products)), L("statistics.column.products"));

    public Chart CuratedByGrade(ProgrammeFigures figures) => Bars("chart-curation", L("statistics.curation.title"), L("statistics.column.grade"),
        figures.CuratedByGrade.Select(g => (g.Key.Length == 0 ? L("statistics.curation.no-grade") : string.Format(ViewFormat.Format, L("statistics.curation.grade"), g.Key), (long)g.Count)),
        L("statistics.column.products"));

    /// <summary>Columns for a monthly series: counts, or (given <paramref name="countHeader"/>) the rupiah amount with the count beside it in the table.</summary>
    public Chart Months(string id, string title, IReadOnlyList<MonthFigure> months, string valueHeader, string? countHeader = null)
    {
        ArgumentNullException.ThrowIfNull(months);
        var money = countHeader is not null;
        var items = months.Select((m, i) =>
        {
            var first = new DateTime(m.Year, m.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
            return new ChartItem(
                first.ToString("MMMM yyyy", ViewFormat.Format),
                money ? m.AmountIdr : m.Count,
                money ? ViewFormat.Rupiah(m.AmountIdr, culture) : ViewFormat.Number(m.Count),
                money ? [ViewFormat.Number(m.Count)] : null)
            {
                AxisLabel = first.ToString("MMM", ViewFormat.Format).TrimEnd('.'),
                SecondLine = i == 0 || m.Month == 1 ? m.Year.ToString(CultureInfo.InvariantCulture) : null,
            };
        }).ToList();
        var headers = money ? new[] { L("statistics.column.month"), valueHeader, countHeader! } : [L("statistics.column.month"), valueHeader];
        return new Chart(id, title, Describe(items), headers, items, L("statistics.show-numbers"));
    }

    private Chart Bars(string id, string title, string groupHeader, IEnumerable<(string Label, long Value)> values, string? valueHeader = null)
    {
        var items = values.Select(v => new ChartItem(v.Label, v.Value, ViewFormat.Number(v.Value))).ToList();
        return new Chart(id, title, Describe(items), [groupHeader, valueHeader ?? L("statistics.column.producers")], items, L("statistics.show-numbers"));
    }

    /// <summary>What a screen reader hears for the picture: the figures themselves (the table below has them all).</summary>
    private string Describe(List<ChartItem> items) =>
        items.Count == 0 ? L("statistics.none")
        : string.Join("; ", items.Take(12).Select(i => $"{i.Label}: {i.ValueText}")) + (items.Count > 12 ? "; …" : "");
}
