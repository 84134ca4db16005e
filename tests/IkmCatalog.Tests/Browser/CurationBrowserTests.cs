using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>A curator assesses a product in a real browser and visitors see the badge.</summary>
[Collection(BrowserCollection.Name)]
public class CurationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_curator_passes_a_product_and_its_page_shows_the_curated_badge()
    {
        var services = browser.App.Services;
        var email = await Editors.CreateAsync(services, "Bu Sari", EditorRoles.Curator);
        (int Id, string Slug, string Name) product;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            product = await db.PublicProducts(DateTime.UtcNow)
                .Where(p => p.CuratedOn == null && !db.CurationAssessments.Any(a => a.ProductId == p.Id))
                .OrderByDescending(p => p.Id).Select(p => new ValueTuple<int, string, string>(p.Id, p.Slug, p.Name.Indonesian)).FirstAsync();
        }
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Kurasi", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kurasi produk");
        var list = await Axe.SeriousAsync(page);

        await page.GotoAsync("/backoffice/curation/rubric");
        var rubric = await Axe.SeriousAsync(page);
        await page.GotoAsync("/backoffice/curation/rounds/new");
        var roundForm = await Axe.SeriousAsync(page);
        await page.Locator("#name-id").FillAsync("Kurasi TEI " + Guid.NewGuid().ToString("N")[..4]);
        await page.Locator("#name-en").FillAsync("TEI curation");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/backoffice/curation/rounds/\d+$"));
        var round = await Axe.SeriousAsync(page);
        await page.GotoAsync("/backoffice/curation/rounds");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kurasi TEI");
        var rounds = await Axe.SeriousAsync(page);

        await page.GotoAsync($"/backoffice/curation/products/{product.Id}/assess");
        var scoreGroups = page.Locator("fieldset.bo-score");
        var count = await scoreGroups.CountAsync();
        Assert.True(count >= 5);
        for (var i = 0; i < count; i++)
        {
            var group = scoreGroups.Nth(i);
            await group.GetByLabel(i == 0 ? "5 sangat baik" : "4 baik").CheckAsync();
        }
        await page.GetByLabel("Catatan umum untuk produsen").FillAsync("Kemasan sudah baik; tambahkan label bahasa Inggris untuk ekspor.");
        var form = await Axe.SeriousAsync(page);
        await page.GetByLabel("Lolos kurasi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan penilaian" }).ClickAsync();

        await Assertions.Expect(page.Locator(".bo-notice")).ToContainTextAsync("lolos kurasi dengan grade");
        await Assertions.Expect(page.Locator(".bo-assessment")).ToHaveCountAsync(1);
        var history = await Axe.SeriousAsync(page);

        await page.GotoAsync($"/produk/{product.Slug}");
        await Assertions.Expect(page.Locator(".product-info .curated")).ToContainTextAsync("Dikurasi");
        var publicPage = await Axe.SeriousAsync(page);
        await page.GotoAsync($"/en/products/{product.Slug}");
        await Assertions.Expect(page.Locator(".product-info .curated")).ToContainTextAsync("Curated");

        Assert.Empty(list.Concat(rubric).Concat(roundForm).Concat(round).Concat(rounds).Concat(form).Concat(history).Concat(publicPage));
        await page.Context.CloseAsync();
    }
}
