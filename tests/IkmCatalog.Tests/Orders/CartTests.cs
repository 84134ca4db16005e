using System.Net;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static IkmCatalog.Tests.Orders.OrderSteps;

namespace IkmCatalog.Tests.Orders;

public class CartTests(CartTests.Host host) : IClassFixture<CartTests.Host>
{
    public sealed class Host() : IkmWebFactory(ContentSteps.QuietBackground());

    [Fact]
    public async Task A_retail_product_goes_into_a_cart_that_the_cookie_alone_brings_back()
    {
        var buyer = Buyer(host);
        var added = await AddAsync(buyer, Keripik, 2);

        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.StartsWith("/keranjang", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var cookie = Assert.Single(added.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ikm.cart=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var cart = await host.GetDocumentAsync(buyer, "/keranjang");
        Assert.Contains("Keripik Tempe Original Bu Sri", cart.QuerySelector(".cart-lines")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", cart.QuerySelector(".cart-quantity input[name=quantity]")!.GetAttribute("value"));
        Assert.Contains("Rp44.000", cart.QuerySelector(".cart-summary")!.TextContent, StringComparison.Ordinal);

        // Another browser (no cookie) has its own, empty cart.
        var stranger = await host.GetDocumentAsync(Buyer(host), "/keranjang");
        Assert.Null(stranger.QuerySelector(".cart-lines"));
    }

    [Fact]
    public async Task Adding_the_same_product_again_adds_to_its_quantity_and_the_quantity_can_be_changed()
    {
        var buyer = Buyer(host);
        await AddAsync(buyer, Kopi, 1);
        await AddAsync(buyer, Kopi, 2);
        var cart = await host.GetDocumentAsync(buyer, "/keranjang");
        Assert.Equal("3", cart.QuerySelector(".cart-quantity input[name=quantity]")!.GetAttribute("value"));

        var changed = await Forms.SubmitAsync(buyer, "/keranjang", "form.cart-quantity", new Dictionary<string, string> { ["quantity"] = "1" });
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        cart = await host.GetDocumentAsync(buyer, "/keranjang");
        Assert.Equal("1", cart.QuerySelector(".cart-quantity input[name=quantity]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_quantity_below_the_minimum_order_is_refused_next_to_the_field_in_the_page_language()
    {
        var buyer = Buyer(host);
        var refused = await AddAsync(buyer, GantunganKunci, 2);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Equal("Jumlah minimal pembelian produk ini 5.", page.QuerySelector("#cart-quantity-error")?.TextContent);
        Assert.Contains("cart-quantity-error", page.QuerySelector("#cart-quantity")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("#cart-quantity")!.GetAttribute("value"));

        var english = await Forms.ParseAsync(await AddAsync(buyer, GantunganKunci, 0, "en"));
        Assert.Equal("Enter the quantity as a whole number, for example 2.", english.QuerySelector("#cart-quantity-error")?.TextContent);

        Assert.Equal(HttpStatusCode.SeeOther, (await AddAsync(buyer, GantunganKunci, 5)).StatusCode);
    }

    [Fact]
    public async Task A_product_sold_only_to_businesses_cannot_be_added_and_its_page_has_no_cart_form()
    {
        var page = await host.GetDocumentAsync(Buyer(host), $"/produk/{CurahNonRetail}");
        Assert.Null(page.QuerySelector("form.add-to-cart"));

        var buyer = Buyer(host);
        var refused = await AddByIdAsync(buyer, await ProductIdAsync(host, CurahNonRetail), 10);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("tidak dijual eceran", (await Forms.ParseAsync(refused)).QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ikm.cart=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_product_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await AddByIdAsync(Buyer(host), 987654, 1)).StatusCode);

    [Fact]
    public async Task A_product_unpublished_after_it_went_into_the_cart_is_explained_and_can_be_removed()
    {
        var id = await ContentSteps.PublishNewAsync(host, DocumentTypes.Product,
            await ContentSteps.InScopeAsync(host, (db, _) => ContentSteps.NewProductDraftAsync(db, "Keripik Uji Ditarik")));
        var slug = await ContentSteps.SlugOfAsync(host, DocumentTypes.Product, id);
        var buyer = Buyer(host);
        Assert.Equal(HttpStatusCode.SeeOther, (await AddAsync(buyer, slug, 1)).StatusCode);
        await ContentSteps.InScopeAsync(host, (_, publisher) => publisher.UnpublishAsync(DocumentTypes.Product, id, ContentSteps.Editor));

        var cart = await host.GetDocumentAsync(buyer, "/keranjang");
        var line = cart.QuerySelector(".cart-line-unavailable")!;
        Assert.Contains("Keripik Uji Ditarik", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("sudah tidak tersedia", line.TextContent, StringComparison.Ordinal);
        Assert.Null(cart.QuerySelector($".cart-summary a[href='/keranjang/pembayaran']"));

        Assert.Equal(HttpStatusCode.SeeOther, (await Forms.SubmitAsync(buyer, "/keranjang", "form.cart-remove", new Dictionary<string, string>())).StatusCode);
        Assert.Null((await host.GetDocumentAsync(buyer, "/keranjang")).QuerySelector(".cart-lines"));
    }

    [Fact]
    public async Task A_price_changed_since_the_product_went_into_the_cart_is_shown()
    {
        var id = await ContentSteps.PublishNewAsync(host, DocumentTypes.Product,
            await ContentSteps.InScopeAsync(host, (db, _) => ContentSteps.NewProductDraftAsync(db, "Keripik Uji Harga")));
        var slug = await ContentSteps.SlugOfAsync(host, DocumentTypes.Product, id);
        var buyer = Buyer(host);
        await AddAsync(buyer, slug, 1);
        await SetPriceAsync(host, slug, 30000);

        var cart = await host.GetDocumentAsync(buyer, "/keranjang");
        Assert.Contains("Harga berubah dari Rp25.000 menjadi Rp30.000.", cart.QuerySelector(".cart-lines")!.TextContent, StringComparison.Ordinal);
        var english = await host.GetDocumentAsync(buyer, "/en/cart");
        Assert.Contains("Price changed from IDR 25,000 to IDR 30,000.", english.QuerySelector(".cart-lines")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_stock_product_has_no_cart_form()
    {
        var id = await ContentSteps.PublishNewAsync(host, DocumentTypes.Product,
            await ContentSteps.InScopeAsync(host, (db, _) => ContentSteps.NewProductDraftAsync(db, "Keripik Uji Stok")));
        var slug = await ContentSteps.SlugOfAsync(host, DocumentTypes.Product, id);
        Assert.NotNull((await host.GetDocumentAsync(Buyer(host), $"/produk/{slug}")).QuerySelector("form.add-to-cart"));
        // Saved as an editor's change is (journalled), so the cached product page is evicted with it.
        await InDbAsync(host, async db =>
        {
            (await db.Products.FirstAsync(p => p.Id == id)).Availability = Availability.OutOfStock;
            return await db.SaveChangesAsync();
        });
        Assert.Null((await host.GetDocumentAsync(Buyer(host), $"/produk/{slug}")).QuerySelector("form.add-to-cart"));
    }
}
