using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Producers;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.EventRegistrations;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Published;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static IkmCatalog.Tests.Content.ContentSteps;

namespace IkmCatalog.Tests.Published;

/// <summary>
/// Public pages read published content from memory: what they show matches the database's public rows, follows
/// every publication at once, respects publishing windows by the clock alone, and costs no SQL per request.
/// </summary>
public class PublishedContentTests(PublishedContentTests.Host host) : IClassFixture<PublishedContentTests.Host>
{
    /// <summary>A node on a clock the test moves, counting the SQL commands each request runs.</summary>
    public sealed class Host() : IkmWebFactory(new Dictionary<string, string?>(QuietBackground())
    {
        // Every request reaches the page: what it costs without the output cache in front.
        ["IkmCatalog:OutputCache:Enabled"] = "false",
    })
    {
        public FakeClock Clock { get; } = new(DateTimeOffset.UtcNow);

        public SqlPerRequest Sql { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.ConfigureDbContext<IkmDbContext>(options => options.AddInterceptors(Sql));
                services.AddSingleton<IStartupFilter>(Sql);
            });
        }
    }

    /// <summary>Counts the commands run on behalf of each request (not by background jobs), by path.</summary>
    public sealed class SqlPerRequest : DbCommandInterceptor, IStartupFilter
    {
        private static readonly AsyncLocal<StrongBox> Current = new();

        public ConcurrentDictionary<string, int> ByPath { get; } = new();

        public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
        {
            if (Current.Value is { } box)
            {
                Interlocked.Increment(ref box.Count);
            }
            return result;
        }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextStep) =>
            {
                var box = new StrongBox();
                Current.Value = box;
                await nextStep(context);
                ByPath[context.Request.Path + context.Request.QueryString] = box.Count;
            });
            next(app);
        };

        public sealed class StrongBox
        {
#pragma warning disable CA1051 // a counter incremented with Interlocked
            public int Count;
#pragma warning restore CA1051
        }
    }

    private DateTime Now => host.Clock.UtcNow;

    private async Task<PublishedSnapshot> SnapshotAsync(DateTime at)
    {
        var content = host.Services.GetRequiredService<PublishedContent>();
        return await content.AtAsync(at);
    }

    private Task<int> NewProductAsync(string name) =>
        InScopeAsync(host, async (db, _) => await PublishNewAsync(host, DocumentTypes.Product, await NewProductDraftAsync(db, name)));

    private async Task<HttpStatusCode> StatusAsync(string url) => (await NoRedirects(host).GetAsync(url)).StatusCode;

    [Fact]
    public async Task The_snapshot_holds_exactly_the_rows_the_database_calls_public()
    {
        var now = Now;
        var snapshot = await SnapshotAsync(now);

        var (products, producers, stories, events, pages) = await InScopeAsync(host, async (db, _) => (
            await db.PublicProducts(now).Select(p => p.Id).OrderBy(id => id).ToListAsync(),
            await db.Producers.Published(now).Select(p => p.Id).OrderBy(id => id).ToListAsync(),
            await db.PublicStories(now).Select(s => s.Id).OrderBy(id => id).ToListAsync(),
            await db.Events.Published(now).Select(e => e.Id).OrderBy(id => id).ToListAsync(),
            await db.Pages.Published(now).Select(p => p.Id).OrderBy(id => id).ToListAsync()));
        var hidden = await InScopeAsync(host, (db, _) => db.Products.CountAsync(p => p.State != PublishState.Published));

        Assert.NotEmpty(products);
        Assert.Equal(products, snapshot.Documents("Product").Select(d => d.Id));
        Assert.Equal(producers, snapshot.Documents("Producer").Select(d => d.Id));
        Assert.Equal(stories, snapshot.Documents("Story").Select(d => d.Id));
        Assert.Equal(events, snapshot.Documents("Event").Select(d => d.Id));
        Assert.Equal(pages, snapshot.Documents("Page").Select(d => d.Id));
        Assert.Equal(products.Count, snapshot.ProductCount);
        Assert.True(hidden > 0, "the demo content has products that are not published");
    }

    [Fact]
    public async Task A_publication_an_edit_and_an_unpublication_show_on_the_next_request()
    {
        var id = await NewProductAsync("Keripik Nangka Memori Uji");
        var slug = await SlugOfAsync(host, DocumentTypes.Product, id);
        var published = await NoRedirects(host).GetStringAsync($"/produk/{slug}");

        await EditAsync<ProductDraft>(host, DocumentTypes.Product, id, d => d.Name = new("Keripik Nangka Renyah Uji", "Crisp jackfruit chips"));
        await PublishAsync(host, DocumentTypes.Product, id);
        var edited = await NoRedirects(host).GetStringAsync($"/produk/{slug}");
        var english = await NoRedirects(host).GetStringAsync($"/api/v1/products/{slug}?culture=en");

        Assert.Equal(PublishStatus.Unpublished, (await InScopeAsync(host, (_, p) => p.UnpublishAsync(DocumentTypes.Product, id, Editor))).Status);
        var gone = await StatusAsync($"/produk/{slug}");

        Assert.Contains("Keripik Nangka Memori Uji", published, StringComparison.Ordinal);
        Assert.Contains("Keripik Nangka Renyah Uji", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("Keripik Nangka Memori Uji", edited, StringComparison.Ordinal);
        Assert.Contains("Crisp jackfruit chips", english, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    [Fact]
    public async Task Unpublishing_a_producer_hides_its_products_and_stories()
    {
        var producerId = await InScopeAsync(host, async (db, _) => await PublishNewAsync(host, DocumentTypes.Producer, await NewDraftAsync(db, DocumentTypes.Producer, "Sentra Gula Aren Uji")));
        var productId = await InScopeAsync(host, async (db, _) =>
        {
            var draft = await NewProductDraftAsync(db, "Gula Aren Cetak Uji");
            draft.ProducerId = producerId;
            return await PublishNewAsync(host, DocumentTypes.Product, draft);
        });
        var producerSlug = await SlugOfAsync(host, DocumentTypes.Producer, producerId);
        var productSlug = await SlugOfAsync(host, DocumentTypes.Product, productId);
        var before = (await StatusAsync($"/produsen/{producerSlug}"), await StatusAsync($"/produk/{productSlug}"));
        var producerPage = await NoRedirects(host).GetStringAsync($"/produsen/{producerSlug}");

        await InScopeAsync(host, (_, p) => p.UnpublishAsync(DocumentTypes.Producer, producerId, Editor));
        var after = (await StatusAsync($"/produsen/{producerSlug}"), await StatusAsync($"/produk/{productSlug}"));
        var snapshot = await SnapshotAsync(Now);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), before);
        Assert.Contains("Gula Aren Cetak Uji", producerPage, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), after);
        Assert.Null(snapshot.Product(productSlug));
        Assert.Empty(snapshot.ProductCards([productId]));
    }

    [Fact]
    public async Task A_category_renamed_shows_on_the_product_page()
    {
        var id = await NewProductAsync("Kacang Mete Kategori Uji");
        var slug = await SlugOfAsync(host, DocumentTypes.Product, id);
        var renamed = "Camilan Khas Sultra Uji";

        var original = await InScopeAsync(host, async (db, _) =>
        {
            var category = await db.Categories.SingleAsync(c => c.Slug == "makanan-ringan");
            var name = category.Name.Indonesian;
            category.Name = new(renamed, category.Name.English);
            await db.SaveChangesAsync();
            return name;
        });
        var page = await NoRedirects(host).GetStringAsync($"/produk/{slug}");
        await InScopeAsync(host, async (db, _) =>
        {
            var category = await db.Categories.SingleAsync(c => c.Slug == "makanan-ringan");
            category.Name = new(original, category.Name.English);
            return await db.SaveChangesAsync();
        });

        Assert.Contains(renamed, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publishing_window_opens_and_closes_by_the_clock_without_any_journal_entry()
    {
        var soon = await NewProductAsync("Abon Ikan Terjadwal Uji");
        var ending = await NewProductAsync("Abon Ikan Berakhir Uji");
        // Windows saved on the rows (as the editors' schedule does); from then on only the clock moves.
        await InScopeAsync(host, async (db, _) =>
        {
            var row = await db.Products.SingleAsync(p => p.Id == soon);
            row.PublishAtUtc = Now.AddHours(1);
            var other = await db.Products.SingleAsync(p => p.Id == ending);
            other.UnpublishAtUtc = Now.AddHours(1);
            return await db.SaveChangesAsync();
        });
        var soonSlug = await SlugOfAsync(host, DocumentTypes.Product, soon);
        var endingSlug = await SlugOfAsync(host, DocumentTypes.Product, ending);
        var before = (await StatusAsync($"/produk/{soonSlug}"), await StatusAsync($"/produk/{endingSlug}"));
        var journal = await InScopeAsync(host, (db, _) => db.IndexJournal.MaxAsync(j => j.Id));

        host.Clock.Now = host.Clock.Now.AddHours(2);
        var after = (await StatusAsync($"/produk/{soonSlug}"), await StatusAsync($"/produk/{endingSlug}"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), before);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), after);
        Assert.Equal(journal, await InScopeAsync(host, (db, _) => db.IndexJournal.MaxAsync(j => j.Id)));
    }

    [Fact]
    public async Task Public_pages_run_no_SQL_per_request()
    {
        var snapshot = await SnapshotAsync(Now);
        var product = snapshot.Featured[0];
        var story = snapshot.Stories[0];
        var item = snapshot.Events[0];
        var page = snapshot.Pages[0];
        string[] urls =
        [
            "/", "/en", $"/produk/{product.Slug}", $"/en/products/{product.Slug}", "/produsen", $"/produsen/{product.Producer.Slug}",
            "/berita", $"/berita/{story.Slug}", "/agenda", $"/agenda/{item.Slug}", $"/halaman/{page.Slug}", "/sertifikasi",
            "/sitemap.xml", $"/api/v1/products/{product.Slug}", "/api/v1/producers", $"/api/v1/producers/{product.Producer.Slug}",
            // Listings: ids from the search index, cards from memory.
            "/katalog", "/en/catalogue?sort=name", "/cari?q=keripik", "/api/v1/products?pageSize=12", "/api/v1/search?q=keripik",
        ];
        var client = NoRedirects(host);
        foreach (var url in urls)
        {
            // The first request of a path may warm things up (views, routes); the second is what every visitor costs.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
        // The counter counts: a page still on the database shows its commands.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/keranjang")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statistik")).StatusCode);

        Assert.All(urls, url => Assert.Equal((url, 0), (url, host.Sql.ByPath[url])));
        Assert.True(host.Sql.ByPath["/statistik"] > 0);
    }

    [Fact]
    public async Task A_registration_updates_the_places_left_on_the_event_page()
    {
        var (id, slug) = await RegistrationSteps.NewEventAsync(host, EventRegistrationMode.Public, capacity: 5);
        var before = await NoRedirects(host).GetStringAsync($"/agenda/{slug}");

        var result = await RegistrationSteps.RegisterAsync(host, id, "Rina Lestari");
        var after = await NoRedirects(host).GetStringAsync($"/agenda/{slug}");

        Assert.Equal(RegisterOutcome.Confirmed, result.Outcome);
        Assert.Contains("5 dari 5", before, StringComparison.Ordinal);
        Assert.Contains("4 dari 5", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_image_leaves_the_pages_that_showed_it()
    {
        var product = (await SnapshotAsync(Now)).Documents("Product").Cast<Product>().First(p => p.Images.Count > 1);
        var media = product.Images[0].MediaItemId;
        var before = await NoRedirects(host).GetStringAsync($"/api/v1/products/{product.Slug}");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IkmCatalog.Media.MediaLibrary>().DeleteAsync(media, Editor);
            Assert.Equal(IkmCatalog.Media.MediaStatus.Deleted, result.Status);
        }
        var after = await NoRedirects(host).GetStringAsync($"/api/v1/products/{product.Slug}");
        var page = await NoRedirects(host).GetStringAsync($"/produk/{product.Slug}");

        Assert.Contains($"/media/{media}/", before, StringComparison.Ordinal);
        Assert.DoesNotContain($"/media/{media}/", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"/media/{media}/", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Product_cards_follow_the_given_order_and_skip_what_is_not_public()
    {
        var snapshot = await SnapshotAsync(Now);
        var ids = snapshot.Featured.Take(3).Select(p => p.Id).Reverse().ToList();
        var hidden = await InScopeAsync(host, (db, _) => db.Products.Where(p => p.State != PublishState.Published).Select(p => p.Id).FirstAsync());

        var cards = snapshot.ProductCards([ids[0], hidden, ids[1], -1, ids[2]]);

        Assert.Equal(ids, cards.Select(c => c.Id));
    }
}
