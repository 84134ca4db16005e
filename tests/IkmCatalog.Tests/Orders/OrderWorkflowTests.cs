using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Orders;

/// <summary>The order status rules, and moves that happen once however many callers race for them.</summary>
[Collection(SiteCollection.Name)]
public class OrderWorkflowTests(IkmWebFactory factory)
{
    public static TheoryData<OrderStatus, OrderStatus> Allowed => new()
    {
        { OrderStatus.Pending, OrderStatus.Paid },
        { OrderStatus.Pending, OrderStatus.Cancelled },
        { OrderStatus.Paid, OrderStatus.Processing },
        { OrderStatus.Paid, OrderStatus.Refunded },
        { OrderStatus.Processing, OrderStatus.Shipped },
        { OrderStatus.Processing, OrderStatus.Refunded },
        { OrderStatus.Shipped, OrderStatus.Completed },
        { OrderStatus.Shipped, OrderStatus.Refunded },
        { OrderStatus.Completed, OrderStatus.Refunded },
    };

    public static TheoryData<OrderStatus, OrderStatus> Refused => new()
    {
        { OrderStatus.Pending, OrderStatus.Processing },
        { OrderStatus.Pending, OrderStatus.Shipped },
        { OrderStatus.Pending, OrderStatus.Completed },
        { OrderStatus.Pending, OrderStatus.Refunded },
        { OrderStatus.Paid, OrderStatus.Cancelled },
        { OrderStatus.Paid, OrderStatus.Shipped },
        { OrderStatus.Paid, OrderStatus.Pending },
        { OrderStatus.Processing, OrderStatus.Paid },
        { OrderStatus.Processing, OrderStatus.Completed },
        { OrderStatus.Shipped, OrderStatus.Processing },
        { OrderStatus.Shipped, OrderStatus.Cancelled },
        { OrderStatus.Completed, OrderStatus.Shipped },
        { OrderStatus.Cancelled, OrderStatus.Paid },
        { OrderStatus.Cancelled, OrderStatus.Pending },
        { OrderStatus.Refunded, OrderStatus.Paid },
        { OrderStatus.Refunded, OrderStatus.Completed },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void The_rules_allow_each_step_of_an_order(OrderStatus from, OrderStatus to)
    {
        Assert.True(OrderStates.CanMove(from, to));
        Assert.Contains(to, OrderStates.From(from));
        Assert.Contains(from, OrderStates.Into(to));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_rules_refuse_skipping_or_going_back(OrderStatus from, OrderStatus to)
    {
        Assert.False(OrderStates.CanMove(from, to));
        Assert.DoesNotContain(to, OrderStates.From(from));
    }

    [Fact]
    public void Cancelled_and_refunded_orders_are_closed()
    {
        Assert.Empty(OrderStates.From(OrderStatus.Cancelled));
        Assert.Empty(OrderStates.From(OrderStatus.Refunded));
    }

    [Fact]
    public async Task A_move_the_rules_refuse_changes_nothing_and_is_not_logged()
    {
        var order = await OrderTestData.CreateAsync(factory.Services);
        using var scope = factory.Services.CreateScope();
        var workflow = scope.ServiceProvider.GetRequiredService<OrderWorkflow>();

        var result = await workflow.MoveAsync(order.Id, OrderStatus.Shipped, "Petugas Uji");

        Assert.Equal(MoveResult.NotAllowed, result);
        Assert.Equal(OrderStatus.Pending, (await OrderTestData.ReloadAsync(factory.Services, order.Id)).Status);
        Assert.Empty(await workflow.HistoryAsync(order.Id));
    }

    [Fact]
    public async Task Two_officers_marking_the_same_order_paid_at_once_move_it_once_with_one_audit_entry()
    {
        var order = await OrderTestData.CreateAsync(factory.Services);
        using var first = factory.Services.CreateScope();
        using var second = factory.Services.CreateScope();

        var results = await Task.WhenAll(
            Task.Run(() => first.ServiceProvider.GetRequiredService<OrderWorkflow>().MoveAsync(order.Id, OrderStatus.Paid, "Petugas A")),
            Task.Run(() => second.ServiceProvider.GetRequiredService<OrderWorkflow>().MoveAsync(order.Id, OrderStatus.Paid, "Petugas B")));

        Assert.Single(results, r => r == MoveResult.Moved);
        Assert.Single(results, r => r == MoveResult.NotAllowed);
        using var check = factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<IkmDbContext>();
        var entries = await db.AuditEntries.Where(a => a.DocumentType == OrderWorkflow.AuditType && a.DocumentId == order.Id).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Equal("paid", entry.Action);
        Assert.Single(await db.Outbox.Where(m => m.To == order.Email).ToListAsync());
        var paid = await OrderTestData.ReloadAsync(factory.Services, order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.NotNull(paid.PaidAtUtc);
        Assert.Null(paid.ExpiresAtUtc);
    }

    [Fact]
    public async Task A_move_is_written_to_the_history_with_who_made_it_and_why()
    {
        var order = await OrderTestData.CreateAsync(factory.Services);
        using var scope = factory.Services.CreateScope();
        var workflow = scope.ServiceProvider.GetRequiredService<OrderWorkflow>();

        Assert.Equal(MoveResult.Moved, await workflow.MoveAsync(order.Id, OrderStatus.Cancelled, "Ibu Ratna", "Pembeli membatalkan lewat telepon"));

        var entry = Assert.Single(await workflow.HistoryAsync(order.Id));
        Assert.Equal(("cancelled", "Ibu Ratna", "Pembeli membatalkan lewat telepon"), (entry.Action, entry.User, entry.Detail));
    }
}

/// <summary>The same order moves and backoffice list on PostgreSQL (row locks instead of SQLite's single writer).</summary>
public sealed class OrderPostgreSqlTests : IAsyncLifetime
{
    private IkmWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("IKM_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "IKM_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts PostgreSQL.");
        var settings = IkmCatalog.Tests.Content.ContentSteps.QuietBackground();
        settings["IkmCatalog:Database:Provider"] = "PostgreSQL";
        settings["ConnectionStrings:IkmCatalog"] = $"{server};Database=ikm_{Guid.NewGuid():N}";
        settings["IkmCatalog:Seed:Enabled"] = "false";
        _factory = IkmWebFactory.With(settings);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Racing_moves_on_postgresql_move_the_order_once_and_the_list_finds_it_by_name()
    {
        var order = await OrderTestData.CreateAsync(_factory.Services, change: o => o.CustomerName = "Bagus Prasetyo");
        using var first = _factory.Services.CreateScope();
        using var second = _factory.Services.CreateScope();

        var results = await Task.WhenAll(
            Task.Run(() => first.ServiceProvider.GetRequiredService<OrderWorkflow>().MoveAsync(order.Id, OrderStatus.Paid, "Petugas A")),
            Task.Run(() => second.ServiceProvider.GetRequiredService<OrderWorkflow>().MoveAsync(order.Id, OrderStatus.Paid, "Petugas B")));

        Assert.Single(results, r => r == MoveResult.Moved);
        using var scope = _factory.Services.CreateScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<OrderWorkflow>().HistoryAsync(order.Id));
        var officer = await Editors.SignedInClientAsync(_factory, IkmCatalog.Backoffice.EditorRoles.SalesOfficer);
        var page = await _factory.GetDocumentAsync(officer, "/backoffice/orders?q=PRASETYO&status=paid&from=2000-01-01");
        Assert.Contains(order.Reference, page.Body!.TextContent, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Database.EnsureDeletedAsync();
        }
        await _factory.DisposeAsync();
    }
}
