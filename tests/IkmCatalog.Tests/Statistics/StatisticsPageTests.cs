using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Statistics;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Statistics;

/// <summary>The public statistics page and the backoffice's: charts with names, tables with the same numbers, and who sees what.</summary>
[Collection(SiteCollection.Name)]
public class StatisticsPageTests(IkmWebFactory factory)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private async Task<ProgrammeFigures> FiguresAsync(StatisticsScope scope)
    {
        using var services = factory.Services.CreateScope();
        return await services.ServiceProvider.GetRequiredService<ProgrammeStatistics>().ProgrammeAsync(scope);
    }

    private static Dictionary<string, string> TableOf(IHtmlDocument page, string chartId) =>
        page.QuerySelectorAll($"#{chartId} table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());

    [Fact]
    public async Task The_public_page_draws_each_chart_with_a_name_and_the_same_numbers_in_a_table()
    {
        var page = await factory.GetDocumentAsync(factory.CreateClient(), "/statistik");
        var figures = await FiguresAsync(StatisticsScope.Public);

        foreach (var chart in page.QuerySelectorAll("figure.chart:not(.chart-empty)"))
        {
            var svg = chart.QuerySelector("svg[role='img']")!;
            var ids = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal("title", page.GetElementById(ids[0])!.LocalName);
            Assert.False(string.IsNullOrWhiteSpace(page.GetElementById(ids[0])!.TextContent));
            Assert.Equal("desc", page.GetElementById(ids[1])!.LocalName);
            Assert.Equal(page.GetElementById(ids[0])!.TextContent, chart.QuerySelector("table caption")!.TextContent);
            Assert.All(chart.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
            Assert.Empty(chart.QuerySelectorAll("[style]"));
        }
        Assert.Equal(7, page.QuerySelectorAll("figure.chart").Length);

        var status = TableOf(page, "chart-status");
        Assert.Equal(figures.ByStatus.Single(s => s.Key == "registered").Count.ToString("N0", Indonesian), status["Terdaftar"]);
        Assert.Equal(figures.ByStatus.Single(s => s.Key == "curated").Count.ToString("N0", Indonesian), status["Lolos kurasi"]);
        var provinces = TableOf(page, "chart-province");
        Assert.Equal(figures.ByProvince.ToDictionary(p => p.Key, p => p.Count.ToString("N0", Indonesian)), provinces);
        var halal = figures.Coverage.Single(c => c.Type == global::IkmCatalog.Certifications.CertificationType.Halal);
        Assert.Equal(halal.Producers.ToString("N0", Indonesian), TableOf(page, "chart-cert-producers")["Halal"]);
        Assert.Equal(halal.Products.ToString("N0", Indonesian), TableOf(page, "chart-cert-products")["Halal"]);
        Assert.Contains(figures.Producers.ToString("N0", Indonesian), page.QuerySelector(".stat-figures")!.TextContent, StringComparison.Ordinal);
        // The bars are drawn for the groups that have any.
        Assert.Equal(figures.ByProvince.Count(p => p.Count > 0), page.QuerySelectorAll("#chart-province rect.chart-bar").Length);
    }

    [Fact]
    public async Task The_public_page_leaves_out_unpublished_producers_the_backoffice_counts()
    {
        await StatisticsData.AddHiddenProducerAsync(factory.Services, "Provinsi Belum Terbit");
        var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);

        var publicPage = await factory.GetDocumentAsync(factory.CreateClient(), "/statistik");
        var office = await factory.GetDocumentAsync(curator, "/backoffice/statistics");

        Assert.DoesNotContain("Provinsi Belum Terbit", publicPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", TableOf(office, "chart-province")["Provinsi Belum Terbit"]);
        // Money and the office's activity stay out of the public page.
        Assert.Null(publicPage.QuerySelector("#chart-orders-paid"));
        Assert.DoesNotContain("Rp", publicPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(office.QuerySelector("#chart-orders-paid svg[role='img']"));
    }

    [Fact]
    public async Task The_page_is_in_both_languages_and_linked_from_the_footer()
    {
        var client = factory.CreateClient();

        var english = await factory.GetDocumentAsync(client, "/en/statistics");
        var home = await factory.GetDocumentAsync(client, "/");
        var englishHome = await factory.GetDocumentAsync(client, "/en");

        Assert.Equal("IKM programme statistics", english.QuerySelector("h1")!.TextContent);
        Assert.Equal("Producers by programme status", english.QuerySelector("#chart-status title")!.TextContent);
        Assert.NotNull(home.QuerySelector("footer a[href='/statistik']"));
        Assert.NotNull(englishHome.QuerySelector("footer a[href='/en/statistics']"));
    }

    [Fact]
    public async Task The_backoffice_page_shows_months_and_offers_the_lists_to_the_programme_roles_only()
    {
        var writer = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);
        var editor = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);

        var forWriter = await factory.GetDocumentAsync(writer, "/backoffice/statistics?from=2025-01&to=2025-12");
        var forEditor = await factory.GetDocumentAsync(editor, "/backoffice/statistics");

        Assert.Equal(12, forWriter.QuerySelectorAll("#chart-inquiries tbody tr").Length);
        Assert.Equal("Januari 2025", forWriter.QuerySelector("#chart-inquiries tbody tr th")!.TextContent);
        Assert.Empty(forWriter.QuerySelectorAll("a[href^='/backoffice/statistics/export/']"));
        Assert.Equal(6, forEditor.QuerySelectorAll("a[href^='/backoffice/statistics/export/']").Length);
        Assert.NotNull(forEditor.QuerySelector("nav a[href='/backoffice/statistics']"));
    }

    [Fact]
    public async Task A_month_that_is_not_a_month_is_shown_back_with_a_message_next_to_it()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.SalesOfficer);

        var response = await client.GetAsync("/backoffice/statistics?from=Januari&to=2025-03");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var from = page.QuerySelector("#stat-from")!;
        Assert.Equal("true", from.GetAttribute("aria-invalid"));
        Assert.Equal("Januari", from.GetAttribute("value"));
        Assert.Contains("2026-01", page.GetElementById(from.GetAttribute("aria-describedby")!)!.TextContent, StringComparison.Ordinal);
        // The charts still show the default twelve months.
        Assert.Equal(12, page.QuerySelectorAll("#chart-inquiries tbody tr").Length);
    }
}
