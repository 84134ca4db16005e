using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace IkmCatalog.Web.Infrastructure.Charts;

/// <summary>One bar or column: its label, the number it draws, that number as the page writes it, and any more cells for the table.</summary>
public sealed record ChartItem(string Label, long Value, string ValueText, IReadOnlyList<string>? More = null)
{
    /// <summary>Under a column: a short name (the month's), instead of the table's full label.</summary>
    public string? AxisLabel { get; init; }

    /// <summary>Under a column, below <see cref="AxisLabel"/>: the year, on January and on the first column.</summary>
    public string? SecondLine { get; init; }
}

/// <summary>
/// What a chart shows: <paramref name="Id"/> makes its element ids unique on the page; <paramref name="Headers"/>
/// names the table's columns (the label, the charted number, then any <see cref="ChartItem.More"/> cells);
/// <paramref name="ShowNumbers"/> is the text of the disclosure that opens the table.
/// </summary>
public sealed record Chart(string Id, string Title, string Description, IReadOnlyList<string> Headers, IReadOnlyList<ChartItem> Items, string ShowNumbers);

/// <summary>
/// Charts drawn on the server as inline SVG: no JavaScript, no style attributes (the content security policy forbids
/// them; colours come from the theme's stylesheet through classes), text in real pixels at any screen width (the
/// drawing has no viewBox: bars and columns are sized in percent of the width, so nothing is scaled down on a phone),
/// an accessible name and description, and the same numbers in a table right below.
/// </summary>
public static class SvgChart
{
    private const int RowHeight = 40;
    private const int LabelLength = 52;
    private const int ColumnsHeight = 200;
    private const int PlotTop = 26;
    private const int PlotBottom = 160;

