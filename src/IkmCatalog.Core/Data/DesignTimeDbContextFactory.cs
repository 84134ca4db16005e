using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IkmCatalog.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IkmDbContext>
{
    public IkmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IkmDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
