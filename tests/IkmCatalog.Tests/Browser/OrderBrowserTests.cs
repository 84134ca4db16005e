using IkmCatalog.Backoffice;
using IkmCatalog.Orders;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Tests.Orders;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>A sales officer takes a bank-transfer order from payment to shipping in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public class OrderBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_sales_officer_marks_a_transfer_paid_processes_and_ships_it_on_accessible_pages()
    {
        var order = await OrderTestData.CreateAsync(browser.App.Services, change: o => o.CustomerName = "Dewi Anggraini");
        var email = await Editors.CreateAsync(browser.App.Services, "Ibu Lestari", EditorRoles.SalesOfficer);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Pesanan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pesanan");
        var violations = new List<string>(await Axe.SeriousAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = order.Reference }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(order.Reference);
        violations.AddRange(await Axe.SeriousAsync(page));

        await page.GetByLabel("Catatan pembayaran (tidak wajib)").FillAsync("Dana masuk Bank Jateng 29/11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tandai lunas" }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-notice")).ToContainTextAsync("ditandai lunas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mulai proses" }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-notice")).ToContainTextAsync("mulai diproses");

        await page.GetByLabel("Kurir").FillAsync("JNE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tandai dikirim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ship-tracking-error")).ToHaveTextAsync("Isi nomor resi.");
        violations.AddRange(await Axe.SeriousAsync(page));
        await page.GetByLabel("Nomor resi").FillAsync("JNE0123456789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tandai dikirim" }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-notice")).ToContainTextAsync("ditandai dikirim");
        await Assertions.Expect(page.Locator("h1 .bo-badge")).ToHaveTextAsync("Dikirim");
        await Assertions.Expect(page.Locator(".bo-order-history")).ToContainTextAsync("JNE JNE0123456789");

        var shipped = await OrderTestData.ReloadAsync(browser.App.Services, order.Id);
        Assert.Equal((OrderStatus.Shipped, "JNE0123456789"), (shipped.Status, shipped.TrackingNumber));
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
