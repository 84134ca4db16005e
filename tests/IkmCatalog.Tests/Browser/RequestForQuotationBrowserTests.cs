using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>An exporter asks for a quote in a real browser, from the product page to the private status page.</summary>
[Collection(BrowserCollection.Name)]
public class RequestForQuotationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_exporter_requests_a_quote_in_english_and_sees_the_quote_a_sales_officer_records()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/products/mete-kupas-mentah-w320-curah");

        await page.Locator(".buy-box").GetByRole(AriaRole.Link, new() { Name = "Request a quote" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Request a quote");
        await Expect(page.GetByLabel("Product", new() { Exact = true }).First).ToHaveValueAsync("mete-kupas-mentah-w320-curah");
        var formViolations = await Axe.SeriousAsync(page);

        await page.GetByLabel("Full name").FillAsync("Hannah Becker");
        await page.GetByLabel("Company").FillAsync("Becker Nuss GmbH");
        await page.GetByLabel("Country").FillAsync("Germany");
        await page.GetByLabel("Email").FillAsync("hannah.becker@nuss.example.de");
        await page.Locator("#f-Lines-0-Quantity").FillAsync("25");
        await page.GetByLabel("FOB — Free On Board").CheckAsync();
        await page.GetByLabel("Destination port or city").FillAsync("Hamburg");
        await page.GetByLabel("I would like samples first").CheckAsync();
        await page.GetByLabel("I agree that these details are used to answer my request").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/en/request-a-quote/status/", StringComparison.Ordinal));
        await Expect(page.Locator(".form-notice")).ToContainTextAsync("Thank you, we have received your request.");
        await Expect(page.Locator(".rfq-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^RFQ-\d{4}-\d{6}$"));
        await Expect(page.Locator(".rfq-lines")).ToContainTextAsync("Raw Cashew Kernels W320 (Bulk): 25 cartons");
        var statusViolations = await Axe.SeriousAsync(page);
        var reference = (await page.Locator(".rfq-reference").TextContentAsync())!.Trim();
        var statusUrl = page.Url;

        // A sales officer, in a browser of their own, forwards the request to the producer and records a quote.
        var email = await IkmCatalog.Tests.Infrastructure.Editors.CreateAsync(browser.App.Services, "Bu Ratna", IkmCatalog.Backoffice.EditorRoles.SalesOfficer);
        var office = await browser.NewPageAsync();
        await office.GotoAsync("/backoffice/login");
        await office.GetByLabel("Email").FillAsync(email);
        await office.GetByLabel("Kata sandi").FillAsync(IkmCatalog.Tests.Infrastructure.Editors.Password);
        await office.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await office.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Permintaan penawaran" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(office.Locator("h1")).ToContainTextAsync(reference);
        await office.Locator("#forward-producer").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.GetByRole(AriaRole.Button, new() { Name = "Teruskan", Exact = true }).ClickAsync();
        await Expect(office.Locator("h1 .bo-badge")).ToHaveTextAsync("Diteruskan");
        await office.GetByLabel("Harga", new() { Exact = true }).FillAsync("7.80");
        await office.GetByLabel("Mata uang", new() { Exact = true }).SelectOptionAsync("USD");
        await office.GetByLabel("Per satuan", new() { Exact = true }).FillAsync("kg");
        await office.GetByLabel("Incoterm", new() { Exact = true }).SelectOptionAsync("FOB");
        await office.GetByLabel("Berlaku sampai", new() { Exact = true }).FillAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await office.GetByLabel("Waktu produksi (hari)", new() { Exact = true }).FillAsync("21");
        await office.GetByRole(AriaRole.Button, new() { Name = "Simpan dan kirim ke pembeli" }).ClickAsync();
        await Expect(office.Locator("h1 .bo-badge")).ToHaveTextAsync("Ditawarkan");
        await office.Context.CloseAsync();

        // The exporter's private page now shows the quote, in English.
        await page.GotoAsync(statusUrl);
        await Expect(page.Locator("main")).ToContainTextAsync("7.80");
        await Expect(page.Locator("main")).ToContainTextAsync("21");
        var quotedViolations = await Axe.SeriousAsync(page);

        Assert.Empty(formViolations);
        Assert.Empty(statusViolations);
        Assert.Empty(quotedViolations);
        await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
