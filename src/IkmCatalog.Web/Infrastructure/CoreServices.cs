using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Infrastructure;

public static class CoreServices
{
    public static IHostApplicationBuilder AddIkmCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IkmCatalogOptions>()
            .BindConfiguration(IkmCatalogOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "IkmCatalog:TimeZone is not a time zone this machine knows (use an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura).")
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(IkmCatalogOptions.Section).Get<IkmCatalogOptions>() ?? new();
        var dataPath = Path.IsPathRooted(options.DataPath)
            ? options.DataPath
            : Path.Combine(builder.Environment.ContentRootPath, options.DataPath);
        var sharedPath = string.IsNullOrWhiteSpace(options.SharedPath) || Path.IsPathRooted(options.SharedPath)
            ? options.SharedPath
            : Path.Combine(builder.Environment.ContentRootPath, options.SharedPath);
        var paths = new DataPaths(dataPath, sharedPath);
        builder.Services.AddSingleton(paths);

        var provider = options.Database.Provider;
        // A save that journals a change catches this node up before it returns (read-your-writes on the node that saved).
        builder.Services.AddSingleton<NodeJournal.JournalCommitInterceptor>();
        builder.Services.AddDbContext<IkmDbContext>((services, db) =>
        {
            db.AddInterceptors(services.GetRequiredService<NodeJournal.JournalCommitInterceptor>());
            if (string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
            {
                var connection = builder.Configuration.GetConnectionString("IkmCatalog")
                    ?? throw new InvalidOperationException(
                        "IkmCatalog:Database:Provider is PostgreSQL but ConnectionStrings:IkmCatalog is not set.");
                // PostgreSQL keeps its own migrations, in their own assembly.
                db.UseNpgsql(connection, npgsql => npgsql.MigrationsAssembly("IkmCatalog.Data.PostgreSql"));
            }
            else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                // No shared cache: it locks per table, and a publication holding one table while the search catch-up
                // holds another would wait on each other; WAL (set at start) lets readers go on during a write.
                var connection = builder.Configuration.GetConnectionString("IkmCatalog")
                    ?? $"Data Source={paths.Database};Foreign Keys=True";
                db.UseSqlite(connection);
            }
            else
            {
                throw new InvalidOperationException(
                    $"Unknown IkmCatalog:Database:Provider '{provider}'. Use Sqlite or PostgreSQL.");
            }
        }, optionsLifetime: ServiceLifetime.Singleton); // options built once, not on every request's scope

        builder.Services.AddSingleton<IMediaStore>(new FileSystemMediaStore(paths.Media));
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new OfficeTime(sp.GetRequiredService<TimeProvider>(), options.TimeZone));
        builder.Services.AddScoped<ContentPublisher>();
        builder.Services.AddScoped<IkmCatalog.Certifications.CertificateRegistry>();
        builder.Services.AddScoped<IkmCatalog.Certifications.CertificateGaps>();
        builder.Services.AddScoped<PublishingScheduler>();
        builder.Services.AddScoped<IkmCatalog.Orders.OrderWorkflow>();
        builder.Services.AddScoped<IkmCatalog.Statistics.ProgrammeStatistics>();
        builder.Services.AddScoped<IkmCatalog.Statistics.ProgrammeLists>();
        builder.Services.AddScoped<DemoContentSeeder>();
        builder.Services.AddScoped<IkmCatalog.Curation.ProductCuration>();
        return builder;
    }

    /// <summary>Brings the schema up to date, then imports the demo content into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Readers never wait for a writer, and a writer only for another writer (the setting stays in the file).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        // The office's rubric exists from the first start, also in a database that predates curation.
        await IkmCatalog.Curation.CurationRubric.EnsureDefaultAsync(db);

        var options = scope.ServiceProvider.GetRequiredService<IOptions<IkmCatalogOptions>>().Value;
        if (!options.Seed.Enabled)
        {
            return;
        }
        var seedPath = options.Seed.Path ?? FindSeedFolder(app.Environment.ContentRootPath);
        if (seedPath is null)
        {
            app.Logger.LogWarning("No media-seed folder found above {ContentRoot}; starting without demo content.", app.Environment.ContentRootPath);
            return;
        }
        await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedIfEmptyAsync(seedPath);
    }

    private static string? FindSeedFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "media-seed");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
