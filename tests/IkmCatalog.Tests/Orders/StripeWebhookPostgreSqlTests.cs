using System.Net;
using IkmCatalog.Orders;

namespace IkmCatalog.Tests.Orders;

/// <summary>
/// Racing deliveries on PostgreSQL (read committed: the second conditional update waits for the first, then finds
/// the order already paid; a second insert of one event id waits, then fails on the key). Two nodes, one database.
/// tests/run.sh sets IKM_TEST_POSTGRES; the test uses a database of its own and drops it.
/// </summary>
public sealed class StripeWebhookPostgreSqlTests : IAsyncLifetime
{
    private StripeHost? _first;

    private StripeHost? _second;

    private string _server = "";

    private string _database = "";

    public Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("IKM_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "IKM_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts PostgreSQL.");
        _server = server!;
        _database = $"ikm_{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>
        {
            ["IkmCatalog:Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:IkmCatalog"] = $"{server};Database={_database}",
        };
        _first = StripeHost.With(settings);
        _ = _first.Factory.Services; // the first node creates the schema before the second starts
        _second = StripeHost.With(settings);
        _ = _second.Factory.Services; // started once here, not by the racing deliveries
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Deliveries_racing_on_two_nodes_pay_the_order_once_and_record_each_event_once()
    {
        var first = _first!;
        var second = _second!;
        var sessionId = "cs_test_pg_" + Guid.NewGuid().ToString("N")[..12];
        var order = await StripeOrders.CreateAsync(first, sessionId);
        foreach (var node in new[] { first, second })
        {
            node.Fake.Add(sessionId, order.Id, StripeAmounts.ToStripe(order.TotalIdr), "paid", "pi_test_pg");
        }
        var session = first.Fake.Sessions[sessionId];
        var completed = StripeFake.Event("evt_pg_completed_" + Guid.NewGuid().ToString("N")[..8], "checkout.session.completed", session);
        var succeeded = StripeFake.Event("evt_pg_succeeded_" + Guid.NewGuid().ToString("N")[..8], "checkout.session.async_payment_succeeded", session);

        var responses = await Task.WhenAll(
            Task.Run(() => first.DeliverAsync(completed)), Task.Run(() => second.DeliverAsync(completed)),
            Task.Run(() => first.DeliverAsync(succeeded)), Task.Run(() => second.DeliverAsync(succeeded)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var paid = await first.OrderAsync(order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal("pi_test_pg", paid.StripePaymentIntentId);
        Assert.Equal(["paid"], await first.HistoryAsync(order.Id));
        Assert.Equal(2, (await first.EventIdsAsync()).Count);
    }

    public async Task DisposeAsync()
    {
        _second?.Dispose();
        _first?.Dispose();
        if (_database.Length == 0)
        {
            return;
        }
        // Both nodes' pooled connections closed first, so the database can be dropped.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection($"{_server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\"", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
