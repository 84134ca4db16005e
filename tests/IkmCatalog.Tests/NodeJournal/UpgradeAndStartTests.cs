using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.NodeJournal;

/// <summary>What a node does at start: import what older versions kept in its data folder; refuse to sign images alone among several.</summary>
public class UpgradeAndStartTests
{
    [Fact]
    public async Task Keys_and_synonyms_from_the_data_folder_are_imported_into_the_database_on_the_first_start()
    {
        using var node = IkmWebFactory.With(new() { ["IkmCatalog:Seed:Enabled"] = "false" });
        // What a node of the previous version left in its data folder: keys/ and search/synonyms.txt.
        var keys = Path.Combine(node.DataPath, "keys");
        var old = DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName("IkmCatalog"));
        var token = old.CreateProtector("test").Protect("masih-masuk");
        Directory.CreateDirectory(Path.Combine(node.DataPath, "search"));
        await File.WriteAllTextAsync(Path.Combine(node.DataPath, "search", "synonyms.txt"), "bakpia, pia\n");

        Assert.Equal("masih-masuk", node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token));
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        Assert.Equal(Directory.GetFiles(keys, "key-*.xml").Length, await db.DataProtectionKeys.CountAsync());
        Assert.Equal("bakpia, pia", (await db.SearchSynonyms.SingleAsync()).Text);
        Assert.Contains("pia", node.Services.GetRequiredService<SearchSynonyms>().Current.Find("bakpia")!);
    }

    [Fact]
    public async Task A_new_node_makes_its_keys_for_aes_gcm_and_still_reads_what_it_protected()
    {
        using var node = IkmWebFactory.With(new() { ["IkmCatalog:Seed:Enabled"] = "false" });
        var protector = node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var token = protector.Protect("masih-masuk");

        Assert.Equal("masih-masuk", protector.Unprotect(token));
        await using var scope = node.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<IkmDbContext>().DataProtectionKeys.SingleAsync();
        Assert.Contains("AES_256_GCM", key.Xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IkmCatalog:Nodes:Expected", "2", "IkmCatalog:Nodes:Expected is 2")]
    [InlineData("IkmCatalog:SharedPath", "shared", "IkmCatalog:SharedPath is set")]
    public void A_node_among_several_refuses_to_start_without_a_configured_image_signing_key(string setting, string value, string reason)
    {
        var shared = Path.Combine(Path.GetTempPath(), "ikm-tests", "shared-" + Guid.NewGuid().ToString("N"));
        using var node = IkmWebFactory.With(new()
        {
            ["IkmCatalog:Seed:Enabled"] = "false",
            [setting] = value == "shared" ? shared : value,
        });

        var failure = Record.Exception(() => node.Services);

        Assert.NotNull(failure);
        var message = string.Join(" | ", Flatten(failure));
        Assert.Contains("IkmCatalog:Media:SigningKey must be set when several nodes serve the site", message);
        Assert.Contains(reason, message);
        if (Directory.Exists(shared))
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    [Fact]
    public void A_single_node_without_a_signing_key_starts_and_keeps_one_in_its_data_folder()
    {
        using var node = IkmWebFactory.With(new() { ["IkmCatalog:Seed:Enabled"] = "false" });

        Assert.NotNull(node.Services.GetRequiredService<IkmCatalog.Web.Media.MediaSigner>());
        Assert.True(File.Exists(Path.Combine(node.DataPath, "keys", IkmCatalog.Web.Media.MediaSigner.KeyFileName)));
    }

    private static IEnumerable<string> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x.Message;
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
