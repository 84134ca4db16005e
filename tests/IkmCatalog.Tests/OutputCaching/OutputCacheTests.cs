using System.Net;
using AngleSharp.Html.Parser;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.EventRegistrations;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Infrastructure.NodeJournal;
using IkmCatalog.Web.Infrastructure.OutputCaching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.OutputCaching;

/// <summary>
/// The output cache in front of the public pages. A change written behind the journal's back (an UPDATE without
/// SaveChanges) shows whether a page came from the cache; a publication through the content service shows that it
/// was evicted. The host polls the journal only when asked, so what a node shows depends on these steps alone.
/// </summary>
public class OutputCacheTests(OutputCacheTests.Host host) : IClassFixture<OutputCacheTests.Host>
{
    public sealed class Host() : IkmWebFactory(ContentSteps.QuietBackground());

    private static async Task<(int Id, string Slug)> NewProductAsync(IkmWebFactory node, string name)
    {
        var draft = await ContentSteps.InScopeAsync(node, (db, _) => ContentSteps.NewProductDraftAsync(db, name));
        var id = await ContentSteps.PublishNewAsync(node, DocumentTypes.Product, draft);
        return (id, await ContentSteps.SlugOfAsync(node, DocumentTypes.Product, id));
    }

    /// <summary>Changes the price in the database without SaveChanges: no journal entry, so no eviction anywhere.</summary>
    private static Task<int> ChangePriceBehindTheJournalAsync(IkmWebFactory node, int id, int price) =>
        ContentSteps.InScopeAsync(node, (db, _) => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceIdr, price)));

    private static async Task PublishSummaryAsync(IkmWebFactory node, int id, string summary)
    {
        var saved = await ContentSteps.EditAsync<ProductDraft>(node, DocumentTypes.Product, id, d => d.Summary = new(summary, summary + " (en)"));
        Assert.Equal(PublishStatus.Saved, saved.Status);
        Assert.Equal(PublishStatus.Published, (await ContentSteps.PublishAsync(node, DocumentTypes.Product, id)).Status);
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string? Hidden(string html, string form, string name) =>
        new HtmlParser().ParseDocument(html).QuerySelector($"{form} input[name='{name}']")?.GetAttribute("value");

    [Fact]
    public async Task A_product_page_comes_from_the_cache_until_a_publication_evicts_it()
    {
        var (id, slug) = await NewProductAsync(host, "Keripik cache uji");
        var client = host.CreateClient();
        Assert.Contains("25.000", await HtmlAsync(client, $"/produk/{slug}"), StringComparison.Ordinal);

        await ChangePriceBehindTheJournalAsync(host, id, 98765);
        var cached = await HtmlAsync(host.CreateClient(), $"/produk/{slug}");

        Assert.Contains("25.000", cached, StringComparison.Ordinal);
        Assert.DoesNotContain("98.765", cached, StringComparison.Ordinal);

        await PublishSummaryAsync(host, id, "Renyah sekali, baru terbit.");
        var after = await HtmlAsync(client, $"/produk/{slug}");

        Assert.Contains("Renyah sekali, baru terbit.", after, StringComparison.Ordinal);
        Assert.Contains("98.765", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_language_and_each_query_string_is_kept_apart()
    {
        var client = host.CreateClient();
        var indonesian = new HtmlParser().ParseDocument(await HtmlAsync(client, "/katalog"));
        var english = new HtmlParser().ParseDocument(await HtmlAsync(client, "/en/catalogue"));
        var marlin = await HtmlAsync(client, "/cari?q=marlin");
        var dodol = await HtmlAsync(client, "/cari?q=dodol");
        var marlinAgain = await HtmlAsync(client, "/cari?q=marlin");

        Assert.Equal("id", indonesian.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("abon-ikan-marlin-original", marlin, StringComparison.Ordinal);
        Assert.DoesNotContain("abon-ikan-marlin-original", dodol, StringComparison.Ordinal);
        Assert.Contains("dodol", dodol, StringComparison.Ordinal);
        Assert.Equal(marlin, marlinAgain);
    }

    [Theory]
    [InlineData("GET", "/", true)]
    [InlineData("GET", "/en", true)]
    [InlineData("HEAD", "/katalog", true)]
    [InlineData("GET", "/produk/keripik-tempe", true)]
    [InlineData("GET", "/en/products/keripik-tempe", true)]
    [InlineData("GET", "/agenda/pameran", true)]
    [InlineData("GET", "/en/events/expo", true)]
    [InlineData("GET", "/cari", true)]
    [InlineData("GET", "/en/search", true)]
    [InlineData("GET", "/halaman/tentang", true)]
    [InlineData("GET", "/statistik", true)]
    [InlineData("GET", "/sitemap.xml", true)]
    [InlineData("GET", "/robots.txt", true)]
    [InlineData("GET", "/api/v1/products", true)]
    [InlineData("GET", "/api/v1/search/suggest", true)]
    [InlineData("POST", "/agenda/pameran", false)]
    [InlineData("POST", "/api/v1/products", false)]
    [InlineData("GET", "/keranjang", false)]
    [InlineData("GET", "/en/cart/checkout", false)]
    [InlineData("GET", "/permintaan-penawaran", false)]
    [InlineData("GET", "/permintaan-penawaran/status/abc", false)]
    [InlineData("GET", "/pesanan/abc", false)]
    [InlineData("GET", "/daftar-ikm", false)]
    [InlineData("GET", "/acara/pendaftaran/abc", false)]
    [InlineData("GET", "/en/events/registration/abc", false)]
    [InlineData("GET", "/backoffice", false)]
    [InlineData("GET", "/backoffice/content/products", false)]
    [InlineData("GET", "/media/1/foto.jpg", false)]
    [InlineData("GET", "/error/404", false)]
    [InlineData("GET", "/health/ready", false)]
    public void Only_public_pages_and_the_delivery_api_are_cacheable(string method, string path, bool cacheable)
    {
        var policy = host.Services.GetRequiredService<PublicPagePolicy>();
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        Assert.Equal(cacheable, policy.IsCacheable(context.Request));
    }

    [Fact]
    public void A_request_with_credentials_is_not_cacheable()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/products";
        context.Request.Headers.Authorization = "Bearer abc";

        Assert.False(host.Services.GetRequiredService<PublicPagePolicy>().IsCacheable(context.Request));
    }

    [Theory]
    [InlineData(200, "cart=abc; path=/", null, false)]
    [InlineData(404, null, null, false)]
    [InlineData(302, null, null, false)]
    [InlineData(500, null, null, false)]
    [InlineData(200, null, "private, max-age=60", false)]
    [InlineData(200, null, "no-store", false)]
    [InlineData(200, null, null, true)]
    public async Task Only_a_plain_200_answer_without_cookies_is_stored(int status, string? setCookie, string? cacheControl, bool stored)
    {
        IOutputCachePolicy policy = host.Services.GetRequiredService<PublicPagePolicy>();
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/katalog";
        var context = new OutputCacheContext { HttpContext = http };
        await policy.CacheRequestAsync(context, default);
        Assert.True(context.AllowCacheStorage);

        http.Response.StatusCode = status;
        if (setCookie is not null)
        {
            http.Response.Headers.SetCookie = setCookie;
        }
        if (cacheControl is not null)
        {
            http.Response.Headers.CacheControl = cacheControl;
        }
        await policy.ServeResponseAsync(context, default);

        Assert.Equal(stored, context.AllowCacheStorage);
        Assert.Contains(PublicPagePolicy.Tag, context.Tags);
    }

    [Fact]
    public async Task Two_visitors_of_a_cached_product_page_each_get_and_use_their_own_token()
    {
        var (id, slug) = await NewProductAsync(host, "Kopi token uji");
        var url = $"/en/products/{slug}";
        var first = ContentSteps.NoRedirects(host);
        var second = ContentSteps.NoRedirects(host);
        var firstPage = await first.GetAsync(url);
        var secondPage = await second.GetAsync(url);
        var firstToken = Hidden(await firstPage.Content.ReadAsStringAsync(), "form.add-to-cart", "__RequestVerificationToken");
        var secondHtml = await secondPage.Content.ReadAsStringAsync();
        var secondToken = Hidden(secondHtml, "form.add-to-cart", "__RequestVerificationToken");

        Assert.False(string.IsNullOrEmpty(firstToken));
        Assert.False(string.IsNullOrEmpty(secondToken));
        Assert.NotEqual(firstToken, secondToken);
        // Envelope-protected: one AES-GCM operation per token instead of a key-ring operation (EnvelopeProtector).
        Assert.True(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(firstToken!).AsSpan().StartsWith("IKE1"u8));
        Assert.DoesNotContain(FormHoles.TokenMarker, secondHtml, StringComparison.Ordinal);
        Assert.Contains(secondPage.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ikm.af=", StringComparison.Ordinal));

        // A visitor who already has the antiforgery cookie gets no cookie with the cached page: none was stored in it.
        var again = await second.GetAsync(url);
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.False(string.IsNullOrEmpty(Hidden(await again.Content.ReadAsStringAsync(), "form.add-to-cart", "__RequestVerificationToken")));

        var added = await Forms.SubmitAsync(first, url, "form.add-to-cart", new Dictionary<string, string> { ["quantity"] = "1" });
        var addedToo = await Forms.SubmitAsync(second, url, "form.add-to-cart", new Dictionary<string, string> { ["quantity"] = "1" });
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, addedToo.StatusCode);

        using var borrowedForm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = firstToken!, ["productId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["quantity"] = "1",
        });
        var borrowed = await second.PostAsync("/en/cart/add", borrowedForm);
        Assert.Equal(HttpStatusCode.BadRequest, borrowed.StatusCode);
    }

    [Fact]
    public async Task An_event_page_shows_the_places_left_after_each_registration_and_a_fresh_stamp_to_each_visitor()
    {
        var (id, slug) = await RegistrationSteps.NewEventAsync(host, EventRegistrationMode.Public, capacity: 3);
        var url = $"/en/events/{slug}";
        var before = await HtmlAsync(host.CreateClient(), url);
        var cached = await HtmlAsync(host.CreateClient(), url);
        Assert.Contains("3 of 3 places left.", before, StringComparison.Ordinal);

        var firstStamp = Hidden(before, "form.registration-form", FormGuard.StampField);
        var secondStamp = Hidden(cached, "form.registration-form", FormGuard.StampField);
        Assert.False(string.IsNullOrEmpty(firstStamp));
        Assert.NotEqual(FormHoles.StampMarker, secondStamp);
        Assert.NotEqual(firstStamp, secondStamp);

        Assert.Equal(RegisterOutcome.Confirmed, (await RegistrationSteps.RegisterAsync(host, id, "Sari Dewi")).Outcome);

        Assert.Contains("2 of 3 places left.", await HtmlAsync(host.CreateClient(), url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_through_the_cached_page_is_accepted()
    {
        var (id, slug) = await RegistrationSteps.NewEventAsync(host, EventRegistrationMode.Public, capacity: 5);
        var url = $"/agenda/{slug}";
        await HtmlAsync(host.CreateClient(), url);
        var client = ContentSteps.NoRedirects(host);

        var response = await Forms.SubmitAsync(client, url, "form.registration-form", new Dictionary<string, string>
        {
            ["Name"] = "Rudi Hartono", ["Email"] = RegistrationSteps.NewEmail("Rudi"), ["Phone"] = "0812 1111 2222", ["Organisation"] = "",
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Single(await RegistrationSteps.AllAsync(host, id));
    }

    [Fact]
    public async Task Hits_carry_the_security_headers_and_answer_HEAD()
    {
        var client = host.CreateClient();
        await HtmlAsync(client, "/produsen");
        var hit = await client.GetAsync("/produsen");
        using var head = new HttpRequestMessage(HttpMethod.Head, "/produsen");
        var headResponse = await client.SendAsync(head);
        using var secondHead = new HttpRequestMessage(HttpMethod.Head, "/produsen");
        var headAgain = await client.SendAsync(secondHead);

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Contains("default-src 'self'", hit.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", hit.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", hit.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headAgain.StatusCode);
        Assert.Equal("text/html", headAgain.Content.Headers.ContentType?.MediaType);
        Assert.True(headAgain.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Delivery_api_answers_are_cached_and_evicted_too()
    {
        var (id, slug) = await NewProductAsync(host, "Sambal api uji");
        var client = host.CreateClient();
        var url = $"/api/v1/products/{slug}";
        Assert.Contains("25000", await HtmlAsync(client, url), StringComparison.Ordinal);

        await ChangePriceBehindTheJournalAsync(host, id, 43210);
        Assert.DoesNotContain("43210", await HtmlAsync(client, url), StringComparison.Ordinal);

        await PublishSummaryAsync(host, id, "Pedas mantap.");
        Assert.Contains("43210", await HtmlAsync(client, url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_node_on_the_same_database_evicts_when_its_follower_applies_the_journal()
    {
        var (id, slug) = await NewProductAsync(host, "Madu node kedua");
        var settings = ContentSteps.QuietBackground();
        settings["ConnectionStrings:IkmCatalog"] = $"Data Source={Path.Combine(host.DataPath, "ikmcatalog.db")};Foreign Keys=True";
        settings["IkmCatalog:Seed:Enabled"] = "false";
        using var second = IkmWebFactory.With(settings);
        var client = second.CreateClient();
        var url = $"/produk/{slug}";
        Assert.Contains("25.000", await HtmlAsync(client, url), StringComparison.Ordinal);

        await ChangePriceBehindTheJournalAsync(host, id, 77777);
        Assert.DoesNotContain("77.777", await HtmlAsync(client, url), StringComparison.Ordinal);

        await PublishSummaryAsync(host, id, "Manis alami dari hutan.");
        await second.Services.GetRequiredService<NodeJournalFollower>().CatchUpNowAsync();
        var after = await HtmlAsync(client, url);

        Assert.Contains("77.777", after, StringComparison.Ordinal);
        Assert.Contains("Manis alami dari hutan.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publishing_window_opening_or_closing_is_a_scheduled_change()
    {
        var (id, _) = await NewProductAsync(host, "Teh jadwal uji");
        var now = DateTime.UtcNow;
        var closes = now.AddDays(400);
        await ContentSteps.InScopeAsync(host, (db, _) => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UnpublishAtUtc, closes)));

        var (before, across) = await ContentSteps.InScopeAsync(host, async (db, _) =>
            (await ScheduledEviction.ChangedBetweenAsync(db, closes.AddMinutes(-2), closes.AddMinutes(-1), default),
             await ScheduledEviction.ChangedBetweenAsync(db, closes.AddMinutes(-1), closes.AddMinutes(1), default)));

        Assert.False(before);
        Assert.True(across);
    }

    [Fact]
    public async Task A_rebuild_empties_the_cache()
    {
        var (id, slug) = await NewProductAsync(host, "Gula aren rebuild");
        var client = host.CreateClient();
        await HtmlAsync(client, $"/produk/{slug}");
        await ChangePriceBehindTheJournalAsync(host, id, 55555);

        // As the follower runs them after a rebuild: the published content reloads, then the cache empties (last).
        var handlers = host.Services.GetServices<INodeJournalHandler>().OrderBy(h => h.Order).ToList();
        Assert.IsType<OutputCacheEviction>(handlers[^1]);
        foreach (var handler in handlers)
        {
            await handler.ApplyAsync(new IkmCatalog.Search.CatchUpResult(0, Rebuilt: true, 0), default);
        }

        Assert.Contains("55.555", await HtmlAsync(client, $"/produk/{slug}"), StringComparison.Ordinal);
    }
}
