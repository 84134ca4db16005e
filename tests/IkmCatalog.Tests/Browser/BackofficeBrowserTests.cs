using Deque.AxeCore.Playwright;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class BackofficeBrowserTests(BrowserFixture browser)
{
    private static IEnumerable<string> Serious(Deque.AxeCore.Commons.AxeResult result) =>
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}");

    [Fact]
    public async Task An_editor_signs_in_in_english_and_the_pages_are_accessible()
    {
        var email = await Editors.CreateAsync(browser.App.Services, "Ibu Ratna");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/backoffice");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/backoffice/login"));
        var login = await page.RunAxe();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Ibu Ratna");
        var dashboard = await page.RunAxe();
        Assert.Empty(Serious(login).Concat(Serious(dashboard)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_editor_uploads_a_photo_and_picks_its_focal_point_by_clicking_it()
    {
        var email = await Editors.CreateAsync(browser.App.Services, "Pak Hendra");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Media" }).ClickAsync();
        var library = await page.RunAxe();

        await page.GetByLabel("Berkas").SetInputFilesAsync(new FilePayload
        {
            Name = "dodol-betawi.jpg",
            MimeType = "image/jpeg",
            Buffer = IkmCatalog.Tests.Media.TestImages.Jpeg(1600, 1200),
        });
        await page.GetByLabel("Teks alternatif (Indonesia)").FillAsync("Dodol Betawi di atas besek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
        await Assertions.Expect(page.Locator(".bo-notice")).ToContainTextAsync("dodol-betawi.jpg telah diunggah");
        var edit = await page.RunAxe();

        // A click a quarter in from the left and three quarters down sets the focal point there.
        var box = (await page.Locator(".bo-focal img").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width * 0.25f, box.Y + box.Height * 0.75f);
        var x = double.Parse(await page.GetByLabel("Titik fokus dari kiri (%)").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var y = double.Parse(await page.GetByLabel("Titik fokus dari atas (%)").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator(".bo-focal-mark")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".bo-notice")).ToHaveTextAsync("Keterangan disimpan.");
        Assert.InRange(x, 24, 26);
        Assert.InRange(y, 74, 76);
        Assert.Equal(x.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetByLabel("Titik fokus dari kiri (%)").InputValueAsync());
        Assert.Empty(Serious(library).Concat(Serious(edit)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_creates_a_writer_account_and_the_accounts_pages_have_no_accessibility_violations()
    {
        var admin = await Editors.CreateAsync(browser.App.Services, "Ibu Kartini", EditorRoles.Admin);
        var email = $"anton-{Guid.NewGuid():N}@disperindag.example.go.id";
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(admin);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Akun", Exact = true }).ClickAsync();
        var list = await page.RunAxe();
        await page.GetByRole(AriaRole.Link, new() { Name = "Buat akun" }).ClickAsync();
        var form = await page.RunAxe();
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync("Pak Anton");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Penulis").CheckAsync();
        await page.GetByLabel("Kata sandi awal").FillAsync("anyaman rotan dari kendari");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat akun" }).ClickAsync();

        await Assertions.Expect(page.Locator(".bo-notice")).ToHaveTextAsync($"Akun {email} telah dibuat.");
        await Assertions.Expect(page.Locator(".bo-table tbody tr", new() { HasText = email })).ToContainTextAsync("Penulis");
        var created = await page.RunAxe();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pak Anton" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pak Anton");
        var edit = await page.RunAxe();

        Assert.Empty(new[] { list, form, created, edit }.SelectMany(r => r.Violations).Select(v => $"{v.Id} ({v.Impact}): {v.Help}"));
        await page.Context.CloseAsync();
    }
}
