using System.Text.RegularExpressions;
using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Areas.Backoffice.PortalAccess;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>
/// The office's programme end to end in a real browser: a small business applies in Indonesian, the office returns the
/// application for correction, the applicant corrects it, the office accepts; the producer signs in to its portal and
/// edits its product; an Editor publishes it; a Curator curates it, and the public product page shows the badge.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class ProgrammeJourneyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task From_application_to_a_curated_product_on_the_public_site()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var business = $"Dodol Rumput Laut Bu Wati {unique}";
        var applicantEmail = $"bu.wati.{unique}@usaha.example.co.id";

        // 1. The applicant fills the registration form in Indonesian, first with a capacity the office will query.
        var applicant = await browser.NewPageAsync();
        await applicant.GotoAsync("/daftar-ikm");
        await applicant.Locator("#f-BusinessName").FillAsync(business);
        await applicant.Locator("#f-OwnerName").FillAsync("Suwati");
        await applicant.Locator("#f-KbliCode").SelectOptionAsync("10219");
        await applicant.Locator("#f-RegionId").SelectOptionAsync(new SelectOptionValue { Label = "Kota Kendari (Sulawesi Tenggara)" });
        await applicant.Locator("#f-Address").FillAsync("Jl. Pattimura 12, Kendari");
        await applicant.Locator("#f-Workforce").FillAsync("3");
        await applicant.Locator("#f-Capacity").FillAsync("banyak");
        await applicant.Locator("#f-Email").FillAsync(applicantEmail);
        await applicant.Locator("#f-Phone").FillAsync("0813 4000 1122");
        await applicant.Locator("#f-Products-0-Name").FillAsync($"Dodol rumput laut {unique}");
        await applicant.Locator("#f-Products-0-Photo").SetInputFilesAsync(new FilePayload
        {
            Name = "dodol.jpg", MimeType = "image/jpeg", Buffer = IkmCatalog.Tests.Media.TestImages.Jpeg(640, 480),
        });
        await applicant.GetByLabel("Saya menyatakan data ini benar").CheckAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Kirim pendaftaran" }).ClickAsync();
        await applicant.WaitForURLAsync(url => url.Contains("/daftar-ikm/status/", StringComparison.Ordinal));
        var statusUrl = applicant.Url;
        var reference = (await applicant.Locator(".rfq-reference").TextContentAsync())!.Trim();

        // 2. An officer returns it for correction.
        var officer = await SignedInPageAsync("Pak Rahmat", EditorRoles.Editor, EditorRoles.Curator);
        await officer.GotoAsync("/backoffice/applications");
        await officer.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await officer.Locator("#return-comment").FillAsync("Mohon tulis kapasitas produksi dengan angka, misalnya 300 bungkus per minggu.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kembalikan untuk diperbaiki" }).ClickAsync();
        await Expect(officer.Locator(".bo-notice")).ToBeVisibleAsync();

        // 3. The applicant reads the comment through their link, corrects the capacity and sends it again.
        await applicant.GotoAsync(statusUrl);
        await Expect(applicant.Locator("main")).ToContainTextAsync("300 bungkus per minggu");
        await Expect(applicant.Locator("#f-BusinessName")).ToHaveValueAsync(business);
        await applicant.Locator("#f-Capacity").FillAsync("300 bungkus per minggu");
        var consent = applicant.GetByLabel("Saya menyatakan data ini benar");
        if (!await consent.IsCheckedAsync())
        {
            await consent.CheckAsync();
        }
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Kirim ulang pendaftaran" }).ClickAsync();
        await Expect(applicant.Locator(".reg-state")).ToContainTextAsync("Menunggu pemeriksaan");

        // 4. The officer accepts it: the producer and its product wait as drafts, and the portal invitation goes out.
        await officer.GotoAsync("/backoffice/applications");
        await officer.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await officer.Locator("#accept-category").SelectOptionAsync(new SelectOptionValue { Label = "Keripik & Makanan Ringan" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Terima", Exact = true }).ClickAsync();
        await Expect(officer.Locator(".bo-notice")).ToContainTextAsync(applicantEmail);
        var (producerId, productId, invitation) = await WithDbAsync(async db =>
        {
            var application = await db.ProducerApplications.AsNoTracking().SingleAsync(a => a.Reference == reference);
            var product = await db.Products.AsNoTracking().SingleAsync(p => p.ProducerId == application.ProducerId);
            var mail = await db.Outbox.AsNoTracking()
                .Where(m => m.Kind == ProducerPortalAccess.InvitationKind && m.To == applicantEmail).Select(m => m.TextBody).SingleAsync();
            return (application.ProducerId!.Value, product.Id, mail);
        });

        // 5. The producer follows the invitation, chooses a password, signs in and edits its product in the portal.
        var welcome = WelcomeLink().Match(invitation);
        Assert.True(welcome.Success, "the invitation holds the link to set a password");
        var producer = await browser.NewPageAsync();
        await producer.GotoAsync(welcome.Value);
        const string password = "rumput-laut-kendari-2026";
        await producer.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync(password);
        await producer.GetByLabel("Ulangi kata sandi baru").FillAsync(password);
        await producer.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await producer.GotoAsync("/backoffice/login");
        await producer.GetByLabel("Email").FillAsync(applicantEmail);
        await producer.GetByLabel("Kata sandi").FillAsync(password);
        await producer.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(producer.Locator("h1")).ToHaveTextAsync("Portal produsen");
        await producer.GotoAsync($"/backoffice/portal/products/{productId}");
        await producer.GetByLabel("Harga (Rp)").FillAsync("18500");
        await producer.GetByLabel("Satuan harga (Indonesia)").FillAsync("kotak 250 g");
        await producer.GetByLabel("Satuan harga (Inggris)").FillAsync("250 g box");
        await producer.GetByRole(AriaRole.Button, new() { Name = "Kirim ke dinas" }).ClickAsync();
        await Expect(producer.Locator(".bo-notice")).ToContainTextAsync("Produk dikirim ke dinas");
        // A producer never reaches the office's pages.
        var office = await producer.GotoAsync($"/backoffice/content/products/{productId}");
        Assert.Equal(403, office!.Status);

        // 6. The Editor publishes the producer's page and the product.
        foreach (var url in new[] { $"/backoffice/content/producers/{producerId}", $"/backoffice/content/products/{productId}" })
        {
            await officer.GotoAsync(url);
            await officer.Locator($"form[action='{url}/publish'] button").ClickAsync();
            await Expect(officer.Locator(".bo-notice")).ToBeVisibleAsync();
        }
        var (slug, price) = await WithDbAsync(db => db.Products.AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new ValueTuple<string, long?>(p.Slug, p.PriceIdr)).SingleAsync());
        Assert.Equal(18500, price);
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/produk/{slug}");
        await Expect(visitor.Locator(".product-info .curated")).ToHaveCountAsync(0);

        // 7. A Curator scores it, passes it, and the badge appears on the public page.
        await officer.GotoAsync($"/backoffice/curation/products/{productId}/assess");
        var groups = officer.Locator("fieldset.bo-score");
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            await groups.Nth(i).GetByLabel("4 baik").CheckAsync();
        }
        await officer.GetByLabel("Lolos kurasi").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Simpan penilaian" }).ClickAsync();
        await Expect(officer.Locator(".bo-notice")).ToContainTextAsync("lolos kurasi dengan grade");

        await visitor.GotoAsync($"/produk/{slug}");
        await Expect(visitor.Locator("h1")).ToContainTextAsync($"Dodol rumput laut {unique}");
        await Expect(visitor.Locator(".product-info .curated")).ToContainTextAsync("Dikurasi");
        Assert.Empty(await Axe.SeriousAsync(visitor));
        await visitor.GotoAsync($"/en/products/{slug}");
        await Expect(visitor.Locator(".product-info .curated")).ToContainTextAsync("Curated");

        foreach (var page in new[] { applicant, officer, producer, visitor })
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignedInPageAsync(string name, params string[] roles)
    {
        var email = await Editors.CreateAsync(browser.App.Services, name, roles);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    private async Task<T> WithDbAsync<T>(Func<IkmDbContext, Task<T>> query)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IkmDbContext>());
    }

    [GeneratedRegex(@"/backoffice/portal/welcome\?account=[^\s""<>]+")]
    private static partial Regex WelcomeLink();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
