using System.Net;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Producers;
using IkmCatalog.Search;
using IkmCatalog.Stories;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static IkmCatalog.Tests.Content.ContentSteps;

namespace IkmCatalog.Tests.Content;

/// <summary>
/// The editors' workflow through <see cref="ContentPublisher"/>: drafts, versions, review, rollback, publishing and
/// what the public sees. These tests publish and unpublish, so they run on a host of their own and make new
/// documents rather than change the seeded catalogue; they catch the search index up themselves.
/// </summary>
public class ContentWorkflowTests(ContentWorkflowTests.Host host) : IClassFixture<ContentWorkflowTests.Host>
{
    public sealed class Host() : IkmWebFactory(QuietBackground());

    private static readonly DocumentType<Product, ProductDraft> Products = DocumentTypes.Product;

    private async Task<int> NewPublishedProductAsync(string name) =>
        await PublishNewAsync(host, Products, await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, name)));

    private async Task<int> NewPublishedProducerAsync(string name) =>
        await PublishNewAsync(host, DocumentTypes.Producer, await InScopeAsync(host, (db, _) => NewDraftAsync(db, DocumentTypes.Producer, name)));

    private Task<PublishResult> SaveNewAsync(IDraft draft, DocumentType? type = null) =>
        InScopeAsync(host, (_, publisher) => publisher.SaveDraftAsync(type ?? Products, null, draft, Editor, basedOnVersion: null));

    private List<string> Find(string text) =>
        [.. host.Services.GetRequiredService<CatalogSearch>()
            .Search(new SearchRequest { Text = text, Culture = "id", NowUtc = DateTime.UtcNow, PageSize = 100 }).Items.Select(h => h.Slug)];

    private async Task CatchUpAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync();
    }

    [Fact]
    public async Task A_saved_draft_stays_off_the_public_page_until_it_is_published()
    {
        var id = await NewPublishedProductAsync("Keripik Talas Ungu Uji");
        var slug = await SlugOfAsync(host, Products, id);
        var client = host.CreateClient();

        var saved = await EditAsync<ProductDraft>(host, Products, id, d => d.Name = new("Keripik Talas Ungu Pedas Uji", "Spicy Purple Taro Chips Test"));
        var whileDraft = await client.GetStringAsync($"/produk/{slug}");
        var published = await PublishAsync(host, Products, id);
        var afterPublish = await client.GetStringAsync($"/produk/{slug}");

        Assert.Equal(PublishStatus.Saved, saved.Status);
        Assert.Contains("Keripik Talas Ungu Uji", whileDraft, StringComparison.Ordinal);
        Assert.DoesNotContain("Keripik Talas Ungu Pedas Uji", whileDraft, StringComparison.Ordinal);
        Assert.Equal(PublishStatus.Published, published.Status);
        Assert.Equal(saved.Version, published.Version);
        Assert.Contains("Keripik Talas Ungu Pedas Uji", afterPublish, StringComparison.Ordinal);

        var (versions, audit) = await InScopeAsync(host, async (db, _) => (
            await db.ContentVersions.Where(v => v.DocumentType == "Product" && v.DocumentId == id).OrderBy(v => v.Number).ToListAsync(),
            await db.AuditEntries.Where(a => a.DocumentType == "Product" && a.DocumentId == id).OrderBy(a => a.Id).ToListAsync()));
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal([VersionState.Archived, VersionState.Published], versions.Select(v => v.State));
        Assert.Equal(["save", "publish", "save", "publish"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(Editor, a.User));
        Assert.Equal("v2", audit[^1].Detail);
    }

    [Fact]
    public async Task A_new_draft_gets_a_unique_slug_made_from_its_Indonesian_name()
    {
        var first = await SaveNewAsync(await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Keripik Tempe Rasa Balado Uji")));
        var second = await SaveNewAsync(await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Keripik Tempe Rasa Balado Uji")));

        Assert.Equal(PublishStatus.Saved, first.Status);
        Assert.Equal(PublishStatus.Saved, second.Status);
        Assert.Equal("keripik-tempe-rasa-balado-uji", await SlugOfAsync(host, Products, first.DocumentId));
        Assert.Equal("keripik-tempe-rasa-balado-uji-2", await SlugOfAsync(host, Products, second.DocumentId));
        Assert.Equal(1, first.Version);
    }

    [Fact]
    public async Task A_draft_without_an_Indonesian_name_is_refused_with_the_field_named()
    {
        var draft = await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Tanpa Nama"));
        draft.Name = new("", "Only English");

        var result = await SaveNewAsync(draft);

        Assert.Equal(PublishStatus.MissingIndonesianText, result.Status);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors!, e => e.Field == "Name.Indonesian" && e.Message == "content.error.required");
    }

    [Fact]
    public async Task Rolling_back_restores_the_images_in_order_with_their_alt_texts_and_leaves_the_registry_certificates_alone()
    {
        var (a, b) = await InScopeAsync(host, async (db, _) =>
        {
            var media = await db.Media.OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync();
            return (media[0], media[1]);
        });
        var draft = await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Kerupuk Rumput Laut Uji"));
        draft.Images = [new() { MediaItemId = a, Alt = new("Kerupuk di piring", "Crackers on a plate") }, new() { MediaItemId = b, Alt = new("Kemasan depan", "Front of the pack") }];
        var id = await PublishNewAsync(host, Products, draft);
        var firstVersion = await InScopeAsync(host, (_, publisher) => publisher.LatestNumberAsync(Products, id));

        await EditAsync<ProductDraft>(host, Products, id, d => d.Images = [new() { MediaItemId = b, Alt = new("Kemasan baru", "New pack") }]);
        await PublishAsync(host, Products, id);
        var betweenImages = await InScopeAsync(host, (db, _) => db.ProductImages.CountAsync(i => i.ProductId == id));
        var certificateId = await AddVerifiedCertificateAsync(productId: id, producerId: null);

        var rolledBack = await InScopeAsync(host, (_, publisher) => publisher.RollbackAsync(Products, id, firstVersion, Editor));
        var pending = await InScopeAsync(host, async (_, publisher) => (ProductDraft)Products.ReadDraft((await publisher.PendingDraftAsync(Products, id))!.Snapshot));
        var published = await PublishAsync(host, Products, id);

        Assert.Equal(1, betweenImages);
        Assert.Equal(PublishStatus.RolledBack, rolledBack.Status);
        Assert.Equal(3, rolledBack.Version);
        Assert.Equal([(a, "Kerupuk di piring"), (b, "Kemasan depan")], pending.Images.Select(i => (i.MediaItemId, i.Alt.Indonesian)));
        Assert.Equal(PublishStatus.Published, published.Status);

        var (images, certificates, audit) = await InScopeAsync(host, async (db, _) => (
            await db.ProductImages.Where(i => i.ProductId == id).OrderBy(i => i.SortOrder).ToListAsync(),
            await db.Certifications.Where(c => c.ProductId == id).ToListAsync(),
            await db.AuditEntries.Where(e => e.DocumentType == "Product" && e.DocumentId == id && e.Action == "rollback").ToListAsync()));
        Assert.Equal([(a, 0, "Kerupuk di piring", "Crackers on a plate"), (b, 1, "Kemasan depan", "Front of the pack")],
            images.Select(i => (i.MediaItemId, i.SortOrder, i.Alt.Indonesian, i.Alt.English)));
        // The version rolled back to predates the certificate: it stays, and stays verified.
        var certificate = Assert.Single(certificates);
        Assert.Equal((certificateId, "2067471010123-29", "officer"), (certificate.Id, certificate.Number, certificate.VerifiedBy));
        Assert.Equal($"v{firstVersion} → v3", Assert.Single(audit).Detail);
    }

    [Fact]
    public async Task Publishing_an_older_draft_keeps_the_certificates_added_in_the_registry_since()
    {
        var productId = await NewPublishedProductAsync("Keripik Pare Uji");
        var producerId = await NewPublishedProducerAsync("CV Pare Pahit Uji");
        // Drafts taken before the certificates were registered…
        await EditAsync<ProductDraft>(host, Products, productId, d => d.Name = new("Keripik Pare Pedas Uji", null));
        await EditAsync<ProducerDraft>(host, DocumentTypes.Producer, producerId, d => d.Association = "Paguyuban Pare");
        var onProduct = await AddVerifiedCertificateAsync(productId, producerId: null);
        var onProducer = await AddVerifiedCertificateAsync(productId: null, producerId);

        // …and published after.
        var product = await PublishAsync(host, Products, productId);
        var producerResult = await PublishAsync(host, DocumentTypes.Producer, producerId);

        Assert.Equal((PublishStatus.Published, PublishStatus.Published), (product.Status, producerResult.Status));
        var kept = await InScopeAsync(host, (db, _) => db.Certifications.AsNoTracking()
            .Where(c => c.Id == onProduct || c.Id == onProducer).Select(c => c.VerifiedAtUtc != null).ToListAsync());
        Assert.Equal([true, true], kept);
    }

    private Task<int> AddVerifiedCertificateAsync(int? productId, int? producerId) =>
        InScopeAsync(host, async (db, _) =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var registry = scope.ServiceProvider.GetRequiredService<CertificateRegistry>();
            var added = await registry.AddAsync(new CertificateInput(CertificationType.Pirt, "2067471010123-29", "Dinkes Kota Kendari",
                new DateOnly(2024, 3, 1), new DateOnly(2029, 3, 1), productId, producerId), "officer");
            Assert.True(added.Succeeded);
            Assert.True((await registry.VerifyAsync(added.Certificate!.Id, "officer")).Succeeded);
            return added.Certificate.Id;
        });

    [Fact]
    public async Task Publishing_a_document_built_in_code_leaves_exactly_one_published_version()
    {
        var product = await InScopeAsync(host, async (db, publisher) =>
        {
            var draft = await NewProductDraftAsync(db, "Bagea Kenari Uji");
            var product = new Product { Slug = "bagea-kenari-uji" };
            draft.Slug = product.Slug;
            draft.ApplyTo(product);
            var result = await publisher.PublishAsync(product, Editor);
            Assert.Equal(PublishStatus.Published, result.Status);
            return product;
        });

        var versions = await InScopeAsync(host, (db, _) => db.ContentVersions.Where(v => v.DocumentType == "Product" && v.DocumentId == product.Id).ToListAsync());
        var row = await InScopeAsync(host, (db, _) => db.Products.AsNoTracking().SingleAsync(p => p.Slug == "bagea-kenari-uji"));

        Assert.Equal(VersionState.Published, Assert.Single(versions).State);
        Assert.Equal(PublishState.Published, row.State);
        Assert.NotNull(row.PublishedAtUtc);
    }

    [Fact]
    public async Task A_refused_new_draft_leaves_no_row_version_or_audit_entry()
    {
        var before = await InScopeAsync(host, (db, _) => CountRowsAsync(db));
        var draft = await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Dodol Rumput Laut Uji"));
        draft.Summary = new("", "No Indonesian summary");
        draft.Moq = 0;

        var result = await SaveNewAsync(draft);
        var after = await InScopeAsync(host, (db, _) => CountRowsAsync(db));

        Assert.Equal(PublishStatus.MissingIndonesianText, result.Status);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_publication_that_fails_half_way_leaves_nothing_behind()
    {
        // The last write of a publication (its audit entry) fails: the row saved before it must go too.
        var journalBefore = await InScopeAsync(host, (db, _) => db.IndexJournal.MaxAsync(e => (long?)e.Id)) ?? 0;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var options = new DbContextOptionsBuilder<IkmDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<IkmDbContext>>())
                .AddInterceptors(new FailOnPublishAudit()).Options;
            await using var db = new IkmDbContext(options, scope.ServiceProvider.GetServices<IContentChangeHandler>());
            var draft = await NewProductDraftAsync(db, "Kue Karasi Gagal Uji");
            var product = new Product { Slug = "kue-karasi-gagal-uji" };
            draft.Slug = product.Slug;
            draft.ApplyTo(product);
            await new ContentPublisher(db, TimeProvider.System).PublishAsync(product, Editor);
        });

        var (rows, journal) = await InScopeAsync(host, async (db, _) => (
            await db.Products.CountAsync(p => p.Slug == "kue-karasi-gagal-uji"),
            await db.IndexJournal.CountAsync(e => e.Id > journalBefore)));
        Assert.Equal("publish audit refused", failure.Message);
        Assert.Equal(0, rows);
        Assert.Equal(0, journal);
    }

    [Fact]
    public async Task The_second_of_two_editors_on_the_same_version_gets_a_conflict_and_saves_nothing()
    {
        var created = await SaveNewAsync(await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Sagu Lempeng Uji")));
        var id = created.DocumentId;
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        async Task<(ContentPublisher Publisher, ProductDraft Draft, int Version)> OpenAsync(AsyncServiceScope scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            var publisher = scope.ServiceProvider.GetRequiredService<ContentPublisher>();
            var draft = (ProductDraft)Products.DraftOf((await Products.LoadAsync(db, id))!);
            return (publisher, draft, await publisher.LatestNumberAsync(Products, id));
        }
        var a = await OpenAsync(first);
        var b = await OpenAsync(second);
        a.Draft.Name = new("Sagu Lempeng Gula Merah Uji", null);
        b.Draft.Name = new("Sagu Lempeng Kelapa Uji", null);

        var saved = await a.Publisher.SaveDraftAsync(Products, id, a.Draft, "first@test", a.Version);
        var conflict = await b.Publisher.SaveDraftAsync(Products, id, b.Draft, "second@test", b.Version);

        Assert.Equal((PublishStatus.Saved, a.Version + 1), (saved.Status, saved.Version));
        Assert.Equal(PublishStatus.Conflict, conflict.Status);
        Assert.False(conflict.Succeeded);
        var (latest, snapshots, name, audit) = await InScopeAsync(host, async (db, publisher) => (
            await publisher.LatestNumberAsync(Products, id),
            await db.ContentVersions.Where(v => v.DocumentType == "Product" && v.DocumentId == id).Select(v => v.Snapshot).ToListAsync(),
            (await db.Products.AsNoTracking().SingleAsync(p => p.Id == id)).Name.Indonesian,
            await db.AuditEntries.CountAsync(e => e.DocumentType == "Product" && e.DocumentId == id && e.User == "second@test")));
        Assert.Equal(a.Version + 1, latest);
        Assert.DoesNotContain(snapshots, s => s.Contains("Kelapa", StringComparison.Ordinal));
        Assert.Equal("Sagu Lempeng Gula Merah Uji", name);
        Assert.Equal(0, audit);
    }

    [Fact]
    public async Task A_draft_sent_to_publish_waits_for_review_and_comes_back_with_the_comment()
    {
        var created = await SaveNewAsync(await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Abon Gurita Uji")));
        var publishedId = await NewPublishedProductAsync("Abon Teri Uji");

        var sent = await InScopeAsync(host, (_, p) => p.SendForReviewAsync(Products, created.DocumentId, "writer@test"));
        var waiting = await InScopeAsync(host, (_, p) => p.PendingDraftAsync(Products, created.DocumentId));
        var returned = await InScopeAsync(host, (_, p) => p.ReturnAsync(Products, created.DocumentId, Editor, "  Foto kemasan kurang jelas.  "));
        var back = await InScopeAsync(host, (_, p) => p.PendingDraftAsync(Products, created.DocumentId));
        var nothing = await InScopeAsync(host, (_, p) => p.SendForReviewAsync(Products, publishedId, "writer@test"));

        Assert.Equal(PublishStatus.SentForReview, sent.Status);
        Assert.Equal(ReviewState.Pending, waiting!.Review);
        Assert.Equal(PublishStatus.Returned, returned.Status);
        Assert.Equal((ReviewState.Returned, "Foto kemasan kurang jelas.", Editor), (back!.Review, back.ReviewComment, back.ReviewedBy));
        Assert.Equal(PublishStatus.NoDraft, nothing.Status);
        Assert.Equal(2, await InScopeAsync(host, (db, _) => db.AuditEntries.CountAsync(e => e.DocumentType == "Product" && e.DocumentId == created.DocumentId && (e.Action == "send" || e.Action == "return"))));
    }

    [Fact]
    public async Task An_unpublished_product_answers_404_and_leaves_the_search_index()
    {
        var id = await NewPublishedProductAsync("Rengginang Lorjuk Uji");
        var slug = await SlugOfAsync(host, Products, id);
        var client = host.CreateClient();
        await CatchUpAsync();
        var foundBefore = Find("rengginang lorjuk");
        var pageBefore = await client.GetAsync($"/produk/{slug}");

        var result = await InScopeAsync(host, (_, p) => p.UnpublishAsync(Products, id, Editor));
        await CatchUpAsync();
        var again = await InScopeAsync(host, (_, p) => p.UnpublishAsync(Products, id, Editor));

        Assert.Contains(slug, foundBefore);
        Assert.Equal(HttpStatusCode.OK, pageBefore.StatusCode);
        Assert.Equal(PublishStatus.Unpublished, result.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/produk/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, Find("rengginang lorjuk"));
        Assert.Equal(PublishStatus.NotPublished, again.Status);
    }

    [Fact]
    public async Task A_producer_that_still_has_products_cannot_be_deleted()
    {
        var producerId = await NewPublishedProducerAsync("UD Pisang Sale Uji");
        var draft = await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Pisang Sale Uji"));
        draft.ProducerId = producerId;
        await SaveNewAsync(draft);

        var result = await InScopeAsync(host, (_, p) => p.DeleteAsync(DocumentTypes.Producer, producerId, Editor));

        Assert.Equal(PublishStatus.InUse, result.Status);
        Assert.True(await InScopeAsync(host, (db, _) => db.Producers.AnyAsync(p => p.Id == producerId)));
        Assert.False(await InScopeAsync(host, (db, _) => db.AuditEntries.AnyAsync(e => e.DocumentType == "Producer" && e.DocumentId == producerId && e.Action == "delete")));
    }

    [Fact]
    public async Task Saving_a_draft_journals_nothing_for_search_and_publishing_journals_a_refresh()
    {
        var id = await NewPublishedProductAsync("Kopi Luwak Liar Uji");
        var before = await InScopeAsync(host, (db, _) => db.IndexJournal.MaxAsync(e => (long?)e.Id)) ?? 0;

        await EditAsync<ProductDraft>(host, Products, id, d => d.Summary = new("Ringkasan baru yang belum terbit.", null));
        var afterSave = await InScopeAsync(host, (db, _) => db.IndexJournal.Where(e => e.Id > before && e.DocumentType == "Product" && e.DocumentId == id).ToListAsync());
        await PublishAsync(host, Products, id);
        var afterPublish = await InScopeAsync(host, (db, _) => db.IndexJournal.Where(e => e.Id > before && e.DocumentType == "Product" && e.DocumentId == id).ToListAsync());

        Assert.Empty(afterSave);
        Assert.Equal(IndexJournalActions.Refresh, Assert.Single(afterPublish).Action);
    }

    [Fact]
    public async Task A_story_about_an_unpublished_producer_is_not_public_nor_in_the_sitemap()
    {
        var producerId = await NewPublishedProducerAsync("Tenun Buton Uji");
        var story = (StoryDraft)await InScopeAsync(host, (db, _) => NewDraftAsync(db, DocumentTypes.Story, "Kisah Penenun Buton Uji"));
        story.Kind = StoryKind.Story;
        story.ProducerId = producerId;
        var storyId = await PublishNewAsync(host, DocumentTypes.Story, story);
        var slug = await SlugOfAsync(host, DocumentTypes.Story, storyId);
        var client = host.CreateClient();
        var pageBefore = await client.GetAsync($"/berita/{slug}");
        var sitemapBefore = await client.GetStringAsync("/sitemap.xml");

        await InScopeAsync(host, (_, p) => p.UnpublishAsync(DocumentTypes.Producer, producerId, Editor));

        Assert.Equal(HttpStatusCode.OK, pageBefore.StatusCode);
        Assert.Contains($"/berita/{slug}<", sitemapBefore, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/berita/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/en/stories/{slug}")).StatusCode);
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.DoesNotContain($"/berita/{slug}", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain($"/stories/{slug}", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_while_the_search_index_catches_up_does_not_deadlock()
    {
        _ = host.Services; // started once, before two threads use it
        var stop = false;
        var catchingUp = Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                await CatchUpAsync();
            }
        });
        try
        {
            for (var i = 1; i <= 50; i++)
            {
                var draft = await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, $"Kacang Atom {i} Uji"));
                var id = await PublishNewAsync(host, Products, draft);
                await EditAsync<ProductDraft>(host, Products, id, d => d.Name = new(d.Name.Indonesian + " Pedas", null));
                Assert.Equal(PublishStatus.Published, (await PublishAsync(host, Products, id)).Status);
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            await catchingUp;
        }
    }

    private static async Task<(int Products, int Versions, int Audit)> CountRowsAsync(IkmDbContext db) =>
        (await db.Products.CountAsync(), await db.ContentVersions.CountAsync(), await db.AuditEntries.CountAsync());

    /// <summary>Refuses the save that writes a publication's audit entry, as a database failing mid-publication would.</summary>
    private sealed class FailOnPublishAudit : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(eventData);
            if (eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && e.Entity.Action == "publish"))
            {
                throw new InvalidOperationException("publish audit refused");
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
