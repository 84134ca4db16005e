using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using AngleSharp.Html.Parser;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Tests.Infrastructure;
using static IkmCatalog.Tests.Content.ContentSteps;

namespace IkmCatalog.Tests.Operations;

/// <summary>
/// Operator commands run the real entry point in this process, each building a site of its own; they run alone, so no
/// other test's site is being built at the same moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperatorCommandCollection
{
    public const string Name = "operator commands";
}

[Collection(OperatorCommandCollection.Name)]
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "ikm-tests", "backup-" + Guid.NewGuid().ToString("N"));

    public BackupRestoreTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a site being shut down; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task A_site_restored_into_an_empty_data_folder_serves_the_same_content_images_and_sign_ins()
    {
        var archive = Path.Combine(_work, "ikm-backup.tar.gz");
        var restoredData = Path.Combine(_work, "restored");
        string productUrl, productName, imageUrl, email, authCookie;
        byte[] imageBytes;
        using (var original = new IkmWebFactory())
        {
            productName = "Abon Ikan Cakalang Cadangan " + Guid.NewGuid().ToString("N")[..6];
            var id = await PublishNewAsync(original, DocumentTypes.Product, await InScopeAsync(original, (db, _) => NewProductDraftAsync(db, productName)));
            productUrl = "/produk/" + await SlugOfAsync(original, DocumentTypes.Product, id);
            var client = original.CreateClient();
            Assert.Contains(productName, await client.GetStringAsync(productUrl), StringComparison.Ordinal);
            imageUrl = FirstMediaImage(await client.GetStringAsync("/"));
            imageBytes = await client.GetByteArrayAsync(imageUrl);

            email = await Editors.CreateAsync(original.Services, "Petugas Cadangan", EditorRoles.Admin);
            var signIn = await Editors.SignInAsync(original.CreateClient(new() { AllowAutoRedirect = false }), email, Editors.Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            authCookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("ikm.auth=", StringComparison.Ordinal));

            Assert.Equal(0, await RunAsync("backup", original.DataPath, archive));
        }

        var entries = EntriesOf(archive);
        Assert.Contains("manifest.json", entries);
        Assert.Contains("database/ikmcatalog.db", entries);
        Assert.Contains("keys/media-signing.key", entries);
        Assert.Contains(entries, e => e.StartsWith("media/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("index/", StringComparison.Ordinal) || e.StartsWith("cache/", StringComparison.Ordinal));

        Assert.Equal(0, await RunAsync("restore", restoredData, archive));
        Assert.Equal(1, await RunAsync("restore", restoredData, archive)); // no longer empty: refused without --force

        using var restored = IkmWebFactory.With(new() { ["IkmCatalog:DataPath"] = restoredData });
        var visitor = restored.CreateClient();
        Assert.Contains(productName, await visitor.GetStringAsync(productUrl), StringComparison.Ordinal);
        Assert.Equal(imageUrl, FirstMediaImage(await visitor.GetStringAsync("/"))); // same signing key, same URL
        Assert.Equal(imageBytes, await visitor.GetByteArrayAsync(imageUrl));

        // The cookie issued before the backup is still good (data-protection keys restored), and so is the password.
        var kept = restored.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        kept.DefaultRequestHeaders.Add("Cookie", authCookie);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/backoffice")).StatusCode);
        var fresh = restored.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await Editors.SignInAsync(fresh, email, Editors.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/backoffice")).StatusCode);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing()
    {
        var notABackup = Path.Combine(_work, "notes.tar.gz");
        await File.WriteAllTextAsync(notABackup, "not an archive");
        var target = Path.Combine(_work, "target");

        Assert.Equal(1, await RunAsync("restore", target, notABackup));
        Assert.False(File.Exists(Path.Combine(target, "ikmcatalog.db")));
    }

    [Fact]
    public async Task A_postgresql_site_is_backed_up_with_pg_dump_and_restored_into_a_new_database()
    {
        var server = Environment.GetEnvironmentVariable("IKM_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "IKM_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts PostgreSQL.");
        string[] databases = [$"{server};Database=ikm_{Guid.NewGuid():N}", $"{server};Database=ikm_{Guid.NewGuid():N}"];
        var archive = Path.Combine(_work, "ikm-postgresql.tar.gz");
        var restoredData = Path.Combine(_work, "restored-postgresql");
        string productUrl, productName;
        using (var original = IkmWebFactory.With(PostgreSql(databases[0])))
        {
            productName = "Kain Tenun Cadangan " + Guid.NewGuid().ToString("N")[..6];
            var id = await PublishNewAsync(original, DocumentTypes.Product, await InScopeAsync(original, (db, _) => NewProductDraftAsync(db, productName)));
            productUrl = "/produk/" + await SlugOfAsync(original, DocumentTypes.Product, id);

            Assert.Equal(0, await RunAsync("backup", original.DataPath, archive, PostgreSqlArguments(databases[0])));
        }
        try
        {
            Assert.Contains("database/ikmcatalog.pgdump", EntriesOf(archive));
            Assert.Equal(0, await RunAsync("restore", restoredData, archive, PostgreSqlArguments(databases[1])));

            using var restored = IkmWebFactory.With(new(PostgreSql(databases[1])) { ["IkmCatalog:DataPath"] = restoredData, ["IkmCatalog:Seed:Enabled"] = "false" });
            var visitor = restored.CreateClient();
            Assert.Contains(productName, await visitor.GetStringAsync(productUrl), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var database in databases)
            {
                await DropAsync(database);
            }
        }
    }

    private static Dictionary<string, string?> PostgreSql(string connection) => new()
    {
        ["IkmCatalog:Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:IkmCatalog"] = connection,
    };

    private static string[] PostgreSqlArguments(string connection) =>
        ["--IkmCatalog:Database:Provider=PostgreSQL", $"--ConnectionStrings:IkmCatalog={connection}"];

    private static async Task DropAsync(string connection)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<IkmCatalog.Data.IkmDbContext>().UseNpgsql(connection).Options;
        await using var db = new IkmCatalog.Data.IkmDbContext(options);
        await db.Database.EnsureDeletedAsync();
    }

    /// <summary>Runs the application's entry point with a command, as an operator would from a shell.</summary>
    private static async Task<int> RunAsync(string command, string dataPath, string file, params string[] settings)
    {
        string[] args = [command, $"--IkmCatalog:DataPath={dataPath}", $"--IkmCatalog:Seed:Path={IkmWebFactory.SeedPath}", "--environment=Testing", .. settings, file];
        // The compiled entry point waits for the asynchronous top-level code itself.
        return await Task.Run(() => Assert.IsType<int>(typeof(Program).Assembly.EntryPoint!.Invoke(null, [args])));
    }

    private static string FirstMediaImage(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("img").Select(i => i.GetAttribute("src"))
            .First(src => src?.StartsWith("/media/", StringComparison.Ordinal) == true)!;

    private static List<string> EntriesOf(string archive)
    {
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }
        return names;
    }
}
