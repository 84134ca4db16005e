using System.Net.Http.Json;
using System.Text.Json;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Content;

/// <summary>
/// The same site on PostgreSQL: its own migrations, the demo import and the catalogue queries. tests/run.sh
/// starts the local cluster and sets IKM_TEST_POSTGRES; each run uses a database of its own and drops it.
/// </summary>
public sealed class PostgreSqlTests : IAsyncLifetime
{
    private IkmWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("IKM_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "IKM_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts PostgreSQL.");
        _connection = $"{server};Database=ikm_{Guid.NewGuid():N}";
        _factory = IkmWebFactory.With(Settings(seed: true));
        return Task.CompletedTask;
    }

    private string _connection = "";

    private Dictionary<string, string?> Settings(bool seed)
    {
        var settings = ContentSteps.QuietBackground();
        settings["IkmCatalog:Database:Provider"] = "PostgreSQL";
        settings["ConnectionStrings:IkmCatalog"] = _connection;
        settings["IkmCatalog:Seed:Enabled"] = seed ? "true" : "false";
        return settings;
    }

    [Fact]
    public async Task Two_nodes_on_one_postgresql_database_run_every_due_schedule_exactly_once()
    {
        using var second = IkmWebFactory.With(Settings(seed: false));
        _ = _factory.Services;
        _ = second.Services;
        var clock = new FakeClock(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ids = new List<int>();
        for (var i = 1; i <= 12; i++)
        {
            var draft = await ContentSteps.InScopeAsync(_factory, (db, _) => ContentSteps.NewProductDraftAsync(db, $"Kopi Balapan {i} Uji"));
            var saved = await ContentSteps.InScopeAsync(_factory, (_, p) => p.SaveDraftAsync(DocumentTypes.Product, null, draft, ContentSteps.Editor, null));
            Assert.Equal(PublishStatus.Saved, saved.Status);
            ids.Add(saved.DocumentId);
        }
        await ContentSteps.InScopeAsync(_factory, async (db, _) =>
        {
            db.ScheduledActions.AddRange(ids.Select(id => new ScheduledAction
            {
                DocumentType = "Product", DocumentId = id, Action = ScheduledActions.Publish, DueAtUtc = clock.UtcNow.AddMinutes(-5),
                CreatedBy = ContentSteps.Editor, CreatedAtUtc = clock.UtcNow.AddDays(-1),
            }));
            return await db.SaveChangesAsync();
        });

        async Task<int> RunAsync(IkmWebFactory node, string name)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            return await new PublishingScheduler(db, new ContentPublisher(db, clock), clock).RunDueAsync(name);
        }
        var counts = await Task.WhenAll(Task.Run(() => RunAsync(_factory, "node-a")), Task.Run(() => RunAsync(second, "node-b")));

        Assert.Equal(12, counts.Sum());
        using var scope = _factory.Services.CreateScope();
        var check = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var actions = await check.ScheduledActions.Where(a => ids.Contains(a.DocumentId)).ToListAsync();
        Assert.All(actions, a => Assert.Equal("Published", a.Outcome));
        Assert.Equal(counts[0], actions.Count(a => a.CompletedBy == "node-a"));
        Assert.Equal(12, await check.Products.CountAsync(p => ids.Contains(p.Id) && p.State == PublishState.Published));
        var publications = await check.AuditEntries.Where(e => e.DocumentType == "Product" && ids.Contains(e.DocumentId) && e.Action == "publish")
            .GroupBy(e => e.DocumentId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(12, publications.Count);
        Assert.All(publications, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task The_site_runs_on_postgresql_with_its_own_migrations_and_the_demo_content()
    {
        var client = _factory.CreateClient();

        var products = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=1&culture=en");
        var halal = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?certification=halal&sort=price-desc&pageSize=100");
        var home = await client.GetAsync("/en");

        Assert.True(products.GetProperty("total").GetInt32() >= 40);
        Assert.True(halal.GetProperty("total").GetInt32() > 0);
        home.EnsureSuccessStatusCode();
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a PostgreSQL migration");
    }

    public async Task DisposeAsync()
    {
        if (_factory is null)
        {
            return;
        }
        using (var scope = _factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Database.EnsureDeletedAsync();
        }
        await _factory.DisposeAsync();
    }
}
