using System.Net.Http.Json;
using System.Text.Json;
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
        _factory = IkmWebFactory.With(new()
        {
            ["IkmCatalog:Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:IkmCatalog"] = $"{server};Database=ikm_{Guid.NewGuid():N}",
        });
        return Task.CompletedTask;
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
