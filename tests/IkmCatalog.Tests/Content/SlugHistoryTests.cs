using System.Net;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static IkmCatalog.Tests.Content.ContentSteps;

namespace IkmCatalog.Tests.Content;

/// <summary>
/// Slug history: a published document whose slug changes keeps answering its old address with a 301 to the new
/// one, in both languages. These tests rename documents, so they run on a host of their own.
/// </summary>
public class SlugHistoryTests(SlugHistoryTests.Host host) : IClassFixture<SlugHistoryTests.Host>
{
    public sealed class Host() : IkmWebFactory(QuietBackground());

    private async Task<int> PublishNewAsync(DocumentType type, string title) =>
        await ContentSteps.PublishNewAsync(host, type, await InScopeAsync(host, (db, _) => NewDraftAsync(db, type, title)));

    private async Task RenameAsync(DocumentType type, int id, string slug)
    {
        var saved = await EditAsync<IDraft>(host, type, id, d => d.Slug = slug);
        Assert.Equal(PublishStatus.Saved, saved.Status);
        Assert.Equal(PublishStatus.Published, (await PublishAsync(host, type, id)).Status);
    }

    [Theory]
    [InlineData("Product", "/produk/", "/en/products/")]
    [InlineData("Producer", "/produsen/", "/en/producers/")]
    [InlineData("Story", "/berita/", "/en/stories/")]
    [InlineData("Event", "/agenda/", "/en/events/")]
    [InlineData("Page", "/halaman/", "/en/pages/")]
    public async Task An_old_slug_answers_301_with_the_current_address_in_both_languages(string typeName, string path, string englishPath)
    {
        var type = DocumentTypes.Find(typeName)!;
        var id = await PublishNewAsync(type, $"Alamat Lama {typeName} Uji");
        var old = await SlugOfAsync(host, type, id);
        var renamed = $"alamat-baru-{typeName.ToLowerInvariant()}-uji";

        await RenameAsync(type, id, renamed);
        var client = NoRedirects(host);
        var indonesian = await client.GetAsync($"{path}{old}");
        var english = await client.GetAsync($"{englishPath}{old}");
        var current = await client.GetAsync($"{path}{renamed}");

        Assert.Equal($"alamat-lama-{typeName.ToLowerInvariant()}-uji", old);
        Assert.Equal(HttpStatusCode.MovedPermanently, indonesian.StatusCode);
        Assert.Equal($"{path}{renamed}", indonesian.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, english.StatusCode);
        Assert.Equal($"{englishPath}{renamed}", english.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Two_renames_send_both_old_slugs_straight_to_the_current_one()
    {
        var id = await PublishNewAsync(DocumentTypes.Product, "Ikan Asin Peda Uji");

        await RenameAsync(DocumentTypes.Product, id, "ikan-peda-uji");
        await RenameAsync(DocumentTypes.Product, id, "ikan-peda-asin-uji");
        var client = NoRedirects(host);
        var first = await client.GetAsync("/produk/ikan-asin-peda-uji");
        var second = await client.GetAsync("/produk/ikan-peda-uji?ref=qr");

        Assert.Equal("/produk/ikan-peda-asin-uji", first.Headers.Location?.OriginalString);
        Assert.Equal("/produk/ikan-peda-asin-uji?ref=qr", second.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Changing_the_slug_back_serves_the_old_address_again_without_a_redirect_loop()
    {
        var id = await PublishNewAsync(DocumentTypes.Product, "Kacang Disko Uji");

        await RenameAsync(DocumentTypes.Product, id, "kacang-disko-pedas-uji");
        await RenameAsync(DocumentTypes.Product, id, "kacang-disko-uji");
        var client = NoRedirects(host);
        var original = await client.GetAsync("/produk/kacang-disko-uji");
        var intermediate = await client.GetAsync("/produk/kacang-disko-pedas-uji");
        var redirects = await InScopeAsync(host, (db, _) => db.SlugRedirects.Where(r => r.DocumentType == "Product" && r.DocumentId == id).Select(r => r.OldSlug).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, intermediate.StatusCode);
        Assert.Equal("/produk/kacang-disko-uji", intermediate.Headers.Location?.OriginalString);
        Assert.Equal(["kacang-disko-pedas-uji"], redirects);
    }

    [Fact]
    public async Task Renaming_a_draft_that_was_never_published_writes_no_redirect()
    {
        var draft = await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Kerupuk Kulit Draf Uji"));
        var id = (await InScopeAsync(host, (_, p) => p.SaveDraftAsync(DocumentTypes.Product, null, draft, Editor, basedOnVersion: null))).DocumentId;

        var renamed = await EditAsync<ProductDraft>(host, DocumentTypes.Product, id, d => d.Slug = "kerupuk-kulit-uji");
        var published = await PublishAsync(host, DocumentTypes.Product, id);
        var client = NoRedirects(host);

        Assert.Equal(PublishStatus.Saved, renamed.Status);
        Assert.Equal(PublishStatus.Published, published.Status);
        Assert.False(await InScopeAsync(host, (db, _) => db.SlugRedirects.AnyAsync(r => r.DocumentType == "Product" && r.DocumentId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/produk/kerupuk-kulit-draf-uji")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/produk/kerupuk-kulit-uji")).StatusCode);
    }

    [Fact]
    public async Task An_old_slug_of_an_unpublished_document_answers_404()
    {
        var id = await PublishNewAsync(DocumentTypes.Product, "Terasi Udang Uji");
        await RenameAsync(DocumentTypes.Product, id, "terasi-udang-rebon-uji");

        await InScopeAsync(host, (_, p) => p.UnpublishAsync(DocumentTypes.Product, id, Editor));

        Assert.Equal(HttpStatusCode.NotFound, (await NoRedirects(host).GetAsync("/produk/terasi-udang-uji")).StatusCode);
    }

    [Fact]
    public async Task Another_document_taking_an_old_slug_replaces_its_redirect()
    {
        var id = await PublishNewAsync(DocumentTypes.Product, "Petis Ikan Uji");
        await RenameAsync(DocumentTypes.Product, id, "petis-ikan-bangkalan-uji");

        var other = await InScopeAsync(host, (db, _) => NewProductDraftAsync(db, "Petis Ikan Uji"));
        var otherId = await ContentSteps.PublishNewAsync(host, DocumentTypes.Product, other);
        var response = await NoRedirects(host).GetAsync("/produk/petis-ikan-uji");

        Assert.Equal("petis-ikan-uji", await SlugOfAsync(host, DocumentTypes.Product, otherId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await InScopeAsync(host, (db, _) => db.SlugRedirects.AnyAsync(r => r.DocumentType == "Product" && r.OldSlug == "petis-ikan-uji")));
    }
}
