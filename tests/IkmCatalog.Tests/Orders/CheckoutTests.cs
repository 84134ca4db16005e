using System.Net;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Orders;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IkmCatalog.Tests.Orders.OrderSteps;

namespace IkmCatalog.Tests.Orders;

public class CheckoutTests(CheckoutTests.Host host) : IClassFixture<CheckoutTests.Host>
{
    public sealed class Host() : IkmWebFactory(ContentSteps.QuietBackground());

    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
        0, 0, 0, 13, (byte)'I', (byte)'D', (byte)'A', (byte)'T', 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4,
        0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82,
    ];

    private async Task<(HttpClient Buyer, string Token)> PlaceOrderAsync(Dictionary<string, string>? fields = null)
    {
        var buyer = Buyer(host);
        await AddAsync(buyer, Keripik, 2);
        await AddAsync(buyer, Kopi, 1);
        var placed = await CheckoutAsync(buyer, fields ?? Address());
        Assert.Equal(HttpStatusCode.SeeOther, placed.StatusCode);
        return (buyer, TokenOf(placed));
    }

    private Task<Order> OrderAsync(string token) =>
        InDbAsync(host, db => db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Token == token));

    [Fact]
    public async Task A_bank_transfer_order_is_saved_with_its_prices_shipping_from_the_table_and_the_emails_and_the_cart_is_emptied()
    {
        var before = DateTime.UtcNow;
        var (buyer, token) = await PlaceOrderAsync();

        var order = await OrderAsync(token);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(PaymentMethod.BankTransfer, order.PaymentMethod);
        Assert.Matches(@"^ORD-\d{4}-\d{6}$", order.Reference);
        Assert.Equal("id", order.Culture);
        Assert.Equal(("35", "Jawa Timur", "35.73", "Kota Malang"), (order.ProvinceCode, order.ProvinceName, order.CityCode, order.CityName));
        var keripik = Assert.Single(order.Lines, l => l.ProductName == "Keripik Tempe Original Bu Sri");
        Assert.Equal((22000L, 2, 44000L, 460), (keripik.UnitPriceIdr, keripik.Quantity, keripik.LineTotalIdr, keripik.WeightGrams));
        Assert.Equal(82000, order.SubtotalIdr);
        Assert.Equal(685, order.WeightGrams);
        Assert.Equal(12000, order.ShippingIdr); // Jawa Timur, up to 1 kg
        Assert.Equal(94000, order.TotalIdr);
        Assert.NotNull(order.SourceHash);
        Assert.InRange(order.ExpiresAtUtc!.Value, before.AddDays(3).AddMinutes(-1), DateTime.UtcNow.AddDays(3).AddMinutes(1));

        var mails = await InDbAsync(host, db => db.Outbox.AsNoTracking().Where(m => m.Subject.Contains(order.Reference)).ToListAsync());
        var toBuyer = Assert.Single(mails, m => m.Kind == "order-received");
        Assert.Equal("siti@example.com", toBuyer.To);
        Assert.Contains("0011223344", toBuyer.TextBody, StringComparison.Ordinal);
        Assert.Contains("Rp94.000", toBuyer.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/pesanan/{token}", toBuyer.TextBody, StringComparison.Ordinal);
        var toOffice = Assert.Single(mails, m => m.Kind == "order-office");
        Assert.Equal("ikm@disperindag.example.go.id", toOffice.To);

        Assert.Null((await host.GetDocumentAsync(buyer, "/keranjang")).QuerySelector(".cart-lines"));

        // The order keeps the prices it was placed with.
        await SetPriceAsync(host, Keripik, 99000);
        try
        {
            Assert.Equal(22000, Assert.Single((await OrderAsync(token)).Lines, l => l.ProductId == keripik.ProductId).UnitPriceIdr);
        }
        finally
        {
            await SetPriceAsync(host, Keripik, 22000);
        }
    }

    [Fact]
    public async Task The_order_page_shows_the_reference_the_bank_details_and_is_private()
    {
        var (buyer, token) = await PlaceOrderAsync();
        var order = await OrderAsync(token);
        var response = await buyer.GetAsync($"/pesanan/{token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains(order.Reference, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var bank = page.QuerySelector(".bank-details")!.TextContent;
        Assert.Contains("0011223344", bank, StringComparison.Ordinal);
        Assert.Contains("Rp94.000", bank, StringComparison.Ordinal);
        Assert.Contains("WIB", bank, StringComparison.Ordinal);
        Assert.Contains("Menunggu pembayaran", page.QuerySelector(".order-status")!.TextContent, StringComparison.Ordinal);

        var english = await host.GetDocumentAsync(buyer, $"/en/orders/{token}?paid=1");
        Assert.Contains("being confirmed", english.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Pending, (await OrderAsync(token)).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await buyer.GetAsync("/pesanan/not-a-real-token")).StatusCode);
    }

    [Fact]
    public async Task Without_a_shipping_band_for_the_province_the_fee_is_confirmed_by_the_office()
    {
        var (buyer, token) = await PlaceOrderAsync(Address("11", "11.71"));
        var order = await OrderAsync(token);
        Assert.Null(order.ShippingIdr);
        Assert.Equal(order.SubtotalIdr, order.TotalIdr);
        var page = await host.GetDocumentAsync(buyer, $"/pesanan/{token}");
        Assert.Contains("dikonfirmasi oleh kantor", page.QuerySelector(".order-table tfoot")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_field_is_checked_with_a_message_next_to_it_and_what_was_typed_is_kept()
    {
        var buyer = Buyer(host);
        await AddAsync(buyer, Kopi, 1);
        var empty = await CheckoutAsync(buyer, new Dictionary<string, string> { ["Payment"] = "bank-transfer" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var page = await Forms.ParseAsync(empty);
        foreach (var field in new[] { "Name", "Email", "Phone", "Address", "Province", "PostalCode" })
        {
            Assert.NotNull(page.QuerySelector($"#error-{field}"));
            Assert.Contains($"error-{field}", page.QuerySelector($"#{field}")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        }

        var wrong = Address(city: "33.74");
        wrong["Email"] = "siti.example.com";
        wrong["Phone"] = "telepon";
        wrong["PostalCode"] = "651";
        wrong["Payment"] = "online"; // not offered without an online payment provider
        var refused = await Forms.ParseAsync(await CheckoutAsync(buyer, wrong));
        Assert.Equal("Kabupaten/kota ini tidak berada di provinsi yang dipilih. Pilih lagi.", refused.QuerySelector("#error-City")?.TextContent);
        Assert.NotNull(refused.QuerySelector("#error-Email"));
        Assert.NotNull(refused.QuerySelector("#error-Phone"));
        Assert.Equal("Kode pos terdiri dari 5 angka.", refused.QuerySelector("#error-PostalCode")?.TextContent);
        Assert.NotNull(refused.QuerySelector("#error-Payment"));
        Assert.Null(refused.QuerySelector("#error-Name"));
        Assert.Equal("Siti Rahayu", refused.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal("siti.example.com", refused.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Null(refused.QuerySelector("#pay-online"));

        var english = await Forms.ParseAsync(await CheckoutAsync(buyer, new Dictionary<string, string>(), "en"));
        Assert.Equal("Required.", english.QuerySelector("#error-Name")?.TextContent);
        Assert.Equal(0, await InDbAsync(host, db => db.Orders.CountAsync(o => o.Email == "siti.example.com")));
    }

    [Fact]
    public async Task Choosing_a_province_without_javascript_lists_its_cities()
    {
        var buyer = Buyer(host);
        await AddAsync(buyer, Kopi, 1);
        var fields = Address("74", "");
        fields["refresh"] = "true";
        var response = await CheckoutAsync(buyer, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var cities = page.QuerySelectorAll("#City option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToList();
        Assert.Contains("74.71", cities);
        Assert.All(cities, c => Assert.StartsWith("74.", c!, StringComparison.Ordinal));
        Assert.Null(page.QuerySelector(".field-error"));
        Assert.Equal("Siti Rahayu", page.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Contains("Rp35.000", page.QuerySelector(".order-table tfoot")!.TextContent, StringComparison.Ordinal); // Sulawesi Tenggara, 1 kg
    }

    [Fact]
    public async Task The_cities_of_a_province_are_listed_for_the_form_script()
    {
        var json = await Buyer(host).GetStringAsync("/keranjang/kota?province=35");
        Assert.Contains("\"code\":\"35.73\",\"name\":\"Kota Malang\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"33.", json, StringComparison.Ordinal);
        Assert.Equal("[]", await Buyer(host).GetStringAsync("/en/cart/cities?province=00"));
    }

    [Fact]
    public async Task A_changed_price_must_be_accepted_before_paying_and_the_order_uses_the_current_price()
    {
        var id = await ContentSteps.PublishNewAsync(host, DocumentTypes.Product,
            await ContentSteps.InScopeAsync(host, (db, _) => ContentSteps.NewProductDraftAsync(db, "Keripik Uji Checkout Harga")));
        var slug = await ContentSteps.SlugOfAsync(host, DocumentTypes.Product, id);
        var buyer = Buyer(host);
        await AddAsync(buyer, slug, 2);
        await SetPriceAsync(host, slug, 27500);

        var checkout = await host.GetDocumentAsync(buyer, "/keranjang/pembayaran");
        Assert.Contains("Harga berubah dari Rp25.000 menjadi Rp27.500.", checkout.QuerySelector(".order-table")!.TextContent, StringComparison.Ordinal);
        var refused = await CheckoutAsync(buyer, Address());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(refused)).QuerySelector("#error-AcceptPrices"));

        var fields = Address();
        fields["AcceptPrices"] = "true";
        var placed = await CheckoutAsync(buyer, fields);
        Assert.Equal(HttpStatusCode.SeeOther, placed.StatusCode);
        var line = Assert.Single((await OrderAsync(TokenOf(placed))).Lines);
        Assert.Equal((27500L, 55000L), (line.UnitPriceIdr, line.LineTotalIdr));
    }

    [Fact]
    public async Task A_product_out_of_stock_since_it_went_into_the_cart_stops_the_order()
    {
        var id = await ContentSteps.PublishNewAsync(host, DocumentTypes.Product,
            await ContentSteps.InScopeAsync(host, (db, _) => ContentSteps.NewProductDraftAsync(db, "Keripik Uji Habis")));
        var slug = await ContentSteps.SlugOfAsync(host, DocumentTypes.Product, id);
        var buyer = Buyer(host);
        await AddAsync(buyer, slug, 1);
        await InDbAsync(host, db => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Availability, Availability.OutOfStock)));

        var refused = await CheckoutAsync(buyer, Address());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("sudah tidak tersedia", (await Forms.ParseAsync(refused)).QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await InDbAsync(host, db => db.OrderLines.CountAsync(l => l.ProductId == id)));
    }

    [Fact]
    public async Task Orders_beyond_the_daily_limit_for_one_email_are_refused()
    {
        using var limited = IkmWebFactory.With(new Dictionary<string, string?> { ["IkmCatalog:Spam:PerEmailPerDay"] = "1" });
        var buyer = Buyer(limited);
        await AddAsync(buyer, Kopi, 1);
        Assert.Equal(HttpStatusCode.SeeOther, (await CheckoutAsync(buyer, Address())).StatusCode);
        await AddAsync(buyer, Kopi, 1);
        var refused = await CheckoutAsync(buyer, Address());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Terlalu banyak kiriman", (await Forms.ParseAsync(refused)).QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_receipt_photo_is_kept_privately_and_the_office_is_told()
    {
        var (buyer, token) = await PlaceOrderAsync();
        var uploaded = await Forms.SubmitAsync(buyer, $"/pesanan/{token}", ".receipt-upload form", new Dictionary<string, string>(),
            new FormFile("file", Png, "bukti.png", "image/png"));
        Assert.Equal(HttpStatusCode.SeeOther, uploaded.StatusCode);

        var order = await OrderAsync(token);
        Assert.Equal("image/png", order.ReceiptContentType);
        Assert.NotNull(order.ReceiptUploadedAtUtc);
        Assert.DoesNotContain("bukti", order.ReceiptFile!, StringComparison.Ordinal);
        Assert.Equal(Png, await File.ReadAllBytesAsync(Path.Combine(host.DataPath, "receipts", order.ReceiptFile!)));
        Assert.Equal(1, await InDbAsync(host, db => db.AuditEntries.CountAsync(a => a.DocumentType == "order" && a.DocumentId == order.Id && a.Action == "receipt-uploaded")));
        Assert.Equal(1, await InDbAsync(host, db => db.Outbox.CountAsync(m => m.Kind == "order-receipt" && m.Subject.Contains(order.Reference))));
        var page = await host.GetDocumentAsync(buyer, $"/pesanan/{token}");
        Assert.Contains("Bukti transfer diunggah", page.QuerySelector(".order-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_named_like_a_photo_or_a_file_over_5_MB_is_refused_with_a_message()
    {
        var (buyer, token) = await PlaceOrderAsync();
        var renamed = await Forms.SubmitAsync(buyer, $"/pesanan/{token}", ".receipt-upload form", new Dictionary<string, string>(),
            new FormFile("file", "bukan gambar, hanya teks"u8.ToArray(), "bukti.png", "image/png"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, renamed.StatusCode);
        Assert.Equal("Berkas harus berupa foto JPEG/PNG atau PDF.", (await Forms.ParseAsync(renamed)).QuerySelector("#receipt-error")?.TextContent);

        var big = new byte[(5 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);
        var oversize = await Forms.SubmitAsync(buyer, $"/pesanan/{token}", ".receipt-upload form", new Dictionary<string, string>(),
            new FormFile("file", big, "bukti.png", "image/png"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oversize.StatusCode);
        Assert.Equal("Berkas terlalu besar: maksimal 5 MB.", (await Forms.ParseAsync(oversize)).QuerySelector("#receipt-error")?.TextContent);

        Assert.Null((await OrderAsync(token)).ReceiptFile);
    }
}

/// <summary>Checkout when an online payment provider is registered (a fake that records what it was asked).</summary>
public class OnlineCheckoutTests(OnlineCheckoutTests.Host host) : IClassFixture<OnlineCheckoutTests.Host>
{
    public sealed class FakePayment : IkmCatalog.Web.Features.Orders.IOnlinePayment
    {
        public List<(string Reference, string Success, string Cancel)> Started { get; } = [];

        public string PaymentPageOrigin => "https://pay.example.test";

        /// <summary>While true, starting a payment fails as when the provider is down.</summary>
        public bool Down { get; set; }

        public Task<string> StartAsync(Order order, string successUrl, string cancelUrl, CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new IkmCatalog.Web.Features.Orders.OnlinePaymentException("provider down");
            }
            Started.Add((order.Reference, successUrl, cancelUrl));
            return Task.FromResult("https://pay.example.test/session/1");
        }

        public Task<string> RefundAsync(Order order, CancellationToken cancellationToken) => Task.FromResult("re_1");
    }

    public sealed class Host() : IkmWebFactory(ContentSteps.QuietBackground())
    {
        public FakePayment Payment { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IkmCatalog.Web.Features.Orders.IOnlinePayment>(Payment));
        }
    }

    [Fact]
    public async Task Paying_online_saves_the_order_pending_and_sends_the_buyer_to_the_provider()
    {
        var buyer = Buyer(host);
        await AddAsync(buyer, Kopi, 1);
        var checkout = await host.GetDocumentAsync(buyer, "/en/cart/checkout");
        Assert.NotNull(checkout.QuerySelector("#pay-online"));

        var fields = Address();
        fields["Payment"] = "online";
        var placed = await CheckoutAsync(buyer, fields, "en");

        Assert.Equal(HttpStatusCode.SeeOther, placed.StatusCode);
        Assert.Equal("https://pay.example.test/session/1", placed.Headers.Location!.OriginalString);
        var (reference, success, cancel) = Assert.Single(host.Payment.Started);
        var order = await InDbAsync(host, db => db.Orders.AsNoTracking().SingleAsync(o => o.Reference == reference));
        Assert.Equal((OrderStatus.Pending, PaymentMethod.Stripe, "en"), (order.Status, order.PaymentMethod, order.Culture));
        Assert.Null(order.ExpiresAtUtc);
        Assert.EndsWith($"/en/orders/{order.Token}?paid=1", success, StringComparison.Ordinal);
        Assert.EndsWith($"/en/orders/{order.Token}?cancelled=1", cancel, StringComparison.Ordinal);
        Assert.StartsWith("http", success, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_online_payment_that_cannot_start_leaves_the_order_saved_and_waiting_for_a_bank_transfer()
    {
        var buyer = Buyer(host);
        await AddAsync(buyer, Kopi, 1);
        await host.GetDocumentAsync(buyer, "/en/cart/checkout");
        var fields = Address();
        fields["Payment"] = "online";
        fields["Email"] = "down@example.com";
        host.Payment.Down = true;
        HttpResponseMessage placed;
        try
        {
            placed = await CheckoutAsync(buyer, fields, "en");
        }
        finally
        {
            host.Payment.Down = false;
        }

        Assert.Equal(HttpStatusCode.SeeOther, placed.StatusCode);
        var order = await InDbAsync(host, db => db.Orders.AsNoTracking().SingleAsync(o => o.Email == "down@example.com"));
        Assert.Equal((OrderStatus.Pending, PaymentMethod.BankTransfer), (order.Status, order.PaymentMethod));
        Assert.NotNull(order.ExpiresAtUtc);
        Assert.Equal($"/en/orders/{order.Token}?payment=unavailable", placed.Headers.Location!.OriginalString);
        var page = await host.GetDocumentAsync(buyer, placed.Headers.Location.OriginalString);
        Assert.Contains("Online payment cannot be processed right now", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(order.Reference, page.QuerySelector(".bank-details")!.TextContent, StringComparison.Ordinal);
        var history = await InDbAsync(host, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.DocumentType == OrderWorkflow.AuditType && a.DocumentId == order.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["online-payment-unavailable"], history);
    }

    [Fact]
    public async Task The_checkout_page_lets_its_form_lead_to_the_payment_page_and_no_other_page_does()
    {
        var buyer = Buyer(host);
        await AddAsync(buyer, Kopi, 1);
        var checkout = await buyer.GetAsync("/en/cart/checkout");
        var cart = await buyer.GetAsync("/en/cart");

        // Browsers apply form-action to the redirect after a post: without the provider there, card payments would stop.
        Assert.Contains("form-action 'self' https://pay.example.test;", checkout.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("form-action 'self';", cart.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
