using System.Net;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Tests.Media;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>Editors and writers at work in the content editor, in a real browser, and what the public then sees.</summary>
[Collection(BrowserCollection.Name)]
public class ContentEditingBrowserTests(BrowserFixture browser)
{
    private const string Producer = "Keripik Tempe Bu Sri Sanan";
    private const string Category = "Keripik & Makanan Ringan";
    [Fact]
    public async Task An_editor_creates_previews_publishes_renames_and_unpublishes_a_product()
    {
        var page = await SignInAsync("Ibu Wulan", EditorRoles.Editor);
        var word = Distinct("sambalroa");
        var name = $"Sambal Roa {word} Pedas";

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Produk", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah produk" }).ClickAsync();
        await FillProductAsync(page, name, $"Roa {word} Hot Sambal");
        await page.GetByLabel("Harga (Rp)").FillAsync("27500");
        await page.GetByLabel("Satuan harga (Indonesia)").FillAsync("botol 150 g");
        await page.GetByLabel("Satuan harga (Inggris)").FillAsync("150 g jar");
        var description = page.GetByRole(AriaRole.Textbox, new() { Name = "Deskripsi (Indonesia)", Exact = true });
        await description.FillAsync("Ikan roa asap dengan cabai rawit, **tanpa pengawet**.");
        await Expect(page.Locator("#Draft_Description_Indonesian-preview strong")).ToHaveTextAsync("tanpa pengawet");

        await page.GetByLabel("Unggah foto baru").SetInputFilesAsync(new FilePayload
        {
            Name = "sambal-roa.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.Jpeg(800, 600),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambahkan foto terpilih" }).ClickAsync();
        await Expect(page.Locator(".bo-photo-list img")).ToHaveCountAsync(1);
        await page.GetByLabel("Teks alternatif (Indonesia)").FillAsync("Sambal roa dalam botol kaca");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("Draf disimpan");
        var editUrl = page.Url;
        var slug = await page.GetByLabel("Alamat halaman").InputValueAsync();
        Assert.Matches("^sambal-roa-.*-pedas$", slug);
        Assert.Equal("Sambal roa dalam botol kaca", await page.GetByLabel("Teks alternatif (Indonesia)").InputValueAsync());

        // The previews open in a new tab; a person would read them there, the test reads them in place.
        var previewEnglish = (await page.GetByRole(AriaRole.Link, new() { Name = "Pratinjau (EN)" }).GetAttributeAsync("href"))!;
        await page.GotoAsync((await page.GetByRole(AriaRole.Link, new() { Name = "Pratinjau (ID)" }).GetAttributeAsync("href"))!);
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.GetByText("Rp27.500").First).ToBeVisibleAsync();
        await Expect(page.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex, nofollow");
        await page.GotoAsync(previewEnglish);
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Roa {word} Hot Sambal");
        await Expect(page.GetByText("IDR 27,500").First).ToBeVisibleAsync();
        Assert.Equal(404, (await page.GotoAsync($"/produk/{slug}"))!.Status);

        await page.GotoAsync(editUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan", Exact = true }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("Diterbitkan");
        await page.GotoAsync($"/produk/{slug}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.GetByAltText("Sambal roa dalam botol kaca").First).ToBeVisibleAsync();
        await page.GotoAsync($"/en/products/{slug}");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Roa {word} Hot Sambal");
        await SearchUntilAsync(page, word, found: 1);

        var renamed = slug + "-botol";
        await page.GotoAsync(editUrl);
        await page.GetByLabel("Alamat halaman").FillAsync(renamed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan & terbitkan" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("Diterbitkan");
        await page.GotoAsync($"/produk/{slug}");
        Assert.EndsWith($"/produk/{renamed}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        // On Kestrel the factory's clients follow redirects whatever AllowAutoRedirect says (their inner handler
        // is a default HttpClientHandler), so this one is made by hand.
        using (var handler = new HttpClientHandler { AllowAutoRedirect = false })
        using (var client = new HttpClient(handler) { BaseAddress = new Uri(browser.BaseUrl) })
        {
            var old = await client.GetAsync(new Uri($"/produk/{slug}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.EndsWith($"/produk/{renamed}", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        await page.GotoAsync(editUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tarik dari situs" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("ditarik dari situs");
        Assert.Equal(404, (await page.GotoAsync($"/produk/{renamed}"))!.Status);
        await SearchUntilAsync(page, word, found: 0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_writer_sends_a_draft_that_an_editor_publishes_and_another_that_the_editor_returns_with_a_comment()
    {
        var writer = await SignInAsync("Mas Dimas", EditorRoles.Writer);
        var kept = Distinct("sentra");
        var returned = Distinct("blok");
        await WritePageAsync(writer, $"Jam Buka Galeri {kept}");
        await Expect(writer.GetByRole(AriaRole.Button, new() { Name = "Terbitkan", Exact = true })).ToHaveCountAsync(0);
        await Expect(writer.GetByRole(AriaRole.Button, new() { Name = "Simpan & terbitkan" })).ToHaveCountAsync(0);
        var slug = await writer.GetByLabel("Alamat halaman").InputValueAsync();
        await WritePageAsync(writer, $"Tarif Stan Pameran {returned}");
        var returnedUrl = writer.Url;

        var editor = await SignInAsync("Pak Yusuf", EditorRoles.Editor);
        var editorAccount = (await editor.Locator(".bo-user").TextContentAsync())!;
        var queue = editor.Locator("section", new() { Has = editor.GetByRole(AriaRole.Heading, new() { Name = "Menunggu diterbitkan" }) });
        await queue.GetByRole(AriaRole.Link, new() { Name = $"Jam Buka Galeri {kept}" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Terbitkan", Exact = true }).ClickAsync();
        await Expect(editor.Locator(".bo-notice")).ToContainTextAsync("Diterbitkan");
        await editor.GotoAsync($"/halaman/{slug}");
        await Expect(editor.Locator("h1")).ToHaveTextAsync($"Jam Buka Galeri {kept}");

        await editor.GotoAsync("/backoffice");
        await queue.GetByRole(AriaRole.Link, new() { Name = $"Tarif Stan Pameran {returned}" }).ClickAsync();
        await editor.GetByLabel("Komentar untuk penulis").FillAsync("Tambahkan tarif untuk stan sudut.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Kembalikan ke penulis" }).ClickAsync();
        await Expect(editor.Locator(".bo-notice")).ToContainTextAsync("Draf dikembalikan ke penulis");

        await writer.GotoAsync(returnedUrl);
        await Expect(writer.Locator(".bo-review-returned")).ToContainTextAsync($"Dikembalikan oleh {editorAccount}");
        await Expect(writer.Locator(".bo-review-returned")).ToContainTextAsync("Tambahkan tarif untuk stan sudut.");
        await writer.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_backoffice_page_has_no_accessibility_violations()
    {
        var page = await SignInAsync("Ibu Sekar", EditorRoles.Editor);
        var violations = new List<string>();
        async Task Check(string? url = null)
        {
            if (url is not null)
            {
                await page.GotoAsync(url);
            }
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{new Uri(page.Url).PathAndQuery} {v}"));
        }

        await Check();
        foreach (var (segment, seeded) in new[]
        {
            ("producers", "keripik-tempe-bu-sri-sanan"), ("stories", "tiga-dekade-keripik-tempe-bu-sri"),
            ("events", "bimtek-cppob-olahan-ikan-bangkalan-2026"), ("pages", "tentang"),
        })
        {
            await Check($"/backoffice/content/{segment}");
            await page.Locator(".bo-table tbody tr", new() { HasText = $"/{seeded}" }).First.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.GetByLabel("Alamat halaman")).ToHaveValueAsync(seeded);
            await Check();
        }
        await Check("/backoffice/content/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah produk" }).ClickAsync();
        await Check();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(page.Locator("#Draft_Name_Indonesian-error")).ToHaveTextAsync("Wajib diisi.");
        await Check();

        // A product with a photo, saved twice so its history has a diff.
        var name = $"Kopi Bubuk {Distinct("kopi")}";
        await FillProductAsync(page, name, "Ground coffee");
        await page.GetByLabel("Unggah foto baru").SetInputFilesAsync(new FilePayload { Name = "kopi.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(640, 480) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambahkan foto terpilih" }).ClickAsync();
        await Expect(page.Locator(".bo-photo-list img")).ToHaveCountAsync(1);
        await Check();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("Draf disimpan (v1)");
        await page.GetByLabel("Ringkasan (Indonesia)").FillAsync("Kopi robusta bubuk, sangrai sedang.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("Draf disimpan (v2)");
        await Check();
        await page.GetByRole(AriaRole.Link, new() { Name = "Riwayat versi" }).ClickAsync();
        await Expect(page.Locator(".bo-diff")).ToContainTextAsync("Kopi robusta bubuk");
        await Check();

        foreach (var url in new[] { "/backoffice/media", "/backoffice/redirects", "/backoffice/audit", "/backoffice/search-index" })
        {
            await Check(url);
        }
        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task In_english_the_product_form_speaks_english()
    {
        var page = await SignInAsync("Pak Wayan", EditorRoles.Editor);
        await page.GotoAsync("/backoffice/content/products");
        await page.Locator(".bo-table tbody a").First.ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page.GetByLabel("Name (English)")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name (Indonesian)")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save draft" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save & publish" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
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

    private static async Task FillProductAsync(IPage page, string indonesian, string english)
    {
        await page.GetByLabel("Nama (Indonesia)").FillAsync(indonesian);
        await page.GetByLabel("Nama (Inggris)").FillAsync(english);
        await page.GetByLabel("Ringkasan (Indonesia)").FillAsync($"{indonesian} buatan IKM binaan.");
        await page.GetByLabel("Ringkasan (Inggris)").FillAsync($"{english} made by a local producer.");
        await page.GetByLabel("Produsen", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Producer });
        await page.GetByLabel("Kategori", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Category });
    }

    private static async Task WritePageAsync(IPage page, string title)
    {
        await page.GotoAsync("/backoffice/content/pages/new");
        await page.GetByLabel("Judul (Indonesia)").FillAsync(title);
        await page.GetByLabel("Judul (Inggris)").FillAsync(title + " (EN)");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Isi (Indonesia)", Exact = true }).FillAsync("Galeri IKM buka **Senin–Sabtu**, pukul 08.00–16.00 WIB.");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Isi (Inggris)", Exact = true }).FillAsync("The IKM gallery opens **Monday to Saturday**, 8 am to 4 pm.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan & kirim untuk diterbitkan" }).ClickAsync();
        await Expect(page.Locator(".bo-notice")).ToContainTextAsync("Draf dikirim ke editor untuk diterbitkan");
    }

    /// <summary>Searches until the index (which follows the database within about a second) shows the product, or no longer does.</summary>
    private static async Task SearchUntilAsync(IPage page, string word, int found)
    {
        var results = page.Locator(".search-result", new() { HasText = word });
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await page.GotoAsync($"/cari?q={word}");
            if (await results.CountAsync() == found)
            {
                return;
            }
            await page.WaitForTimeoutAsync(250);
        }
        Assert.Fail($"Search for {word} did not show {found} result(s) within 10 seconds.");
    }

    /// <summary>A made-up word no seeded document contains, so searches and lists find only what the test made.</summary>
    private static string Distinct(string stem) =>
        stem + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)(c <= '9' ? c - '0' + 'g' : c)));

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
