using AngleSharp.Html.Parser;
using IkmCatalog.Web.Infrastructure.Charts;

namespace IkmCatalog.Tests.Statistics;

/// <summary>The chart drawing itself: named for screen readers, text escaped, no style attributes, numbers in the table.</summary>
public class SvgChartTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Render(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return new HtmlParser().ParseDocument("<main>" + writer + "</main>");
    }

    private static Chart Sample(params ChartItem[] items) => new("chart-sample", "Produsen <uji>", "Malang: 3", ["Wilayah", "Produsen"], items, "Lihat angka");

    [Fact]
    public void Bars_have_a_name_a_description_and_a_table_with_the_same_numbers()
    {
        var page = Render(SvgChart.Bars(Sample(new ChartItem("Kota Malang", 3, "3"), new ChartItem("<script>alert(1)</script>", 0, "0"))));

        var svg = page.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("chart-sample-title chart-sample-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Produsen <uji>", page.GetElementById("chart-sample-title")!.TextContent);
        Assert.Equal("Malang: 3", page.GetElementById("chart-sample-desc")!.TextContent);
        Assert.Equal("100%", svg.GetAttribute("width"));
        Assert.Empty(page.QuerySelectorAll("script, [style]"));
        // One bar: a zero draws none; the widest is 80% so its number fits beside it.
        Assert.Equal("80%", Assert.Single(page.QuerySelectorAll("rect.chart-bar")).GetAttribute("width"));
        Assert.Equal(["Kota Malang", "<script>alert(1)</script>"], page.QuerySelectorAll("tbody th").Select(th => th.TextContent));
        Assert.Equal(["3", "0"], page.QuerySelectorAll("tbody td").Select(td => td.TextContent));
        Assert.Equal("Produsen <uji>", page.QuerySelector("caption")!.TextContent);
        Assert.All(page.QuerySelectorAll("text"), t => Assert.True(int.Parse(t.GetAttribute("font-size")!, System.Globalization.CultureInfo.InvariantCulture) >= 12));
    }

    [Fact]
    public void Columns_label_each_month_and_put_extra_cells_in_the_table()
    {
        var items = Enumerable.Range(1, 12).Select(m => new ChartItem($"Bulan {m} 2026", m * 1000, $"Rp{m * 1000}", [m.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            AxisLabel = $"B{m}",
            SecondLine = m == 1 ? "2026" : null,
        }).ToArray();

        var page = Render(SvgChart.Columns(Sample(items) with { Headers = ["Bulan", "Nilai", "Pesanan"] }));

        Assert.Equal(12, page.QuerySelectorAll("rect.chart-bar").Length);
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"B{m}").Append("2026").Order(), page.QuerySelectorAll("text.chart-label").Select(t => t.TextContent).Order());
        Assert.Equal("Rp12000", page.QuerySelector("text.chart-value")!.TextContent);
        Assert.Equal(["Bulan 1 2026", "Rp1000", "1"], page.QuerySelectorAll("tbody tr")[0].Children.Select(c => c.TextContent));
        Assert.Equal(3, page.QuerySelectorAll("thead th[scope='col']").Length);
    }

    [Fact]
    public void A_chart_with_nothing_to_draw_says_so_instead()
    {
        var page = Render(SvgChart.Bars(Sample() with { Description = "Belum ada data." }));

        Assert.Null(page.QuerySelector("svg"));
        Assert.Equal("Produsen <uji>", page.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("Belum ada data.", page.QuerySelector("figure p")!.TextContent);
    }
}
