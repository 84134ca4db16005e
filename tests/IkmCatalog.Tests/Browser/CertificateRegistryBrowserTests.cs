using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>A curator enters and verifies a certificate in the registry, in a real browser, and the badge appears.</summary>
[Collection(BrowserCollection.Name)]
public class CertificateRegistryBrowserTests(BrowserFixture browser)
{
    // A seeded product with no certificate of its own or of its producer's.
    private const string Product = "clutch-anyaman-pandan";

    [Fact]
    public async Task A_curator_adds_a_certificate_verifies_it_and_the_badge_appears_on_the_product_page()
    {
        var violations = new List<string>();
        var page = await SignInAsync("Pak Kurator", EditorRoles.Curator);
        int productId;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            productId = await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Products.Where(p => p.Slug == Product).Select(p => p.Id).SingleAsync();
        }

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sertifikat", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Registri sertifikat");
        violations.AddRange(await Axe.SeriousAsync(page));
        await page.GotoAsync($"/backoffice/certificates/add?productId={productId}");
        await page.GetByLabel("Jenis sertifikat").SelectOptionAsync(new SelectOptionValue { Label = "Halal" });
        await page.GetByLabel("Nomor sertifikat").FillAsync("halal-123");
        await page.GetByLabel("Penerbit", new() { Exact = true }).FillAsync("BPJPH");
        await page.GetByLabel("Tanggal terbit").FillAsync("2024-03-18");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah sertifikat" }).ClickAsync();
        await Expect(page.Locator("#Number-error")).ToContainTextAsync("format HALAL");
        violations.AddRange(await Axe.SeriousAsync(page));
        await page.GetByLabel("Nomor sertifikat").FillAsync("ID35110000765430324");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah sertifikat" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("menunggu verifikasi");
        violations.AddRange(await Axe.SeriousAsync(page));

        await page.GotoAsync($"/produk/{Product}");
        await Expect(page.Locator(".cert-halal")).ToHaveCountAsync(0);

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi sertifikat" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("Sertifikat terverifikasi");
        await page.GotoAsync($"/produk/{Product}");
        await Expect(page.Locator(".cert-halal", new() { HasText = "ID35110000765430324" })).ToContainTextAsync("Halal");

        await page.GotoAsync("/backoffice/certificates/gaps?type=halal");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kesenjangan sertifikasi");
        violations.AddRange(await Axe.SeriousAsync(page));
        await page.GotoAsync("/backoffice");
        violations.AddRange(await Axe.SeriousAsync(page));
        Assert.Empty(violations);
    }

    private async Task<IPage> SignInAsync(string displayName, string role)
    {
        var email = await Editors.CreateAsync(browser.App.Services, displayName, role);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Selamat datang, {displayName}");
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
