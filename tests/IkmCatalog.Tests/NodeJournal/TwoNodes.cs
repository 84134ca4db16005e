using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Infrastructure.NodeJournal;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.NodeJournal;

/// <summary>
/// Two nodes of one site: two hosts on the same SQLite database and the same shared folder (media, receipts), each
/// with a data folder of its own (index, variant cache, mail). Node A seeds the demo content; B starts on it.
/// </summary>
public sealed class TwoNodes : IDisposable
{
    public const string SigningKey = "c2lnbmluZy1rZXktb2YtZXZlcnktbm9kZS1pbi10ZXN0cw==";

    public TwoNodes()
    {
        SharedPath = Path.Combine(Path.GetTempPath(), "ikm-tests", "shared-" + Guid.NewGuid().ToString("N"));
        A = IkmWebFactory.With(Settings());
        _ = A.Services; // started (migrated and seeded) before B opens the same database
        var b = Settings();
        b["ConnectionStrings:IkmCatalog"] = $"Data Source={Path.Combine(A.DataPath, "ikmcatalog.db")};Foreign Keys=True";
        b["IkmCatalog:Seed:Enabled"] = "false";
        B = IkmWebFactory.With(b);
        _ = B.Services;
    }

    public string SharedPath { get; }

    public IkmWebFactory A { get; }

    public IkmWebFactory B { get; }

    /// <summary>What the node's poll would do within a second, now.</summary>
    public static Task CatchUpAsync(IkmWebFactory node) => node.Services.GetRequiredService<NodeJournalFollower>().CatchUpNowAsync();

    private Dictionary<string, string?> Settings() => new()
    {
        ["IkmCatalog:SharedPath"] = SharedPath,
        ["IkmCatalog:Media:SigningKey"] = SigningKey,
    };

    public void Dispose()
    {
        B.Dispose();
        A.Dispose();
        try
        {
            Directory.Delete(SharedPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
    }
}
