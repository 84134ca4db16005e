using AngleSharp.Html.Dom;
using IkmCatalog.Content;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Site;

[Collection(SiteCollection.Name)]
public class ContactTests(IkmWebFactory factory)
{
    private const string Producer = "keripik-tempe-bu-sri-sanan";
    private const string ProducerName = "Keripik Tempe Bu Sri Sanan";
    private const string WaPrefix = "https://wa.me/6281233450718?text=";

    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/produk/{0}", "id", "Halo Keripik Tempe Bu Sri Sanan, saya tertarik dengan", "Pertanyaan tentang")]
    [InlineData("/en/products/{0}", "en", "Hello Keripik Tempe Bu Sri Sanan, I am interested in", "Enquiry about")]
    public async Task A_product_page_offers_whatsapp_and_email_naming_the_product_in_its_language(string pattern, string culture, string opening, string subject)
    {
        var product = SeedFiles.Read("products.json").First(p => p.GetProperty("published").GetBoolean() && p.GetProperty("producer").GetString() == Producer);
        var name = product.GetProperty("name").GetProperty(culture).GetString()!;

        var page = await factory.GetDocumentAsync(_client, string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, product.GetProperty("slug").GetString()));

        var whatsApp = page.QuerySelector(".producer-box a.contact-whatsapp")!;
        var href = whatsApp.GetAttribute("href")!;
        Assert.StartsWith(WaPrefix, href, StringComparison.Ordinal);
        var message = Uri.UnescapeDataString(href[WaPrefix.Length..]);
        Assert.StartsWith(opening, message, StringComparison.Ordinal);
        Assert.Contains(name, message, StringComparison.Ordinal);
        Assert.Contains($"({Canonical(page)})", message, StringComparison.Ordinal);
        Assert.Equal($"WhatsApp {ProducerName}", whatsApp.GetAttribute("aria-label"));

