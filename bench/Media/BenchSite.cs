using System.Text.Json;
using IkmCatalog.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace IkmCatalog.Bench.Media;

/// <summary>
/// The real application (its own Program, middleware and endpoints) on Kestrel, plus one folder of static files served
/// by the same pipeline behind everything else, so a cached variant and a static file of the same size can be compared.
/// </summary>
public sealed class BenchSite(string dataPath, string staticPath, string signingKey) : WebApplicationFactory<Program>
{
    public const string StaticPrefix = "/bench-static";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("IkmCatalog:DataPath", dataPath);
        builder.UseSetting("IkmCatalog:Seed:Enabled", "false");
        builder.UseSetting("IkmCatalog:Media:SigningKey", signingKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new StaticFolder(staticPath)));
    }

    /// <summary>Serve mode (a child process): start, import the images, tell the parent, run until stdin closes.</summary>
    public static async Task<int> ServeAsync(string dataPath, string staticPath, string imagesPath, int port, string signingKey)
    {
        await using var site = new BenchSite(dataPath, staticPath, signingKey);
        site.UseKestrel(port);
        site.StartServer();
        var items = new List<BenchMedia>();
        foreach (var file in Directory.GetFiles(imagesPath, "*.jpg").Order(StringComparer.Ordinal))
        {
            using var scope = site.Services.CreateScope();
            var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
            await using var stream = File.OpenRead(file);
            var result = await library.UploadAsync(new MediaUpload(stream, Path.GetFileName(file), "bench"));
            var item = result.Item ?? throw new InvalidOperationException($"{file} refused: {result.MessageKey}");
            items.Add(new BenchMedia(item.Id, item.FileName, item.Hash, item.Width, item.Height));
        }
        await File.WriteAllTextAsync(Path.Combine(dataPath, "bench-media.json"), JsonSerializer.Serialize(items));
        Console.WriteLine("READY");
        await Console.In.ReadToEndAsync(); // the parent closes stdin to stop us
        return 0;
    }

    private sealed class StaticFolder(string path) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(path), RequestPath = StaticPrefix });
        };
    }
}

public sealed record BenchMedia(int Id, string FileName, string Hash, int Width, int Height)
{
    public MediaItem ToItem() => new() { Id = Id, FileName = FileName, Hash = Hash, Width = Width, Height = Height };
}
