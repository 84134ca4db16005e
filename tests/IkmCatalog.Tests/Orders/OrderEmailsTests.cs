using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Orders;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Orders;

/// <summary>The buyer hears of each step of an order in the language the order was placed in; the office hears of payments.</summary>
[Collection(SiteCollection.Name)]
public class OrderEmailsTests(IkmWebFactory factory)
{
    [Fact]
    public async Task An_English_order_gets_an_English_email_at_each_step_with_the_tracking_number_when_shipped()
    {
        var order = await OrderTestData.CreateAsync(factory.Services, culture: "en");

        await MoveAsync(order.Id, OrderStatus.Paid);
        await MoveAsync(order.Id, OrderStatus.Processing);
        await MoveAsync(order.Id, OrderStatus.Shipped, o => (o.Courier, o.TrackingNumber) = ("JNE", "JNE0123456789"));
        await MoveAsync(order.Id, OrderStatus.Completed);

        var mails = await MailsToAsync(order.Email);
        Assert.Equal(["order-paid", "order-processing", "order-shipped", "order-completed"], mails.Select(m => m.Kind));
        Assert.All(mails, m =>
        {
            Assert.Equal("en", m.Culture);
            Assert.Contains(order.Reference, m.Subject, StringComparison.Ordinal);
            Assert.Contains($"/en/orders/{order.Token}", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("IDR 150,000", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Equal($"We have received payment for order {order.Reference}", mails[0].Subject);
        Assert.Contains("Tracking number: JNE0123456789", mails[2].TextBody, StringComparison.Ordinal);
        Assert.Contains("with JNE", mails[2].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Indonesian_order_gets_Indonesian_emails_and_the_office_hears_of_the_payment()
    {
        var order = await OrderTestData.CreateAsync(factory.Services, culture: "id");

        await MoveAsync(order.Id, OrderStatus.Paid);
        await MoveAsync(order.Id, OrderStatus.Refunded, detail: "Transfer balik 30/11");

        var mails = await MailsToAsync(order.Email);
        Assert.Equal(["order-paid", "order-refunded"], mails.Select(m => m.Kind));
        Assert.Equal($"Pembayaran pesanan {order.Reference} sudah kami terima", mails[0].Subject);
        Assert.Contains("Rp150.000", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains($"/pesanan/{order.Token}", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("sudah kami kembalikan", mails[1].TextBody, StringComparison.Ordinal);
        Assert.All(mails, m => Assert.Equal("id", m.Culture));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var office = await db.Outbox.AsNoTracking().Where(m => m.Kind == "order-paid-office" && m.Subject.Contains(order.Reference)).ToListAsync();
        var message = Assert.Single(office);
        Assert.Equal("ikm@disperindag.example.go.id", message.To);
        Assert.Contains("sudah lunas lewat transfer bank", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/backoffice/orders/{order.Id}", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_cancelled_for_want_of_payment_is_told_why()
    {
        var order = await OrderTestData.CreateAsync(factory.Services, culture: "en", change: o => o.ExpiresAtUtc = DateTime.UtcNow.AddHours(-1));
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrderWorkflow>().ExpireUnpaidAsync();
        }

        var mail = Assert.Single(await MailsToAsync(order.Email));
        Assert.Equal("order-cancelled", mail.Kind);
        Assert.Equal($"Order {order.Reference} has been cancelled", mail.Subject);
        Assert.Contains("We did not receive the payment by its deadline", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_cancelled_by_the_office_does_not_claim_the_payment_was_late()
    {
        var order = await OrderTestData.CreateAsync(factory.Services, culture: "id");

        await MoveAsync(order.Id, OrderStatus.Cancelled, detail: "Stok habis");

        var mail = Assert.Single(await MailsToAsync(order.Email));
        Assert.Equal($"Pesanan {order.Reference} dibatalkan", mail.Subject);
        Assert.DoesNotContain("batas waktunya", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("hubungi kantor kami", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_that_is_refused_sends_nothing()
    {
        var order = await OrderTestData.CreateAsync(factory.Services, culture: "en");

        await MoveAsync(order.Id, OrderStatus.Completed, expected: MoveResult.NotAllowed);

        Assert.Empty(await MailsToAsync(order.Email));
    }

    private async Task MoveAsync(int id, OrderStatus to, Action<Order>? apply = null, string? detail = null, MoveResult expected = MoveResult.Moved)
    {
        using var scope = factory.Services.CreateScope();
        Assert.Equal(expected, await scope.ServiceProvider.GetRequiredService<OrderWorkflow>().MoveAsync(id, to, "Petugas Uji", detail, apply));
    }

    private async Task<List<OutboxMessage>> MailsToAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        return await db.Outbox.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync();
    }
}
