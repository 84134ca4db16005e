using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IkmCatalog.Tests.Infrastructure;

/// <summary>
/// The real application on a real SQLite file in a fresh data folder, seeded from media-seed/ exactly as a
/// first start would be. One per test collection: start-up (migrations + seeding) is paid once.
/// </summary>
public class IkmWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public IkmWebFactory() : this([])
    {
    }

    /// <summary>A factory with extra configuration (e.g. another theme).</summary>
    public static IkmWebFactory With(Dictionary<string, string?> settings) => new(settings);

    protected IkmWebFactory(Dictionary<string, string?> settings)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "ikm-tests", Guid.NewGuid().ToString("N"));
        _settings = settings;
    }

    public string DataPath { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SeedPath => Path.Combine(RepositoryRoot, "media-seed");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("IkmCatalog:DataPath", DataPath);
        builder.UseSetting("IkmCatalog:Seed:Path", SeedPath);
        // Every request of a test host comes from one address; the limits' own tests set them low again.
        builder.UseSetting("IkmCatalog:RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("IkmCatalog:RateLimits:PublicFormsPerMinute", "1000");
        builder.UseSetting("IkmCatalog:RateLimits:SearchPerMinute", "100000");
        // Tests post forms at once and often; the spam checks' own tests set these back.
        builder.UseSetting("IkmCatalog:Spam:MinFillSeconds", "0");
        builder.UseSetting("IkmCatalog:Spam:PerAddressPerHour", "1000");
        builder.UseSetting("IkmCatalog:Spam:PerEmailPerDay", "1000");
        // Expiry reminders would fill every host's outbox from the demo certificates; their tests run them with a fake clock.
        builder.UseSetting("IkmCatalog:Certificates:Reminders", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the host's last request; the temp folder is cleaned by the OS.
            }
        }
    }

    public async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(html);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IkmCatalog.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("IkmCatalog.sln not found above the test binaries.");
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<IkmWebFactory>
{
    public const string Name = "site";
}
