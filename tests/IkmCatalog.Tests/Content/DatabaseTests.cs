using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Content;

[Collection(SiteCollection.Name)]
public class DatabaseTests(IkmWebFactory factory)
{
    [Fact]
    public async Task The_database_is_created_by_migrations_with_none_pending()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a SQLite migration");
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "ikmcatalog.db")));
    }

    [Fact]
    public async Task Seeded_content_meets_the_demo_catalogue_minimums()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();

        Assert.True(await db.Producers.CountAsync() >= 12);
        Assert.True(await db.Products.CountAsync() >= 40);
        Assert.True(await db.Categories.CountAsync(c => c.ParentId == null) >= 6);
        Assert.Equal(5, await db.Regions.CountAsync());
        Assert.True(await db.Stories.CountAsync() >= 6);
        Assert.True(await db.Events.CountAsync() >= 4);
        Assert.False(await db.Products.AnyAsync(p => !p.Images.Any()));
        Assert.True(await db.Certifications.AnyAsync(c => c.ExpiresOn < DateOnly.FromDateTime(DateTime.UtcNow)));
        // Every image file was copied into the media store under the data folder.
        Assert.All(await db.Media.ToListAsync(), m => Assert.True(File.Exists(Path.Combine(factory.DataPath, "media", m.StorageKey))));
    }

    [Fact]
    public async Task Publishing_keeps_numbered_versions_and_an_audit_trail()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var product = await db.Products.FirstAsync(p => p.State == PublishState.Published);
        var publisher = new ContentPublisher(db, TimeProvider.System);

        product.Summary = product.Summary with { English = product.Summary.English + " (updated)" };
        var result = await publisher.PublishAsync(product, "editor@test");
        await db.SaveChangesAsync();

        var versions = await db.ContentVersions.Where(v => v.DocumentType == "Product" && v.DocumentId == product.Id).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal(PublishStatus.Published, result.Status);
        Assert.Equal(VersionState.Published, versions[^1].State);
        Assert.All(versions[..^1], v => Assert.Equal(VersionState.Archived, v.State));
        Assert.Contains("(updated)", versions[^1].Snapshot, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.DocumentId == product.Id && a.User == "editor@test" && a.Action == "publish"));
    }

    [Fact]
    public async Task Seeding_a_database_that_has_content_does_nothing()
    {
        using var scope = factory.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<IkmCatalog.Seeding.DemoContentSeeder>();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var before = await db.Products.CountAsync();

        Assert.False(await seeder.SeedIfEmptyAsync(IkmWebFactory.SeedPath));
        Assert.Equal(before, await db.Products.CountAsync());
    }
}
