using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IkmCatalog.Data.PostgreSql;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL migrations without a running server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IkmDbContext>
{
    public IkmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IkmDbContext>()
            .UseNpgsql("Host=localhost;Database=ikmcatalog_design", o => o.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
