using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Search;

/// <summary>
/// Keeping the index in step: these tests publish, unpublish and delete, so they run on a host of their own, and
/// start more nodes on the same database to show the journal carrying changes between nodes.
/// </summary>
public class IndexSyncTests(IndexSyncTests.Host host) : IClassFixture<IndexSyncTests.Host>
{
    public sealed class Host : IkmWebFactory;

    private static List<string> Find(IkmWebFactory node, string text, string culture = "id") =>
        [.. node.Services.GetRequiredService<CatalogSearch>()
            .Search(new SearchRequest { Text = text, Culture = culture, NowUtc = DateTime.UtcNow, PageSize = 100 }).Items.Select(h => h.Slug)];

    private static async Task CatchUpAsync(IkmWebFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync();
    }

    private async Task<T> WithDbAsync<T>(Func<IkmDbContext, ContentPublisher, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        return await action(db, new ContentPublisher(db, TimeProvider.System));
    }

    private static async Task<Product> NewProductAsync(IkmDbContext db, string slug, string name)
    {
        var producer = await db.Producers.FirstAsync(p => p.Slug == "mete-sultra-jaya");
        var category = await db.Categories.FirstAsync(c => c.Slug == "makanan-ringan");
        return new Product
        {
            Slug = slug, Producer = producer, Category = category, Name = new(name, name + " (en)"),
            Summary = new("Camilan baru", "A new snack"), PriceIdr = 30000, Retail = true,
            CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
    }

    private IkmWebFactory SecondNode(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:IkmCatalog"] = $"Data Source={Path.Combine(host.DataPath, "ikmcatalog.db")};Foreign Keys=True",
            ["IkmCatalog:Seed:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return IkmWebFactory.With(settings);
    }

    [Fact]
    public async Task Every_change_to_an_indexed_document_is_journalled_in_the_same_save()
    {
        var (before, after, product) = await WithDbAsync(async (db, _) =>
        {
            var before = await db.IndexJournal.MaxAsync(e => e.Id);
            var product = await db.Products.FirstAsync(p => p.Slug == "dodol-durian-ibu-enah");
            product.Summary = product.Summary with { Indonesian = product.Summary.Indonesian + " Legit." };
            var certificate = await db.Certifications.FirstAsync(c => c.ProductId == product.Id);
            certificate.Number += " ";
            await db.SaveChangesAsync();
            return (before, await db.IndexJournal.Where(e => e.Id > before).ToListAsync(), product);
        });

        var entry = Assert.Single(after);
        Assert.Equal(("Product", product.Id, IndexJournalActions.Refresh), (entry.DocumentType, entry.DocumentId, entry.Action));
        Assert.True(entry.Id > before);
    }

    [Fact]
    public async Task A_newly_published_product_is_found_once_the_journal_is_applied()
    {
        await WithDbAsync(async (db, publisher) =>
        {
            var product = await NewProductAsync(db, "kacang-sangrai-bawang-uji", "Kacang Sangrai Bawang Uji");
            db.Products.Add(product);
            await publisher.PublishAsync(product, "editor@test");
            await db.SaveChangesAsync();
            return 0;
        });
        await CatchUpAsync(host);

        Assert.Contains("kacang-sangrai-bawang-uji", Find(host, "kacang sangrai bawang uji"));
    }

    [Fact]
    public async Task Unpublished_and_deleted_products_disappear_from_search()
    {
        Assert.Contains("wajik-ketan-gula-aren", Find(host, "wajik"));
        Assert.Contains("kue-bangkit-santan-ibu-enah", Find(host, "kue bangkit"));

        await WithDbAsync(async (db, publisher) =>
        {
            await publisher.UnpublishAsync(DocumentTypes.Product, (await db.Products.FirstAsync(p => p.Slug == "wajik-ketan-gula-aren")).Id, "editor@test");
            db.Products.Remove(await db.Products.FirstAsync(p => p.Slug == "kue-bangkit-santan-ibu-enah"));
            await db.SaveChangesAsync();
            return 0;
        });
        await CatchUpAsync(host);

        Assert.DoesNotContain("wajik-ketan-gula-aren", Find(host, "wajik"));
        Assert.DoesNotContain("kue-bangkit-santan-ibu-enah", Find(host, "kue bangkit"));
    }

    [Fact]
    public async Task Unpublishing_a_producer_removes_its_products_and_renaming_it_updates_them()
    {
        await WithDbAsync(async (db, publisher) =>
        {
            await publisher.UnpublishAsync(DocumentTypes.Producer, (await db.Producers.FirstAsync(p => p.Slug == "mebel-rotan-anduonohu")).Id, "editor@test");
            var batik = await db.Producers.FirstAsync(p => p.Slug == "batik-tulis-sekar-tanjung");
            batik.Name = "Batik Tulis Sekar Melati";
            await db.SaveChangesAsync();
            return 0;
        });
        await CatchUpAsync(host);

        Assert.Empty(Find(host, "kursi rotan"));
        Assert.Contains("kain-batik-tulis-madura-merah-biru", Find(host, "melati"));
    }

    [Fact]
    public async Task Rebuilding_counts_what_it_indexed_and_journals_a_rebuild_for_the_other_nodes()
    {
        var (result, entry, cursor) = await WithDbAsync(async (db, _) =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync();
            var entry = await db.IndexJournal.OrderBy(e => e.Id).LastAsync(e => e.Action == IndexJournalActions.Rebuild);
            var node = host.Services.GetRequiredService<SearchNodeName>().Name;
            var cursor = await db.SearchNodes.AsNoTracking().SingleAsync(n => n.NodeName == node);
            var products = await db.PublicProducts(DateTime.UtcNow).CountAsync();
            Assert.Equal(products, result.Products);
            Assert.Equal(await db.Producers.CountAsync(p => p.State == PublishState.Published), result.Producers);
            return (result, entry, cursor);
        });

        Assert.True(result.Stories > 0);
        Assert.True(result.IndexBytes > 0);
        Assert.Equal(entry.Id, cursor.LastJournalId);
        Assert.NotNull(cursor.RebuiltAtUtc);
        Assert.Contains("abon-ikan-marlin-original", Find(host, "abon marlin"));
    }

    [Fact]
    public async Task A_second_node_on_the_same_database_follows_the_journal_with_its_own_index()
    {
        using var second = SecondNode();
        Assert.Contains("dodol-betawi-original-ibu-enah", Find(second, "dodol betawi"));

        await WithDbAsync(async (db, publisher) =>
        {
            await publisher.UnpublishAsync(DocumentTypes.Product, (await db.Products.FirstAsync(p => p.Slug == "dodol-betawi-original-ibu-enah")).Id, "editor@test");
            await db.SaveChangesAsync();
            return 0;
        });
        await CatchUpAsync(second);

        Assert.DoesNotContain("dodol-betawi-original-ibu-enah", Find(second, "dodol betawi"));
        var names = await WithDbAsync(async (db, _) => await db.SearchNodes.Select(n => n.NodeName).ToListAsync());
        Assert.Contains(second.Services.GetRequiredService<SearchNodeName>().Name, names);
        Assert.Contains(host.Services.GetRequiredService<SearchNodeName>().Name, names);
    }

    [Fact]
    public void A_corrupt_index_is_detected_at_start_up_and_rebuilt()
    {
        using var node = SecondNode();
        var index = Path.Combine(node.DataPath, "index");
        Directory.CreateDirectory(index);
        File.WriteAllText(Path.Combine(index, "segments_3"), "not an index");
        File.WriteAllText(Path.Combine(index, "segments.gen"), "garbage");
        File.WriteAllBytes(Path.Combine(index, "_0.cfs"), [1, 2, 3, 4]);

        var found = Find(node, "abon ikan marlin");

        Assert.Contains("abon-ikan-marlin-original", found);
        Assert.False(File.Exists(Path.Combine(index, "segments_3")));
    }

    [Fact]
    public void Stories_and_producers_are_found_next_to_products()
    {
        var results = host.Services.GetRequiredService<CatalogSearch>().Search(new SearchRequest
        {
            Text = "gentongan", Culture = "en", NowUtc = DateTime.UtcNow, IncludeProducersAndStories = true,
        });

        Assert.Contains(results.Stories, s => s.Slug == "batik-gentongan-kesabaran-setahun");
        Assert.Contains(results.Items, h => h.Slug == "batik-tulis-gentongan-tanjung-bumi");
    }

    [Fact]
    public async Task A_journal_id_still_committing_is_waited_for_and_a_rolled_back_one_is_passed_after_a_while()
    {
        // A draft saved normally (journalled and applied), then published behind the journal's back and journalled
        // with a gap before its id, as when a concurrent save holding the lower id has not committed yet.
        var product = await WithDbAsync(async (db, _) =>
        {
            var draft = await NewProductAsync(db, "kacang-mete-madu-uji-jeda", "Kacang Mete Madu Uji Jeda");
            db.Products.Add(draft);
            await db.SaveChangesAsync();
            return draft;
        });
        await CatchUpAsync(host);
        await WithDbAsync(async (db, _) =>
        {
            await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.State, PublishState.Published)
                .SetProperty(p => p.PublishedAtUtc, DateTime.UtcNow));
            var last = await db.IndexJournal.MaxAsync(e => e.Id);
            db.IndexJournal.Add(new IndexJournalEntry { Id = last + 2, DocumentType = nameof(Product), DocumentId = product.Id, CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        await CatchUpAsync(host);
        var whileCommitting = Find(host, "kacang mete madu uji jeda");
        await WithDbAsync((db, _) => db.IndexJournal.Where(e => e.DocumentId == product.Id && e.DocumentType == nameof(Product))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.CreatedAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        await CatchUpAsync(host);
        var afterGrace = Find(host, "kacang mete madu uji jeda");

        Assert.DoesNotContain("kacang-mete-madu-uji-jeda", whileCommitting);
        Assert.Contains("kacang-mete-madu-uji-jeda", afterGrace);
    }

    [Fact]
    public void Entries_are_applied_up_to_a_young_gap_and_past_an_old_one()
    {
        var now = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        IndexJournalEntry Entry(long id, int secondsAgo) => new() { Id = id, CreatedAtUtc = now.AddSeconds(-secondsAgo) };

        var young = SearchIndexer.UpToOpenGap([Entry(11, 5), Entry(12, 5), Entry(14, 3), Entry(15, 2)], 10, now, TimeSpan.FromSeconds(10));
        var old = SearchIndexer.UpToOpenGap([Entry(11, 60), Entry(13, 60), Entry(14, 3)], 10, now, TimeSpan.FromSeconds(10));
        var gapAtStart = SearchIndexer.UpToOpenGap([Entry(12, 1)], 10, now, TimeSpan.FromSeconds(10));

        Assert.Equal([11L, 12L], young.Select(e => e.Id));
        Assert.Equal([11L, 13L, 14L], old.Select(e => e.Id));
        Assert.Empty(gapAtStart);
    }
}
