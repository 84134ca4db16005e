using System.Globalization;
using System.Text.Json;
using IkmCatalog.Producers;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.Producers;

public class ProducerContactTests
{
    [Theory]
    [InlineData("081234567890", "6281234567890")]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("0812 3456 7890", "6281234567890")]
    [InlineData("+62 812-3456-7890", "6281234567890")]
    [InlineData("+6281233450718", "6281233450718")]
    [InlineData("6281234567890", "6281234567890")]
    [InlineData("812 3456 7890", "6281234567890")]
    [InlineData("(0341) 551234", "62341551234")]
    [InlineData("0062 812 3456 7890", "6281234567890")]
    [InlineData("+60 12-345 6789", "60123456789")]
    public void Numbers_become_international_digits(string written, string expected) =>
        Assert.Equal(expected, ProducerContact.InternationalDigits(written));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hubungi kami")]
    [InlineData("0812-3456-789O")]
    [InlineData("12345")]
    [InlineData("+62 812 3456 7890 1234 56")]
    [InlineData("+0812345678")]
    [InlineData("0812/3456/7890")]
    public void What_is_not_a_phone_number_gives_no_digits_and_no_link(string? written)
    {
        Assert.Null(ProducerContact.InternationalDigits(written));
        Assert.Null(ProducerContact.WhatsAppLink(written, "Halo"));
        Assert.Null(ProducerContact.TelephoneLink(written));
    }

    [Theory]
    [InlineData("id", "Halo Keripik Tempe Bu Sri, saya tertarik dengan")]
    [InlineData("en", "Hello Keripik Tempe Bu Sri, I am interested in")]
    public void The_chat_link_carries_the_encoded_message_naming_the_product_and_its_address(string culture, string opening)
    {
        const string url = "https://ikm.example.go.id/produk/keripik-tempe-original?ref=wa&x=1";
        var message = string.Format(CultureInfo.InvariantCulture, Strings(culture)["contact.whatsapp.product"],
            "Keripik Tempe Bu Sri", "Keripik Tempe Original 250 g – Rasa Pedas & Manis", url);

        var link = ProducerContact.WhatsAppLink("0812-3345-0718", message)!;

        Assert.StartsWith("https://wa.me/6281233450718?text=", link, StringComparison.Ordinal);
        var text = link["https://wa.me/6281233450718?text=".Length..];
        Assert.DoesNotContain(' ', text);
        Assert.DoesNotContain('&', text);
        Assert.Contains(Uri.EscapeDataString(url), text, StringComparison.Ordinal);
        var decoded = Uri.UnescapeDataString(text);
        Assert.StartsWith(opening, decoded, StringComparison.Ordinal);
        Assert.Contains("Keripik Tempe Original 250 g – Rasa Pedas & Manis", decoded, StringComparison.Ordinal);
        Assert.Contains(url, decoded, StringComparison.Ordinal);
    }

    [Fact]
    public void The_email_link_has_an_encoded_subject_and_needs_an_address()
    {
        Assert.Equal("mailto:busri@example.com?subject=Pertanyaan%20tentang%20Keripik%20%26%20Abon",
            ProducerContact.EmailLink(" busri@example.com ", "Pertanyaan tentang Keripik & Abon"));
        Assert.Equal("mailto:busri@example.com", ProducerContact.EmailLink("busri@example.com"));
        Assert.Null(ProducerContact.EmailLink(null, "x"));
        Assert.Null(ProducerContact.EmailLink("bukan email", "x"));
        Assert.Null(ProducerContact.EmailLink("busri@example.com?cc=other@example.com", "x"));
    }

    [Fact]
    public void The_telephone_link_is_international() =>
        Assert.Equal("tel:+62341551234", ProducerContact.TelephoneLink("(0341) 551234"));

    private static Dictionary<string, string> Strings(string culture) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(
            Path.Combine(IkmWebFactory.RepositoryRoot, "src", "IkmCatalog.Web", "Resources", $"strings.{culture}.json")))!;
}
