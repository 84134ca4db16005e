using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>A retail buyer in a real browser: two products into the cart, checkout by bank transfer, the order page.</summary>
[Collection(BrowserCollection.Name)]
public class CheckoutBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_buyer_orders_two_products_by_bank_transfer_and_sees_how_to_pay()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        var violations = new List<string>();

        await page.GotoAsync("/produk/keripik-tempe-original-bu-sri");
        await page.GetByLabel("Jumlah (bungkus 200 g)").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masukkan ke keranjang" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Keranjang belanja");

        await page.GotoAsync("/produk/kopi-robusta-dampit-bubuk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masukkan ke keranjang" }).ClickAsync();
        await Expect(page.Locator(".cart-line")).ToHaveCountAsync(2);
        await Expect(page.Locator(".cart-summary")).ToContainTextAsync("Rp82.000");
        violations.AddRange(await Axe.SeriousAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Lanjut ke pembayaran" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pembayaran");
        await page.GetByLabel("Nama penerima").FillAsync("Siti Rahayu");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("siti.browser@example.com");
        await page.GetByLabel("Nomor telepon/WhatsApp").FillAsync("0812 3456 7890");
        await page.GetByLabel("Alamat (jalan, nomor, RT/RW, kelurahan/desa, kecamatan)").FillAsync("Jl. Sanan No. 12, Blimbing");
        await page.GetByLabel("Provinsi", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Jawa Timur" });
        // With JavaScript the list follows the province at once; the server round trip's button is hidden.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan kabupaten/kota" })).ToBeHiddenAsync();
        await Expect(page.Locator("#City option[value='35.73']")).ToHaveCountAsync(1);
        await page.GetByLabel("Kabupaten/kota").SelectOptionAsync(new SelectOptionValue { Label = "Kota Malang" });
        await page.GetByLabel("Kode pos").FillAsync("65122");
        violations.AddRange(await Axe.SeriousAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat pesanan" }).ClickAsync();

        await Expect(page.Locator("h1")).ToContainTextAsync("Pesanan ORD-");
        var reference = (await page.Locator("h1").TextContentAsync())!.Replace("Pesanan ", "", StringComparison.Ordinal).Trim();
        var bank = page.Locator(".bank-details");
        await Expect(bank).ToContainTextAsync("0011223344");
        await Expect(bank).ToContainTextAsync("Rp94.000"); // Rp82.000 + Rp12.000 shipping to Jawa Timur up to 1 kg
        await Expect(bank).ToContainTextAsync(reference);
        await Expect(page.Locator(".order-table")).ToContainTextAsync("Keripik Tempe Original Bu Sri");
        await Expect(page.Locator(".order-table")).ToContainTextAsync("Kopi");
        violations.AddRange(await Axe.SeriousAsync(page));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }


    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
