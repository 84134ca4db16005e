using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Orders;

public class ExpiryTests(ExpiryTests.Host host) : IClassFixture<ExpiryTests.Host>
{
    public sealed class Host() : IkmWebFactory(ContentSteps.QuietBackground());

    private static readonly DateTime Placed = new(2030, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private async Task<int> NewOrderAsync(PaymentMethod method, DateTime? expiresAtUtc)
    {
        var token = PublicIds.NewToken();
        return await OrderSteps.InDbAsync(host, async db =>
        {
            var order = new Order
            {
                Reference = "T-" + token[..12], Token = token, PaymentMethod = method, CustomerName = "Uji", Email = "uji@example.com",
                CreatedAtUtc = Placed, UpdatedAtUtc = Placed, ExpiresAtUtc = expiresAtUtc, SubtotalIdr = 10000, TotalIdr = 10000,
            };
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order.Id;
        });
    }

    private async Task<(int Orders, int Carts)> RunAtAsync(DateTime nowUtc)
    {
        var clock = new FakeClock(new DateTimeOffset(nowUtc));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        return await OrderExpiry.RunAsync(db, new OrderWorkflow(db, clock, []), clock);
    }

    [Fact]
    public async Task An_unpaid_bank_transfer_past_its_deadline_is_cancelled_once_with_an_audit_entry()
    {
        var due = await NewOrderAsync(PaymentMethod.BankTransfer, Placed.AddDays(3));
        var notYet = await NewOrderAsync(PaymentMethod.BankTransfer, Placed.AddDays(5));
        var online = await NewOrderAsync(PaymentMethod.Stripe, null);

        var first = await RunAtAsync(Placed.AddDays(3).AddMinutes(1));
        var second = await RunAtAsync(Placed.AddDays(3).AddMinutes(2));

        Assert.True(first.Orders >= 1);
        Assert.Equal(0, second.Orders);
        var statuses = await OrderSteps.InDbAsync(host, db => db.Orders.Where(o => o.Id == due || o.Id == notYet || o.Id == online).ToDictionaryAsync(o => o.Id, o => o.Status));
        Assert.Equal(OrderStatus.Cancelled, statuses[due]);
        Assert.Equal(OrderStatus.Pending, statuses[notYet]);
        Assert.Equal(OrderStatus.Pending, statuses[online]);
        var audit = await OrderSteps.InDbAsync(host, db => db.AuditEntries.Where(a => a.DocumentType == "order" && a.DocumentId == due).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(("cancelled", "expired-unpaid", "system"), (entry.Action, entry.Detail, entry.User));
    }

    [Fact]
    public async Task Carts_left_alone_for_60_days_are_deleted_and_newer_ones_kept()
    {
        var now = new DateTime(2031, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var (old, recent) = (PublicIds.NewToken(), PublicIds.NewToken());
        await OrderSteps.InDbAsync(host, db =>
        {
            db.Carts.Add(new Cart { Token = old, CreatedAtUtc = now.AddDays(-90), UpdatedAtUtc = now.AddDays(-61) });
            db.Carts.Add(new Cart { Token = recent, CreatedAtUtc = now.AddDays(-90), UpdatedAtUtc = now.AddDays(-59) });
            return db.SaveChangesAsync();
        });

        await RunAtAsync(now);

        var left = await OrderSteps.InDbAsync(host, db => db.Carts.Where(c => c.Token == old || c.Token == recent).Select(c => c.Token).ToListAsync());
        Assert.Equal([recent], left);
    }
}