        var email = page.QuerySelector(".producer-box a.contact-email")!;
        Assert.StartsWith("mailto:busri.sanan@example.com?subject=", email.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal($"{subject} {name}", Uri.UnescapeDataString(email.GetAttribute("href")!.Split("?subject=")[1]));
        Assert.Equal($"Email {ProducerName}", email.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("/produsen/" + Producer, "Halo Keripik Tempe Bu Sri Sanan, saya melihat profil usaha Anda")]
    [InlineData("/en/producers/" + Producer, "Hello Keripik Tempe Bu Sri Sanan, I saw your business profile")]
    public async Task A_producer_page_offers_whatsapp_email_and_the_address(string url, string opening)
    {
        var producer = SeedFiles.Read("producers.json").Single(p => p.GetProperty("slug").GetString() == Producer);

        var page = await factory.GetDocumentAsync(_client, url);

        var href = page.QuerySelector(".product-info a.contact-whatsapp")!.GetAttribute("href")!;
        Assert.StartsWith(WaPrefix, href, StringComparison.Ordinal);
        var message = Uri.UnescapeDataString(href[WaPrefix.Length..]);
        Assert.StartsWith(opening, message, StringComparison.Ordinal);
        Assert.Contains(Canonical(page), message, StringComparison.Ordinal);
        Assert.StartsWith("mailto:busri.sanan@example.com?subject=", page.QuerySelector(".product-info a.contact-email")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(producer.GetProperty("address").GetString()!, page.QuerySelector(".contact-address")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "Senin–Jumat 08.00–16.00 WIB")]
    [InlineData("/en", "Monday–Friday 08:00–16:00 WIB")]
    public async Task Without_office_settings_the_footer_shows_the_theme_s_office(string url, string hours)
    {
        var page = await factory.GetDocumentAsync(_client, url);

        var office = page.QuerySelector("footer address.office-contact")!;
        Assert.Equal("Dinas Perdagangan dan Perindustrian", office.QuerySelector(".office-name")!.TextContent.Trim());
        Assert.Contains(hours, office.TextContent, StringComparison.Ordinal);
        Assert.NotNull(office.QuerySelector("a[href^='https://wa.me/62']"));
        Assert.NotNull(office.QuerySelector("a[href^='mailto:']"));
        Assert.NotNull(office.QuerySelector("a[href^='tel:+62']"));
    }

    [Fact]
    public async Task The_malang_footer_shows_the_office_block_too()
    {
        using var host = IkmWebFactory.With(new() { ["IkmCatalog:Theme"] = "malang", ["IkmCatalog:Office:Name"] = "Disperin Kota Malang" });

        var page = await host.GetDocumentAsync(host.CreateClient(), "/en");

        Assert.NotNull(page.QuerySelector("[data-theme-override=malang]"));
        var office = page.QuerySelector("footer address.office-contact")!;
        Assert.Equal("Disperin Kota Malang", office.QuerySelector(".office-name")!.TextContent.Trim());
        Assert.Contains("Monday–Friday 08:00–16:00 WIB", office.TextContent, StringComparison.Ordinal);
    }

    private static string Canonical(IHtmlDocument page) => page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
}

/// <summary>A site whose office is configured, with the phone and email the theme would give blanked out.</summary>
public sealed class ConfiguredOfficeFactory() : IkmWebFactory(new Dictionary<string, string?>(ContentSteps.QuietBackground())
{
    ["IkmCatalog:Office:Name"] = "Disperindag Kabupaten Uji",
    ["IkmCatalog:Office:Address"] = "Jl. Pahlawan No. 7, Kabupaten Uji 93111",
    ["IkmCatalog:Office:WhatsApp"] = "0811-4000-123",
    ["IkmCatalog:Office:Phone"] = "",
    ["IkmCatalog:Office:Email"] = "",
    ["IkmCatalog:Office:HoursIndonesian"] = "Senin–Kamis 07.30–15.30 WITA",
    ["IkmCatalog:Office:HoursEnglish"] = "Monday–Thursday 07:30–15:30 WITA",
});

public class ConfiguredContactTests(ConfiguredOfficeFactory factory) : IClassFixture<ConfiguredOfficeFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/", "Jam layanan: Senin–Kamis 07.30–15.30 WITA")]
    [InlineData("/en/producers", "Office hours: Monday–Thursday 07:30–15:30 WITA")]
    public async Task The_footer_shows_the_configured_office_and_nothing_for_what_is_unset(string url, string hours)
    {
        var page = await factory.GetDocumentAsync(_client, url);

        var office = page.QuerySelector("footer address.office-contact")!;
        Assert.Equal("Disperindag Kabupaten Uji", office.QuerySelector(".office-name")!.TextContent.Trim());
        Assert.Equal("Jl. Pahlawan No. 7, Kabupaten Uji 93111", office.QuerySelector(".office-address")!.TextContent.Trim());
        Assert.Equal("https://wa.me/628114000123", office.QuerySelector(".office-whatsapp a")!.GetAttribute("href"));
        Assert.Equal(hours, office.QuerySelector(".office-hours")!.TextContent.Trim());
        Assert.Null(office.QuerySelector(".office-phone, .office-email, a[href^='mailto:'], a[href^='tel:']"));
    }

    [Fact]
    public async Task A_producer_without_whatsapp_or_email_gets_no_contact_links()
    {
        var id = await ContentSteps.PublishNewAsync(factory, DocumentTypes.Producer,
            await ContentSteps.InScopeAsync(factory, (db, _) => ContentSteps.NewDraftAsync(db, DocumentTypes.Producer, "Tenun Uji Tanpa Kontak")));
        var slug = await ContentSteps.SlugOfAsync(factory, DocumentTypes.Producer, id);

        foreach (var url in new[] { $"/produsen/{slug}", $"/en/producers/{slug}" })
        {
            var page = await factory.GetDocumentAsync(_client, url);

            Assert.Equal("Tenun Uji Tanpa Kontak", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Null(page.QuerySelector("main a[href^='https://wa.me/'], main a[href^='mailto:'], .contact-producer"));
        }
    }
}
