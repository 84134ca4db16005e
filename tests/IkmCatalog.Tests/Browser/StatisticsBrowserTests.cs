using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>The statistics pages in a real browser: accessible, and readable on a 390-pixel phone (the pages have no script at all).</summary>
[Collection(BrowserCollection.Name)]
public class StatisticsBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/statistik", "Produsen menurut status pembinaan")]
    [InlineData("/en/statistics", "Producers by programme status")]
    public async Task The_public_page_fits_a_phone_and_has_no_serious_accessibility_problem(string url, string chartName)
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);

        await page.GotoAsync(url);

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = chartName })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
        await page.GetByText(url == "/statistik" ? "Lihat angkanya dalam tabel" : "Show the numbers as a table").First.ClickAsync();
        await Assertions.Expect(page.Locator("#chart-status table")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_backoffice_page_has_no_serious_accessibility_problem()
    {
        var email = await Editors.CreateAsync(browser.App.Services, "Bu Kurator", EditorRoles.Curator);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Statistik" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Permintaan penawaran per bulan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Produsen — Excel (XLSX)" })).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousAsync(page));
        await page.Context.CloseAsync();
    }
}
