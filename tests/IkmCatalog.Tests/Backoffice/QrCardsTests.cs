using System.Net;
using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Areas.Backoffice.QrCards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Backoffice;

/// <summary>Printable QR cards of a producer's products for exhibitions.</summary>
[Collection(SiteCollection.Name)]
public class QrCardsTests(IkmWebFactory factory)
{
    private async Task<(int Id, List<(string Slug, string Indonesian, string English)> Products)> ProducerWithProductsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var now = DateTime.UtcNow;
        var producerId = await db.PublicProducts(now).GroupBy(p => p.ProducerId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).FirstAsync();
        var products = await db.PublicProducts(now).Where(p => p.ProducerId == producerId)
            .Select(p => new ValueTuple<string, string, string>(p.Slug, p.Name.Indonesian, p.Name.English ?? p.Name.Indonesian)).ToListAsync();
        return (producerId, products);
    }

    [Fact]
    public async Task Every_public_product_of_the_producer_gets_a_card_whose_code_opens_its_page()
    {
        var (producerId, products) = await ProducerWithProductsAsync();
        Assert.True(products.Count >= 2);
        using var client = await Editors.SignedInClientAsync(factory, EditorRoles.SalesOfficer);

        var sheet = await factory.GetDocumentAsync(client, $"/backoffice/producers/{producerId}/cards");
        var cards = sheet.QuerySelectorAll(".qr-card");

        Assert.Equal(products.Count, cards.Length);
        Assert.Equal("id", sheet.DocumentElement.GetAttribute("lang"));
        foreach (var (slug, name, _) in products)
        {
            var card = cards.Single(c => c.GetAttribute("data-url")!.EndsWith($"/produk/{slug}", StringComparison.Ordinal));
            Assert.StartsWith("http", card.GetAttribute("data-url"), StringComparison.Ordinal);
            Assert.Equal(name, card.QuerySelector("h2")!.TextContent.Trim());
            // The code is the one QRCoder makes for exactly that address (the generator is deterministic).
            Assert.Equal(QrCardsController.QrPng(card.GetAttribute("data-url")!), card.QuerySelector(".qr-code img")!.GetAttribute("src"));
            var page = await client.GetAsync(new Uri(card.GetAttribute("data-url")!).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Cards_print_in_english_with_english_names_and_links()
    {
        var (producerId, products) = await ProducerWithProductsAsync();
        using var client = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);

        var sheet = await factory.GetDocumentAsync(client, $"/backoffice/producers/{producerId}/cards?lang=en");

        Assert.Equal("en", sheet.DocumentElement.GetAttribute("lang"));
        var (slug, _, english) = products[0];
        var card = sheet.QuerySelectorAll(".qr-card").Single(c => c.GetAttribute("data-url")!.EndsWith($"/en/products/{slug}", StringComparison.Ordinal));
        Assert.Equal(english, card.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Scan to see the product", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_producer_is_not_found_and_strangers_are_sent_to_sign_in()
    {
        using var editor = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/backoffice/producers/999999/cards")).StatusCode);

        using var stranger = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await stranger.GetAsync("/backoffice/producers/1/cards");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/backoffice/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
