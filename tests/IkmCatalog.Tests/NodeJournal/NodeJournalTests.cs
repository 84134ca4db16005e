using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Media;
using IkmCatalog.Search;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Tests.Media;
using IkmCatalog.Web.Media;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.NodeJournal;

/// <summary>Two nodes on one database stay in step: images, synonyms and the keys behind cookies and forms.</summary>
public class NodeJournalTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static async Task<MediaItem> UploadAsync(IkmWebFactory node, byte[] bytes, string fileName)
    {
        await using var scope = node.Services.CreateAsyncScope();
        using var stream = new MemoryStream(bytes);
        var result = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().UploadAsync(new MediaUpload(stream, fileName, "editor@test"));
        Assert.True(result.Succeeded, result.MessageKey);
        return result.Item!;
    }

    private static async Task<MediaResult> WithLibraryAsync(IkmWebFactory node, Func<MediaLibrary, Task<MediaResult>> action)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MediaLibrary>());
    }

    /// <summary>The same signed URL on either node: they share the signing key.</summary>
    private static string Url(IkmWebFactory node, MediaItem item, int width) =>
        MediaUrls.Image(node.Services.GetRequiredService<MediaSigner>(), item, new ImageCommand(width, null, ResizeMode.Fit, ImageFormat.Jpeg, null, item.Version));

    private static List<string> Find(IkmWebFactory node, string text) =>
        [.. node.Services.GetRequiredService<CatalogSearch>()
            .Search(new SearchRequest { Text = text, Culture = "id", NowUtc = DateTime.UtcNow, PageSize = 100 }).Items.Select(h => h.Slug)];

    [Fact]
    public async Task Both_nodes_sign_image_urls_alike_and_keep_originals_in_the_shared_folder()
    {
        var item = await UploadAsync(nodes.A, TestImages.Jpeg(400, 300), "anyaman-rotan.jpg");

        Assert.Equal(Url(nodes.A, item, 160), Url(nodes.B, item, 160));
        Assert.True(File.Exists(Path.Combine(nodes.SharedPath, "media", item.StorageKey)));
        Assert.False(File.Exists(Path.Combine(nodes.A.DataPath, "media", item.StorageKey)));
        var response = await nodes.B.CreateClient().GetAsync(Url(nodes.B, item, 160));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_image_deleted_on_one_node_is_no_longer_served_by_the_other()
    {
        var item = await UploadAsync(nodes.A, TestImages.Jpeg(640, 480), "tenun-ikat.jpg");
        var url = Url(nodes.A, item, 320);
        var b = nodes.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(url)).StatusCode); // made and cached by B
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(url)).StatusCode); // served from B's cache
        var folder = nodes.B.Services.GetRequiredService<VariantCache>().FolderFor(item.Id);
        Assert.True(Directory.Exists(folder));

        var deleted = await WithLibraryAsync(nodes.A, library => library.DeleteAsync(item.Id, "editor@test"));
        Assert.Equal(MediaStatus.Deleted, deleted.Status);
        await TwoNodes.CatchUpAsync(nodes.B);

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_file_replaced_on_one_node_is_served_new_by_the_other()
    {
        var item = await UploadAsync(nodes.A, TestImages.Jpeg(800, 400), "batik-tulis.jpg");
        var b = nodes.B.CreateClient();
        var oldUrl = Url(nodes.A, item, 320);
        var before = await b.GetByteArrayAsync(oldUrl);
        using (var image = NetVips.Image.NewFromBuffer(before))
        {
            Assert.Equal((320, 160), (image.Width, image.Height));
        }

        var replaced = await WithLibraryAsync(nodes.A, library =>
            library.ReplaceAsync(item.Id, new MemoryStream(TestImages.Jpeg(400, 400)), "batik-tulis-baru.jpg", "editor@test"));
        Assert.Equal(MediaStatus.Updated, replaced.Status);
        await TwoNodes.CatchUpAsync(nodes.B);

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(oldUrl)).StatusCode);
        var after = await b.GetByteArrayAsync(Url(nodes.A, replaced.Item!, 320));
        using (var image = NetVips.Image.NewFromBuffer(after))
        {
            Assert.Equal((320, 320), (image.Width, image.Height));
        }
    }

    [Fact]
    public async Task A_node_that_has_not_caught_up_yet_still_does_not_serve_a_replaced_version_someone_asked_for_anew()
    {
        var item = await UploadAsync(nodes.A, TestImages.Jpeg(600, 300), "gerabah.jpg");
        var b = nodes.B.CreateClient();
        var oldUrl = Url(nodes.A, item, 160);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(oldUrl)).StatusCode);

        // Replaced straight in the database, with no journal entry: B can only learn of it from the database.
        await using (var scope = nodes.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            await db.Media.Where(m => m.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Hash, new string('0', 64)));
        }
        var current = new MediaItem { Id = item.Id, FileName = item.FileName, Width = item.Width, Height = item.Height, Hash = new string('0', 64) };
        // A request for the new version makes B read the item again; from then on the old URL is refused.
        await b.GetAsync(Url(nodes.A, current, 160));

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(oldUrl)).StatusCode);
    }

    [Fact]
    public async Task Synonyms_saved_on_one_node_are_used_by_the_other()
    {
        Assert.DoesNotContain("dodol-durian-ibu-enah", Find(nodes.B, "qalamdodol"));

        var editor = await Editors.SignedInClientAsync(nodes.A, EditorRoles.Editor);
        var saved = await Forms.SubmitAsync(editor, "/backoffice/search-index", "form[action='/backoffice/search-index/synonyms']",
            new Dictionary<string, string> { ["synonyms"] = "# uji\r\nqalamdodol, dodol" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("dodol-durian-ibu-enah", Find(nodes.A, "qalamdodol")); // the saving node, before the save returned
        await TwoNodes.CatchUpAsync(nodes.B);

        Assert.Contains("dodol-durian-ibu-enah", Find(nodes.B, "qalamdodol"));
        Assert.Contains("qalamdodol, dodol", nodes.B.Services.GetRequiredService<SearchSynonyms>().EditorsText);
    }

    [Fact]
    public async Task A_synonym_list_too_long_is_refused_with_the_reason_next_to_the_field()
    {
        var editor = await Editors.SignedInClientAsync(nodes.A, EditorRoles.Editor);
        var refused = await Forms.SubmitAsync(editor, "/backoffice/search-index", "form[action='/backoffice/search-index/synonyms']",
            new Dictionary<string, string> { ["synonyms"] = "qalamterlalu, " + new string('x', 100_000) });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Contains("100000", page.QuerySelector("#synonyms-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#synonyms")!.GetAttribute("aria-invalid"));
        Assert.Null(nodes.A.Services.GetRequiredService<SearchSynonyms>().Current.Find("qalamterlalu"));
    }

    [Fact]
    public void Data_protected_on_one_node_is_read_by_the_other()
    {
        var secret = nodes.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("rahasia");

        Assert.Equal("rahasia", nodes.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    [Fact]
    public async Task A_form_from_one_node_is_accepted_by_the_other_and_its_sign_in_holds_on_both()
    {
        var email = await Editors.CreateAsync(nodes.A.Services, "Petugas Dua Node");
        var a = nodes.A.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var b = nodes.B.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // The sign-in form (antiforgery cookie and token) from A, posted to B.
        var page = await a.GetAsync("/backoffice/login");
        var form = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector<IHtmlFormElement>("form[action='/backoffice/login']")!;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Email", email)).Append(new("Password", Editors.Password)).ToList();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/backoffice/login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", Cookies(page));
        var signIn = await b.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The sign-in cookie B issued opens the backoffice on A.
        using var dashboard = new HttpRequestMessage(HttpMethod.Get, "/backoffice");
        dashboard.Headers.Add("Cookie", Cookies(signIn));
        var onA = await a.SendAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(c => c.Split(';')[0]) : []);
}
