using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Inquiries;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Tests.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>A sales officer answers a buyer's request for quotation in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public class InquiryInboxBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_sales_officer_forwards_an_inquiry_to_its_producer_and_records_a_quote()
    {
        var services = browser.App.Services;
        var email = await Editors.CreateAsync(services, "Pak Rudi", EditorRoles.SalesOfficer);
        var producer = await InboxData.AddProducerAsync(services, "Kopi Wakatobi Uji", $"kopi-{Guid.NewGuid():N}@example.com");
        var country = InboxData.NewCountry();
        var inquiry = await InboxData.AddAsync(services, country, DateTime.UtcNow.AddHours(-5), i =>
        {
            i.Culture = Cultures.English;
            i.BuyerName = "Emma Clarke";
            i.Lines = [new InquiryLine { ProducerId = producer.Id, ProductName = "Wakatobi green coffee", Quantity = 600, Unit = "kg" }];
        });
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Permintaan penawaran" }).ClickAsync();
        await page.GetByLabel("Negara", new() { Exact = true }).SelectOptionAsync(country);
        await page.GetByRole(AriaRole.Button, new() { Name = "Saring", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-inquiries tbody tr")).ToHaveCountAsync(1);
        var list = await Axe.SeriousAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = inquiry.Reference }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(inquiry.Reference);
        var detail = await Axe.SeriousAsync(page);
        await page.GetByLabel("Produsen", new() { Exact = true }).SelectOptionAsync(producer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Teruskan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-notice")).ToContainTextAsync("Permintaan diteruskan ke Kopi Wakatobi Uji");
        await Assertions.Expect(page.Locator("h1 .bo-badge")).ToHaveTextAsync("Diteruskan");

        await page.GetByLabel("Harga", new() { Exact = true }).FillAsync("4.25");
        await page.GetByLabel("Mata uang", new() { Exact = true }).SelectOptionAsync("USD");
        await page.GetByLabel("Per satuan", new() { Exact = true }).FillAsync("kg");
        await page.GetByLabel("Incoterm", new() { Exact = true }).SelectOptionAsync("FOB");
        await page.GetByLabel("Berlaku sampai", new() { Exact = true }).FillAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Waktu produksi (hari)", new() { Exact = true }).FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan dan kirim ke pembeli" }).ClickAsync();

        await Assertions.Expect(page.Locator(".bo-notice")).ToContainTextAsync("Penawaran disimpan");
        await Assertions.Expect(page.Locator("h1 .bo-badge")).ToHaveTextAsync("Ditawarkan");
        await Assertions.Expect(page.Locator("#inquiry-quotes + ul")).ToContainTextAsync("USD 4,25 / kg, FOB");
        var quoted = await Axe.SeriousAsync(page);
        var (status, emails) = await InboxData.WithDbAsync(services, async db => (
            (await db.Inquiries.SingleAsync(i => i.Id == inquiry.Id)).Status,
            await db.Outbox.Where(m => m.To == inquiry.Email || m.To == producer.Email).Select(m => m.Culture).ToListAsync()));
        Assert.Equal(InquiryStatus.Quoted, status);
        Assert.Equal(["en", "id"], emails.Order());
        Assert.Empty(list.Concat(detail).Concat(quoted));
        await page.Context.CloseAsync();
    }
}
