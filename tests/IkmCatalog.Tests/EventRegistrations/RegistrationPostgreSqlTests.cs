using IkmCatalog.Events;
using IkmCatalog.Tests.Infrastructure;

namespace IkmCatalog.Tests.EventRegistrations;

/// <summary>
/// Two nodes on one PostgreSQL database taking registrations for the same event at once: the event's row lock makes
/// them count places one after the other. tests/run.sh sets IKM_TEST_POSTGRES; the test uses a database of its own.
/// </summary>
public sealed class RegistrationPostgreSqlTests : IAsyncLifetime
{
    private IkmWebFactory? _first;

    private IkmWebFactory? _second;

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
            ["IkmCatalog:Seed:Enabled"] = "false",
        };
        _first = IkmWebFactory.With(settings);
        _ = _first.Services; // the first node creates the schema before the second starts
        _second = IkmWebFactory.With(settings);
        _ = _second.Services;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_nodes_registering_at_once_never_overbook_an_event()
    {
        var (id, _) = await RegistrationSteps.NewEventAsync(_first!, EventRegistrationMode.Public, capacity: 4);

        var results = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            Task.Run(() => RegistrationSteps.RegisterAsync(i % 2 == 0 ? _first! : _second!, id, $"Peserta {i}"))));

        Assert.Equal(4, results.Count(r => r.Outcome == RegisterOutcome.Confirmed));
        Assert.Equal(Enumerable.Range(1, 8), results.Where(r => r.Outcome == RegisterOutcome.Waitlisted).Select(r => r.WaitlistPosition).Order());
        var rows = await RegistrationSteps.AllAsync(_second!, id);
        Assert.Equal(4, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(8, rows.Count(r => r.Status == RegistrationStatus.Waitlisted));
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
