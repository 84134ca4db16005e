using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Tests.Portal;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>A producer at work in its portal, in a real browser: every page it sees passes the accessibility checks.</summary>
[Collection(BrowserCollection.Name)]
public class PortalBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_producer_signs_in_edits_a_product_and_sends_it_to_the_office()
    {
        var producer = await PortalData.AddAsync(browser.App, "Abon Ikan Browser");
        var email = await PortalAccounts.CreateAsync(browser.App.Services, producer.Id);
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Portal produsen");
        Assert.EndsWith("/backoffice/portal", page.Url, StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = producer.ProductName }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ubah produk");
        Assert.Empty(await Axe.SeriousAsync(page));
        await page.GetByLabel("Nama (Indonesia)").FillAsync("Abon Ikan Tongkol Pedas");
        await page.GetByLabel("Harga (Rp)").FillAsync("32000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim ke dinas" }).ClickAsync();

        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("Produk dikirim ke dinas");
        await Expect(page.Locator("tr", new() { HasText = producer.ProductName })).ToContainTextAsync("Menunggu persetujuan dinas");
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/produk/{producer.ProductSlug}");
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(producer.ProductName);

        foreach (var (url, heading) in new[]
        {
            ("/backoffice/portal/page", "Halaman usaha"),
            ("/backoffice/portal/products/new", "Produk baru"),
            ("/backoffice/portal/certificates", "Sertifikat"),
            ("/backoffice/portal/inquiries", "Permintaan dari pembeli"),
        })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            Assert.Empty(await Axe.SeriousAsync(page));
        }
    }

    [Fact]
    public async Task The_invitation_page_and_the_office_portal_access_page_pass_the_accessibility_checks()
    {
        var producer = await PortalData.AddAsync(browser.App, "Kopi Browser");
        var email = await Editors.CreateAsync(browser.App.Services, "Ibu Rina", IkmCatalog.Backoffice.EditorRoles.Curator);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/backoffice/portal/welcome?account=x&token=y");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Selamat datang di portal produsen");
        Assert.Empty(await Axe.SeriousAsync(page));

        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GotoAsync($"/backoffice/producers/{producer.Id}/portal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim undangan" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync(producer.Email);
        await Expect(page.Locator("table")).ToContainTextAsync(producer.Email);
        Assert.Empty(await Axe.SeriousAsync(page));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
