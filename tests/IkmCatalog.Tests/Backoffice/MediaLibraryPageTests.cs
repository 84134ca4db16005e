using System.Net;
using System.Text;
using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Backoffice;

[Collection(MediaCollection.Name)]
public class MediaLibraryPageTests(MediaWebFactory factory)
{
    private static FormFile Photo(string name = "Keripik Tempe (Sanan).JPG") => new("file", TestImages.Jpeg(1200, 900), name, "image/jpeg");

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, FormFile file, string altId = "Keripik tempe dalam kemasan", string altEn = "Tempeh chips in their pack") =>
        Forms.SubmitAsync(client, "/backoffice/media", "form[action='/backoffice/media/upload']", new Dictionary<string, string>
        {
            ["Upload.AltIndonesian"] = altId,
            ["Upload.AltEnglish"] = altEn,
            ["Upload.Credit"] = "Disperin Kota Malang",
        }, file);

    private async Task<IkmCatalog.Media.MediaItem?> FindAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
    }

    private static int IdFrom(HttpResponseMessage redirect) =>
        int.Parse(redirect.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_editor_uploads_a_photo_with_alt_text_and_it_is_served_signed()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);

        var upload = await UploadAsync(client, Photo());
        var id = IdFrom(upload);
        var edit = await Forms.ParseAsync(await client.GetAsync(upload.Headers.Location!.OriginalString));
        var item = await FindAsync(id);
        var preview = await client.GetAsync(edit.QuerySelector(".bo-focal img")!.GetAttribute("src"));

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal("keripik-tempe-sanan.jpg", item!.FileName);
        Assert.Equal("Keripik tempe dalam kemasan", item.Alt.Indonesian);
        Assert.Equal("Tempeh chips in their pack", item.Alt.English);
        Assert.Equal("Disperin Kota Malang", item.Credit);
        Assert.StartsWith("petugas-", item.UploadedBy, StringComparison.Ordinal);
        Assert.Contains("keripik-tempe-sanan.jpg telah diunggah", edit.QuerySelector(".bo-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Belum dipakai di halaman mana pun.", edit.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.StartsWith("image/", preview.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_disguised_as_a_photo_is_refused_in_the_editors_language_and_the_typed_text_is_kept()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);
        var polyglot = new FormFile("file", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "foto.jpg", "image/jpeg");
        var before = await CountAsync();

        var response = await UploadAsync(client, polyglot, altId: "Abon ikan marlin");
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Jenis berkas tidak didukung", page.QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Abon ikan marlin", page.QuerySelector("#Upload_AltIndonesian")!.GetAttribute("value"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_answered_before_it_is_read()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var huge = new FormFile("file", new byte[17 * 1024 * 1024], "besar.jpg", "image/jpeg");

        var response = await UploadAsync(client, huge);
        var page = await Forms.ParseAsync(await client.GetAsync(response.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Batas unggahan 15 MB", page.QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_are_validated_and_a_new_focal_point_changes_the_image_urls()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var id = IdFrom(await UploadAsync(client, Photo("tenun.jpg")));
        var before = (await FindAsync(id))!;

        var invalid = await Forms.ParseAsync(await Forms.SubmitAsync(client, $"/backoffice/media/{id}", $"form[action='/backoffice/media/{id}']", new Dictionary<string, string>
        {
            ["Details.AltIndonesian"] = "Kain tenun",
            ["Details.FocalXPercent"] = "150",
            ["Details.FocalYPercent"] = "20",
        }));
        var saved = await Forms.SubmitAsync(client, $"/backoffice/media/{id}", $"form[action='/backoffice/media/{id}']", new Dictionary<string, string>
        {
            ["Details.AltIndonesian"] = "Kain tenun ikat Kendari",
            ["Details.AltEnglish"] = "Kendari ikat woven cloth",
            ["Details.FocalXPercent"] = "25",
            ["Details.FocalYPercent"] = "75",
        });
        var after = (await FindAsync(id))!;

        Assert.Contains("harus antara 0 dan 100", invalid.QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Kain tenun ikat Kendari", after.Alt.Indonesian);
        Assert.Equal(0.25, after.FocalX, 3);
        Assert.Equal(0.75, after.FocalY, 3);
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public async Task Deleting_needs_a_confirmation_and_the_image_is_never_served_again()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var id = IdFrom(await UploadAsync(client, Photo("rotan.jpg")));
        var imageUrl = (await Forms.ParseAsync(await client.GetAsync($"/backoffice/media/{id}"))).QuerySelector(".bo-focal img")!.GetAttribute("src")!;
        var served = await client.GetAsync(imageUrl);

        var unconfirmed = await Forms.ParseAsync(await Forms.SubmitAsync(client, $"/backoffice/media/{id}", $"form[action='/backoffice/media/{id}/delete']", new Dictionary<string, string>()));
        var stillThere = await FindAsync(id);
        var deleted = await Forms.SubmitAsync(client, $"/backoffice/media/{id}", $"form[action='/backoffice/media/{id}/delete']", new Dictionary<string, string> { ["confirm"] = "true" });
        var afterDelete = await client.GetAsync(imageUrl);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("Centang konfirmasi", unconfirmed.QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(stillThere);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }

    [Fact]
    public async Task A_photo_used_by_a_product_says_so_before_anyone_deletes_it()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            id = await db.ProductImages.Where(i => i.SortOrder == 0).Select(i => i.MediaItemId).FirstAsync();
        }

        var page = await Forms.ParseAsync(await client.GetAsync($"/backoffice/media/{id}"));

        Assert.Contains(page.QuerySelectorAll("li"), li => li.TextContent.StartsWith("Produk: ", StringComparison.Ordinal));
        Assert.Contains("dipakai di 1 tempat", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writers_upload_but_only_editors_delete_and_sales_officers_do_neither()
    {
        var writer = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);
        var sales = await Editors.SignedInClientAsync(factory, EditorRoles.SalesOfficer);
        var id = IdFrom(await UploadAsync(writer, Photo("dodol.jpg")));

        var writerDelete = await Forms.SubmitAsync(writer, $"/backoffice/media/{id}", $"form[action='/backoffice/media/{id}/delete']", new Dictionary<string, string> { ["confirm"] = "true" });
        var salesUpload = await UploadAsync(sales, Photo("kopi.jpg"));

        Assert.StartsWith("/backoffice/denied", writerDelete.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/backoffice/denied", salesUpload.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync(id));
    }

    [Fact]
    public async Task Refusals_are_in_english_for_an_editor_who_chose_english()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        await Forms.SubmitAsync(client, "/backoffice/media", "form[action='/backoffice/language']", new Dictionary<string, string> { ["culture"] = "en" });

        var page = await Forms.ParseAsync(await UploadAsync(client, new FormFile("file", TestImages.PngBomb(), "bom.png", "image/png")));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("The image is too large: 100000 × 100000 pixels", page.QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<int> CountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IkmDbContext>().Media.CountAsync();
    }
}
