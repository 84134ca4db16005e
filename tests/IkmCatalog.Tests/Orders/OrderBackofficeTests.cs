using System.Net;
using AngleSharp.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Features.Orders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Orders;

/// <summary>A sales officer at work on orders and the shipping-fee table, through the real pages and forms.</summary>
[Collection(SiteCollection.Name)]
public class OrderBackofficeTests(IkmWebFactory factory)
{
    private static readonly SemaphoreSlim SignInOnce = new(1, 1);
    private static HttpClient? _officer;

    [Fact]
    public async Task The_list_shows_orders_with_their_status_and_filters_by_status_and_text()
    {
        var officer = await OfficerAsync();
        var pending = await OrderTestData.CreateAsync(factory.Services, change: o => o.CustomerName = "Yohana Waluyo Tenun");
        var stripe = await OrderTestData.CreateAsync(factory.Services, method: PaymentMethod.Stripe, status: OrderStatus.Paid);

        var all = await factory.GetDocumentAsync(officer, "/backoffice/orders");
        Assert.Contains(pending.Reference, all.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Menunggu pembayaran", all.Body.TextContent, StringComparison.Ordinal);

        var found = await factory.GetDocumentAsync(officer, "/backoffice/orders?q=waluyo");
        Assert.Contains(pending.Reference, found.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(stripe.Reference, found.Body.TextContent, StringComparison.Ordinal);

        var paidByCard = await factory.GetDocumentAsync(officer, "/backoffice/orders?status=paid&method=stripe");
        Assert.Contains(stripe.Reference, paidByCard.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(pending.Reference, paidByCard.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_transfers_with_a_receipt_are_listed_as_awaiting_a_check()
    {
        var officer = await OfficerAsync();
        var withReceipt = await OrderTestData.CreateAsync(factory.Services, change: o => (o.ReceiptFile, o.ReceiptContentType) = ("bukti.png", "image/png"));
        var without = await OrderTestData.CreateAsync(factory.Services);

        var page = await factory.GetDocumentAsync(officer, "/backoffice/orders?status=awaiting-check");

        Assert.Contains(withReceipt.Reference, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(without.Reference, page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_gets_a_message_next_to_the_field()
    {
        var officer = await OfficerAsync();

        var page = await factory.GetDocumentAsync(officer, "/backoffice/orders?from=29-11-2026");

        Assert.Equal("true", page.QuerySelector("#orders-from")!.GetAttribute("aria-invalid"));
        Assert.Contains("tahun-bulan-hari", page.QuerySelector("#orders-from-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_marks_a_transfer_paid_starts_processing_ships_and_completes_it()
    {
        var officer = await OfficerAsync();
        var order = await OrderTestData.CreateAsync(factory.Services);
        var url = $"/backoffice/orders/{order.Id}";

        var paid = await Forms.SubmitAsync(officer, url, "form[action$='/paid']", new Dictionary<string, string> { ["Note"] = "Dana masuk BRI 29/11" });
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);
        using (var scope = factory.Services.CreateScope())
        {
            // No public base URL is configured: the buyer's link takes the host of the officer's request.
            var mail = await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Outbox.SingleAsync(m => m.To == order.Email);
            Assert.Contains($"http://localhost/pesanan/{order.Token}", mail.TextBody, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(officer, url, "form[action$='/processing']", new Dictionary<string, string>())).StatusCode);

        var noTracking = await Forms.SubmitAsync(officer, url, "form[action$='/ship']", new Dictionary<string, string> { ["Courier"] = "JNE", ["TrackingNumber"] = "" });
        var refused = await Forms.ParseAsync(noTracking);
        Assert.Equal(HttpStatusCode.OK, noTracking.StatusCode);
        Assert.Equal("Isi nomor resi.", refused.QuerySelector("#ship-tracking-error")!.TextContent);
        Assert.Equal("JNE", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#ship-courier")!.Value);
        var badTracking = await Forms.ParseAsync(await Forms.SubmitAsync(officer, url, "form[action$='/ship']",
            new Dictionary<string, string> { ["Courier"] = "JNE", ["TrackingNumber"] = "resi; drop" }));
        Assert.Contains("6–40 huruf", badTracking.QuerySelector("#ship-tracking-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Processing, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);

        var shipped = await Forms.SubmitAsync(officer, url, "form[action$='/ship']", new Dictionary<string, string> { ["Courier"] = "J&T Express", ["TrackingNumber"] = "jp1234567890" });
        Assert.Equal(HttpStatusCode.Redirect, shipped.StatusCode);
        var afterShipping = await OrderTestData.ReloadAsync(factory.Services, order.Id);
        Assert.Equal((OrderStatus.Shipped, "J&T Express", "JP1234567890"), (afterShipping.Status, afterShipping.Courier, afterShipping.TrackingNumber));

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(officer, url, "form[action$='/complete']", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(OrderStatus.Completed, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);

        var detail = await factory.GetDocumentAsync(officer, url);
        var history = detail.QuerySelector(".bo-order-history")!.TextContent;
        Assert.Contains("Ditandai lunas", history, StringComparison.Ordinal);
        Assert.Contains("Dana masuk BRI 29/11", history, StringComparison.Ordinal);
        Assert.Contains("J&T Express JP1234567890", history, StringComparison.Ordinal);
        Assert.Contains("@disperindag.example.go.id", history, StringComparison.Ordinal); // who did it
        // Completed: only a refund is left.
        Assert.Null(detail.QuerySelector("form[action$='/complete']"));
        Assert.NotNull(detail.QuerySelector("form[action$='/refund']"));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason()
    {
        var officer = await OfficerAsync();
        var order = await OrderTestData.CreateAsync(factory.Services);
        var url = $"/backoffice/orders/{order.Id}";

        var refused = await Forms.ParseAsync(await Forms.SubmitAsync(officer, url, "form[action$='/cancel']", new Dictionary<string, string> { ["Note"] = "  " }));
        Assert.Equal("Tulis alasan pembatalan.", refused.QuerySelector("#cancel-note-error")!.TextContent);
        Assert.Equal(OrderStatus.Pending, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);

        var cancelled = await Forms.SubmitAsync(officer, url, "form[action$='/cancel']", new Dictionary<string, string> { ["Note"] = "Pembeli minta batal" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(OrderStatus.Cancelled, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);
    }

    [Fact]
    public async Task A_step_the_rules_do_not_allow_from_the_current_status_is_refused()
    {
        var officer = await OfficerAsync();
        var order = await OrderTestData.CreateAsync(factory.Services);
        var detail = await factory.GetDocumentAsync(officer, $"/backoffice/orders/{order.Id}");
        Assert.Null(detail.QuerySelector("form[action$='/ship']"));

        // A hand-made post with the page's token: shipping a pending order.
        var token = detail.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await officer.PostAsync($"/backoffice/orders/{order.Id}/ship", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Courier"] = "JNE", ["TrackingNumber"] = "JNE0123456789",
        }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("tidak bisa dilakukan", (await Forms.ParseAsync(response)).QuerySelector(".bo-alert")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Pending, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);
    }

    [Fact]
    public async Task A_card_order_cannot_be_marked_paid_by_hand()
    {
        var officer = await OfficerAsync();
        var order = await OrderTestData.CreateAsync(factory.Services, method: PaymentMethod.Stripe);
        var detail = await factory.GetDocumentAsync(officer, $"/backoffice/orders/{order.Id}");
        Assert.Null(detail.QuerySelector("form[action$='/paid']"));
        var token = detail.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var response = await officer.PostAsync($"/backoffice/orders/{order.Id}/paid", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);
    }

    [Fact]
    public async Task A_page_left_open_while_someone_else_moved_the_order_says_so_and_changes_nothing()
    {
        var officer = await OfficerAsync();
        var order = await OrderTestData.CreateAsync(factory.Services);
        var url = $"/backoffice/orders/{order.Id}";
        var stale = await factory.GetDocumentAsync(officer, url);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrderWorkflow>().MoveAsync(order.Id, OrderStatus.Paid, "Petugas Lain");
        }
        var token = stale.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        // The stale page still offers cancelling a pending order.
        var response = await officer.PostAsync($"{url}/cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Seen"] = "Pending", ["Note"] = "Pembeli minta batal",
        }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("diubah orang lain", page.QuerySelector(".bo-alert")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Paid, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);
    }

    [Fact]
    public async Task A_card_order_is_not_refunded_when_online_payments_are_not_set_up()
    {
        var officer = await OfficerAsync();
        var order = await OrderTestData.CreateAsync(factory.Services, method: PaymentMethod.Stripe, status: OrderStatus.Paid);

        var response = await Forms.SubmitAsync(officer, $"/backoffice/orders/{order.Id}", "form[action$='/refund']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("dasbor Stripe", (await Forms.ParseAsync(response)).QuerySelector(".bo-alert")!.TextContent, StringComparison.Ordinal);
        var after = await OrderTestData.ReloadAsync(factory.Services, order.Id);
        Assert.Equal(OrderStatus.Paid, after.Status);
        Assert.Null(after.StripeRefundId);
    }

    [Fact]
    public async Task A_transfer_refund_needs_a_note_saying_how_the_money_went_back()
    {
        var officer = await OfficerAsync();
        var order = await OrderTestData.CreateAsync(factory.Services, status: OrderStatus.Paid);
        var url = $"/backoffice/orders/{order.Id}";

        var refused = await Forms.ParseAsync(await Forms.SubmitAsync(officer, url, "form[action$='/refund']", new Dictionary<string, string> { ["Note"] = "" }));
        Assert.Contains("catatan pengembalian dana", refused.QuerySelector("#refund-note-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Paid, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);

        var refunded = await Forms.SubmitAsync(officer, url, "form[action$='/refund']", new Dictionary<string, string> { ["Note"] = "Transfer balik ke BCA 123 pada 30/11" });
        Assert.Equal(HttpStatusCode.Redirect, refunded.StatusCode);
        Assert.Equal(OrderStatus.Refunded, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);
        using var scope = factory.Services.CreateScope();
        var history = await scope.ServiceProvider.GetRequiredService<OrderWorkflow>().HistoryAsync(order.Id);
        Assert.Equal("Transfer balik ke BCA 123 pada 30/11", Assert.Single(history).Detail);
    }

    [Fact]
    public async Task People_without_the_sales_role_are_refused_orders()
    {
        var editor = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);

        var response = await editor.GetAsync("/backoffice/orders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/backoffice/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var home = await factory.GetDocumentAsync(editor, "/backoffice");
        Assert.Null(home.QuerySelector("a[href='/backoffice/orders']"));
    }

    [Fact]
    public async Task The_transfer_receipt_is_served_to_sales_staff_only_and_never_sniffed()
    {
        var officer = await OfficerAsync();
        var name = $"{Guid.NewGuid():N}.png";
        var folder = Path.Combine(factory.DataPath, "receipts");
        Directory.CreateDirectory(folder);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        await File.WriteAllBytesAsync(Path.Combine(folder, name), png);
        var order = await OrderTestData.CreateAsync(factory.Services, change: o =>
            (o.ReceiptFile, o.ReceiptContentType, o.ReceiptUploadedAtUtc) = (name, "image/png", DateTime.UtcNow));
        var url = $"/backoffice/orders/{order.Id}/receipt";

        var detail = await factory.GetDocumentAsync(officer, $"/backoffice/orders/{order.Id}");
        Assert.NotNull(detail.QuerySelector($"a[href='{url}']"));
        var response = await officer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());

        var editor = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var refused = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/backoffice/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var anonymous = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);
        Assert.Contains("/backoffice/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shipping_rates_are_added_checked_edited_and_deleted_with_an_audit_trail()
    {
        var officer = await OfficerAsync();
        const string page = "/backoffice/orders/shipping";
        const string add = "form[action='/backoffice/orders/shipping/add']";

        var wrong = await Forms.ParseAsync(await Forms.SubmitAsync(officer, page, add, new Dictionary<string, string>
        {
            ["ProvinceCode"] = "Jateng", ["MaxWeightGrams"] = "0", ["FeeIdr"] = "-5000",
        }));
        Assert.Contains("dua angka", wrong.QuerySelector("#rate-province-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("antara 1 dan 1.000.000", wrong.QuerySelector("#rate-weight-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 atau lebih", wrong.QuerySelector("#rate-fee-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Jateng", wrong.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#rate-province")!.Value);
        var tooHeavy = await Forms.ParseAsync(await Forms.SubmitAsync(officer, page, add, new Dictionary<string, string>
        {
            ["ProvinceCode"] = "91", ["MaxWeightGrams"] = "1000001", ["FeeIdr"] = "0",
        }));
        Assert.NotNull(tooHeavy.QuerySelector("#rate-weight-error"));

        // A province code no rate uses yet (the demo table fills some provinces), so the new rate is the province's only one.
        string province;
        using (var scope = factory.Services.CreateScope())
        {
            var used = await scope.ServiceProvider.GetRequiredService<IkmDbContext>().ShippingRates.Select(r => r.ProvinceCode).Distinct().ToListAsync();
            province = Enumerable.Range(10, 89).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Where(code => !used.Contains(code)).OrderBy(_ => Random.Shared.Next()).First();
        }
        var added = await Forms.SubmitAsync(officer, page, add, new Dictionary<string, string>
        {
            ["ProvinceCode"] = province, ["MaxWeightGrams"] = "1.000", ["FeeIdr"] = "18.000",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var duplicate = await Forms.SubmitAsync(officer, page, add, new Dictionary<string, string>
        {
            ["ProvinceCode"] = province, ["MaxWeightGrams"] = "1000", ["FeeIdr"] = "20000",
        });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("sudah punya tarif", (await Forms.ParseAsync(duplicate)).QuerySelector("#rate-weight-error")!.TextContent, StringComparison.Ordinal);

        int id;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            var rate = Assert.Single(await db.ShippingRates.Where(r => r.ProvinceCode == province).ToListAsync());
            Assert.Equal((1000, 18_000L), (rate.MaxWeightGrams, rate.FeeIdr));
            id = rate.Id;
        }
        var edited = await Forms.SubmitAsync(officer, $"{page}?edit={id}", $"form[action='/backoffice/orders/shipping/{id}']", new Dictionary<string, string>
        {
            ["ProvinceCode"] = province, ["MaxWeightGrams"] = "2000", ["FeeIdr"] = "25000",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(officer, page, $"form[action='/backoffice/orders/shipping/{id}/delete']", new Dictionary<string, string>())).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            Assert.False(await db.ShippingRates.AnyAsync(r => r.Id == id));
            var actions = await db.AuditEntries.Where(a => a.DocumentType == "shipping-rate" && a.DocumentId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["create", "update", "delete"], actions);
        }
    }

    private async Task<HttpClient> OfficerAsync()
    {
        await SignInOnce.WaitAsync();
        try
        {
            return _officer ??= await Editors.SignedInClientAsync(factory, EditorRoles.SalesOfficer);
        }
        finally
        {
            SignInOnce.Release();
        }
    }
}

/// <summary>The application with a stand-in for the online payment provider, in a data folder of its own.</summary>
public sealed class OnlinePaymentWebFactory : IkmWebFactory
{
    public FakeOnlinePayment Payments { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IOnlinePayment>(Payments));
    }
}

/// <summary>Refunds what it is asked to, or refuses with <see cref="Failure"/> as the provider's message.</summary>
public sealed class FakeOnlinePayment : IOnlinePayment
{
    public string PaymentPageOrigin => "https://pay.example.test";

    public string? Failure { get; set; }

    public List<string> Refunded { get; } = [];

    public Task<string> StartAsync(Order order, string successUrl, string cancelUrl, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<string> RefundAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Failure is not null)
        {
            throw new InvalidOperationException(Failure);
        }
        Refunded.Add(order.Reference);
        return Task.FromResult($"re_test_{order.Id}");
    }
}

/// <summary>Card refunds through the online payment provider: the status follows only the provider's yes.</summary>
public class OrderCardRefundTests(OnlinePaymentWebFactory app) : IClassFixture<OnlinePaymentWebFactory>
{
    [Fact]
    public async Task A_card_refund_the_provider_accepts_refunds_the_order_and_keeps_the_refund_id()
    {
        app.Payments.Failure = null;
        var officer = await Editors.SignedInClientAsync(app, EditorRoles.SalesOfficer);
        var order = await OrderTestData.CreateAsync(app.Services, culture: "en", method: PaymentMethod.Stripe, status: OrderStatus.Shipped);

        var response = await Forms.SubmitAsync(officer, $"/backoffice/orders/{order.Id}", "form[action$='/refund']", new Dictionary<string, string> { ["Note"] = "Parcel lost" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(order.Reference, app.Payments.Refunded);
        var after = await OrderTestData.ReloadAsync(app.Services, order.Id);
        Assert.Equal((OrderStatus.Refunded, $"re_test_{order.Id}"), (after.Status, after.StripeRefundId));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var mail = Assert.Single(await db.Outbox.Where(m => m.To == order.Email).ToListAsync());
        Assert.Equal($"Order {order.Reference} has been refunded", mail.Subject);
    }

    [Fact]
    public async Task A_card_refund_the_provider_refuses_shows_why_and_leaves_the_order_as_it_was()
    {
        app.Payments.Failure = "Charge ch_123 has already been refunded.";
        var officer = await Editors.SignedInClientAsync(app, EditorRoles.SalesOfficer);
        var order = await OrderTestData.CreateAsync(app.Services, method: PaymentMethod.Stripe, status: OrderStatus.Paid);

        var response = await Forms.SubmitAsync(officer, $"/backoffice/orders/{order.Id}", "form[action$='/refund']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var alert = (await Forms.ParseAsync(response)).QuerySelector(".bo-alert")!.TextContent;
        Assert.Contains("Stripe menolak pengembalian dana", alert, StringComparison.Ordinal);
        Assert.Contains("already been refunded", alert, StringComparison.Ordinal);
        var after = await OrderTestData.ReloadAsync(app.Services, order.Id);
        Assert.Equal((OrderStatus.Paid, (string?)null), (after.Status, after.StripeRefundId));
        Assert.DoesNotContain(order.Reference, app.Payments.Refunded);
    }
}
