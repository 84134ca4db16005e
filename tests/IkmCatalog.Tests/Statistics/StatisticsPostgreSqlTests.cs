using IkmCatalog.Data;
using IkmCatalog.Statistics;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Statistics;

/// <summary>
/// The same statistics on PostgreSQL (tests/run.sh sets IKM_TEST_POSTGRES): the grouped and per-month queries are
/// translated by Npgsql and still equal counts over the loaded rows.
/// </summary>
public sealed class StatisticsPostgreSqlTests : IAsyncLifetime
{
    private IkmWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("IKM_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "IKM_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts PostgreSQL.");
        var settings = ContentSteps.QuietBackground();
        settings["IkmCatalog:Database:Provider"] = "PostgreSQL";
        settings["ConnectionStrings:IkmCatalog"] = $"{server};Database=ikm_{Guid.NewGuid():N}";
        _factory = IkmWebFactory.With(settings);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_figures_equal_counts_over_the_rows_on_postgresql()
    {
        await StatisticsData.AddHiddenProducerAsync(_factory.Services, "Provinsi Uji PostgreSQL");

        foreach (var scope in new[] { StatisticsScope.Public, StatisticsScope.Office })
        {
            var (figures, expected) = await ProgrammeStatisticsTests.CountBothWaysAsync(_factory.Services, scope);
            ProgrammeStatisticsTests.AssertEqual(expected, figures);
        }
        await ProgrammeStatisticsTests.AddActivityIn2011Async(_factory.Services);
        await ProgrammeStatisticsTests.AssertActivityIn2011Async(_factory.Services);
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
