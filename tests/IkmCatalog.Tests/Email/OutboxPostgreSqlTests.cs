using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Tests.Email;

/// <summary>
/// The outbox's claim on PostgreSQL (read committed: a second update waits for the first and then finds the row
/// claimed). tests/run.sh sets IKM_TEST_POSTGRES; the test uses a database of its own and drops it.
/// </summary>
public sealed class OutboxPostgreSqlTests : IAsyncLifetime
{
    private IkmWebFactory? _first;

    private string _connection = "";

    public Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("IKM_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "IKM_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts PostgreSQL.");
        _connection = $"{server};Database=ikm_{Guid.NewGuid():N}";
        _first = IkmWebFactory.With(Settings());
        return Task.CompletedTask;
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = OutboxTests.Settings(seed: false);
        settings["IkmCatalog:Database:Provider"] = "PostgreSQL";
        settings["ConnectionStrings:IkmCatalog"] = _connection;
        return settings;
    }

    [Fact]
    public async Task Two_nodes_on_one_postgresql_database_deliver_every_message_exactly_once()
    {
        var first = _first!;
        _ = first.Services;
        using var second = IkmWebFactory.With(Settings());
        _ = second.Services;
        var clock = new FakeClock(new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var subjects = Enumerable.Range(1, 20).Select(i => $"Balapan PostgreSQL {i}").ToList();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            var outbox = new EmailOutbox(db, clock);
            foreach (var subject in subjects)
            {
                Assert.Equal(EnqueueStatus.Queued, outbox.Enqueue(new("order-received", "pembeli@contoh.co.id", null, subject, "Pesanan Anda kami terima.")).Status);
            }
            await db.SaveChangesAsync();
        }

        async Task<OutboxRun> SendAsync(IkmWebFactory node, string name)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var sender = new OutboxSender(services.GetRequiredService<IkmDbContext>(), services.GetRequiredService<IMailTransport>(),
                services.GetRequiredService<IOptions<SmtpOptions>>(), clock);
            return await sender.SendDueAsync(name);
        }
        var runs = await Task.WhenAll(Task.Run(() => SendAsync(first, "node-a")), Task.Run(() => SendAsync(second, "node-b")));

        Assert.Equal(20, runs.Sum(r => r.Sent));
        var files = new[] { first, second }.SelectMany(node => Directory.Exists(Path.Combine(node.DataPath, "mail"))
            ? Directory.GetFiles(Path.Combine(node.DataPath, "mail"), "*.eml") : []).Select(f => MimeKit.MimeMessage.Load(f).Subject).ToList();
        Assert.Equal(subjects.Order(), files.Order());
        await using var check = first.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<IkmDbContext>().Outbox.AsNoTracking().ToListAsync();
        Assert.Equal(20, rows.Count);
        Assert.All(rows, m => Assert.Equal(clock.UtcNow, m.SentAtUtc));
        Assert.Equal(runs[0].Sent, rows.Count(m => m.SentBy == "node-a"));
    }

    public async Task DisposeAsync()
    {
        if (_first is null)
        {
            return;
        }
        using (var scope = _first.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Database.EnsureDeletedAsync();
        }
        await _first.DisposeAsync();
    }
}