    /// <summary>Horizontal bars, one labelled row each: groups such as sectors and regions, largest first.</summary>
    public static IHtmlContent Bars(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Items.Count == 0)
        {
            return Empty(chart);
        }
        var max = Math.Max(1, chart.Items.Count == 0 ? 0 : chart.Items.Max(i => i.Value));
        var height = Math.Max(1, chart.Items.Count) * RowHeight + 4;
        var svg = new StringBuilder();
        Open(svg, chart, "chart-bars", height);
        var top = 0;
        foreach (var item in chart.Items)
        {
            // The bars use at most 80% of the width: the number stays readable right of the longest one.
            var width = 80.0 * Math.Max(0, item.Value) / max;
            svg.Append(Inv($"<text class=\"chart-label\" x=\"0\" y=\"{top + 14}\" font-size=\"13\">")).Append(Encode(Shorten(item.Label))).Append("</text>");
            if (item.Value > 0)
            {
                svg.Append(Inv($"<rect class=\"chart-bar\" x=\"0\" y=\"{top + 19}\" width=\"{width:0.##}%\" height=\"15\" rx=\"2\" fill=\"currentColor\"/>"));
            }
            svg.Append(Inv($"<text class=\"chart-value\" x=\"{width + 1:0.##}%\" y=\"{top + 32}\" font-size=\"13\">")).Append(Encode(item.ValueText)).Append("</text>");
            top += RowHeight;
        }
        svg.Append("</svg>");
        return Close(svg, chart);
    }

    /// <summary>Columns along time, one a month: inquiries, orders, registrations.</summary>
    public static IHtmlContent Columns(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Items.Count == 0)
        {
            return Empty(chart);
        }
        var count = Math.Max(1, chart.Items.Count);
        var max = Math.Max(1, chart.Items.Count == 0 ? 0 : chart.Items.Max(i => i.Value));
        var slot = 100.0 / count;
        // A label every month while they fit a phone's width (about 12), otherwise every second or third.
        var labelEvery = (int)Math.Ceiling(count / 12.0);
        var svg = new StringBuilder();
        Open(svg, chart, "chart-columns", ColumnsHeight);
        var maxItem = chart.Items.Count == 0 ? null : chart.Items.MaxBy(i => i.Value);
        svg.Append(Inv($"<line class=\"chart-axis\" x1=\"0\" x2=\"100%\" y1=\"{PlotTop}\" y2=\"{PlotTop}\" stroke=\"currentColor\" stroke-dasharray=\"4 4\"/>"));
        svg.Append(Inv($"<text class=\"chart-value\" x=\"0\" y=\"{PlotTop - 8}\" font-size=\"12\">")).Append(Encode(maxItem is { Value: > 0 } ? maxItem.ValueText : "0")).Append("</text>");
        for (var i = 0; i < chart.Items.Count; i++)
        {
            var item = chart.Items[i];
            var h = (PlotBottom - PlotTop) * (double)Math.Max(0, item.Value) / max;
            if (item.Value > 0)
            {
                svg.Append(Inv($"<rect class=\"chart-bar\" x=\"{i * slot + slot * 0.15:0.###}%\" y=\"{PlotBottom - h:0.#}\" width=\"{slot * 0.7:0.###}%\" height=\"{h:0.#}\" fill=\"currentColor\"/>"));
            }
            if (i % labelEvery == 0)
            {
                var x = i * slot + slot / 2;
                svg.Append(Inv($"<text class=\"chart-label\" x=\"{x:0.###}%\" y=\"{PlotBottom + 18}\" font-size=\"12\" text-anchor=\"middle\">")).Append(Encode(item.AxisLabel ?? item.Label)).Append("</text>");
                if (item.SecondLine is { } second)
                {
                    svg.Append(Inv($"<text class=\"chart-label\" x=\"{x:0.###}%\" y=\"{PlotBottom + 34}\" font-size=\"12\" text-anchor=\"middle\">")).Append(Encode(second)).Append("</text>");
                }
            }
        }
        svg.Append(Inv($"<line class=\"chart-axis\" x1=\"0\" x2=\"100%\" y1=\"{PlotBottom}\" y2=\"{PlotBottom}\" stroke=\"currentColor\"/>"));
        svg.Append("</svg>");
        return Close(svg, chart);
    }

    private static void Open(StringBuilder svg, Chart chart, string kind, int height)
    {
        var id = Encode(chart.Id);
        svg.Append(Inv($"<figure class=\"chart {kind}\" id=\"{id}\">"));
        // The visible title; the drawing's own title and description are what assistive technology reads for it.
        svg.Append("<figcaption class=\"chart-title\" aria-hidden=\"true\">").Append(Encode(chart.Title)).Append("</figcaption>");
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">")).Append(Encode(chart.Title)).Append("</title>");
        svg.Append(Inv($"<desc id=\"{id}-desc\">")).Append(Encode(chart.Description)).Append("</desc>");
    }

    /// <summary>A chart with nothing to draw: its title and the description (which says there is no data yet).</summary>
    private static HtmlString Empty(Chart chart) => new(Inv($"<figure class=\"chart chart-empty\" id=\"{Encode(chart.Id)}\">")
        + "<figcaption class=\"chart-title\">" + Encode(chart.Title) + "</figcaption><p>" + Encode(chart.Description) + "</p></figure>");

    private static HtmlString Close(StringBuilder html, Chart chart)
    {
        html.Append("<details class=\"chart-data\"><summary>").Append(Encode(chart.ShowNumbers)).Append("</summary>");
        html.Append("<table class=\"chart-table\"><caption>").Append(Encode(chart.Title)).Append("</caption><thead><tr>");
        foreach (var header in chart.Headers)
        {
            html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var item in chart.Items)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(item.Label)).Append("</th>");
            html.Append("<td>").Append(Encode(item.ValueText)).Append("</td>");
            foreach (var cell in item.More ?? [])
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></details></figure>");
        return new HtmlString(html.ToString());
    }

    private static string Shorten(string label) => label.Length <= LabelLength ? label : label[..(LabelLength - 1)].TrimEnd() + "…";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
