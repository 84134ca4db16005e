using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>A small business registers in Indonesian in a real browser and the office opens the application.</summary>
[Collection(BrowserCollection.Name)]
public class RegistrationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_producer_registers_in_indonesian_sees_the_status_page_and_the_office_finds_the_application()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/produsen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Daftarkan usaha Anda" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pendaftaran IKM");
        var formViolations = await Axe.SeriousAsync(page);

        // First without a phone number: the message comes back next to the field, and nothing typed is lost.
        await page.Locator("#f-BusinessName").FillAsync("Abon Ikan Tuna Mak Ijah");
        await page.Locator("#f-OwnerName").FillAsync("Khadijah Lamusu");
        await page.Locator("#f-KbliCode").SelectOptionAsync("10219");
        await page.Locator("#f-RegionId").SelectOptionAsync(new SelectOptionValue { Label = "Kota Kendari (Sulawesi Tenggara)" });
        await page.Locator("#f-Address").FillAsync("Jl. Lasandara 7, Kendari");
        await page.Locator("#f-Workforce").FillAsync("4");
        await page.Locator("#f-Capacity").FillAsync("200 toples per minggu");
        await page.Locator("#f-Email").FillAsync($"mak.ijah.{Guid.NewGuid():N}@usaha.example.co.id");
        await page.Locator("#f-Products-0-Name").FillAsync("Abon ikan tuna pedas");
        await page.Locator("#f-Products-0-Photo").SetInputFilesAsync(new FilePayload
        {
            Name = "abon.jpg", MimeType = "image/jpeg", Buffer = IkmCatalog.Tests.Media.TestImages.Jpeg(640, 480),
        });
        await page.GetByLabel("Saya menyatakan data ini benar").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();

        await Expect(page.Locator("#f-Phone-error")).ToHaveTextAsync("Telepon/WhatsApp wajib diisi.");
        await Expect(page.Locator("#f-BusinessName")).ToHaveValueAsync("Abon Ikan Tuna Mak Ijah");
        await Expect(page.Locator("#f-Products-0-Photo-kept")).ToContainTextAsync("abon.jpg");
        var errorViolations = await Axe.SeriousAsync(page);

        await page.Locator("#f-Phone").FillAsync("0812 4455 6677");
        await page.GetByLabel("Saya menyatakan data ini benar").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/daftar-ikm/status/", StringComparison.Ordinal));
        await Expect(page.Locator(".form-notice")).ToContainTextAsync("Terima kasih, pendaftaran Anda sudah kami terima.");
        await Expect(page.Locator(".rfq-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^REG-\d{4}-\d{6}$"));
        await Expect(page.Locator(".reg-state")).ToContainTextAsync("Menunggu pemeriksaan");
        var statusViolations = await Axe.SeriousAsync(page);
        var reference = (await page.Locator(".rfq-reference").TextContentAsync())!.Trim();

        // A curator, in a browser of their own, opens the list and the application with its photo.
        var email = await IkmCatalog.Tests.Infrastructure.Editors.CreateAsync(browser.App.Services, "Pak Yusuf", IkmCatalog.Backoffice.EditorRoles.Curator);
        var office = await browser.NewPageAsync();
        await office.GotoAsync("/backoffice/login");
        await office.GetByLabel("Email").FillAsync(email);
        await office.GetByLabel("Kata sandi").FillAsync(IkmCatalog.Tests.Infrastructure.Editors.Password);
        await office.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Pendaftaran IKM" }).ClickAsync();
        await Expect(office.Locator("h1")).ToHaveTextAsync("Pendaftaran IKM");
        var listViolations = await Axe.SeriousAsync(office);
        await office.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(office.Locator("h1")).ToContainTextAsync("Abon Ikan Tuna Mak Ijah");
        await Expect(office.Locator(".bo-app-products img")).ToHaveCountAsync(1);
        var detailViolations = await Axe.SeriousAsync(office);
        await office.Context.CloseAsync();

        Assert.Empty(formViolations);
        Assert.Empty(errorViolations);
        Assert.Empty(statusViolations);
        Assert.Empty(listViolations);
        Assert.Empty(detailViolations);
        await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
